// UI frame benchmark in Debian's Chromium: the sandbox with 100 worker nodes and a Deployment
// of 3,000 pods at ×16, measuring the gaps between animation frames (a gap over 50 ms is a
// frame the page missed) and the page's long tasks (the Long Tasks API: any task over 50 ms,
// the engine's, the diagram's or the browser's own layout and paint). A frame over 50 ms is
// broken down (Long Animation Frames API): its scripts by entry point, and the rendering. First,
// three cold loads: LCP and the time until a typed kubectl command answers (`--only cold` stops
// there). Then a rewind to the middle of that session (how long until the page shows it, and
// the long tasks meanwhile), a larger cluster: 200 nodes with 6,000 pods, and a saved 2-hour
// session reloaded and rewound (`--only frames`, `--only rewind`, `--only large`, `--only session`
// run one part). Needs a build (`npm run build`); starts its
// own `vite preview`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4191);
/** The build to serve (`npm run build` writes dist/; another folder with BENCH_DIST). */
const DIST = process.env.BENCH_DIST ?? 'dist';
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!existsSync(`${DIST}/index.html`)) {
  console.error('run `npm run build` first');
  process.exit(1);
}
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

  // A first visit: a fresh browser context (no HTTP cache, no service worker, nothing saved).
  // LCP is the Largest Contentful Paint entry; "kubectl answers" is the time from navigation
  // until `kubectl get nodes`, typed as soon as the terminal takes input, prints its table.
  const coldLoad = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const cold = await context.newPage();
    await cold.addInitScript(() => {
      localStorage.setItem('wheelhouse.language', 'en');
      window.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await cold.goto(`http://127.0.0.1:${PORT}/`);
    const prompt = cold.getByRole('textbox', { name: 'kubectl' });
    await prompt.waitFor();
    const typedAt = await cold.evaluate(() => performance.now());
    await prompt.fill('kubectl get nodes');
    await prompt.press('Enter');
    await cold.getByTestId('console-output').getByText(/control-plane\s+Ready/).waitFor();
    const answeredAt = await cold.evaluate(() => performance.now());
    const lcp = await cold.evaluate(() => window.__lcp);
    const transfer = await cold.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js')).reduce((n, r) => n + (r.transferSize || 0), 0));
    console.log(`${'cold load (first visit, vite preview)'.padEnd(38)} LCP ${lcp.toFixed(0).padStart(5)} ms   terminal ready ${typedAt.toFixed(0).padStart(5)} ms   kubectl get nodes answered ${answeredAt.toFixed(0).padStart(5)} ms after navigation   scripts fetched ${(transfer / 1024).toFixed(0)} KB`);
    await context.close();
  };
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (!only || only === 'cold') {
    console.log('First visit — Chromium (software rendering), this machine');
    for (let i = 0; i < 3; i++) await coldLoad();
  }
  if (!only || only === 'frames' || only === 'rewind') await frames(browser, only !== 'rewind');
  if (!only || only === 'large') await large(browser);
  if (!only || only === 'session') await longSession(browser);
  await browser.close();
} finally {
  stop();
}

/** A page that records long tasks and what long animation frames were made of. */
async function instrumentedPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => {
    localStorage.setItem('wheelhouse.language', 'en');
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    // What a long frame was made of (Long Animation Frames API): scripts by entry point, and rendering.
    window.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration <= 50) continue;
        const scripts = e.scripts.map((s) => `${s.invoker.replace(/^.*\./, '')} ${Math.round(s.duration)} ms`);
        const rendering = e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0;
        window.__longFrames.push(`${Math.round(e.duration)} ms = ${[...scripts, `rendering ${rendering} ms`].join(' + ')}`);
      }
    }).observe({ type: 'long-animation-frame' });
  });
  await page.goto(url);
  await page.getByTestId('diagram').waitFor();
  return page;
}

