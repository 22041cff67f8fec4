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
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('deployment.apps/web created');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  // Each pod appears Pending first, and later as Running: rows keep coming.
  await expect.poll(async () => (await terminalRows(page)).filter((r) => /^web-\w+-\w{5}\s+1\/1\s+Running\s/.test(r)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  const rows = await terminalRows(page);
  expect(rows.some((r) => /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/.test(r))).toBe(true);
  expect(rows.some((r) => /^web-\w+-\w{5}\s+0\/1\s+Pending\s/.test(r))).toBe(true);
  // No prompt while it runs: typed keys are not a command line, and the terminal says how to stop.
  await expect(page.getByRole('status').filter({ hasText: 'Press Ctrl+C to stop' })).toBeVisible();
  await prompt.press('x');
  expect(await promptLine(page)).not.toMatch(/^\$ x/);
  await page.screenshot({ path: info.outputPath('get-w.png') });
  await prompt.press('Control+c');
  await expect.poll(() => promptLine(page)).toMatch(/^\$\s*$/);
  await prompt.fill('kubectl get deploy web --no-headers');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText(/web\s+3\/3/);
});

test('kubectl edit opens the live object in the editor; Save replaces it, and a stale copy is refused with the text kept', async ({ page }, info) => {
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('kubectl create deployment web --image=nginx --replicas=2');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('deployment.apps/web created');
  await prompt.fill('kubectl edit deployment web');
  await prompt.press('Enter');
  // The editor opens on its own, with kubectl's header above the object.
  await expect(page.getByRole('tab', { name: 'edit-deployment-web.yaml' })).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# Please edit the object below.');
  const save = page.getByRole('button', { name: 'Save' });
  await expect(save).toBeVisible();
  const replicasLine = page.locator('.monaco-editor .view-line', { hasText: /^\s*replicas:\s2$/ });
  await replicasLine.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('4');
  await save.click();
  await expect(page.getByRole('status')).toContainText('deployment.apps/web replaced');
  await page.screenshot({ path: info.outputPath('edit-saved.png') });

  // Someone scales it meanwhile: the copy in the editor is stale, and Save is refused.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await prompt.fill('kubectl scale deployment web --replicas=3');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('deployment.apps/web scaled');
  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.locator('.monaco-editor .view-line', { hasText: /^\s*replicas:\s4$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Error from server (Conflict): error when replacing "edit-deployment-web.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified');
  // The learner's change is still there to try again.
  await expect(page.locator('.monaco-editor .view-line', { hasText: /^\s*replicas:\s6$/ })).toHaveCount(1);
});
