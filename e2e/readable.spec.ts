import { expect, test, type Page } from '@playwright/test';

/**
 * Readable on a 1280 px laptop and usable on a phone: diagram text at 11 px or more, a top bar
 * on one row, kubectl's wide tables one row a line, a terminal the details panel leaves room
 * for, and on a 390 px phone one column with tabs.
 */
const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};

/** The smallest font size a visible word of the diagram is drawn at, in CSS pixels on screen. */
const smallestDiagramText = (page: Page) =>
  page.evaluate(() => {
    let min = Infinity;
    let word = '';
    for (const t of document.querySelectorAll<SVGTextElement>('[data-testid=diagram] text, .diagram-labels text')) {
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility === 'hidden' || !t.textContent?.trim()) continue;
      const box = t.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(style.fontSize) * (t.getScreenCTM()?.a ?? 1);
      if (size < min) [min, word] = [size, t.textContent];
    }
    return { min, word };
  });

/** The terminal's screen lines as xterm draws them (one DOM row a terminal row). */
const terminalRows = (page: Page) => page.locator('.terminal-host .xterm-rows > div').allTextContents();

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  });

  test('the diagram fills its pane with words at 11 px or more; the top bar keeps to one row', async ({ page }) => {
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod web-\w+-\w{5}: Running/ })).toHaveCount(3);
    await page.waitForTimeout(600); // the fit's transition
    const { min, word } = await smallestDiagramText(page);
    expect(min, `smallest diagram text: "${word}"`).toBeGreaterThanOrEqual(11);
    const bar = await page.locator('.topbar').boundingBox();
    expect(bar!.height, 'one row of controls').toBeLessThan(60);
    // Session, theme and language sit behind "More" here, and still work.
    await page.getByRole('button', { name: /More/ }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  });

  test('kubectl get pods -o wide keeps each pod on one line (the terminal scrolls sideways)', async ({ page }) => {
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod web-\w+-\w{5}: Running/ })).toHaveCount(3);
    await run(page, 'kubectl get pods -o wide');
    await expect.poll(async () => (await terminalRows(page)).filter((r) => /^web-\w+-\w{5} /.test(r)).length).toBe(3);
    const rows = await terminalRows(page);
    const header = rows.find((r) => r.startsWith('NAME '))!;
    expect(header).toMatch(/NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES/);
    for (const row of rows.filter((r) => /^web-\w+-\w{5} /.test(r))) expect(row).toMatch(/^web-\w+-\w{5} +1\/1 +Running +0 +\d+s +10\.244\.\d+\.\d+ +worker-\d +<none> +<none>/);
    const scroll = await page.locator('.terminal-host').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll.scroll).toBeGreaterThan(scroll.client);
    // Clear brings the terminal back to the pane's width.
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.locator('.terminal-host').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });

  test('an open details panel leaves the terminal room to work', async ({ page }) => {
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    await page.getByTestId('diagram').getByRole('button', { name: /^pod web-/ }).first().click();
    await expect(page.getByRole('region', { name: /^Details: Pod default\/web-/ })).toBeVisible();
    const term = await page.getByTestId('terminal').boundingBox();
    expect(term!.height).toBeGreaterThanOrEqual(220);
  });
});

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('one column with tabs for the lesson, the cluster and the terminal, each usable', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'ko'));
    await page.goto('/');
    const tabs = page.getByRole('tablist', { name: '화면 구역' });
    await expect(tabs.getByRole('tab')).toHaveText(['레슨', '클러스터', '터미널']);
    // The cluster first: the diagram, alone.
    await expect(page.getByTestId('diagram')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'kubectl' })).toBeHidden();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'nothing wider than the phone').toBeLessThanOrEqual(390);

    await tabs.getByRole('tab', { name: '터미널' }).click();
    await expect(page.getByTestId('diagram')).toBeHidden();
    await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
    await expect(page.getByTestId('console-output')).toContainText('deployment.apps/web created');

    await tabs.getByRole('tab', { name: '클러스터' }).click();
    await page.getByRole('button', { name: '16배속' }).click();
    await expect(page.getByTestId('diagram').getByRole('button', { name: /^파드 web-/ })).toHaveCount(2);

    await tabs.getByRole('tab', { name: '레슨' }).click();
    await page.getByRole('button', { name: /클러스터 둘러보기/ }).click();
    await expect(page.locator('.lesson-panel')).toContainText('컨트롤 플레인');
    const box = await page.locator('.lesson-panel').boundingBox();
    expect(box!.width).toBeGreaterThan(340);
  });
});
