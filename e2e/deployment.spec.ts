import { expect, test } from '@playwright/test';
import { promptLine, terminalRows } from './terminal';

test.describe('first deployment', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  });

  test('kubectl create deployment brings 3 pods to Running', async ({ page }, info) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl create deployment web --image=nginx --replicas=3');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('deployment.apps/web created');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    const running = page.getByRole('button', { name: /^pod web-\w+-\w{5}: Running, 1\/1$/ });
    await expect(running).toHaveCount(3);
    await prompt.fill('kubectl get pods');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText(/web-\w+-\w{5}\s+1\/1\s+Running/);
    await page.screenshot({ path: info.outputPath('deployment-running.png'), fullPage: true });
  });

  test('the page speaks Korean', async ({ page }, info) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.getByRole('region', { name: '클러스터' })).toBeVisible();
    await expect(page.getByText('컨트롤 플레인', { exact: true })).toBeVisible();
    // kubectl tables stay in a monospace font in Korean too, or their columns would not line up.
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl get nodes');
    await prompt.press('Enter');
    const row = page.getByTestId('console-output').getByText(/control-plane\s+Ready/);
    await expect(row).toBeVisible();
    expect(await row.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/monospace/);
    await prompt.fill('kubectl get pods 웹');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('pods "웹" not found');
    // The terminal switches to a bundled coding face whose Hangul is exactly two Latin cells
    // wide (in a Latin face, each Korean syllable left a gap in its two cells).
    const rows = page.getByTestId('terminal').locator('.xterm-rows');
    await expect.poll(() => rows.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"Nanum Gothic Coding"/);
    expect(await page.evaluate(() => document.fonts.check("12px 'Nanum Gothic Coding'", '웹'))).toBe(true);
    await page.screenshot({ path: info.outputPath('korean.png'), fullPage: true });
  });

  test('dark mode keeps states readable', async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl run crash --image=busybox');
    await prompt.press('Enter');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    await expect(page.getByRole('button', { name: /^pod crash: CrashLoopBackOff/ })).toBeVisible();
    await page.screenshot({ path: info.outputPath('dark.png'), fullPage: true });
  });

  test('garbage in the prompt gets a clear answer, never a crash', async ({ page }) => {
    await page.goto('/');
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl get flibbertigibbets');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('error: the server doesn\'t have a resource type "flibbertigibbets"');
    await prompt.fill('rm -rf /');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('Only kubectl (and ls, cat, clear) run here');
    // The terminal (xterm.js) shows the answers in colour on its own screen.
    await expect.poll(async () => (await terminalRows(page)).join('\n')).toContain('Only kubectl (and ls, cat, clear) run');
    // Tab completes verbs, types and names, on the prompt line.
    await prompt.fill('kubectl desc');
    await prompt.press('Tab');
    await expect.poll(() => promptLine(page)).toBe('$ kubectl describe');
    await prompt.pressSequentially('nod');
    await prompt.press('Tab');
    await expect.poll(() => promptLine(page)).toBe('$ kubectl describe node');
    await prompt.pressSequentially('s con');
    await prompt.press('Tab');
    await expect.poll(() => promptLine(page)).toBe('$ kubectl describe nodes control-plane');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('Name:               control-plane');
    // ↑ recalls it; Ctrl+C abandons a line; Ctrl+U clears one.
    await prompt.press('ArrowUp');
    await expect.poll(() => promptLine(page)).toBe('$ kubectl describe nodes control-plane');
    await prompt.press('Control+c');
    await expect.poll(() => promptLine(page)).toBe('$');
    await prompt.pressSequentially('kubectl get nothing-at-all');
    await prompt.press('Control+u');
    await expect.poll(() => promptLine(page)).toBe('$');
    await prompt.fill('cat nothing.yaml');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('cat: nothing.yaml: No such file. Files: web.yaml');
  });
});
