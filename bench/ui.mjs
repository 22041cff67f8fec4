// UI frame benchmark in Debian's Chromium: the sandbox with 100 worker nodes and a Deployment
// of 3,000 pods at ×16, measuring the gaps between animation frames (a gap over 50 ms is a
// frame the page missed) and the page's long tasks (the Long Tasks API: any task over 50 ms,
// the engine's, the diagram's or the browser's own layout and paint). Needs a build
// (`npm run build`); starts its own `vite preview`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = 4191;
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!existsSync('dist/index.html')) {
  console.error('run `npm run build` first');
  process.exit(1);
}
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => {
    localStorage.setItem('wheelhouse.language', 'en');
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.goto(`http://127.0.0.1:${PORT}/?workers=100`);
  await page.getByTestId('diagram').waitFor();
  const measure = async (label, ms, { fromNow = true } = {}) => {
    if (fromNow) await page.evaluate(() => (window.__longTasks = []));
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
    const worstTask = long.length ? Math.max(...long) : 0;
    console.log(
      `${label.padEnd(34)} ${fps.toFixed(0).padStart(3)} fps   p95 frame ${gaps[Math.floor(gaps.length * 0.05)].toFixed(0).padStart(3)} ms   worst ${gaps[0].toFixed(0).padStart(3)} ms   frames over 50 ms: ${String(gaps.filter((g) => g > 50).length).padStart(2)}   long tasks: ${long.length}${long.length ? ` (worst ${worstTask.toFixed(0)} ms)` : ''}`,
    );
  };
  console.log('UI frames — 100 nodes, Chromium (software rendering), this machine');
  await page.waitForTimeout(2000); // past the first paint and the app's start-up
  await measure('idle cluster (100 nodes)', 3000);
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  // Long tasks are counted from the command on: running it is part of what must not block.
  await page.evaluate(() => (window.__longTasks = []));
  await prompt.fill('kubectl create deployment web --image=nginx --replicas=3000');
  await prompt.press('Enter');
  await page.getByRole('button', { name: 'Speed ×16' }).click();
  await measure('3,000 pods being scheduled (×16)', 8000, { fromNow: false });
  await page.waitForTimeout(8000);
  await measure('3,000 pods running (×16)', 4000);
  // Zoomed in, where pods are drawn one by one, while all 3,000 are replaced by a rollout.
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(400); // each step's zoom transition ends before the next
  }
  const drawn = await page.evaluate(() => ({ nodes: document.querySelectorAll('.diagram-svg g.node:not(.exiting)').length, pods: document.querySelectorAll('.diagram-svg rect.pod').length }));
  await page.evaluate(() => (window.__longTasks = []));
  await prompt.fill('kubectl rollout restart deployment web');
  await prompt.press('Enter');
  await measure('zoomed in, rolling all 3,000 (×16)', 8000, { fromNow: false });
  console.log(`(zoomed in: ${drawn.nodes} nodes and ${drawn.pods} pods drawn one by one, the rest culled)`);
  await browser.close();
} finally {
  stop();
}
