/**
 * Priority and preemption, as a lesson would show them: classes are applied, pods of lower
 * priority fill the nodes, and a pod of higher priority makes room for itself.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCluster, k } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';
import { pickOneNodeForPreemption } from './plugins/defaultpreemption';

const CLASSES = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high-never}
value: 1000
preemptionPolicy: Never
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: mid}
value: 100
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: 10
`;

/** A pod asking for `cpu`; busybox's sleep ignores SIGTERM, so it takes its whole grace period to stop. */
function pod(name: string, cls: string | undefined, cpu: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name.replace(/-\d+$/, '')}}
spec:
${cls ? `  priorityClassName: ${cls}\n` : ''}  terminationGracePeriodSeconds: 20
${extra}  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, "3600"]
    resources:
      requests:
        cpu: ${cpu}
`;
}

/** Two 2-cpu workers (the control plane is tainted), classes applied. */
function cluster(): Cluster {
  const c = newCluster({ nodes: [{ name: 'worker-1', cpu: 2 }, { name: 'worker-2', cpu: 2 }] });
  k(c, 'apply -f -', CLASSES);
  return c;
}

const get = (c: Cluster, name: string) => c.store.get('pods', 'default', name);

describe('DefaultPreemption', () => {
  it('evicts the lower-priority pod gracefully, nominates the node, and binds there once it is gone', () => {
    const c = cluster();
    k(c, 'apply -f -', pod('filler-1', 'low', '1500m'));
    k(c, 'apply -f -', pod('filler-2', 'mid', '1500m'));
    c.advance(10);
    const lowNode = get(c, 'filler-1')!.spec.nodeName;
    k(c, 'apply -f -', pod('vip', 'high', '1'));
    c.advance(2);
    const vip = get(c, 'vip')!;
    // The victim is the lower of the two (the lowest highest-victim priority wins the node).
    expect(vip.status.nominatedNodeName).toBe(lowNode);
    expect(vip.spec.nodeName).toBeUndefined();
    const victim = get(c, 'filler-1')!;
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status.conditions.find((x: { type: string }) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    expect(get(c, 'filler-2')!.metadata.deletionTimestamp).toBeUndefined();
    expect(k(c, 'describe pod filler-1')).toMatch(new RegExp(`Normal +Preempted +\\d+s +default-scheduler +Preempted by pod ${vip.metadata.uid} on node ${lowNode}`));
    // Preemption nominated a node: FailedScheduling carries no "preemption:" part.
    expect(k(c, 'describe pod vip')).toMatch(/FailedScheduling .*0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 2 Insufficient cpu\.\n/);
    expect(k(c, 'get pod vip -o wide')).toMatch(new RegExp(`vip +0/1 +Pending .* <none> +<none> +${lowNode} +<none>`));
    // While the victim terminates (its 20 s grace period), the preemptor waits rather than preempting
    // again, even when a cluster change sends it back through a scheduling cycle.
    c.advance(5);
    k(c, 'label node worker-2 disk=ssd');
    c.advance(5);
    expect(get(c, 'filler-1')).toBeDefined();
    expect(get(c, 'vip')!.spec.nodeName).toBeUndefined();
    expect(get(c, 'filler-2')!.metadata.deletionTimestamp).toBeUndefined();
    expect(get(c, 'vip')!.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled').message).toContain('preemption: not eligible due to a terminating pod on the nominated node.');
    c.advance(20);
    expect(get(c, 'filler-1')).toBeUndefined();
    expect(get(c, 'vip')!.spec.nodeName).toBe(lowNode);
    const decision = c.scheduler.lastAttempt('default', 'vip')!.preemption!;
    expect(decision).toMatchObject({ outcome: 'nominated', node: lowNode, priority: 1000, victims: [{ namespace: 'default', name: 'filler-1', priority: 10 }], pdbViolations: 0 });
    expect(c.reasons.recent().some((r) => r.key === 'scheduler.preempted' && r.params.node === lowNode && r.params.victims === 1)).toBe(true);
  });

  it('a pod with preemptionPolicy Never waits instead of preempting', () => {
    const c = cluster();
    k(c, 'apply -f -', pod('filler-1', 'low', '1500m'));
    k(c, 'apply -f -', pod('filler-2', 'low', '1500m'));
    c.advance(10);
    k(c, 'apply -f -', pod('patient', 'high-never', '1'));
    c.advance(5);
    expect(get(c, 'patient')!.spec.preemptionPolicy).toBe('Never');
    expect(get(c, 'patient')!.status.nominatedNodeName).toBeUndefined();
    expect(c.store.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0);
    expect(k(c, 'describe pod patient')).toContain(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(c.scheduler.lastAttempt('default', 'patient')!.preemption).toEqual({ outcome: 'notEligible', priority: 1000, why: 'preemptionPolicyNever' });
  });

  it('never evicts pods of equal priority, and says why per node', () => {
    const c = cluster();
    const on = (node: string) => `  nodeSelector: {kubernetes.io/hostname: ${node}}\n`;
    k(c, 'apply -f -', pod('peer-1', 'high', '1500m', on('worker-1')));
    k(c, 'apply -f -', pod('small-1', 'low', '400m', on('worker-1')));
    k(c, 'apply -f -', pod('peer-2', 'high', '1500m', on('worker-2')));
    c.advance(10);
    k(c, 'apply -f -', pod('newcomer', 'high', '1'));
    c.advance(5);
    // worker-1 without small-1 still lacks room; worker-2 has nothing of lower priority to evict.
    expect(get(c, 'newcomer')!.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled').message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
    expect(c.store.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0);
    expect(c.scheduler.lastAttempt('default', 'newcomer')!.preemption).toEqual({ outcome: 'noCandidates', priority: 1000 });
  });

  it('reprieves as many victims as it can, highest priority first', () => {
    const c = newCluster({ nodes: [{ name: 'worker-1', cpu: 2 }] });
    k(c, 'apply -f -', CLASSES);
    k(c, 'apply -f -', pod('a-low', 'low', '500m'));
    k(c, 'apply -f -', pod('b-mid', 'mid', '500m'));
    k(c, 'apply -f -', pod('c-none', undefined, '500m'));
    c.advance(10);
    k(c, 'apply -f -', pod('vip', 'high', '800m'));
    c.advance(2);
    // 2 cpu − kube-proxy's request − 3 × 500m leaves too little for 800m: one pod must go, the lowest (priority 0).
    const deleting = c.store.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(deleting).toEqual(['c-none']);
    expect(c.scheduler.lastAttempt('default', 'vip')!.preemption!.victims).toEqual([{ namespace: 'default', name: 'c-none', priority: 0 }]);
  });

  it('prefers a node where no PodDisruptionBudget is violated', () => {
    const c = cluster();
    k(c, 'apply -f -', pod('guarded-1', 'low', '1500m', '  nodeSelector: {kubernetes.io/hostname: worker-1}\n'));
    k(c, 'apply -f -', pod('loose-1', 'low', '1500m', '  nodeSelector: {kubernetes.io/hostname: worker-2}\n'));
    k(c, 'apply -f -', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: guarded}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: guarded}}\n');
    c.advance(10);
    expect(c.store.get('poddisruptionbudgets', 'default', 'guarded')!.status.disruptionsAllowed).toBe(0);
    k(c, 'apply -f -', pod('vip', 'high', '1'));
    c.advance(2);
    expect(get(c, 'vip')!.status.nominatedNodeName).toBe('worker-2');
    expect(get(c, 'loose-1')!.metadata.deletionTimestamp).toBeDefined();
    expect(get(c, 'guarded-1')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('picks the node by the upstream criteria, in order', () => {
    const v = (name: string, priority: number, startTime = 0) => ({ key: `default/${name}`, namespace: 'default', name, priority, startTime });
    expect(pickOneNodeForPreemption([{ node: 'a', victims: [v('x', 1)], pdbViolations: 1 }, { node: 'b', victims: [v('y', 5), v('z', 4)], pdbViolations: 0 }])!.node).toBe('b');
    expect(pickOneNodeForPreemption([{ node: 'a', victims: [v('x', 5)], pdbViolations: 0 }, { node: 'b', victims: [v('y', 3), v('z', 3)], pdbViolations: 0 }])!.node).toBe('b');
    expect(pickOneNodeForPreemption([{ node: 'a', victims: [v('x', 3), v('w', 2)], pdbViolations: 0 }, { node: 'b', victims: [v('y', 3), v('z', 1)], pdbViolations: 0 }])!.node).toBe('b');
    expect(pickOneNodeForPreemption([{ node: 'a', victims: [v('x', -5), v('w', -5)], pdbViolations: 0 }, { node: 'b', victims: [v('y', -5)], pdbViolations: 0 }])!.node).toBe('b');
    expect(pickOneNodeForPreemption([{ node: 'a', victims: [v('x', 3, 100)], pdbViolations: 0 }, { node: 'b', victims: [v('y', 3, 200)], pdbViolations: 0 }])!.node).toBe('b');
  });

  it('never evicts a pod of equal or higher priority (property)', () => {
    const classes = ['low', 'mid', 'high', undefined] as const;
    const value: Record<string, number> = { low: 10, mid: 100, high: 1000 };
    fc.assert(
      fc.property(fc.array(fc.record({ cls: fc.constantFrom(...classes), milli: fc.integer({ min: 2, max: 12 }) }), { minLength: 2, maxLength: 8 }), fc.constantFrom(...classes), fc.integer({ min: 5, max: 19 }), (fillers, preemptorClass, milli) => {
        const c = cluster();
        fillers.forEach((f, i) => k(c, 'apply -f -', pod(`f-${i}`, f.cls, `${f.milli * 100}m`)));
        c.advance(5);
        k(c, 'apply -f -', pod('p', preemptorClass, `${milli * 100}m`));
        c.advance(2);
        const mine = preemptorClass ? value[preemptorClass] : 0;
        for (const victim of c.store.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp)) expect(victim.spec.priority).toBeLessThan(mine);
        for (const v of c.scheduler.lastAttempt('default', 'p')?.preemption?.victims ?? []) expect(v.priority).toBeLessThan(mine);
      }),
      { numRuns: 12, seed: 7 },
    );
  });
});
