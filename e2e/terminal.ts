import type { Page } from '@playwright/test';

/** The terminal's screen as text, one string per row (xterm draws rows as DOM, spaces as nbsp). */
export async function terminalRows(page: Page): Promise<string[]> {
  const text = await page.getByTestId('terminal').locator('.xterm-rows').innerText();
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((r) => r.trimEnd());
}

/** The last row with something on it (where the prompt is). */
export async function promptLine(page: Page): Promise<string> {
  const rows = (await terminalRows(page)).filter((r) => r.trim());
  return rows[rows.length - 1] ?? '';
}
