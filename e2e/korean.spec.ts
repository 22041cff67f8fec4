/**
 * Korean that reads like Korean: lines break between words, never inside one ("가상 머|신은"),
 * commands never break inside a flag, and what the page itself says about the cluster (kinds,
 * panel titles, owners, tab names, scheduler verdicts, ages) is in Korean.
 */
import { expect, test, type Page } from '@playwright/test';

/** Where the lines of an element's text break: the characters on either side of each break. */
async function lineBreaks(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    // Each visible character with its place in the whole text and the top of its line.
    const chars: { at: number; top: number }[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = [...r.getClientRects()].find((x) => x.width > 0);
        if (rect && text[i].trim()) chars.push({ at: all.length + i, top: Math.round(rect.top) });
      }
      all += text;
    }
    // A break shows as the text between the last character of a line and the first of the next.
    const breaks: string[] = [];
    for (let i = 1; i < chars.length; i++) if (chars[i].top > chars[i - 1].top + 2) breaks.push(all.slice(Math.max(0, chars[i - 1].at - 2), chars[i].at + 3).replace(all.slice(chars[i - 1].at + 1, chars[i].at), `|${all.slice(chars[i - 1].at + 1, chars[i].at)}|`));
    return { breaks, text: all };
  });
}

test('Korean lesson text breaks between words, and commands never inside a flag', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'ko'));
  await page.goto('/?lesson=why-kubernetes');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const para = '.lesson .instructions p >> nth=0';
  await expect(page.locator(para)).toContainText('가상 머신은');
  const { breaks, text } = await lineBreaks(page, para);
  expect(breaks.length, `the paragraph wraps: ${text}`).toBeGreaterThan(2);
  // Every break falls at a space: between the lines there is white space ("머| |신" would not be).
  expect(breaks.filter((b) => !/\|\s+\|/.test(b))).toEqual([]);

  // The language switch carries <html lang> with it (so :lang(ko) rules follow).
  // At 1280 px the language sits behind the top bar's "More".
  await page.getByRole('button', { name: /더 보기/ }).click();
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  // A command in a narrow panel wraps between its words only: every flag stays whole.
  await page.goto('/?lesson=desired-state');
  const command = page.locator('.lesson .instructions code.command').first();
  await expect(command).toContainText('--replicas=3');
  const commandBreaks = await lineBreaks(page, '.lesson .instructions code.command >> nth=0');
  expect(commandBreaks.breaks.length, 'the command wraps in a 1280 px window').toBeGreaterThan(0);
  expect(commandBreaks.breaks.filter((b) => !/\|\s+\|/.test(b))).toEqual([]);
});

test('the Korean page names kinds, owners, tabs, verdicts and ages in Korean', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'ko'));
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill('kubectl create deployment web --image=nginx --replicas=3');
  await prompt.press('Enter');
  await page.getByRole('button', { name: '16배속' }).click();
  await expect(page.getByRole('list', { name: '워크로드' }).getByRole('button')).toContainText('디플로이먼트 web');

  await page.getByTestId('diagram').getByRole('button', { name: /^파드 web-/ }).first().click();
  const panel = page.getByRole('region', { name: /^자세히: 파드 default\/web-/ });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/^파드 default\/web-/);
  await expect(panel.getByRole('button', { name: '소유자: 디플로이먼트 web' })).toBeVisible();
  await expect(panel.getByRole('tab', { name: '상세 정보' })).toBeVisible();
  // The control-plane node's taint, said in Korean (the taint itself as Kubernetes writes it).
  await expect(panel.getByRole('row', { name: /control-plane/ })).toContainText('톨러레이션이 허용하지 않는 테인트');
  // kubectl's own text stays as kubectl prints it.
  await expect(panel.getByRole('tabpanel')).toContainText('Controlled By:');

  await page.getByRole('tab', { name: '왜?' }).click();
  await expect(page.getByRole('list', { name: '왜?' }).locator('.ev-age').first()).toHaveText(/^\d+(초|분)/);
});
