/**
 * Property-based tests: random sequences of learner actions over many seeds must keep the
 * cluster's invariants. fast-check shrinks any failure to a short reproducible sequence.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../testing/helpers';
import type { Cluster } from './cluster';
import { validateObject } from '../api/validation';
import { RESOURCE_TYPES } from '../api/registry';
import { isPodActive } from '../helpers/podutil';

const WORKERS = ['worker-1', 'worker-2', 'worker-3'];
const NAMES = ['web', 'api'];

type Action =
  | { kind: 'apply'; name: string; replicas: number; image: string }
  | { kind: 'scale'; name: string; replicas: number }
  | { kind: 'delete'; name: string }
  | { kind: 'stop'; node: string }
  | { kind: 'start'; node: string }
  | { kind: 'drain'; node: string }
  | { kind: 'uncordon'; node: string }
  | { kind: 'deletePod'; index: number }
  | { kind: 'removeNode'; node: string }
  | { kind: 'addNode'; node: string }
  | { kind: 'advance'; seconds: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('apply' as const), name: fc.constantFrom(...NAMES), replicas: fc.integer({ min: 0, max: 6 }), image: fc.constantFrom('nginx:1.27', 'nginx:1.26', 'redis:7') }),
  fc.record({ kind: fc.constant('scale' as const), name: fc.constantFrom(...NAMES), replicas: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('stop' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('start' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('drain' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('uncordon' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('deletePod' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('removeNode' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('addNode' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
);

function deployment(name: string, replicas: number, image: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: main\n        image: ${image}\n`;
}

function perform(c: Cluster, a: Action, stoppedAt: Map<string, number>): void {
  switch (a.kind) {
    case 'apply':
      c.kubectl('apply -f -', { stdin: deployment(a.name, a.replicas, a.image) });
      break;
    case 'scale':
      c.kubectl(`scale deployment ${a.name} --replicas=${a.replicas}`);
      break;
    case 'delete':
      c.kubectl(`delete deployment ${a.name}`);
      break;
    case 'stop':
      if (c.kubelets.has(a.node) && c.isNodeRunning(a.node)) {
        c.stopNode(a.node);
        stoppedAt.set(a.node, c.now());
      }
      break;
    case 'start':
      if (c.kubelets.has(a.node) && !c.isNodeRunning(a.node)) {
        c.startNode(a.node);
        stoppedAt.delete(a.node);
      }
      break;
    case 'drain':
      c.kubectl(`drain ${a.node} --ignore-daemonsets --force`);
      break;
    case 'uncordon':
      c.kubectl(`uncordon ${a.node}`);
      break;
    case 'deletePod': {
      const pods = c.store.list('pods', 'default');
      if (pods.length) c.kubectl(`delete pod ${pods[a.index % pods.length].metadata.name}`);
      break;
    }
    case 'removeNode':
      if (c.kubelets.has(a.node)) {
        c.removeNode(a.node);
        stoppedAt.delete(a.node);
        removedAt.set(a.node, c.now());
      }
      break;
    case 'addNode':
      if (!c.kubelets.has(a.node)) {
        c.addNode({ name: a.node });
        removedAt.delete(a.node);
      }
      break;
    case 'advance':
      c.advance(a.seconds);
      break;
  }
}

const removedAt = new Map<string, number>();

function checkAlways(c: Cluster, stoppedAt: Map<string, number>): void {
  expect(c.clock.failures).toEqual([]);
  const nodes = new Set(c.store.list('nodes').map((n) => n.metadata.name));
  for (const t of RESOURCE_TYPES) {
    if (!t.verbs.includes('list')) continue;
    for (const obj of c.store.list(t.resource)) expect(validateObject(t, obj), `${t.kind} ${obj.metadata.name}`).toEqual([]);
  }
  for (const pod of c.store.list('pods')) {
    // A pod bound to a node that was removed is garbage-collected within podgc's 40 s quarantine and 20 s period.
    const removed = pod.spec?.nodeName ? removedAt.get(pod.spec.nodeName) : undefined;
    if (pod.spec?.nodeName && !nodes.has(pod.spec.nodeName)) expect(removed !== undefined && c.now() - removed <= 61_000, `${pod.metadata.name} still bound to removed ${pod.spec.nodeName}`).toBe(true);
    // A pod on a machine that has been dead past the grace period and the 300 s toleration
    // (plus the lifecycle controller's 5 s period) has been evicted.
    const since = pod.spec?.nodeName ? stoppedAt.get(pod.spec.nodeName) : undefined;
    if (since !== undefined && c.now() - since > (50 + 5 + 300 + 5) * 1000 && pod.metadata.namespace === 'default') {
      expect(isPodActive(pod), `${pod.metadata.name} still active on dead ${pod.spec.nodeName}`).toBe(false);
    }
  }
}

describe('invariants under random learner actions', () => {
  it('hold at every step, and deployments converge once the nodes allow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(action, { minLength: 1, maxLength: 14 }), (seed, actions) => {
        const c = createCluster({ seed, bootSeconds: 60 });
        const stoppedAt = new Map<string, number>();
        removedAt.clear();
        for (const a of actions) {
          perform(c, a, stoppedAt);
          checkAlways(c, stoppedAt);
        }
        // Let the machines come back and the cordons go, then everything must converge.
        for (const node of WORKERS) {
          if (!c.kubelets.has(node)) c.addNode({ name: node });
          if (!c.isNodeRunning(node)) c.startNode(node);
          c.kubectl(`uncordon ${node}`);
        }
        stoppedAt.clear();
        c.advance(700);
        checkAlways(c, stoppedAt);
        for (const d of c.store.list('deployments', 'default')) {
          const want = d.spec.replicas;
          expect(d.status?.availableReplicas ?? 0, `deployment ${d.metadata.name}`).toBe(want);
          expect(d.status?.updatedReplicas ?? 0).toBe(want);
          const pods = c.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === d.metadata.name && isPodActive(p));
          expect(pods).toHaveLength(want);
          for (const p of pods) expect(p.status.phase).toBe('Running');
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
