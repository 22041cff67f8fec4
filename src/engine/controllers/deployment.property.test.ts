/**
 * Property: whatever a learner does to a Deployment — apply a new replicas/image/strategy
 * mid-rollout, `kubectl scale` it, `set image`, `rollout undo` — once the clock runs long enough
 * it ends with exactly spec.replicas available pods, all of its current template, and
 * `rollout status` says so. Meanwhile the controller keeps upstream's rolling-update bounds
 * (rolling.go): it never grows the ReplicaSets past replicas + maxSurge, and never scales an old
 * ReplicaSet down so far that fewer than replicas − maxUnavailable pods stay available.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCluster, k } from '../testing/helpers';
import type { KObject } from '../api/types';
import type { Cluster } from '../cluster/cluster';
import { maxSurgeOf, maxUnavailableOf, replicasOf } from '../helpers/deploymentutil';
import { isPodReady } from '../helpers/podutil';

const IMAGES = ['nginx:1.27', 'nginx:1.26', 'nginx:1.25'];
type IntOrPct = number | string;
type Strategy = { type: 'Recreate' } | { type: 'RollingUpdate'; maxSurge: IntOrPct; maxUnavailable: IntOrPct };
type Op =
  | { op: 'apply'; replicas: number; image: string; strategy: Strategy }
  | { op: 'scale'; replicas: number }
  | { op: 'setImage'; image: string }
  | { op: 'undo' };

const ROLLING_DEFAULT: Strategy = { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' };
const intOrPct = fc.constantFrom<IntOrPct>(0, 1, 2, '0%', '25%', '50%', '100%');
const isZero = (v: IntOrPct) => v === 0 || v === '0%';
const strategy: fc.Arbitrary<Strategy> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Strategy>({ type: 'Recreate' }) },
  {
    weight: 3,
    // Validation refuses maxSurge and maxUnavailable both 0 (ValidateRollingUpdateDeployment).
    arbitrary: fc
      .record({ type: fc.constant('RollingUpdate' as const), maxSurge: intOrPct, maxUnavailable: intOrPct })
      .filter((s) => !(isZero(s.maxSurge) && isZero(s.maxUnavailable))),
  },
);
const replicas = fc.integer({ min: 0, max: 5 });
const image = fc.constantFrom(...IMAGES);
// Editing the manifest (replicas and image at once) is the edit learners make most: weighted up.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('apply' as const), replicas, image, strategy }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('scale' as const), replicas }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setImage' as const), image }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const) }) },
);
/** Each step: an operation, then some half-seconds of simulated time (0 = at once, mid-rollout). */
const steps = fc.array(fc.record({ op, wait: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 6 });

function manifest(a: { replicas: number; image: string; strategy: Strategy }): string {
  const s = a.strategy;
  const strategyYaml =
    s.type === 'Recreate'
      ? '  strategy:\n    type: Recreate\n'
      : `  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: ${JSON.stringify(s.maxSurge)}\n      maxUnavailable: ${JSON.stringify(s.maxUnavailable)}\n`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${a.replicas}
${strategyYaml}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${a.image}
`;
}

interface Observation {
  total: number;
  available: number;
}

function observe(c: Cluster): Observation {
  const rss = c.store.list('replicasets', 'default');
  const uids = new Set(rss.map((rs) => rs.metadata.uid));
  const pods = c.store.list('pods', 'default').filter((p) => uids.has(p.metadata.ownerReferences?.[0]?.uid) && !p.metadata.deletionTimestamp);
  return { total: rss.reduce((s, rs) => s + replicasOf(rs), 0), available: pods.filter(isPodReady).length };
}

function deployment(c: Cluster): KObject {
  return c.store.get('deployments', 'default', 'web')!;
}

function run(c: Cluster, o: Op): void {
  switch (o.op) {
    case 'apply':
      k(c, 'apply -f -', manifest(o));
      return;
    case 'scale':
      k(c, `scale deployment web --replicas=${o.replicas}`);
      return;
    case 'setImage':
      k(c, `set image deployment/web nginx=${o.image}`);
      return;
    case 'undo': {
      // With a single revision there is nothing to undo: kubectl refuses, the cluster is unchanged.
      const r = c.kubectl('rollout undo deployment/web');
      if (r.exitCode !== 0) expect(r.stderr).toMatch(/no rollout history|unable to find/);
    }
  }
}

/**
 * One half-second step with no change to the spec: the controller alone acts, so the
 * rolling-update bounds must hold relative to what was there before.
 */
function checkStep(c: Cluster, before: Observation): Observation {
  c.advance(0.5);
  const after = observe(c);
  const d = deployment(c);
  const rolling = d.spec.strategy?.type === 'RollingUpdate';
  const maxTotal = d.spec.replicas + (rolling ? maxSurgeOf(d) : 0);
  // Never grows past replicas + maxSurge (it may only shrink toward it after a spec change lowered it).
  if (after.total > before.total) expect(after.total, 'ReplicaSets grew past replicas + maxSurge').toBeLessThanOrEqual(maxTotal);
  if (rolling) {
    const minAvailable = d.spec.replicas - maxUnavailableOf(d);
    expect(after.available, 'scale-down broke maxUnavailable').toBeGreaterThanOrEqual(Math.min(before.available, minAvailable));
  }
  return after;
}

describe('Deployment converges under random edits (property)', () => {
  it('every sequence of apply/scale/set image/undo ends at spec.replicas available pods of the current template', () => {
    fc.assert(
      fc.property(fc.record({ replicas, image, strategy }), steps, (initial, plan) => {
        const c = newCluster();
        k(c, 'apply -f -', manifest(initial));
        c.advance(20);
        let seen = observe(c);
        for (const step of plan) {
          run(c, step.op);
          seen = observe(c);
          for (let i = 0; i < step.wait; i++) seen = checkStep(c, seen);
        }
        for (let i = 0; i < 60 && !k(c, 'rollout status deployment/web --watch=false').includes('successfully rolled out'); i++) c.advance(10);
        c.advance(20); // terminating pods of scaled-down ReplicaSets finish their grace period

        const d = deployment(c);
        const want = d.spec.replicas;
        expect(k(c, 'rollout status deployment/web --watch=false')).toBe('deployment "web" successfully rolled out\n');
        expect(d.status.availableReplicas ?? 0).toBe(want);
        expect(d.status.replicas ?? 0).toBe(want);
        expect(d.status.updatedReplicas ?? 0).toBe(want);
        const rss = c.store.list('replicasets', 'default');
        const current = rss.filter((rs) => rs.spec.template.spec.containers[0].image === d.spec.template.spec.containers[0].image);
        expect(current).toHaveLength(1);
        expect(current[0].spec.replicas).toBe(want);
        for (const rs of rss) if (rs !== current[0]) expect(rs.spec.replicas).toBe(0);
        const pods = c.store.list('pods', 'default');
        expect(pods).toHaveLength(want);
        for (const p of pods) {
          expect(p.metadata.ownerReferences?.[0]?.uid).toBe(current[0].metadata.uid);
          expect(p.spec.containers[0].image).toBe(d.spec.template.spec.containers[0].image);
          expect(isPodReady(p)).toBe(true);
        }
        expect(c.clock.failures).toEqual([]);
      }),
      {
        numRuns: 40,
        seed: Number(process.env.SEED ?? 13),
        // The issue's own case: 3 replicas, then one apply with replicas 5 and a new image.
        examples: [[{ replicas: 3, image: 'nginx:1.26', strategy: ROLLING_DEFAULT }, [{ op: { op: 'apply', replicas: 5, image: 'nginx:1.27', strategy: ROLLING_DEFAULT }, wait: 0 }]]],
      },
    );
  });
});
