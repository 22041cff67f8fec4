import { expect, test } from '@playwright/test';
import { promptLine } from './terminal';

// Issue 14: the simulated cluster runs in a Web Worker behind the engine's port; the page's own
// scripts hold no engine. A typed command still answers in one round trip, and the picture
// follows what the worker sends.
test('the cluster runs in a Web Worker, and the page answers through it', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
  await expect.poll(() => page.workers().some((w) => /engine\.worker/.test(w.url()))).toBe(true);
  const engine = page.workers().find((w) => /engine\.worker/.test(w.url()))!;
  // The engine's code answers in the worker, not on the page.
  expect(await engine.evaluate(() => typeof (self as unknown as { postMessage?: unknown }).postMessage)).toBe('function');

  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  const output = page.getByTestId('console-output');
  await prompt.fill('kubectl create deployment web --image=nginx --replicas=4');
  await prompt.press('Enter');
  await expect(output).toContainText('deployment.apps/web created');
  await expect(page.getByText(/Deployment\s*web 4\/4/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod web-/ })).toHaveCount(4);

  // Completion asks the worker for names before the Tab is handled.
  await prompt.fill('kubectl get deployment w');
  await prompt.press('Tab');
  await expect.poll(() => promptLine(page)).toBe('$ kubectl get deployment web');

  // A script of the page's own is none of the engine's (the worker's chunk is the only one with it).
  const pageScripts = scripts.filter((u) => !/engine\.worker/.test(u));
  expect(pageScripts.length).toBeGreaterThan(0);
  for (const url of pageScripts) {
    const body = await (await page.request.get(url)).text();
    expect(body, url).not.toContain('Successfully assigned');
  }
});
