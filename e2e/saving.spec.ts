import { expect, test, type Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';

/**
 * A learner never loses work: rewinds, lessons, long sessions, shared links, reloads and second
 * tabs leave the sandbox as the learner left it (issue 13 #2–4, #11, #17; issue 18; issue 19 #8–10).
 */

const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};
const pods = (page: Page, app = 'web') => page.getByTestId('diagram').getByRole('button', { name: new RegExp(`^pod ${app}-\\w+-\\w{5}: Running, 1/1$`) });
const deployment = (page: Page, name: string) => page.getByRole('list', { name: 'Workloads' }).getByRole('button', { name: new RegExp(`^Deployment ${name} `) });
const clock = (page: Page) => page.getByTestId('sim-clock');
const seconds = (hms: string) => hms.split(':').reduce((s, p) => s * 60 + Number(p), 0);
/** Waits until what is on screen has been saved (saving follows a change by a second). */
const settle = (page: Page) => page.waitForTimeout(1600);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
});

/** A scenario link written by hand (format 2, deflated), as anyone could. */
function link(packed: object): string {
  const bytes = deflateSync(strToU8(JSON.stringify({ format: 2, options: { seed: 1, workers: 2 }, start: Date.UTC(2026, 2, 2, 9, 5), blobs: [], actions: [], files: [], ...packed })));
  return '/#s2=' + Buffer.from(bytes).toString('base64url');
}

test('after a rewind, "Back to now" and a reload bring back the present, and the clock keeps going', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(2);
  const diagram = page.getByTestId('diagram');
  await diagram.getByRole('button', { name: /^node worker-2: Ready/ }).click();
  await page.getByRole('region', { name: 'Details: Node worker-2' }).getByRole('button', { name: 'Stop node' }).click();
  await expect(diagram.getByRole('button', { name: /^node worker-2: NotReady/ })).toBeVisible({ timeout: 20_000 });
  await settle(page);

  // A few steps back (keyboard on the slider), then back to now.
  const slider = page.getByRole('slider', { name: 'Timeline (drag to rewind)' });
  await slider.fill('1');
  await expect(diagram.getByRole('button', { name: /^node worker-2: Ready/ })).toBeVisible();
  await settle(page); // a save that was due while rewound must write the present, not the past
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(diagram.getByRole('button', { name: /^node worker-2: NotReady/ })).toBeVisible();
  // The clock runs on as it did before the rewind.
  await expect(page.getByRole('button', { name: /Pause$/ })).toBeVisible();
  const before = seconds((await clock(page).textContent())!);
  await expect.poll(async () => seconds((await clock(page).textContent())!)).toBeGreaterThan(before + 2);
  // Paused, saved, reloaded: the present moment comes back (the clock then runs on from it).
  await page.getByRole('button', { name: /Pause$/ }).click();
  await settle(page);
  const saved = seconds((await clock(page).textContent())!);
  await page.reload();
  await expect(diagram.getByRole('button', { name: /^node worker-2: NotReady/ })).toBeVisible();
  const after = seconds((await clock(page).textContent())!);
  expect(after).toBeGreaterThanOrEqual(saved);
  expect(after).toBeLessThan(saved + 15);
});

