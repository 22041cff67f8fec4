import { expect, test } from '@playwright/test';

/** The terminal keeps Tab for completion, so Esc leaves it; skip links lead past the top bar. */
test('skip links reach the terminal; Esc and Shift+Tab leave it', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto('/');
  await expect(page.getByTestId('diagram')).toBeVisible();
  await page.keyboard.press('Tab');
  const first = page.getByRole('link', { name: 'Skip to the lesson' });
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the cluster diagram' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the terminal' })).toBeFocused();
  await page.keyboard.press('Enter');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await expect(prompt).toBeFocused();
  await page.keyboard.type('kubectl get nodes');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('control-plane');
  // Tab still completes inside the terminal …
  await page.keyboard.type('kubectl get no');
  await page.keyboard.press('Tab');
  await expect(prompt).toBeFocused();
  // … and Esc leaves it, forwards; Shift+Tab, backwards.
  await page.keyboard.press('Escape');
  await expect(prompt).not.toBeFocused();
  expect(await page.evaluate(() => !!document.activeElement && !document.activeElement.closest('.terminal-host') && document.activeElement !== document.body)).toBe(true);
  await prompt.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Clear' })).toBeFocused();
  await expect(page.locator('.console-keys')).toContainText('Esc leaves the terminal');

  // The diagram link lands in the cluster pane.
  await page.goto('/');
  await expect(page.getByTestId('diagram')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.cluster'))).toBe(true);
});
