/**
 * The colour theme: follow the system, or light or dark by choice. The choice is kept across
 * reloads and written on <html data-theme>, which the stylesheet, the pod canvas and the editor
 * read.
 */
import { create } from 'zustand';
import { THEME_KEY, applyTheme, savedTheme, type Theme } from './savedTheme';

export { THEMES, type Theme } from './savedTheme';

/** Whether the page is dark now (the choice, or the system's when following it). */
export function isDark(theme: Theme = useTheme.getState().theme): boolean {
  if (theme !== 'system') return theme === 'dark';
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export const useTheme = create<{ theme: Theme; setTheme(theme: Theme): void }>((set) => ({
  theme: savedTheme(),
  setTheme(theme) {
    applyTheme(theme);
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // not kept, still applied
    }
    set({ theme });
  },
}));
