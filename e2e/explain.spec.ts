import { expect, test, type Page } from '@playwright/test';

/**
 * A pod's panel and "Why?" tell the same story: the scheduler's decision as it was recorded when
 * the pod was bound (not recomputed later, when the scores have moved on); a failing pod leads
 * with why it fails; a deleted object's panel says it is gone.
 */
const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
});

test('the pod panel shows the decision recorded at binding, the same one "Why?" gives, and it stays put', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  const diagram = page.getByTestId('diagram');
  const pods = diagram.getByRole('button', { name: /^pod web-\w+-\w{5}: Running/ });
  await expect(pods).toHaveCount(3);
  await pods.first().click();
  const panel = page.getByRole('region', { name: /^Details: Pod default\/web-/ });
  const podName = (await panel.getByRole('heading', { level: 2 }).textContent())!.replace(/^Pod default\//, '');
  const decision = panel.getByTestId('scheduler-decision');
  await expect(decision).toContainText(/^Scheduled at \d\d:\d\d:\d\d on worker-\d \(score \d+\): the best of \d+ node\(s\) that fit/);
  const text = (await decision.locator('.verdict-message').textContent())!;
  const [, node, score, feasible] = /on (worker-\d) \(score (\d+)\): the best of (\d+) node/.exec(text)!;
  // The chosen row carries the same score.
  await expect(decision.getByRole('row', { name: new RegExp(`^${node} `) })).toContainText(`score ${score} — chosen`);

  await page.getByRole('tab', { name: 'Why?' }).click();
  await expect(page.getByRole('list', { name: 'Why?' })).toContainText(`Scheduler: pod/${podName} → ${node} (best score among ${feasible} nodes that fit)`);

  // More load changes every node's score now; the recorded decision does not move.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await run(page, 'kubectl create deployment load --image=nginx --replicas=6');
  await expect(diagram.getByRole('button', { name: /^pod load-\w+-\w{5}: Running/ })).toHaveCount(6);
  await expect(decision.locator('.verdict-message')).toHaveText(text);
});

test('a failing pod leads with why it fails; a deleted one says it is gone', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl run bad --image=ngnix');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  const pod = page.getByTestId('diagram').getByRole('button', { name: /^pod bad: (ErrImagePull|ImagePullBackOff)/ });
  await expect(pod).toBeVisible();
  await pod.click();
  const panel = page.getByRole('region', { name: 'Details: Pod default/bad' });
  const problem = panel.getByRole('status');
  await expect(problem).toContainText(/Why it is failing: (ErrImagePull|ImagePullBackOff)/);
  await expect(problem).toContainText('cannot pull the image ngnix');
  await expect(problem).toContainText('most likely a typo of nginx');
  // The problem comes first; the scheduler's part is folded away below it.
  const order = await panel.evaluate((el) => [el.querySelector('.pod-problem'), el.querySelector('.verdicts-fold')].map((n) => (n ? [...el.querySelectorAll('*')].indexOf(n) : -1)));
  expect(order[0]).toBeGreaterThan(-1);
  expect(order[0]).toBeLessThan(order[1]);

  await run(page, 'kubectl delete pod bad');
  await expect(panel.getByRole('status')).toHaveText('Pod default/bad is gone: it was deleted.');
  await expect(panel.getByText('NotFound')).toHaveCount(0);
});
