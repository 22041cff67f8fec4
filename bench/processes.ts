/**
 * Simulated processes' cost (issue 19): wall time of the scripts a careless or hostile learner
 * can write — a loop whose sleep is smaller than the clock can count, a millisecond loop read
 * after an hour, a loop touching a file under an exec probe, a `for` over a pathological name.
 * Each must cost a bounded amount however long the pod has run.
 *
 *   node --import tsx bench/processes.ts       this section alone
 */
import { createCluster } from '../src/engine/testing/helpers';
type Cluster = ReturnType<typeof createCluster>;

function pod(name: string, script: string, probe = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: [sh, -c, ${JSON.stringify(script)}]
${probe}`;
}

function kubectl(c: Cluster, cmd: string, stdin?: string): string {
  const r = c.kubectl(cmd, stdin === undefined ? {} : { stdin });
  if (r.exitCode !== 0) throw new Error(`kubectl ${cmd}: ${r.stderr}`);
  return r.stdout;
}

function timed(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

export interface ProcessCost {
  label: string;
  ms: number;
}

export function processCosts(): ProcessCost[] {
  const out: ProcessCost[] = [];
  const fresh = () => createCluster({ seed: 7, workers: 1, bootSeconds: 30 });

  let c = fresh();
  kubectl(c, 'apply -f -', pod('tiny', 'while true; do echo tick; sleep 0.0000001; done'));
  c.advance(600);
  out.push({ label: 'sleep 0.0000001 loop, kubectl logs after 10 min', ms: timed(() => kubectl(c, 'logs tiny')) });

  c = fresh();
  kubectl(c, 'apply -f -', pod('milli', 'while true; do echo tick; sleep 0.001; done'));
  c.advance(600);
  out.push({ label: 'sleep 0.001 loop, logs --tail=5 after 10 min', ms: timed(() => kubectl(c, 'logs milli --tail=5')) });
  c.advance(3000);
  out.push({ label: 'sleep 0.001 loop, logs --tail=5 after 1 h', ms: timed(() => kubectl(c, 'logs milli --tail=5')) });

  c = fresh();
  const probe = '    livenessProbe:\n      exec: {command: [cat, /tmp/alive]}\n      periodSeconds: 1\n';
  kubectl(c, 'apply -f -', pod('toucher', 'while true; do touch /tmp/alive; sleep 0.001; done', probe));
  c.advance(300);
  out.push({ label: 'loop touching a file under an exec probe, 30 simulated s after 5 min', ms: timed(() => c.advance(30)) });
  c.advance(3600);
  out.push({ label: 'loop touching a file under an exec probe, 30 simulated s after 1 h', ms: timed(() => c.advance(30)) });

  c = fresh();
  const a = 'a'.repeat(28);
  out.push({
    label: 'for (a+)+b in …: apply and run 10 s',
    ms: timed(() => {
      kubectl(c, 'apply -f -', pod('regex', `for (a+)+b in ${a}c; do echo $${a}c; done`));
      c.advance(10);
      kubectl(c, 'logs regex');
    }),
  });
  return out;
}

const PROBED = `apiVersion: apps/v1
kind: Deployment
metadata: {name: probed}
spec:
  replicas: 30
  selector: {matchLabels: {app: probed}}
  template:
    metadata: {labels: {app: probed}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
        livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 10}
`;

/** Heap after a full collection (node --expose-gc), in MB; NaN without it. */
function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Heap growth over 10 simulated hours after the first: 30 probed pods, and an idle cluster. */
export function heapGrowth(): { probedMb: number; idleMbPerHour: number } {
  let c: Cluster | undefined = createCluster({ seed: 7 });
  kubectl(c, 'apply -f -', PROBED);
  c.advance(3600);
  let before = heapMb();
  c.advance(10 * 3600);
  const probedMb = heapMb() - before;
  c = createCluster({ seed: 8 });
  c.advance(3600);
  before = heapMb();
  c.advance(10 * 3600);
  const idleMbPerHour = (heapMb() - before) / 10;
  c = undefined;
  return { probedMb, idleMbPerHour };
}

export function printProcessCosts(): void {
  console.log('simulated processes (bounded cost: wall time per question, whatever the pod\'s age)');
  for (const r of processCosts()) console.log(`        ${(r.ms / 1000).toFixed(3).padStart(7)} s   ${r.label}`);
  const heap = heapGrowth();
  console.log(`        heap growth over 10 simulated hours: 30 probed pods ${heap.probedMb.toFixed(1)} MB; idle cluster ${heap.idleMbPerHour.toFixed(2)} MB per hour (needs node --expose-gc)`);
}

if (process.argv[1]?.endsWith('processes.ts')) printProcessCosts();
