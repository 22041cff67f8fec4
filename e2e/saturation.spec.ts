import { expect, test } from '@playwright/test';

// Issue 19 item 6: a huge but valid replica count is allowed, as the real API server allows it;
// the page keeps answering (the controllers create pods in slow-start batches, the scheduler's
// work per tick is bounded) and says the cluster is saturated.
test('a Deployment of a million replicas never freezes the page, and the page says the cluster is full', async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    localStorage.setItem('wheelhouse.language', 'en');
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  const output = page.getByTestId('console-output');
  await prompt.fill('kubectl create deployment big --image=nginx --replicas=1000000');
  await prompt.press('Enter');
  await expect(output).toContainText('deployment.apps/big created');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  // Only what happens from here on counts: ten seconds of a cluster at ×16 under a million replicas.
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  await page.waitForTimeout(10_000);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`long tasks over 10 s at ×16: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`);
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);

  const notice = page.getByRole('status').filter({ hasText: 'no node has room' });
  await expect(notice).toContainText(/[\d,]+ pods are Pending: no node has room for them\./, { timeout: 30_000 });
  await page.screenshot({ path: info.outputPath('million.png') });

  const askedAt = Date.now();
  await prompt.fill('kubectl get deploy big');
  await prompt.press('Enter');
  await expect(output).toContainText(/big\s+\d+\/1000000\s+\d+\s+\d+/, { timeout: 5_000 });
  console.log(`kubectl get deploy big answered in ${Date.now() - askedAt} ms`);
});
