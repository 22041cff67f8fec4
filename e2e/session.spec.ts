import { expect, test, type Page } from '@playwright/test';

const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};
const pods = (page: Page) => page.getByTestId('diagram').getByRole('button', { name: /^pod web-\w+-\w{5}: Running, 1\/1$/ });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.clear();
      localStorage.setItem('wheelhouse.language', 'en');
      sessionStorage.setItem('seeded', '1');
    }
  });
});

test('a reload keeps the sandbox and the editor files; reset starts over after asking', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(3);
  // The theme is picked in the top bar (here: dark on a light system) and kept too.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await expect.poll(background).toBe('rgb(16, 20, 28)');
  await page.waitForTimeout(1500); // the sandbox is saved a second after it changes
  await page.reload();
  await expect(pods(page)).toHaveCount(3);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await background()).toBe('rgb(16, 20, 28)');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect.poll(background).toBe('rgb(244, 246, 251)');
  await expect(page.getByRole('button', { name: /^Deployment web 3\/3/ })).toBeVisible();

  await page.getByRole('button', { name: 'Reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start over?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my cluster' }).click();
  await expect(pods(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start over' }).click();
  await expect(pods(page)).toHaveCount(0);
  await page.reload();
  await expect(pods(page)).toHaveCount(0);
});

test('rewind to before a node was stopped shows it Ready again; acting from the past forks a new future', async ({ page }, info) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(3);
  const diagram = page.getByTestId('diagram');
  await diagram.getByRole('button', { name: /^node worker-2: Ready/ }).click();
  await page.getByRole('region', { name: 'Details: Node worker-2' }).getByRole('button', { name: 'Stop node' }).click();
  await expect(diagram.getByRole('button', { name: /^node worker-2: NotReady/ })).toBeVisible({ timeout: 20_000 });

  const slider = page.getByRole('slider', { name: 'Timeline (drag to rewind)' });
  await slider.fill('1');
  await expect(diagram.getByRole('button', { name: /^node worker-2: Ready/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to now' })).toBeVisible();
  // The machine itself is running again at that moment (its panel offers to stop it).
  await expect(page.getByRole('region', { name: 'Details: Node worker-2' }).getByRole('button', { name: 'Stop node' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('rewound.png') });
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(diagram.getByRole('button', { name: /^node worker-2: NotReady/ })).toBeVisible();

  // From the past, a different future: the node never stopped, and we scale instead.
  await slider.fill('1');
  await expect(diagram.getByRole('button', { name: /^node worker-2: Ready/ })).toBeVisible();
  await run(page, 'kubectl scale deployment web --replicas=4');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Play$/ }).click();
  await expect(pods(page)).toHaveCount(4);
  await expect(diagram.getByRole('button', { name: /^node worker-2: Ready/ })).toBeVisible();
});

test('a shared link restores the scenario in another browser; a broken link is ignored', async ({ browser, page, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s2=[A-Za-z0-9_-]+$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await fresh.goto(link.replace(/^https?:\/\/[^/]+/, baseURL!));
  await expect(pods(fresh)).toHaveCount(2);
  await fresh.goto(baseURL + '/#s=garbage!!');
  await expect(fresh.getByTestId('diagram').getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
  await other.close();
});
