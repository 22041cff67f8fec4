import { expect, test } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
});

test('a ResourceQuota stops a Deployment short, and the console says why', async ({ page }, info) => {
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  const output = page.getByTestId('console-output');
  const run = async (cmd: string) => {
    await prompt.fill(cmd);
    await prompt.press('Enter');
  };
  await run('kubectl create quota two-pods --hard=pods=2');
  await expect(output).toContainText('resourcequota/two-pods created');
  await run('kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(page.getByRole('button', { name: /^pod web-\w+-\w{5}: Running, 1\/1$/ })).toHaveCount(2);
  await run('kubectl get quota');
  await expect(output).toContainText(/two-pods\s+\S+\s+pods: 2\/2/);
  await run('kubectl get events --field-selector reason=FailedCreate');
  await expect(output).toContainText('exceeded quota: two-pods, requested: pods=1, used: pods=2, limited: pods=2');
  await run("kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName");
  await expect(output).toContainText(/NAME\s+NODE/);
  await page.screenshot({ path: info.outputPath('quota.png'), fullPage: true });
});
