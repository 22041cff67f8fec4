import { createCluster } from './src/engine/index';
import { Session } from 'node:inspector';
import fs from 'node:fs';
const workers = Number(process.argv[2] ?? 5000), pods = 20000;
const c = createCluster({ seed: 2, workers, bootSeconds: 30, minimal: true });
for (const name of c.kubelets.keys()) c.stopNode(name);
for (let i = 0; i < pods; i++) c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } }, 'bench');
const s = new Session(); s.connect();
const post = (m: string, p?: object) => new Promise<any>((res) => s.post(m, p ?? {}, (e, r) => res(r)));
(async () => {
  if (process.env.PROF) { await post('Profiler.enable'); await post('Profiler.start'); }
  const t0 = performance.now();
  let bound = 0;
  while (bound < pods) { c.advance(1); bound = pods - c.scheduler.queue.activeSize - c.scheduler.queue.unschedulable.size; }
  const ms = performance.now() - t0;
  console.log(workers, Math.round(pods / ms * 1000), 'decisions/s', Math.round(ms), 'ms');
  if (process.env.PROF) { const r = await post('Profiler.stop'); fs.rmSync('/tmp/prof', { recursive: true, force: true }); fs.mkdirSync('/tmp/prof'); fs.writeFileSync('/tmp/prof/p.cpuprofile', JSON.stringify(r.profile)); }
})();
