/**
 * Korean terms as the glossary has them: every Korean UI string and every Korean lesson text is
 * checked against the variants listed in glossaryVariants.ts, and each listed term is checked to
 * be the glossary's own (glossary-ko.tsv, copied from /work/shared/glossary-ko.tsv, which draws
 * on the Korean Kubernetes docs' glossary).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/catalog';
import { bilingualTexts } from '../../lessons/texts';
import { ko } from './ko';
import { TERM_VARIANTS } from './glossaryVariants';

const glossary = readFileSync(new URL('./glossary-ko.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [en, ko_] = line.split('\t');
    return { en, ko: ko_ };
  });

function strings(o: unknown, path: string): { path: string; text: string }[] {
  if (typeof o === 'string') return [{ path, text: o }];
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

const KOREAN = [...strings(ko, 'ko'), ...LESSONS.flatMap((l) => bilingualTexts(l, l.id).map((x) => ({ path: x.path, text: x.text.ko })))];

describe('Korean terms follow the glossary', () => {
  it('each term checked is the glossary’s own', () => {
    for (const v of TERM_VARIANTS) {
      const rows = glossary.filter((g) => g.en === v.en);
      expect(rows.length, v.en).toBeGreaterThan(0);
      expect(rows.some((r) => r.ko.includes(v.term)), `${v.en}: ${rows.map((r) => r.ko).join(', ')}`).toBe(true);
    }
  });
  it('no Korean UI string or lesson text uses a variant', () => {
    const found: string[] = [];
    for (const { path, text } of KOREAN) for (const v of TERM_VARIANTS) for (const bad of v.avoid) if (text.includes(bad)) found.push(`${path}: "${bad}" → ${v.term}`);
    expect(found).toEqual([]);
  });
  it('tolerations are introduced as 톨러레이션 where a lesson first speaks of them', () => {
    const first = LESSONS.flatMap((l) => bilingualTexts(l, l.id)).find((x) => /tolerat/i.test(x.text.en));
    expect(first, 'a lesson speaks of tolerations').toBeDefined();
    expect(first!.text.ko, first!.path).toContain('톨러레이션');
  });
});
