/**
 * The lessons' language: English text has no Hangul (a Korean term belongs in the Korean text),
 * and a wrong answer's explanation nudges without naming the right choice.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';
import { pickJosa } from './josa';
import { bilingualTexts } from './texts';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

const ALL = LESSONS.flatMap((l) => bilingualTexts(l, l.id));

describe('lesson language', () => {
  it('finds the text to check (every step has some)', () => {
    expect(ALL.length).toBeGreaterThan(LESSONS.reduce((n, l) => n + l.steps.length * 3, 0));
  });

  it('English text has no Hangul', () => {
    const offenders = ALL.filter((x) => HANGUL.test(x.text.en)).map((x) => `${x.path}: ${x.text.en.match(/.{0,25}[\u3130-\u318f\uac00-\ud7a3]+.{0,5}/)?.[0]}`);
    expect(offenders).toEqual([]);
  });

  it('Korean particles after names, numbers and code follow their final sound (web과, worker-2를, IP는)', () => {
    const pairs: Record<string, string> = { 을: '을/를', 를: '을/를', 이: '이/가', 가: '이/가', 은: '은/는', 는: '은/는', 과: '과/와', 와: '과/와', 으로: '으로/로', 로: '으로/로' };
    const wrong: string[] = [];
    // A Latin or digit word (or `code`) right before a particle and a space; a parenthesised gloss — 상태(condition)를 — takes the Korean word's particle.
    for (const { path, text } of ALL)
      for (const m of text.ko.matchAll(/([A-Za-z0-9][A-Za-z0-9\-./:]*`?)(으로|을|를|이|가|은|는|과|와|로)(?=[\s,.!?]|$)/g))
        if (pickJosa(m[1], pairs[m[2]]) !== m[2]) wrong.push(`${path}: ${m[0]} → ${m[1]}${pickJosa(m[1], pairs[m[2]])}`);
    expect(wrong).toEqual([]);
  });

  it("a wrong answer's explanation does not give the answer away", () => {
    // The right choice's words (without Korean particles) must not appear in what a wrong choice is told.
    const particles = /(으로|이|가|을|를|은|는|과|와|로|의)$/;
    const stop = new Set(['the', 'a', 'an', 'of', 'and', 'with', 'you', 'your', 'their', 'they', 'its', 'one', 'per', 'have', 'none', 'nobody']);
    const quizzes = LESSONS.flatMap((l) => l.steps.filter((s) => s.quiz).map((s) => ({ id: `${l.id}/${s.id}`, quiz: s.quiz! })));
    expect(quizzes.length).toBeGreaterThan(0);
    for (const { id, quiz } of quizzes) {
      for (const lang of ['en', 'ko'] as const) {
        const right = quiz.choices[quiz.correct][lang]
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .map((w) => (lang === 'ko' ? w.replace(particles, '') : w))
          .filter((w) => w.length >= (lang === 'ko' ? 2 : 4) && !stop.has(w));
        const said = quiz.explanation[lang].toLowerCase();
        for (const w of right) expect(said.includes(w), `${id} (${lang}) explanation says "${w}"`).toBe(false);
      }
    }
  });
});