test('a long session reloads from its kept checkpoint: the same cluster, without replaying the log from the start', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(3);
  // Past the first checkpoint interval (5 simulated minutes), the worker keeps a checkpoint beside the saved log.
  const start = seconds((await clock(page).textContent())!);
  await expect.poll(async () => seconds((await clock(page).textContent())!), { timeout: 60_000 }).toBeGreaterThan(start + 6 * 60);
  await run(page, 'kubectl scale deployment web --replicas=4');
  await expect(pods(page)).toHaveCount(4);
  await page.getByRole('button', { name: /Pause$/ }).click();
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('wheelhouse-checkpoints');
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('checkpoints')) return resolve(false);
                const get = db.transaction('checkpoints').objectStore('checkpoints').getKey('sandbox');
                get.onsuccess = () => resolve(get.result !== undefined);
                get.onerror = () => resolve(false);
              };
            }),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  await settle(page);
  const names = (await pods(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort();
  const saved = seconds((await clock(page).textContent())!);
  await page.reload();
  await expect(pods(page)).toHaveCount(4);
  expect(await page.evaluate(() => performance.getEntriesByName('wheelhouse:loaded-from-checkpoint').length)).toBe(1);
  expect((await pods(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort()).toEqual(names);
  expect(seconds((await clock(page).textContent())!)).toBeGreaterThanOrEqual(saved);
  // It goes on as a cluster: a command answers, and the pods follow it.
  await run(page, 'kubectl scale deployment web --replicas=2');
  await expect(pods(page)).toHaveCount(2, { timeout: 20_000 });
});

test('a lesson keeps its own cluster: the sandbox is untouched and comes back when the lesson closes, also across reloads', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(2);
  await settle(page);
  await page.getByRole('button', { name: /Your first pod and the path it takes/ }).click();
  await expect(pods(page)).toHaveCount(0);
  await run(page, 'kubectl run hello --image=nginx');
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod hello: Running/ })).toBeVisible({ timeout: 20_000 });
  await settle(page);
  await page.reload();
  // Still in the lesson, with the lesson's cluster.
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod hello: / })).toBeVisible();
  await expect(pods(page)).toHaveCount(0);
  await page.getByRole('button', { name: /All lessons/ }).click();
  // The sandbox as it was, console and all.
  await expect(pods(page)).toHaveCount(2);
  await expect(page.getByTestId('console-output')).toContainText('kubectl create deployment web');
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod hello: / })).toHaveCount(0);
  await settle(page);
  await page.reload();
  await expect(pods(page)).toHaveCount(2);
});

test('long sessions keep saving: 230 commands with a 24 KB manifest open still survive a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  // A 24 KB manifest in the editor (every command carries the editor's files to kubectl).
  const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + Array.from({ length: 1000 }, (_, i) => `  key${i}: value-${i}-padding\n`).join('');
  expect(big.length).toBeGreaterThan(24_000);
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), big);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await run(page, 'cat web.yaml');
  await expect(page.getByTestId('console-output')).toContainText('\n  key999: value-999-padding');
  for (let i = 0; i < 230; i++) await run(page, i === 0 ? 'kubectl apply -f web.yaml' : `kubectl get pods -l n=${i}`);
  await run(page, 'kubectl create deployment last --image=nginx');
  await expect(page.getByTestId('console-output')).toContainText('deployment.apps/last created');
  await settle(page);
  await page.reload();
  await expect(deployment(page, 'last')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('when storage refuses, the learner is told (and can download their work); localStorage denied still starts the app', async ({ page }) => {
  await page.addInitScript(() => {
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: denied, configurable: true });
    Object.defineProperty(window, 'indexedDB', { get: () => ({ open: denied }), configurable: true });
  });
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=1');
  const banner = page.getByRole('alert').filter({ hasText: 'Your work could not be saved in this browser' });
  await expect(banner).toBeVisible();
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download scenario file' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.wheelhouse\.json$/);
});

