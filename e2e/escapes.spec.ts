import { expect, test } from '@playwright/test';
import { terminalRows } from './terminal';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.clear();
      localStorage.setItem('wheelhouse.language', 'en');
      sessionStorage.setItem('seeded', '1');
    }
  });
});

// An annotation holding an OSC 8 hyperlink and a screen clear (typed as JSON \u escapes, so the
// terminal's own line editor never sees a control key): kubectl prints it back, and the terminal
// must show the escapes as text (^[ for ESC, ^G for BEL, as kubectl 1.26+ does) and obey none.
test('escape sequences inside cluster data are shown, not obeyed, in the terminal', async ({ page }) => {
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  const run = async (cmd: string) => {
    await prompt.fill(cmd);
    await prompt.press('Enter');
  };
  await run('kubectl get nodes');
  await expect.poll(async () => (await terminalRows(page)).join('\n')).toContain('worker-1');
  const annotation = String.raw`\u001b]8;;http://evil\u0007x\u001b]8;;\u0007 \u001b[2J`;
  await run(`kubectl run evil --image=nginx --overrides='{"metadata":{"annotations":{"note":"${annotation}"}}}'`);
  await expect.poll(async () => (await terminalRows(page)).join('\n')).toContain('pod/evil created');
  await run('kubectl get pod evil -o jsonpath={.metadata.annotations.note}');
  const screen = () => terminalRows(page).then((rows) => rows.join('\n'));
  await expect.poll(screen).toContain('^[]8;;http://evil^Gx^[]8;;^G ^[[2J');
  // Nothing was cleared: the first command's table is still on screen above.
  expect(await screen()).toContain('worker-1');
});
