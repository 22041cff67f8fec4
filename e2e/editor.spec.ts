import { expect, test } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
});

test('apply a manifest from the editor, see its pods, and see mistakes marked on their line', async ({ page }, info) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Editor' }).click();
  const editor = page.locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('tab', { name: 'web.yaml' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('deployment.apps/web created');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod web-\w+-\w{5}: Running, 1\/1$/ })).toHaveCount(3);

  // A field the API does not know: the schema marks it while typing, the server refuses it.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('replicaz: 2');
  await page.keyboard.press('Escape');
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toContainText('strict decoding error: unknown field "metadata.replicaz"');
  // …and the server's refusal is marked as an error on that very line.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  const errorTop = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
  const line5 = await page.locator('.monaco-editor .line-numbers', { hasText: /^5$/ }).boundingBox();
  expect(Math.abs(errorTop!.y - line5!.y)).toBeLessThan(12);
  await page.screenshot({ path: info.outputPath('editor-error.png') });

  // The terminal can name the editor's files.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('ls');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('web.yaml');
  await prompt.fill('cat web.yaml');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('replicaz: 2');

  // A new file from a template, applied from the terminal.
  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.getByRole('combobox', { name: '+ New file…' }).selectOption('service');
  await expect(page.getByRole('tab', { name: 'web-svc.yaml' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await prompt.fill('kubectl apply -f web-svc.yaml');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('service/web created');
  await expect(page.getByTestId('diagram').getByRole('button', { name: 'service web (ClusterIP), 3 endpoints' })).toBeVisible();
});
