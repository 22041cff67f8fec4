/** i18next set-up: Korean and English resources, the language remembered across reloads. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import { registerJosa } from './josa';
import './korean.css';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'wheelhouse.language';

function initialLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  } catch {
    // storage denied (SecurityError): the browser's language decides
  }
  if (saved === 'ko' || saved === 'en') return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const lng = initialLanguage();
if (typeof document !== 'undefined') document.documentElement.lang = lng;

// The page's language follows the learner's choice, so :lang(ko) rules (korean.css) and screen readers see it.
i18next.on('languageChanged', (l) => {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
});
registerJosa(i18next);
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not kept, still applied
  }
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export { en, ko };
export default i18next;
