import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { basePort, distDir, serveStatic, type StaticSite } from './support/staticServer';

// The app as a classroom with a bad connection sees it: a static host (not vite preview), a first
// visit online, then no network at all; later a new version is deployed while the learner works.
let site: StaticSite;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'wheelhouse-offline-'));
  cpSync(distDir, join(work, 'v1'), { recursive: true });
  site = await serveStatic(join(work, 'v1'), basePort + 30);
});
test.afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

test('after one visit the app opens and works offline; a new deploy is offered, and taking it keeps the sandbox', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto(site.url);
  // The service worker has precached the whole app and controls the page.
  await expect(page.getByText('Works offline')).toBeVisible({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const version = await page.getByTestId('app-version').textContent();

  await context.setOffline(true);
  await page.reload();
  // A lesson step, done with a typed kubectl command.
  await page.getByRole('button', { name: /Your first pod and the path it takes/ }).click();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('kubectl run hello --image=nginx');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('pod/hello created');
  await page.getByRole('button', { name: 'Speed ×4' }).click();
  await page.getByRole('button', { name: 'Next step →' }).click({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button', { name: /Read the path in the events/ })).toHaveAttribute('aria-current', 'step');
  // The terminal's bundled font and the editor (Monaco, its workers, the schema) come from the cache too.
  expect(await page.evaluate(() => document.fonts.load('12px "Nanum Gothic Coding"', 'a가').then((f) => f.length))).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.waitForTimeout(1500); // the sandbox is saved a second after it changes

  // Back online, a new version is deployed (a real second build, with another version number).
  await context.setOffline(false);
  const next = `${version!.replace(/^Version /, '')}-next`;
  execFileSync('npx', ['vite', 'build', '--outDir', join(work, 'v2'), '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, WHEELHOUSE_VERSION: next }, stdio: 'inherit' });
  site.setRoot(join(work, 'v2'));
  // The learner comes back to the tab: the page looks for a new version, installs it beside the
  // running one, and asks. Nothing reloads on its own.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const banner = page.getByRole('status').filter({ hasText: 'A new version is ready — reload' });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('app-version')).toHaveText(version!);
  await prompt.fill('kubectl create deployment web --image=nginx');
  await prompt.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('deployment.apps/web created');
  // Reload into the new version at once (not waiting for the save a second later).
  await Promise.all([page.waitForEvent('framenavigated', { timeout: 30_000 }), banner.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByTestId('app-version')).toHaveText(`Version ${next}`, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'A new version is ready' })).toHaveCount(0);
  // The sandbox came along: the pod from the offline lesson step and the Deployment made just before.
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod hello: / })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Deployment web / })).toBeVisible();
  expect(site.misses).toEqual([]);
});
