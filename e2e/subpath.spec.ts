import { expect, test } from '@playwright/test';
import { basePort, distDir, serveStatic, type StaticSite } from './support/staticServer';

// GitHub Pages serves a project at /<repo>/: the same build (relative URLs) must work there with
// no rebuild. The host answers 404 for anything outside /wheelhouse/, so one absolute URL breaks it.
let site: StaticSite;
test.beforeAll(async () => {
  site = await serveStatic(distDir, basePort + 10, '/wheelhouse/');
});
test.afterAll(async () => site?.close());

test('the build works under a sub-path: page, kubectl, editor, fonts, service worker and share link', async ({ page, context }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(site.url);
  await expect(page.getByRole('heading', { name: 'Wheelhouse' })).toBeVisible();
  await expect(page.getByTestId('diagram')).toBeVisible();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('kubectl get nodes');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('worker-1');
  expect(await page.evaluate(() => document.fonts.load('12px "Nanum Gothic Coding"', 'a가').then((f) => f.length))).toBeGreaterThan(0);
  // The editor and its YAML worker (the schema marks an unknown field).
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('replicaz: 2');
  await page.keyboard.press('Escape');
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeVisible({ timeout: 15_000 });
  // The service worker is scoped to the sub-path, and the licences are served from it.
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  expect(scope).toBe(site.url);
  await expect(page.getByRole('link', { name: 'Licences' })).toHaveAttribute('href', './licenses/index.txt');
  // A share link opens the same sub-path.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Share link' }).click();
  // The link is written once the engine's worker has sent the session.
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(site.url)).toBe(true);

  expect(failed).toEqual([]);
  expect(site.misses).toEqual([]);
});
