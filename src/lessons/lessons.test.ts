/**
 * Every lesson, headless: its text is complete in both languages, its concepts exist, and its
 * solutions — carried out step by step on the lesson's own cluster — meet each goal, which was
 * not met before.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';
import { performSolution, startScenario } from './runner';
import type { Bilingual, Lesson } from './types';

const CONCEPTS = Array.from({ length: 26 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
const HANGUL = /[\uac00-\ud7a3]/;

function texts(l: Lesson): Bilingual[] {
  return [l.title, l.summary, ...l.steps.flatMap((s) => [s.title, s.instructions, s.goal.description, ...s.hints])];
}

describe('lessons', () => {
  it('have complete Korean and English text and known concepts', () => {
    const ids = new Set<string>();
    for (const l of LESSONS) {
      expect(ids.has(l.id), l.id).toBe(false);
      ids.add(l.id);
      for (const t of texts(l)) {
        expect(t.en.trim().length, `${l.id}: ${t.ko}`).toBeGreaterThan(0);
        expect(HANGUL.test(t.ko), `${l.id}: Korean text for "${t.en}"`).toBe(true);
      }
      for (const c of l.concepts) expect(CONCEPTS).toContain(c);
      expect(l.steps.length).toBeGreaterThan(0);
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: each step's solution meets its goal, which was not met before`, () => {
      const c = startScenario(lesson);
      for (const step of lesson.steps) {
        const ctx = { since: c.now() };
        expect(step.goal.met(c, ctx), `${lesson.id}/${step.id} met before acting`).toBe(false);
        for (const action of step.solution) performSolution(c, action);
        for (let t = 0; t < 1800 && !step.goal.met(c, ctx); t += 5) c.advance(5);
        expect(step.goal.met(c, ctx), `${lesson.id}/${step.id} not met after its solution`).toBe(true);
        expect(c.clock.failures).toEqual([]);
      }
    });
  }

  it('cover these curriculum concepts so far (the rest are still to be written)', () => {
    const covered = new Set(LESSONS.flatMap((l) => l.concepts));
    expect([...covered].sort()).toEqual(['C02', 'C03', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C18', 'C19', 'C20', 'C21', 'C22', 'C25', 'C26']);
  });
});
