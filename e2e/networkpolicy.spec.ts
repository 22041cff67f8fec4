import { expect, test } from '@playwright/test';

test('requests a NetworkPolicy drops are drawn on the diagram and explained in "Why?"', async ({ page }, info) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto('/');
  await page.getByRole('button', { name: /Who may talk to whom/ }).first().click();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  // A pod that calls the api ten times a second.
  await prompt.fill("kubectl run load --image=busybox -- sh -c 'while true; do wget -q -O- http://api; sleep 0.1; done'");
  await prompt.press('Enter');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  const pill = page.locator('.diagram-svg g.service text.svc-name', { hasText: /^⇄ api/ });
  await expect(pill).toContainText('req/s', { timeout: 20_000 });
  // The lesson's default-deny policy, applied from the editor: the same requests are now dropped at the pods.
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(pill).toContainText(/✕ \d+ dropped\/s/, { timeout: 20_000 });
  await expect(page.locator('.diagram-svg path.svc-link.denied').first()).toBeAttached();
  await page.screenshot({ path: info.outputPath('dropped.png') });
  await page.getByRole('tab', { name: 'Why?' }).click();
  await expect(page.getByRole('list', { name: 'Why?' }).first()).toContainText(/Network policy: pod\/api-\S+ is isolated for ingress by default-deny/);
});
