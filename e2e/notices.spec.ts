import { expect, test } from '@playwright/test';

test.describe('cluster notices', () => {
  test('the page explains why nothing schedules once every node is deleted', async ({ page }, info) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
    await page.goto('/');
    await expect(page.getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl delete node control-plane worker-1 worker-2 worker-3');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('node "worker-3" deleted');
    await prompt.fill('kubectl run lonely --image=nginx');
    await prompt.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'no nodes left' });
    await expect(notice).toContainText('The cluster has no nodes left, so nothing can be scheduled: 1 pod is Pending.');
    await page.screenshot({ path: info.outputPath('no-nodes.png') });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.getByRole('status').filter({ hasText: '남은 노드가 없어' })).toContainText('파드 1개가 Pending 상태입니다.');
  });

  test('the page says the cluster is full when pods wait for room', async ({ page }, info) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
    await page.goto('/');
    await expect(page.getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl create deployment big --image=nginx --replicas=1000');
    await prompt.press('Enter');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'no node has room' })).toContainText(/\d+ pods are Pending: no node has room for them\./, { timeout: 30_000 });
    await page.screenshot({ path: info.outputPath('saturated.png') });
    await prompt.fill('kubectl scale deployment big --replicas=3');
    await prompt.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'no node has room' })).toHaveCount(0, { timeout: 30_000 });
  });
});
