/**
 * Every lesson, completed in Chromium as a learner would: type the suggested command, apply the
 * starter YAML from the editor, pick the right answer — and only when that is not enough, ask for
 * the solution. Half the lessons run in Korean, half in English; a screenshot of each is kept.
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalog';
import type { Lesson, Step } from '../src/lessons/types';

test.describe.configure({ timeout: 240_000 });

/** The commands a step's text tells the learner to type, in order. */
function commandsIn(step: Step, lang: 'ko' | 'en'): string[] {
  return step.instructions[lang].split('\n\n').filter((p) => p.startsWith('kubectl '));
}

async function typeCommand(page: Page, command: string, lang: 'ko' | 'en') {
  await page.getByRole('tab', { name: lang === 'ko' ? '터미널' : 'Terminal' }).click();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(command);
  await prompt.press('Enter');
}

async function doStep(page: Page, lesson: Lesson, step: Step, lang: 'ko' | 'en') {
  if (step.quiz) {
    // A right answer completes the step at once (the question goes away), so click rather than check().
    await page.getByRole('radio', { name: step.quiz.choices[step.quiz.correct][lang] }).click();
    return;
  }
  const commands = commandsIn(step, lang);
  if (step.starterYaml) {
    await page.getByRole('tab', { name: lang === 'ko' ? '편집기' : 'Editor' }).click();
    await expect(page.getByRole('tab', { name: `${lesson.id}-${step.id}.yaml` })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: lang === 'ko' ? '적용' : 'Apply' }).click();
    // Give the applied objects a moment before the commands that use them.
    if (commands.length) await page.waitForTimeout(2500);
  }
  for (const command of commands) await typeCommand(page, command, lang);
  if (!step.starterYaml && !commands.length) await page.getByRole('button', { name: lang === 'ko' ? '풀이 보기' : 'Show solution' }).click();
}

LESSONS.forEach((lesson, index) => {
  const lang: 'ko' | 'en' = index % 2 === 0 ? 'ko' : 'en';
  test(`${lesson.id} (${lang})`, async ({ page }, info) => {
    await page.addInitScript((l) => localStorage.setItem('wheelhouse.language', l), lang);
    await page.goto(`/?lesson=${lesson.id}`);
    await page.getByRole('button', { name: lang === 'ko' ? '16배속' : 'Speed ×16' }).click();
    const steps = page.getByRole('list', { name: lang === 'ko' ? '단계' : 'Steps' });
    for (const [i, step] of lesson.steps.entries()) {
      const current = steps.getByRole('button', { name: step.title[lang] });
      await expect(current).toHaveAttribute('aria-current', 'step');
      await doStep(page, lesson, step, lang);
      const next = lesson.steps[i + 1];
      const done = next ? steps.getByRole('button', { name: next.title[lang] }) : page.getByText(lang === 'ko' ? '레슨을 마쳤습니다. 잘하셨어요!' : 'Lesson complete. Well done!');
      const check = next ? () => expect(done).toHaveAttribute('aria-current', 'step', { timeout: 120_000 }) : () => expect(done).toBeVisible({ timeout: 120_000 });
      try {
        await (next ? expect(done).toHaveAttribute('aria-current', 'step', { timeout: 25_000 }) : expect(done).toBeVisible({ timeout: 25_000 }));
      } catch {
        // What a learner would do when stuck: ask for the solution.
        await page.getByRole('button', { name: lang === 'ko' ? '풀이 보기' : 'Show solution' }).click();
        await check();
      }
    }
    await page.screenshot({ path: info.outputPath(`${lesson.id}-${lang}.png`) });
  });
});
