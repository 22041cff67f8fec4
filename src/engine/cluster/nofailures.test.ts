/**
 * No control-loop task may ever throw (issue 18): every corpus manifest, and random sequences of
 * learner commands (fast-check), run on the simulated clock without a single recorded failure —
 * and without a contained one either (a controller that had to retry after an exception).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { createCluster } from '../testing/helpers';
import type { Cluster } from './cluster';

const corpusDir = resolve(__dirname, '../testdata/corpus');
const index = readFileSync(`${corpusDir}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);

function problems(c: Cluster): string[] {
  return [...c.clock.failures, ...c.clock.contained].map((f) => `${f.owner}: ${f.error.split('\n')[0]}`);
}

describe('no task ever throws', () => {
  it('for any corpus manifest, applied and left to run', () => {
    const seen: string[] = [];
    for (const path of index) {
      const c = createCluster({ seed: 7, bootSeconds: 0, workers: 2 });
      const text = readFileSync(`${corpusDir}/${path}`, 'utf8');
      for (const m of text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)) c.kubectl(`create namespace ${m[1]}`);
      c.kubectl('apply -f -', { stdin: text });
      c.advance(120);
      c.kubectl('delete -f -', { stdin: text });
      c.advance(40);
      for (const p of problems(c)) seen.push(`${path}: ${p}`);
    }
    expect(seen).toEqual([]);
  });

  const name = fc.constantFrom('web', 'api', 'db', 'job1', 'x');
  const ns = fc.constantFrom('default', 'shop', 'kube-system', 'kube-node-lease', 'gone');
  const schedule = fc.constantFrom('* * * * *', '*/2 * * * *', '0 0 31 2 *', '@every 500ms', '@every 1s', '@hourly', '59 23 31 12 *', '0 0 29 2 *');
  const script = fc.constantFrom('echo hi', 'sleep 5; exit 1', 'for ( in 1 2; do echo x; done', 'for (a+)+b in x; do echo y; done', 'while true; do echo tick; sleep 1; done', 'exit 0', 'cat /nope', 'echo $((1/0))');
  const command = fc.oneof(
    fc.tuple(name, fc.integer({ min: 0, max: 40 })).map(([n, r]) => `create deployment ${n} --image=nginx --replicas=${r}`),
    fc.tuple(name, fc.integer({ min: 0, max: 60 })).map(([n, r]) => `scale deployment ${n} --replicas=${r}`),
    fc.tuple(name, script).map(([n, s]) => `run ${n} --image=busybox --restart=Never -- sh -c '${s}'`),
    fc.tuple(name, ns).map(([n, s]) => `delete deployment ${n} -n ${s} --wait=false`),
    ns.map((s) => `create namespace ${s}`),
    ns.map((s) => `delete namespace ${s} --wait=false`),
    fc.constantFrom('worker-1', 'worker-2', 'control-plane').map((n) => `delete node ${n}`),
    fc.constantFrom('cordon worker-1', 'drain worker-2 --ignore-daemonsets --force', 'uncordon worker-1'),
    fc.tuple(name, fc.constantFrom('constructor=x', 'toString=y', 'app-', '__proto__=z')).map(([n, l]) => `label deployment ${n} ${l}`),
    fc.tuple(name, ns).map(([n, s]) => `create configmap ${n} -n ${s} --from-literal=__proto__=1 --from-literal=constructor=2`),
    fc.tuple(name, schedule, script).map(([n, s, sc]) => ({ stdin: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${n}\nspec:\n  schedule: "${s}"\n  jobTemplate:\n    spec:\n      ttlSecondsAfterFinished: 30\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: c\n            image: busybox\n            command: ["sh", "-c", ${JSON.stringify(sc)}]\n` })),
    fc.tuple(name, fc.constantFrom('0', '5', '1e300', '2147483648', '-1', '2.5', '"3"')).map(([n, r]) => ({ stdin: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${n}\nspec:\n  replicas: ${r}\n  selector:\n    matchLabels: {app: ${n}}\n  template:\n    metadata:\n      labels: {app: ${n}}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n` })),
  );
  const step = fc.tuple(command, fc.integer({ min: 0, max: 90 }));

  it('for random sequences of learner commands (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const c = createCluster({ seed: 3, bootSeconds: 0, workers: 2 });
        for (const [cmd, seconds] of steps) {
          if (typeof cmd === 'string') c.kubectl(cmd);
          else c.kubectl('apply -f -', { stdin: cmd.stdin });
          c.advance(seconds);
        }
        c.advance(180);
        expect(problems(c)).toEqual([]);
      }),
      { numRuns: 40, seed: 1918 },
    );
  });
});