/** Frame gaps over `ms` of wall time, with the long tasks and long frames seen meanwhile. */
function measurer(page) {
  return async (label, ms, { fromNow = true } = {}) => {
    if (fromNow) await page.evaluate(() => (window.__longTasks = [], window.__longFrames = []));
    const gaps = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const out = [];
          let last = performance.now();
          const end = last + ms;
          const f = () => {
            const now = performance.now();
            out.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(f);
            else resolve(out);
          };
          requestAnimationFrame(f);
        }),
      ms,
    );
    gaps.sort((a, b) => b - a);
    const fps = (gaps.length / ms) * 1000;
    const long = await page.evaluate(() => window.__longTasks);
    const longFrames = await page.evaluate(() => window.__longFrames);
    const worstTask = long.length ? Math.max(...long) : 0;
    console.log(
      `${label.padEnd(34)} ${fps.toFixed(0).padStart(3)} fps   p95 frame ${gaps[Math.floor(gaps.length * 0.05)].toFixed(0).padStart(3)} ms   worst ${gaps[0].toFixed(0).padStart(3)} ms   frames over 50 ms: ${String(gaps.filter((g) => g > 50).length).padStart(2)}   long tasks: ${long.length}${long.length ? ` (worst ${worstTask.toFixed(0)} ms)` : ''}`,
    );
    for (const f of longFrames) console.log(`${''.padEnd(36)}long frame: ${f}`);
  };
}

/**
 * The terminal's prompt and the ×16 button, found once before anything is measured. Found by
 * role while a phase is measured, they cost the page's main thread a walk of its accessibility
 * tree (Playwright's selector engine runs in the page): 50 ms once the diagram holds thousands
 * of pods' stand-ins, counted as the page's own long task though no learner's click does that.
 */
async function controls(page) {
  const prompt = await page.getByRole('textbox', { name: 'kubectl' }).elementHandle();
  const fast = await page.getByRole('button', { name: 'Speed ×16' }).elementHandle();
  return { prompt, fast };
}

/** The frame phases: 100 nodes, 3,000 pods scheduled, running, and rolled while zoomed in; then a rewind. */
async function frames(browser, report = true) {
  const page = await instrumentedPage(browser, `http://127.0.0.1:${PORT}/?workers=100`);
  const measured = measurer(page);
  const measure = report ? measured : async (_label, ms) => page.waitForTimeout(ms);
  console.log('UI frames — 100 nodes, Chromium (software rendering), this machine');
  await page.waitForTimeout(2000); // past the first paint and the app's start-up
  await measure('idle cluster (100 nodes)', 3000);
  const { prompt, fast } = await controls(page);
  // Long tasks are counted from the command on: running it is part of what must not block.
  await page.evaluate(() => (window.__longTasks = [], window.__longFrames = []));
  await prompt.fill('kubectl create deployment web --image=nginx --replicas=3000');
  await prompt.press('Enter');
  await fast.click();
  await measure('3,000 pods being scheduled (×16)', 8000, { fromNow: false });
  await page.waitForTimeout(8000);
  await measure('3,000 pods running (×16)', 4000);
  // Zoomed in, where pods are drawn one by one, while all 3,000 are replaced by a rollout.
  // Six steps of the zoom button, each from where the last one ended (a busy page can run a
  // transition late, and a step taken mid-transition zooms less), to the same view every run.
  const zoomNow = () => page.evaluate(() => document.querySelector('.diagram-svg g.viewport').getAttribute('transform'));
  for (let i = 0; i < 6; i++) {
    const before = await zoomNow();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((b) => document.querySelector('.diagram-svg g.viewport').getAttribute('transform') !== b, before);
    for (let last = ''; ; ) {
      await page.waitForTimeout(150);
      const now = await zoomNow();
      if (now === last) break;
      last = now;
    }
  }
  const drawn = await page.evaluate(() => ({ nodes: document.querySelectorAll('.diagram-svg g.node:not(.exiting)').length, pods: document.querySelectorAll('.diagram-svg rect.pod').length }));
  await page.evaluate(() => (window.__longTasks = [], window.__longFrames = []));
  await prompt.fill('kubectl rollout restart deployment web');
  await prompt.press('Enter');
  await measure('zoomed in, rolling all 3,000 (×16)', 8000, { fromNow: false });
  if (report) console.log(`(zoomed in: ${drawn.nodes} nodes and ${drawn.pods} pods drawn one by one, the rest culled)`);
  await rewind(page);
  await page.close();
}

/**
 * Rewind: drag the timeline back to the middle of the session and time how long the page takes
 * to show that moment (the "Back to now" button appears when it does), with the page's long
 * tasks meanwhile; then a quarter of the way forward again, and back to now.
 */
