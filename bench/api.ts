/**
 * The served API's costs (`npm run bench`): requests per second for GET of one pod and LIST of
 * 3,000 pods as a Table over loopback HTTPS, each beside the same read through the in-process
 * kubectl (`get pod`, `get pods -A`) — a ratio from one run — and watch latency while 1,000
 * pods start: from the moment the engine stores a change to the moment a client over HTTPS
 * has parsed it.
 */
import { Agent, request } from 'node:https';
import { startServer, type RunningServer } from '../src/server/serve';

interface Timing {
  perSecond: number;
  ms: number;
}

function get(server: RunningServer, agent: Agent, path: string, accept = 'application/json'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.apiUrl), { agent, ca: server.caCertificate, headers: { Authorization: `Bearer ${server.token}`, Accept: accept } }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => (n += d.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function rate(count: number, concurrency: number, one: () => Promise<unknown>): Promise<Timing> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        await one();
      }
    }),
  );
  const ms = performance.now() - t0;
  return { perSecond: (count / ms) * 1000, ms };
}

function rateSync(count: number, one: () => void): Timing {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) one();
  const ms = performance.now() - t0;
  return { perSecond: (count / ms) * 1000, ms };
}

function deployment(name: string, replicas: number): string {
  return JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } } } });
}

function post(server: RunningServer, agent: Agent, path: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.apiUrl), { method: 'POST', agent, ca: server.caCertificate, headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

export async function apiBench(): Promise<string[]> {
  const lines: string[] = [];
  const server = await startServer({ port: 0, seed: 1, workers: 100, speed: 1, kubeconfig: '', page: false });
  const host = server.runner.host;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  try {
    host.setClock({ paused: true });
    host.serve({ method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', contentType: 'application/json', body: deployment('bench', 3000) });
    for (let i = 0; i < 40 && host.query('get deploy bench -o jsonpath={.status.availableReplicas}').stdout !== '3000'; i++) host.runFor(15);
    const pod = host.query('get pods -l app=bench -o jsonpath={.items[0].metadata.name}').stdout;

    const oneOver = await rate(2000, 8, () => get(server, agent, `/api/v1/namespaces/default/pods/${pod}`));
    const oneIn = rateSync(2000, () => host.query(`get pod ${pod} -o json`));
    const table = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    const bytes = await get(server, agent, '/api/v1/pods', table);
    const listOver = await rate(20, 2, () => get(server, agent, '/api/v1/pods', table));
    const listIn = rateSync(20, () => host.query('get pods -A'));
    lines.push('served API over loopback HTTPS (100 nodes, 3,000 pods) — beside the same read by the in-process kubectl');
    lines.push('operation                          over HTTPS        in-process kubectl   ratio');
    lines.push(`GET one pod (JSON)                 ${oneOver.perSecond.toFixed(0).padStart(7)} req/s     ${oneIn.perSecond.toFixed(0).padStart(7)} /s          ${(oneIn.perSecond / oneOver.perSecond).toFixed(1)}×`);
    lines.push(`LIST 3,000 pods as a Table         ${listOver.perSecond.toFixed(1).padStart(7)} req/s     ${listIn.perSecond.toFixed(1).padStart(7)} /s          ${(listIn.perSecond / listOver.perSecond).toFixed(1)}×   (${(bytes / 1024 / 1024).toFixed(1)} MB per answer)`);

    // Watch latency: the same watch opened in process (told synchronously as the store changes)
    // and over HTTPS; each event's delay is the HTTPS client's parse time minus the in-process one.
    const told = new Map<string, number>();
    const inProcess = host.watchApi({ method: 'GET', path: '/api/v1/namespaces/default/pods', query: 'watch=1&labelSelector=app%3Dburst' }, (e) => {
      const o = e.object as { metadata: { resourceVersion: string } };
      told.set(`${e.type}/${o.metadata.resourceVersion}`, performance.now());
    }, () => {});
    if ('error' in inProcess) throw new Error('in-process watch refused');
    const delays: number[] = [];
    let buffer = '';
    const watch = request(new URL('/api/v1/namespaces/default/pods?watch=1&labelSelector=app%3Dburst', server.apiUrl), { ca: server.caCertificate, headers: { Authorization: `Bearer ${server.token}` } }, (res) => {
      res.on('data', (d: Buffer) => {
        buffer += d.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const e = JSON.parse(line) as { type: string; object: { metadata: { resourceVersion: string } } };
          const at = told.get(`${e.type}/${e.object.metadata.resourceVersion}`);
          if (at !== undefined) delays.push(performance.now() - at);
        }
      });
    });
    watch.end();
    await new Promise((r) => setTimeout(r, 200));
    await post(server, agent, '/apis/apps/v1/namespaces/default/deployments', deployment('burst', 1000));
    host.setClock({ paused: false, speed: 16 });
    const t0 = performance.now();
    while (host.query('get deploy burst -o jsonpath={.status.availableReplicas}').stdout !== '1000' && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 500));
    watch.destroy();
    inProcess.stream.close();
    if (delays.length === 0) throw new Error(`the HTTPS watch received none of the ${told.size} events`);
    const sorted = [...delays].sort((a, b) => a - b);
    lines.push('');
    lines.push(`watch while 1,000 pods start (×16): ${delays.length.toLocaleString('en-US')} events over HTTPS; delay after the in-process watch saw them: p50 ${pct(sorted, 50).toFixed(1)} ms, p95 ${pct(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (${told.size.toLocaleString('en-US')} in process)`);
  } finally {
    agent.destroy();
    await server.close();
  }
  return lines;
}
