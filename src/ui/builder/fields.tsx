/** Form pieces the builders share: text in both languages, and a lesson error said in the author's language. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonDataError } from '../../lessons/lessonValidation';
import type { Bilingual } from '../../lessons/types';

/** The language of a lesson's text as written (one language may stand in for both): set on it, so it is drawn and read as that language. */
export function langOf(text: string): 'ko' | 'en' {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(text) ? 'ko' : 'en';
}

/** One text in Korean and English, side by side: either may be left empty. */
export function BilingualField({ what, value, onChange, multiline = false }: { what: string; value: Bilingual; onChange: (v: Bilingual) => void; multiline?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="bilingual">
      {(['ko', 'en'] as const).map((lang) => {
        const label = t('builder.textIn', { what, lang: t(`language.${lang}`) });
        return (
          <label key={lang} htmlFor={`${id}-${lang}`}>
            <span>{label}</span>
            {multiline ? (
              <textarea id={`${id}-${lang}`} lang={lang} rows={3} value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
            ) : (
              <input id={`${id}-${lang}`} lang={lang} type="text" value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
            )}
          </label>
        );
      })}
    </div>
  );
}

/** Where in a lesson, as an author reads it: its steps by number (`Step 2 › goal.endpoints.ready`). */
function readablePlace(where: string, t: (key: string, o: Record<string, unknown>) => string): string {
  return where.replace(/^lesson\.steps\[(\d+)\]\.?/, (_, n: string) => `${t('builder.stepN', { n: Number(n) + 1 })} › `).replace(/ › $/, '');
}

/** A lesson data error: where, and what, in the reader's language (text only, never HTML). */
export function DataError({ error, role = 'alert', where }: { error: LessonDataError; role?: 'alert' | 'status'; where?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="builder-error" role={role}>
      {t('builder.problemAt', { where: where ?? readablePlace(error.where, t), problem: error.problem[i18n.language === 'ko' ? 'ko' : 'en'], interpolation: { escapeValue: false } })}
    </p>
  );
}
