/** Every piece of bilingual text in a lesson (titles, steps, hints, goals, figures, questions …), with where it is — for checks over the lessons' language. */
import type { Bilingual } from './types';

export function bilingualTexts(value: unknown, path: string): { path: string; text: Bilingual }[] {
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.en === 'string' && typeof o.ko === 'string') return [{ path, text: o as unknown as Bilingual }];
  return Object.entries(o).flatMap(([k, v]) => bilingualTexts(v, `${path}.${k}`));
}
