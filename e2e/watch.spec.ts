import { expect, test } from '@playwright/test';
import { promptLine, terminalRows } from './terminal';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
});

test('kubectl get pods -w keeps printing rows as the cluster changes, until Ctrl+C gives the prompt back', async ({ page }, info) => {
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('kubectl get pods -w');
  await prompt.press('Enter');
  // The editor's Apply runs while the watch prints (as from another shell).
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toContainText('deployment.apps/web created');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  // Each pod appears Pending first, and later as Running: rows keep coming.
  await expect.poll(async () => (await terminalRows(page)).filter((r) => /^web-\w+-\w{5}\s+1\/1\s+Running\s/.test(r)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  const rows = await terminalRows(page);
  expect(rows.some((r) => /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/.test(r))).toBe(true);
  expect(rows.some((r) => /^web-\w+-\w{5}\s+0\/1\s+Pending\s/.test(r))).toBe(true);
  // No prompt while it runs: typed keys are not a command line.
  await prompt.press('x');
  expect(await promptLine(page)).not.toMatch(/^\$ x/);
  await page.screenshot({ path: info.outputPath('get-w.png') });
  await prompt.press('Control+c');
  await expect.poll(() => promptLine(page)).toMatch(/^\$\s*$/);
  await prompt.fill('kubectl get deploy web --no-headers');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText(/web\s+3\/3/);
});