test('a damaged saved session never gives a white page: the learner is told, gets the raw copy, and the app starts fresh', async ({ page }) => {
  // Saved by the previous version (localStorage), with a start time no Date can print and a bad node label.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('wheelhouse.session', JSON.stringify({ version: 1, options: { startTime: 1e20, nodes: [{ name: 'w1', labels: { 'bad key!': 'x' } }] }, actions: [], files: [] }));
  });
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'Your saved session could not be opened (it contains values this app does not accept)' });
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download' }).click();
  const raw = await (await download).createReadStream();
  let text = '';
  for await (const chunk of raw) text += chunk;
  expect(text).toContain('"bad key!"');
  // The app works and its new saves replace nothing silently: a reload starts clean.
  await run(page, 'kubectl create deployment web --image=nginx --replicas=1');
  await settle(page);
  await page.reload();
  await expect(deployment(page, 'web')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a shared link opens as its own scenario: the sandbox is kept, the address is cleaned, a reload does not apply it again', async ({ browser, page, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await run(page, 'kubectl create deployment shared --image=nginx --replicas=2');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page, 'shared')).toHaveCount(2);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#s2=[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(2000);

  // The receiver has a sandbox of their own.
  const other = await browser.newContext();
  const mine = await other.newPage();
  await mine.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await mine.goto(baseURL + '/');
  await run(mine, 'kubectl create deployment mine --image=nginx --replicas=1');
  await mine.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(mine, 'mine')).toHaveCount(1);
  await settle(mine);
  await mine.goto(url.replace(/^https?:\/\/[^/]+/, baseURL!));
  await expect(pods(mine, 'shared')).toHaveCount(2);
  await expect(mine.getByRole('status').filter({ hasText: 'You are looking at a shared scenario' })).toBeVisible();
  expect(new URL(mine.url()).hash).toBe('');
  // Working in the shared scenario, then a reload: the shared scenario as left, not the link again.
  await run(mine, 'kubectl scale deployment shared --replicas=3');
  await expect(pods(mine, 'shared')).toHaveCount(3);
  await settle(mine);
  await mine.reload();
  await expect(pods(mine, 'shared')).toHaveCount(3);
  await mine.getByRole('button', { name: 'Back to my sandbox' }).click();
  await expect(pods(mine, 'mine')).toHaveCount(1);
  await expect(pods(mine, 'shared')).toHaveCount(0);

  // A broken link changes nothing and says so.
  await mine.goto(baseURL + '/#s2=garbage');
  await expect(mine.getByRole('alert').filter({ hasText: 'This shared link could not be opened' })).toBeVisible();
  await expect(pods(mine, 'mine')).toHaveCount(1);
  await other.close();
});

test('hostile links are refused before anything replays; a long one replays in slices and "Start fresh" always answers', async ({ page }) => {
  // Each link is opened as a new visit would (a fresh page load, not a same-page hash change the
  // app reacts to while the next navigation starts).
  const open = async (url: string) => {
    await page.goto('about:blank');
    await page.goto(url);
  };
  await open(link({ options: { bootSeconds: 1e9 } }));
  await expect(page.getByRole('alert').filter({ hasText: 'contains values this app does not accept' })).toBeVisible();
  await open(link({ actions: [{ type: 'advance', d: 0, seconds: 1e9 }] }));
  await expect(page.getByRole('alert').filter({ hasText: 'This shared link could not be opened' })).toBeVisible();
  await open(link({ options: { nodes: [{ name: 'w1', labels: { 'x/y/z': '1' } }] } }));
  await expect(page.getByRole('alert').filter({ hasText: 'This shared link could not be opened' })).toBeVisible();
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();

  // Eleven simulated hours with a deployment: allowed, but long to replay — the page stays alive.
  await open(link({ blobs: [], actions: [{ type: 'kubectl', d: 0, command: 'kubectl create deployment web --image=nginx --replicas=3' }, { type: 'advance', d: 0, seconds: 11 * 3600 }] }));
  const fresh = page.getByRole('button', { name: 'Start fresh' });
  await expect(page.getByText(/Replaying your session… \d+%/)).toBeVisible();
  await fresh.click({ timeout: 5_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'you stopped it' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
});

test('a session too long for a link goes out as a scenario file, which opens as a shared scenario', async ({ page }) => {
  await page.goto('/');
  // Many distinct commands: the link would pass 2,000 characters (each token random enough that
  // compression cannot make up for it, however many clock ticks fall between the commands).
  for (let i = 0; i < 60; i++) await run(page, `kubectl create configmap settings-${i} --from-literal=token-${i}=${(i * 7919).toString(36)}x${(i * 104729).toString(36)}y${((i + 1) * 15485863).toString(36)}`);
  await expect(page.getByTestId('console-output')).toContainText('configmap/settings-59 created');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Share link' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.wheelhouse\.json$/);
  await expect(page.getByRole('status').filter({ hasText: 'This session is too long for a link' })).toBeVisible();
  const path = await file.path();

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start over' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByRole('status').filter({ hasText: 'You are looking at a shared scenario' })).toBeVisible();
  await run(page, 'kubectl get configmap settings-59');
  await expect(page.getByTestId('console-output')).toContainText('settings-59   1');
});

test('the timeline drags with the mouse, keeps its size, marks the learner\'s actions, and undoes the last one', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await expect(pods(page)).toHaveCount(2);
  await page.waitForTimeout(4000);
  await run(page, 'kubectl scale deployment web --replicas=3');
  await expect(pods(page)).toHaveCount(3);
  await page.waitForTimeout(2000);
  await expect(page.locator('.timeline-mark')).toHaveCount(2);

  const slider = page.getByRole('slider', { name: 'Timeline (drag to rewind)' });
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(400); // the rewind happens under the pointer
  expect(await slider.boundingBox()).toEqual(box);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 8 });
  await page.waitForTimeout(400);
  expect(await slider.boundingBox()).toEqual(box);
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Back to now' })).toBeVisible();
  // The thumb stays where it was dropped: about 30 % of the way, not at "now".
  const value = Number(await slider.inputValue());
  const max = Number(await slider.getAttribute('max'));
  expect(value / max).toBeGreaterThan(0.2);
  expect(value / max).toBeLessThan(0.4);
  // The cluster is shown at the moment the thumb names.
  await expect(clock(page)).toHaveText((await slider.getAttribute('aria-valuetext'))!);
  await page.getByRole('button', { name: 'Back to now' }).click();

  // Undo: the scale is taken back (button), then the create (Ctrl+Z on the page).
  await expect(page.getByRole('button', { name: /Undo/ })).toHaveAttribute('title', /kubectl scale deployment web --replicas=3/);
  await page.getByRole('button', { name: /Undo/ }).click();
  await page.getByRole('button', { name: /Play$/ }).click();
  await expect(pods(page)).toHaveCount(2);
  await page.getByTestId('diagram').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(deployment(page, 'web')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Undo/ })).toBeDisabled();
});

