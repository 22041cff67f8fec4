/**
 * Every lesson, headless: its text is complete in both languages, its concepts exist, and its
 * solutions — carried out step by step on the lesson's own cluster — meet each goal, which was
 * not met before.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';
import { performSolution, startScenario } from './runner';
import type { Bilingual, Lesson } from './types';
import { CONCEPTS } from './concepts';
import { goalMet } from './goalChecks';
import { goalWords } from './goalWords';
import { parseGoal } from './goalValidation';
const HANGUL = /[\uac00-\ud7a3]/;

function texts(l: Lesson): Bilingual[] {
  return [
    l.title,
    l.summary,
    ...l.steps.flatMap((s) => [
      s.title,
      s.instructions,
      goalWords(s.goal),
      ...s.hints,
      ...(s.quiz ? [s.quiz.question, s.quiz.explanation, ...s.quiz.choices] : []),
      ...(s.figure?.kind === 'stacks' ? [s.figure.caption, ...s.figure.columns.flatMap((col) => [col.title, ...col.layers, ...(col.note ? [col.note] : [])])] : []),
      ...(s.figure?.kind === 'table' ? [s.figure.caption, ...s.figure.header, ...s.figure.rows.flat()] : []),
      ...(s.figure?.kind === 'path' ? [s.figure.caption, ...s.figure.stops.map((x) => x.does)] : []),
    ]),
  ];
}

describe('lessons', () => {
  it('have complete Korean and English text and known concepts', () => {
    const ids = new Set<string>();
    for (const l of LESSONS) {
      expect(ids.has(l.id), l.id).toBe(false);
      ids.add(l.id);
      for (const t of texts(l)) {
        expect(t.en.trim().length, `${l.id}: ${t.ko}`).toBeGreaterThan(0);
        // Korean text is Korean — unless it is a name, written the same in both (EKS, kubeadm …).
        expect(HANGUL.test(t.ko) || t.ko === t.en, `${l.id}: Korean text for "${t.en}"`).toBe(true);
        expect(t.ko.trim().length).toBeGreaterThan(0);
      }
      for (const c of l.concepts) expect(CONCEPTS).toContain(c);
      expect(l.steps.length).toBeGreaterThan(0);
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: each step's solution meets its goal, which was not met before`, () => {
      const c = startScenario(lesson);
      for (const step of lesson.steps) {
        const ctx: { since: number; answer?: number } = { since: c.now() };
        expect(goalMet(c, step.goal, ctx), `${lesson.id}/${step.id} met before acting`).toBe(false);
        if (step.quiz) {
          // A wrong answer does not pass.
          expect(goalMet(c, step.goal, { ...ctx, answer: (step.quiz.correct + 1) % step.quiz.choices.length })).toBe(false);
        }
        // Every solution command succeeds (as the learner types it, retried while a pod starts).
        const failures: string[] = [];
        for (const action of step.solution) {
          const answer = performSolution(c, action, (m) => failures.push(m));
          if (answer !== undefined) ctx.answer = answer;
        }
        expect(failures, `${lesson.id}/${step.id}: solution commands that failed`).toEqual([]);
        for (let t = 0; t < 1800 && !goalMet(c, step.goal, ctx); t += 5) c.advance(5);
        expect(goalMet(c, step.goal, ctx), `${lesson.id}/${step.id} not met after its solution`).toBe(true);
        expect(c.taskFailures()).toEqual([]);
      }
    });
  }

  it('keep every goal as plain data that the import validator accepts unchanged (what a share link carries)', () => {
    for (const l of LESSONS)
      for (const s of l.steps) {
        const json = JSON.parse(JSON.stringify(s.goal));
        expect(json, `${l.id}/${s.id}: goal is not plain data`).toEqual(s.goal);
        expect(parseGoal(json, `${l.id}/${s.id}`)).toEqual(s.goal);
      }
  });

  it("cover every concept — the curriculum's C01–C26 and the project's own — with a step that has a goal", () => {
    const covered = new Set(LESSONS.filter((l) => l.steps.length > 0).flatMap((l) => l.concepts));
    expect(CONCEPTS.filter((c) => !covered.has(c))).toEqual([]);
  });
});
