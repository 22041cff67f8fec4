/**
 * Property test: whatever a learner does to a Service's pods and nodes, kube-proxy's traffic
 * accounting holds — every request is answered or failed, answers only come from pods the
 * Service selects, from machines that are up, and a Service with no ready endpoint answers none.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../testing/helpers';

type Step = { kind: 'scale'; replicas: number } | { kind: 'stop' | 'start'; node: string } | { kind: 'deletePod'; index: number } | { kind: 'advance'; seconds: number } | { kind: 'rate'; rps: number };

const WORKERS = ['worker-1', 'worker-2', 'worker-3'];
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constantFrom('stop' as const, 'start' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('deletePod' as const), index: fc.nat(10) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ kind: fc.constant('rate' as const), rps: fc.integer({ min: 0, max: 5000 }) }),
);

const SETUP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

describe('traffic invariants under random learner actions', () => {
  it('holds for 40 random sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(step, { minLength: 3, maxLength: 14 }), (seed, steps) => {
        const c = createCluster({ seed });
        c.kubectl('apply -f -', { stdin: SETUP });
        c.advance(30);
        const load = c.startTraffic({ kind: 'Service', name: 'web' }, 100);
        const endpoints = () =>
          new Set(
            c.store
              .byIndex('endpointslices', 'service', 'default/web')
              .flatMap((sl) => ((sl.endpoints as { targetRef?: { name: string }; conditions?: { ready?: boolean; serving?: boolean } }[]) ?? []).filter((e) => e.conditions?.ready || e.conditions?.serving).map((e) => e.targetRef?.name)),
          );
        for (const s of steps) {
          if (s.kind === 'scale') c.kubectl(`scale deployment web --replicas=${s.replicas}`);
          else if (s.kind === 'stop' && c.isNodeRunning(s.node)) c.stopNode(s.node);
          else if (s.kind === 'start' && !c.isNodeRunning(s.node)) c.startNode(s.node);
          else if (s.kind === 'deletePod') {
            const pods = c.store.list('pods', 'default');
            if (pods.length) c.kubectl(`delete pod ${pods[s.index % pods.length].metadata.name}`);
          } else if (s.kind === 'rate') c.setTraffic(load.id, s.rps);
          else if (s.kind === 'advance') {
            // Check right after each tick: what the last second routed, against the state it saw.
            for (let i = 0; i < s.seconds; i++) {
              const ready = endpoints();
              const up = new Map([...c.kubelets].map(([n, k]) => [n, k.isRunning]));
              const nodeOf = new Map(c.store.list('pods', 'default').map((p) => [p.metadata.name, p.spec?.nodeName]));
              c.advance(1);
              // The tick fell somewhere in that second: the slices it read were these or the next ones.
              for (const name of endpoints()) ready.add(name);
              for (const [n, k] of c.kubelets) if (k.isRunning) up.set(n, true);
              const src = c.traffic.list()[0];
              expect(src.sent).toBe(src.ok + src.failed);
              const perPod = Object.entries(src.last.perPod);
              expect(perPod.reduce((t, [, n]) => t + n, 0)).toBe(src.last.ok);
              for (const [pod] of perPod) {
                expect(pod.startsWith('web-')).toBe(true);
                // Served only by pods the slices listed and whose machines were up.
                expect(ready.has(pod), `${pod} served without being an endpoint`).toBe(true);
                expect(up.get(nodeOf.get(pod) ?? ''), `${pod} served from a dead node`).toBe(true);
              }
              if (ready.size === 0 && src.last.ok + src.last.refused + src.last.timedOut > 0) expect(src.last.ok).toBe(0);
            }
          }
        }
        expect(c.clock.failures).toEqual([]);
      }),
      { numRuns: 40, seed: 20261125 },
    );
  });
});