test('the terminal\'s scrollback and ↑ history survive a reload; cat and apply of "constructor" and "__proto__" are just missing files', async ({ page }) => {
  await page.goto('/');
  await run(page, 'kubectl get nodes');
  await run(page, 'cat constructor');
  await run(page, 'kubectl apply -f __proto__');
  const out = page.getByTestId('console-output');
  await expect(out).toContainText('cat: constructor: No such file');
  await expect(out).toContainText('error: the path "__proto__" does not exist');
  await expect(out).toContainText('worker-1');
  await settle(page);
  await page.reload();
  await expect(out).toContainText('worker-1');
  await expect(out).toContainText('cat: constructor: No such file');
  await expect(page.locator('.xterm-rows')).toContainText('kubectl get nodes');
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.focus();
  await prompt.press('ArrowUp');
  await prompt.press('Enter');
  await expect(out.locator('p', { hasText: '$ kubectl apply -f __proto__' })).toHaveCount(2);
});

test('a second tab does not overwrite the first: it is told, saves nothing, and may take over', async ({ context, page }) => {
  await page.goto('/');
  await run(page, 'kubectl create deployment first --image=nginx --replicas=1');
  await settle(page);
  const second = await context.newPage();
  await second.goto('/');
  const banner = second.getByRole('alert').filter({ hasText: 'Wheelhouse is open in another tab' });
  await expect(banner).toBeVisible();
  await run(second, 'kubectl create deployment second --image=nginx --replicas=1');
  await settle(second);
  // The first tab's sandbox is what stays saved.
  await run(page, 'kubectl create deployment first-again --image=nginx --replicas=1');
  await settle(page);
  await banner.getByRole('button', { name: 'Use it here instead' }).click();
  // The second tab reloads with the first tab's work and is now the one that saves; the first is told.
  await expect(deployment(second, 'first-again')).toBeVisible();
  await expect(deployment(second, 'second')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Wheelhouse is open in another tab' })).toBeVisible();
  await run(second, 'kubectl create deployment taken --image=nginx');
  await settle(second);
  await second.reload();
  await expect(deployment(second, 'taken')).toBeVisible();
});
