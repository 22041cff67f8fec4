import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { basePort } from './support/staticServer';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.clear();
      localStorage.setItem('wheelhouse.language', 'en');
      sessionStorage.setItem('seeded', '1');
    }
  });
});

test('the app runs under its strict CSP with no console errors, and nothing leaves the site', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const problems: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Every request of the page, its workers and the service worker.
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) elsewhere.push(r.url());
  });

  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self';");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  // The page carries the policy itself too, for hosts that cannot send headers.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);

  // The editor with its workers and schema: the YAML worker's diagnostics show that workers run
  // under worker-src 'self'.
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
  // A lesson and the terminal (with its bundled coding font).
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.getByRole('button', { name: /Your first pod and the path it takes/ }).click();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('kubectl run hello --image=nginx');
  await prompt.press('Enter');
  await expect(page.getByRole('button', { name: 'Next step →' })).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => document.fonts.check('12px "Nanum Gothic Coding"', 'a가'))).toBe(true);
  await page.waitForTimeout(500);

  expect(problems.filter((p) => !/Download the React DevTools/.test(p))).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test('another site cannot frame the app (frame-ancestors none)', async ({ page, baseURL }) => {
  // A page on another origin (another port) that puts the app in an iframe.
  const framer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>framer</title><h1>Evil page</h1><iframe src="${baseURL}/" width="800" height="600"></iframe>`);
  });
  const port = basePort + 20;
  await new Promise<void>((resolve) => framer.listen(port, '127.0.0.1', resolve));
  try {
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to frame/.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByRole('heading', { name: 'Evil page' })).toBeVisible();
    await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The frame holds Chromium's error page, never the app.
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await page.waitForTimeout(1000);
    expect(await frame.locator('#root').count()).toBe(0);
  } finally {
    framer.closeAllConnections();
    await new Promise((resolve) => framer.close(resolve));
  }
});
