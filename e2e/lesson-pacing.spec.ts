/**
 * Lessons move at the learner's pace: a met goal is shown as met and the step stays (with its
 * hints) until the learner presses Next; the last step offers Finish, not Next; a wrong answer's
 * explanation does not give the answer away; code in hints is code, not raw backticks.
 */
import { expect, test, type Page } from '@playwright/test';

const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};

test('a met goal waits for Next; hints stay; the last step finishes the lesson', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto('/?lesson=first-pod');
  const steps = page.getByRole('list', { name: 'Steps' });
  const first = steps.getByRole('button', { name: /Run a pod/ });
  await expect(first).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Hint (0/2)' }).click();
  const hint = page.getByText('Type the command in the Terminal tab and press Enter.');
  await expect(hint).toBeVisible();
  await page.getByRole('button', { name: 'Speed ×4' }).click();

  await run(page, 'kubectl run hello --image=nginx');
  await expect(page.getByRole('status').filter({ hasText: 'Goal met!' })).toBeVisible({ timeout: 20_000 });
  // The learner has time to look: the step, its hint and the new pod stay on screen.
  await page.waitForTimeout(5_000);
  await expect(first).toHaveAttribute('aria-current', 'step');
  await expect(hint).toBeVisible();
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod hello: .*Running/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finish lesson' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next step →' }).click();
  await expect(steps.getByRole('button', { name: /Read the path in the events/ })).toHaveAttribute('aria-current', 'step');

  // Code in a hint is a <code> element, without the backticks it is written with.
  await page.getByRole('button', { name: 'Hint (0/1)' }).click();
  const codeHint = page.locator('.hint').filter({ hasText: 'shows the same events' });
  await expect(codeHint.locator('code')).toHaveText('kubectl get events');
  await expect(codeHint).not.toContainText('`');

  // The last step: done, it offers Finish (not Next); Finish shows the lesson complete.
  await run(page, 'kubectl describe pod hello');
  await page.getByRole('button', { name: 'Next step →' }).click();
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByRole('button', { name: 'Next step →' }).click({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(steps.getByRole('button', { name: /The cluster runs on pods too/ })).toHaveAttribute('aria-current', 'step');
  await run(page, 'kubectl get pods -n kube-system');
  await expect(page.getByRole('button', { name: 'Finish lesson' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Next step/ })).toHaveCount(0);
  await expect(page.getByText('Lesson complete. Well done!')).toHaveCount(0);
  await page.getByRole('button', { name: 'Finish lesson' }).click();
  await expect(page.getByText('Lesson complete. Well done!')).toBeVisible();
});

test('a wrong answer is explained without giving the answer away', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'ko'));
  await page.goto('/?lesson=why-kubernetes');
  await page.getByRole('radio', { name: '메모리와 파일' }).click();
  const explanation = page.getByRole('status').filter({ hasText: '다시 골라 보세요.' });
  await expect(explanation).toBeVisible();
  await expect(explanation).not.toContainText('커널');
  await page.getByRole('radio', { name: '운영 체제 커널' }).click();
  await expect(page.getByRole('status').filter({ hasText: '맞습니다.' })).toContainText('커널');
  await expect(page.getByRole('button', { name: '다음 단계 →' })).toBeVisible();
});