async function rewind(page) {
  await page.waitForTimeout(4000);
  const slider = page.getByRole('slider', { name: 'Timeline (drag to rewind)' });
  const seconds = Number(await slider.getAttribute('max'));
  const back = Math.floor(seconds / 2);
  const showsValue = (want) => page.waitForFunction((w) => document.querySelector('.timeline-track input').value === String(w), want);
  /** Runs `act` and reports how long until `shown` resolved, with the long tasks meanwhile. */
  const timed = async (label, act, shown) => {
    await page.evaluate(() => (window.__longTasks = [], window.__longFrames = []));
    const started = await page.evaluate(() => performance.now());
    await act();
    await shown();
    const ended = await page.evaluate(() => performance.now());
    const long = await page.evaluate(() => window.__longTasks);
    console.log(`${label.padEnd(34)} shown after ${(ended - started).toFixed(0).padStart(5)} ms   long tasks: ${long.length}${long.length ? ` (worst ${Math.max(...long).toFixed(0)} ms)` : ''}`);
  };
  console.log(`rewind, 100 nodes / 3,000 pods: ${(seconds / 60).toFixed(1)} simulated min into the session`);
  await timed(`${(back / 60).toFixed(1)} min back`, () => slider.fill(String(seconds - back)), async () => {
    await page.locator('.timeline-live button.live:not(.off)').waitFor();
    await showsValue(seconds - back);
  });
  // Scrubbing forward from there replays only the difference.
  const ahead = seconds - Math.floor(back / 2);
  await timed(`scrub forward ${(Math.floor(back / 2) / 60).toFixed(1)} min`, () => slider.fill(String(ahead)), () => showsValue(ahead));
  await timed('back to now', () => page.getByRole('button', { name: 'Back to now' }).click(), () => page.locator('.timeline-live .live-badge:not(.off)').waitFor());
}

/** 200 nodes and 6,000 pods: scheduled and running at ×16. */
async function large(browser) {
  const page = await instrumentedPage(browser, `http://127.0.0.1:${PORT}/?workers=200`);
  const measure = measurer(page);
  console.log('UI frames — 200 nodes, Chromium (software rendering), this machine');
  await page.waitForTimeout(2000);
  await measure('idle cluster (200 nodes)', 3000);
  const { prompt, fast } = await controls(page);
  await page.evaluate(() => (window.__longTasks = [], window.__longFrames = []));
  await prompt.fill('kubectl create deployment web --image=nginx --replicas=6000');
  await prompt.press('Enter');
  await fast.click();
  await measure('6,000 pods being scheduled (×16)', 8000, { fromNow: false });
  await page.waitForTimeout(8000);
  await measure('6,000 pods running (×16)', 4000);
  await page.close();
}

/**
 * A saved 2-hour session (100 nodes, 3,000 pods, a CronJob every minute, traffic, a node
 * stopped and started every half hour, scaling): how long a reload takes to show it, then
 * rewinds to moments across it — time until each is on screen, with the long tasks meanwhile.
 */
