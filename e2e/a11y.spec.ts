import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: /kubectl/ });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [lang, scheme] of [
  ['en', 'light'],
  ['ko', 'dark'],
] as const) {
  test(`no serious accessibility violations (${lang}, ${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript((l) => localStorage.setItem('wheelhouse.language', l), lang);
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await run(page, 'kubectl expose deployment web --port=80');
    await page.getByRole('button', { name: lang === 'en' ? 'Speed ×16' : '16배속' }).click();
    const pod = page.getByTestId('diagram').getByRole('button', { name: /web-/ }).first();
    await expect(pod).toBeVisible();
    await pod.click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tablist', { name: lang === 'en' ? 'Work area' : '작업 영역' }).getByRole('tab', { name: lang === 'en' ? 'Events' : '이벤트' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: lang === 'en' ? 'List' : '목록', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('keyboard only: reach a pod in the diagram and open it', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto('/');
  await run(page, 'kubectl run solo --image=nginx');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  const pod = page.getByTestId('diagram').getByRole('button', { name: /^pod solo: Running/ });
  await expect(pod).toBeVisible();
  await pod.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Details: Pod default/solo' })).toBeVisible();
  // Panes resize from the keyboard too.
  const side = page.locator('.side');
  const before = (await side.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize the work area' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect((await side.boundingBox())!.width).toBeGreaterThan(before + 40);
  // Tab moves on through the diagram's objects.
  await page.getByTestId('diagram').getByRole('button', { name: /\(kubectl\)$/ }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('role', 'button');
});
