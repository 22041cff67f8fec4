import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run serve`'s page: the cluster is the server's, so what a real client does shows in the
 * diagram, kubectl typed in the page's terminal acts on the same cluster, and the page's clock
 * controls run the server's clock.
 */
let server: ChildProcess;
let pageUrl = '';
let apiUrl = '';
let token = '';
let ca = '';
let dir = '';

function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: { items?: { metadata: { name: string } }[]; data?: Record<string, string> } }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, apiUrl), { method, ca, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wheelhouse-served-e2e-'));
  const kubeconfig = join(dir, 'kubeconfig');
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--page-dir', process.env.E2E_DIST ?? 'dist', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/page at /.test(out)) resolve();
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  apiUrl = /cluster at (\S+)/.exec(out)![1]!;
  pageUrl = /page at (\S+)/.exec(out)![1]!;
  const config = readFileSync(kubeconfig, 'utf8');
  token = /token: (\S+)/.exec(config)![1]!;
  ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(config)![1]!, 'base64').toString();
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test.describe('the page of npm run serve', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  });

  test('shows what a real client does, and the page’s kubectl acts on the same cluster', async ({ page }, info) => {
    await page.goto(pageUrl);
    await expect(page.getByTestId('served-badge')).toHaveText('⇄ kubectl');
    await expect(page.getByRole('button', { name: /^node worker-1: Ready/ })).toBeVisible();
    // A real client creates a Deployment: its pods appear in the diagram.
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'from-client' }, spec: { replicas: 2, selector: { matchLabels: { app: 'fc' } }, template: { metadata: { labels: { app: 'fc' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } };
    expect((await api('POST', '/apis/apps/v1/namespaces/default/deployments', dep)).status).toBe(201);
    await expect(page.getByRole('button', { name: /^pod from-client-\w+-\w{5}: Running, 1\/1$/ })).toHaveCount(2, { timeout: 30_000 });
    // kubectl typed in the page reaches the server's cluster.
    const prompt = page.getByRole('textbox', { name: 'kubectl' });
    await prompt.fill('kubectl create configmap from-page --from-literal=said=hello');
    await prompt.press('Enter');
    await expect(page.getByTestId('console-output')).toContainText('configmap/from-page created');
    const cm = await api('GET', '/api/v1/namespaces/default/configmaps/from-page');
    expect(cm.json.data).toEqual({ said: 'hello' });
    await page.screenshot({ path: info.outputPath('served.png'), fullPage: true });
  });

  test('the page’s clock controls run the server’s clock', async ({ page }) => {
    await page.goto(pageUrl);
    const clock = page.getByTestId('sim-clock');
    await expect(clock).not.toHaveText('');
    await page.getByRole('button', { name: /Pause/ }).click();
    const stopped = await clock.textContent();
    await page.waitForTimeout(2500);
    await expect(clock).toHaveText(stopped!);
    await page.getByRole('button', { name: /Play/ }).click();
    await expect(clock).not.toHaveText(stopped!, { timeout: 5000 });
  });
});
