/**
 * PodDisruptionBudgets and the Eviction API: the disruption controller's arithmetic, the
 * eviction's refusal in the API server's words, kubectl drain retrying as kubectl does, and a
 * property: whatever is evicted, a budget's healthy pods never drop below what it asks for
 * because of an eviction.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCluster, k, kFail, assertNoTaskFailures } from '../testing/helpers';
import { budgetNumbers, scaledValue } from './disruption';
import type { KObject } from '../api/types';
import { ApiError } from '../api/errors';

const pdb = (name: string, spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
${spec}`;

describe('PodDisruptionBudget', () => {
  it('works out its numbers as the disruption controller does', () => {
    expect(scaledValue('50%', 3)).toBe(2);
    expect(scaledValue(1, 3)).toBe(1);
    const pods = [1, 2, 3].map((i) => ({ metadata: { name: `p${i}` } }) as KObject);
    const scale = () => ({ uid: 'd', replicas: 4 });
    expect(budgetNumbers({ metadata: {}, spec: { minAvailable: 2 } } as KObject, pods, scale)).toEqual({ expectedPods: 3, desiredHealthy: 2 });
    // maxUnavailable counts the controller's scale (4 wanted), not the 3 pods that exist.
    expect(budgetNumbers({ metadata: {}, spec: { maxUnavailable: 1 } } as KObject, pods, scale)).toEqual({ expectedPods: 4, desiredHealthy: 3 });
    expect(budgetNumbers({ metadata: {}, spec: { minAvailable: '50%' } } as KObject, pods, scale)).toEqual({ expectedPods: 4, desiredHealthy: 2 });
    expect(() => budgetNumbers({ metadata: {}, spec: { maxUnavailable: 1 } } as KObject, pods, () => undefined)).toThrow('found no controllers for pod "p1"');
  });

  it('is served as kubectl 1.32 shows it: get, describe, status kept by the controller', () => {
    const c = newCluster({ workers: 3 });
    k(c, 'create deployment web --image=nginx --replicas=3');
    expect(k(c, 'apply -f -', pdb('web-pdb', '  minAvailable: 2\n  selector:\n    matchLabels:\n      app: web\n'))).toBe('poddisruptionbudget.policy/web-pdb created\n');
    c.advance(30);
    expect(k(c, 'get pdb')).toBe('NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   2               N/A               1                     30s\n');
    expect(k(c, 'describe pdb web-pdb')).toMatch(/^Name:           web-pdb\nNamespace:      default\nMin available:  2\nSelector:       app=web\nStatus:\n    Allowed disruptions:  1\n    Current:              3\n    Desired:              2\n    Total:                3\nEvents:/);
    const status = JSON.parse(k(c, 'get pdb web-pdb -o json')).status;
    expect(status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1 });
    expect(status.conditions[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods' });
    // "Why?" says when the budget allows evictions and when it stops allowing them.
    const said = () => c.reasons.recent().filter((r) => r.key.startsWith('disruption.')).map((r) => `${r.key} ${r.params.current}/${r.params.desired}`);
    expect(said().at(-1)).toBe('disruption.allowed 3/2');
    k(c, 'scale deployment web --replicas=2');
    c.advance(30);
    expect(said().at(-1)).toBe('disruption.noneAllowed 2/2');
    expect(kFail(c, 'apply -f -', pdb('both', '  minAvailable: 1\n  maxUnavailable: 1\n'))).toContain('minAvailable and maxUnavailable cannot be both set');
    expect(kFail(c, 'apply -f -', pdb('big', '  maxUnavailable: 120%\n'))).toContain('spec.maxUnavailable: Invalid value: "120%": must not be greater than 100%');
    assertNoTaskFailures(c);
  });

  it('refuses an eviction that would break the budget, with the API server’s 429', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'create deployment web --image=nginx --replicas=2');
    k(c, 'apply -f -', pdb('web-pdb', '  minAvailable: 2\n  selector:\n    matchLabels:\n      app: web\n'));
    c.advance(30);
    const [pod] = c.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === 'web');
    let error: unknown;
    try {
      c.api.evict('default', pod.metadata.name!, 'test');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(429);
    expect((error as ApiError).kubectlMessage()).toBe("Error from server (TooManyRequests): Cannot evict pod as it would violate the pod's disruption budget.");
    expect((error as ApiError).details.causes).toEqual([{ field: '', reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }]);
    // One more replica: one disruption is allowed, and spent by the first eviction at once.
    k(c, 'scale deployment web --replicas=3');
    c.advance(30);
    c.api.evict('default', pod.metadata.name!, 'test');
    const second = c.store.list('pods', 'default').find((p) => p.metadata.labels?.app === 'web' && p.metadata.name !== pod.metadata.name && !p.metadata.deletionTimestamp)!;
    expect(() => c.api.evict('default', second.metadata.name!, 'test')).toThrow("Cannot evict pod as it would violate the pod's disruption budget.");
  });

  it('kubectl drain evicts through the budget: refused pods are retried every 5 s until the budget allows', () => {
    const c = newCluster({ workers: 3 });
    k(c, 'create deployment web --image=nginx --replicas=3');
    k(c, 'apply -f -', pdb('web-pdb', '  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n'));
    c.advance(30);
    const onNode = (n: string) => c.store.list('pods', 'default').filter((p) => p.spec?.nodeName === n && p.metadata.labels?.app === 'web').length;
    expect(onNode('worker-1') + onNode('worker-2') + onNode('worker-3')).toBe(3);
    k(c, 'drain worker-1 --ignore-daemonsets');
    // Two nodes at once: the budget lets one pod go at a time, and kubectl waits for its replacement.
    const r = c.kubectl('drain worker-2 worker-3 --ignore-daemonsets --timeout=5m');
    expect(r.stdout).toContain('node/worker-2 drained');
    expect(r.stderr).toMatch(/error when evicting pods\/"web-\S+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./);
    const status = JSON.parse(k(c, 'get pdb web-pdb -o json')).status;
    expect(status.desiredHealthy).toBe(2);
    assertNoTaskFailures(c);
  });

  it('gives up at --timeout with kubectl’s words, leaving the pod', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'create deployment web --image=nginx --replicas=1');
    k(c, 'apply -f -', pdb('web-pdb', '  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n'));
    c.advance(30);
    const node = c.store.list('pods', 'default').find((p) => p.metadata.labels?.app === 'web')!.spec!.nodeName as string;
    const r = c.kubectl(`drain ${node} --ignore-daemonsets --timeout=12s`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`There are pending pods in node "${node}" when an error occurred: error when evicting pods/"`);
    expect(r.stderr).toContain(`" -n "default": global timeout reached: 12s\npod/web-`);
    expect(r.stderr).toContain(`error: unable to drain node "${node}" due to error: error when evicting pods/"`);
    expect(c.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp)).toHaveLength(1);
    // Without --timeout kubectl would wait until Ctrl+C; the simulator stops after 5 simulated minutes and says why.
    const before = c.now();
    const endless = c.kubectl(`drain ${node} --ignore-daemonsets`);
    expect(c.now() - before).toBe(300_000);
    expect(endless.stderr).toContain('note: kubectl drain waits without end by default (until Ctrl+C); this simulator gave up after 5m0s of simulated time — --timeout chooses how long\n');
    expect(endless.stderr).toContain('global timeout reached: 5m0s');
  });

  it('never lets an eviction take a budget below what it asks for (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 12 }), (replicas, minAvailable, picks) => {
        const c = newCluster({ workers: 3, minimal: true });
        k(c, `create deployment web --image=nginx --replicas=${replicas}`);
        k(c, 'apply -f -', pdb('web-pdb', `  minAvailable: ${minAvailable}\n  selector:\n    matchLabels:\n      app: web\n`));
        c.advance(30);
        for (const pick of picks) {
          const ready = () => c.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True'));
          const before = ready();
          const target = before[pick % Math.max(1, before.length)];
          if (target) {
            try {
              c.api.evict('default', target.metadata.name!, 'test');
              // Allowed only while a healthy pod could be spared.
              expect(before.length - 1).toBeGreaterThanOrEqual(minAvailable);
            } catch (e) {
              if (!(e instanceof ApiError) || e.code !== 429) throw e;
            }
          }
          c.advance(pick % 3 === 0 ? 20 : 0.5);
        }
        assertNoTaskFailures(c);
      }),
      { numRuns: 25 },
    );
  });
});
