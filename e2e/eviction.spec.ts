import { expect, test, type Page } from '@playwright/test';

/**
 * A NotReady node shows its pods at risk and counts down to the taint-eviction controller
 * (the not-ready/unreachable toleration's 300 s), then the pods are evicted and come back on
 * the other nodes.
 */
const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};

test('a stopped node counts down to the eviction of its pods, then they are replaced elsewhere', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  const diagram = page.getByTestId('diagram');
  await expect(diagram.getByRole('button', { name: /^pod web-\w+-\w{5}: Running/ })).toHaveCount(3);
  // Three replicas spread over the three workers (the default topology spread): worker-1 has one.
  const node = 'worker-1';

  await diagram.getByRole('button', { name: new RegExp(`^node ${node}:`) }).click();
  await page.getByRole('region', { name: `Details: Node ${node}` }).getByRole('button', { name: 'Stop node' }).click();
  const card = diagram.getByRole('button', { name: new RegExp(`^node ${node}: NotReady`) });
  await expect(card).toBeVisible({ timeout: 30_000 });
  // The countdown starts near 5:00 (tolerationSeconds 300 from the taint's timeAdded) and runs down.
  const label = page.locator('.diagram-labels .node-eviction').filter({ hasText: /evicted in/ });
  await expect(label).toHaveText(/^⚠ \d+ pod\(s\) evicted in [0-4]:\d\d$/, { timeout: 30_000 });
  const first = (await label.textContent())!;
  await expect.poll(async () => (await label.textContent()) !== first).toBe(true);
  const seconds = (s: string) => {
    const [, m, sec] = /(\d+):(\d\d)$/.exec(s)!;
    return Number(m) * 60 + Number(sec);
  };
  expect(seconds((await label.textContent())!)).toBeLessThan(seconds(first));
  await expect(card).toHaveAttribute('aria-label', /evicted in \d:\d\d/);
  await expect(page.locator('g.node.node-evicting')).toHaveCount(1);

  // At zero the taint-eviction controller acts; the pods come back on the other nodes.
  await expect(page.locator('g.node.node-evicting')).toHaveCount(0, { timeout: 60_000 });
  await expect(diagram.getByRole('button', { name: /^pod web-\w+-\w{5}: Running/ })).toHaveCount(3);
  await page.getByRole('tab', { name: 'Why?' }).click();
  await expect(page.getByRole('list', { name: 'Why?' })).toContainText('Taint eviction:');
});
