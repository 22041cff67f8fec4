/**
 * npm run bench — engine scale benchmarks (headless, Node).
 *
 * For 100 / 1,000 / 5,000 nodes: boot the cluster, apply one Deployment with 30 pods per node,
 * advance the simulated clock until every replica is available, and time it; then time
 * `kubectl get pods -A`. Targets (2 cores): 1,000 nodes / 30,000 pods under 10 s. Then the
 * scheduler's raw throughput, and the cost of the traffic model.
 *
 *   npm run bench                 all sizes
 *   npm run bench -- 100 1000     chosen sizes
 *   npm run bench -- api          the served API only (./api.ts)
 */
import { createCluster } from '../src/engine/testing/helpers';
import { printProcessCosts } from './processes';
import { apiBench } from './api';

const PODS_PER_NODE = 30;

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function deployment(replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: bench
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: bench}
  template:
    metadata:
      labels: {app: bench}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests: {cpu: 10m, memory: 16Mi}
`;
}

interface Result {
  nodes: number;
  pods: number;
  bootMs: number;
  convergeMs: number;
  simulatedSeconds: number;
  getPodsMs: number;
  heap: string;
}

function run(workers: number): Result {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const t0 = performance.now();
  const c = createCluster({ seed: 1, workers, bootSeconds: 30 });
  const bootMs = performance.now() - t0;
  const replicas = workers * PODS_PER_NODE;
  const start = c.now();
  const t1 = performance.now();
  const r = c.kubectl('apply -f -', { stdin: deployment(replicas) });
  if (r.exitCode !== 0) throw new Error(r.stderr);
  for (;;) {
    c.advance(5);
    const d = c.store.get('deployments', 'default', 'bench');
    if ((d?.status?.availableReplicas ?? 0) >= replicas) break;
    if (c.now() - start > 3_600_000) throw new Error(`no convergence after an hour of simulated time: ${JSON.stringify(d?.status)}`);
  }
  const convergeMs = performance.now() - t1;
  const simulatedSeconds = (c.now() - start) / 1000;
  if (c.clock.failures.length) throw new Error(`tasks failed: ${c.clock.failures[0].error}`);
  const t2 = performance.now();
  const out = c.kubectl('get pods -A');
  const getPodsMs = performance.now() - t2;
  const lines = out.stdout.split('\n').length - 2;
  if (lines < replicas) throw new Error(`get pods -A printed ${lines} rows`);
  gc?.();
  return { nodes: workers, pods: replicas, bootMs, convergeMs, simulatedSeconds, getPodsMs, heap: mb(process.memoryUsage().heapUsed) };
}

/**
 * Scheduling throughput: bare pods queued at once, the kubelets held (machines stopped for a
 * few simulated seconds, well inside the 50 s grace period) so only the scheduler works.
 */
function schedulingThroughput(workers: number, pods: number): { decisionsPerSecond: number; ms: number } {
  const c = createCluster({ seed: 2, workers, bootSeconds: 30, minimal: true });
  for (const name of c.kubelets.keys()) c.stopNode(name);
  for (let i = 0; i < pods; i++) {
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } }, 'bench');
  }
  const t0 = performance.now();
  let bound = 0;
  while (bound < pods) {
    c.advance(1);
    bound = pods - c.scheduler.queue.activeSize - c.scheduler.queue.unschedulable.size;
    if (c.scheduler.queue.unschedulable.size) throw new Error('unschedulable pods in the throughput run');
  }
  const ms = performance.now() - t0;
  return { decisionsPerSecond: (pods / ms) * 1000, ms };
}

/**
 * Traffic model cost: 100 Services over 100 Deployments of 30 pods (3,000 pods on 100 nodes),
 * each Service under 1,000 requests/s. Reports wall time per simulated second of traffic,
 * net of the same cluster advancing without traffic.
 */
function trafficCost(): { perSimSecondMs: number; baselineMs: number; requests: number } {
  const c = createCluster({ seed: 3, workers: 100, bootSeconds: 30 });
  const docs: string[] = [];
  for (let i = 0; i < 100; i++) {
    docs.push(deployment(30).replace(/bench/g, `app-${i}`));
    docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: app-${i}}\nspec:\n  selector: {app: app-${i}}\n  ports: [{port: 80}]\n`);
  }
  const r = c.kubectl('apply -f -', { stdin: docs.join('---\n') });
  if (r.exitCode !== 0) throw new Error(r.stderr);
  c.advance(120);
  const seconds = 60;
  let t = performance.now();
  c.advance(seconds);
  const baselineMs = performance.now() - t;
  for (let i = 0; i < 100; i++) c.startTraffic({ kind: 'Service', name: `app-${i}` }, 1000);
  t = performance.now();
  c.advance(seconds);
  const withTraffic = performance.now() - t;
  const sources = c.traffic.list();
  const ok = sources.reduce((sum, s) => sum + s.ok, 0);
  if (ok !== 100 * 1000 * seconds) throw new Error(`traffic bench: ${ok} requests answered, expected ${100 * 1000 * seconds}`);
  return { perSimSecondMs: (withTraffic - baselineMs) / seconds, baselineMs: baselineMs / seconds, requests: ok };
}

if (process.argv[2] === 'api') {
  for (const line of await apiBench()) console.log(line);
  process.exit(0);
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const plan = sizes.length ? sizes : [100, 1000, 5000];
console.log(`Wheelhouse engine benchmark — ${PODS_PER_NODE} pods per node, Node ${process.version}`);
console.log('nodes   pods      boot       apply→all Running   (simulated)   get pods -A   heap');
for (const n of plan) {
  const r = run(n);
  console.log(
    `${String(r.nodes).padEnd(7)} ${String(r.pods).padEnd(9)} ${(r.bootMs / 1000).toFixed(2).padStart(6)} s   ${(r.convergeMs / 1000).toFixed(2).padStart(8)} s          ${r.simulatedSeconds.toFixed(0).padStart(5)} s      ${(r.getPodsMs / 1000).toFixed(2).padStart(6)} s      ${r.heap}`,
  );
  if (n === 1000) console.log(`        target: 1,000 nodes / 30,000 pods under 10 s → ${r.convergeMs < 10_000 ? 'met' : 'NOT met'}`);
}

console.log('');
console.log('scheduling throughput (filter + score + bind, kubelets held)');
console.log('nodes   pods      time       decisions/s');
for (const n of plan.filter((x) => x >= 1000)) {
  const pods = 20_000;
  const r = schedulingThroughput(n, pods);
  console.log(`${String(n).padEnd(7)} ${String(pods).padEnd(9)} ${(r.ms / 1000).toFixed(2).padStart(6)} s   ${Math.round(r.decisionsPerSecond).toLocaleString('en-US').padStart(10)}`);
}

console.log('');
console.log('traffic model (100 Services × 1,000 req/s over 3,000 pods on 100 nodes)');
const traffic = trafficCost();
console.log(`        ${traffic.perSimSecondMs.toFixed(2)} ms of wall time per simulated second (cluster alone: ${traffic.baselineMs.toFixed(2)} ms); ${traffic.requests.toLocaleString('en-US')} requests routed`);

console.log('');
printProcessCosts();

console.log('');
for (const line of await apiBench()) console.log(line);