async function longSession(browser) {
  const MIN = 60_000;
  const start = Date.UTC(2026, 2, 2, 9, 0, 0) + 300_000; // the engine's DEFAULT_START, after its 300 s boot
  // Absolute times (ms from the first action) first; the saved form counts from the one before.
  const timed = [
    { at: 0, type: 'kubectl', command: 'create deployment web --image=nginx --replicas=3000' },
    { at: 0, type: 'kubectl', command: 'expose deployment web --port=80' },
    { at: 0, type: 'kubectl', command: 'create cronjob tick --image=busybox --schedule="* * * * *" -- echo hi' },
    { at: 0, type: 'startTraffic', target: { kind: 'Service', namespace: 'default', name: 'web' }, rps: 200 },
  ];
  for (let m = 1, t = 0; m <= 120; m++, t += MIN) {
    if (m % 30 === 10) timed.push({ at: t, type: 'stopNode', name: `worker-${(m % 7) + 1}` });
    if (m % 30 === 20) timed.push({ at: t, type: 'startNode', name: `worker-${((m - 10) % 7) + 1}` });
    if (m % 15 === 0) timed.push({ at: t, type: 'kubectl', command: `scale deployment web --replicas=${m % 30 === 0 ? 3000 : 2900}` });
    const last = timed[timed.length - 1];
    // A running clock is one advance entry until the next action, as the engine logs it.
    if (last.type === 'advance') last.seconds += 60;
    else timed.push({ at: t, type: 'advance', seconds: 60 });
  }
  const actions = timed.map(({ at, ...a }, i) => ({ ...a, d: at - (i ? timed[i - 1].at : 0) }));
  const session = JSON.stringify({ format: 2, options: { seed: 7, workers: 100 }, start, blobs: [], actions, files: [] });

  const page = await instrumentedPage(browser, `http://127.0.0.1:${PORT}/`);
  await page.evaluate(
    (text) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wheelhouse');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put(text, 'slot:sandbox');
          tx.objectStore('sessions').put('sandbox', 'active');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    session,
  );
  console.log('saved session, 100 nodes / 3,000 pods, 2 simulated hours (a CronJob every minute, traffic, node stops)');
  const slider = page.getByRole('slider', { name: 'Timeline (drag to rewind)' });
  const reloadStarted = Date.now();
  await page.reload();
  await page.waitForFunction(() => Number(document.querySelector('.timeline-track input')?.getAttribute('max')) >= 7100, undefined, { timeout: 600_000, polling: 100 });
  await page.getByRole('textbox', { name: 'kubectl' }).waitFor();
  console.log(`${'reload until the cluster is shown'.padEnd(34)} ${String(Date.now() - reloadStarted).padStart(6)} ms`);
  await page.getByRole('button', { name: /Pause/ }).click().catch(() => {});
  await page.waitForTimeout(2000);
  const seconds = Number(await slider.getAttribute('max'));
  // Shown: the simulated clock on screen moved to the moment, and the timeline is no longer busy.
  const clock = () => page.getByTestId('sim-clock').textContent();
  const shows = (before) => page.waitForFunction((b) => document.querySelector('[data-testid=sim-clock]').textContent !== b && document.querySelector('.timeline-track input').getAttribute('aria-busy') !== 'true', before, { timeout: 120_000, polling: 'raf' });
  for (const fraction of [0.5, 0.1, 0.9, 0.3, 0.75]) {
    const value = Math.floor(seconds * fraction);
    const before = await clock();
    await page.evaluate(() => (window.__longTasks = [], window.__longFrames = []));
    const started = await page.evaluate(() => performance.now());
    await slider.fill(String(value));
    await shows(before);
    const ended = await page.evaluate(() => performance.now());
    const long = await page.evaluate(() => window.__longTasks);
    console.log(`${`rewind to ${(value / 60).toFixed(0)} min`.padEnd(34)} shown after ${(ended - started).toFixed(0).padStart(5)} ms   long tasks: ${long.length}${long.length ? ` (worst ${Math.max(...long).toFixed(0)} ms)` : ''}`);
  }
  // Reloaded again: the worker kept the session's latest checkpoint after the first load, and
  // this load reads it back instead of replaying two hours (a build without it replays again).
  const kept = await page.evaluate(async () => {
    for (let i = 0; i < 600; i++) {
      const has = await new Promise((resolve) => {
        const open = indexedDB.open('wheelhouse-checkpoints');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('checkpoints')) return resolve(false);
          const get = db.transaction('checkpoints').objectStore('checkpoints').getKey('sandbox');
          get.onsuccess = () => resolve(get.result !== undefined);
          get.onerror = () => resolve(false);
        };
      });
      if (has) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  });
  if (!kept) console.log('(this build keeps no checkpoint across reloads)');
  await page.evaluate(() => (window.__longTasks = []));
  const again = Date.now();
  await page.reload();
  await page.waitForFunction(() => Number(document.querySelector('.timeline-track input')?.getAttribute('max')) >= 7100, undefined, { timeout: 600_000, polling: 100 });
  await page.getByRole('textbox', { name: 'kubectl' }).waitFor();
  const longAfterReload = await page.evaluate(() => window.__longTasks ?? []);
  console.log(`${'reload again (kept checkpoint)'.padEnd(34)} ${String(Date.now() - again).padStart(6)} ms   long tasks: ${longAfterReload.length}${longAfterReload.length ? ` (worst ${Math.max(...longAfterReload).toFixed(0)} ms)` : ''}`);
  await page.close();
}
