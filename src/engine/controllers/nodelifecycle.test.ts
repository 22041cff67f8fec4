/** When a node dies: NotReady after the grace period, taints, eviction after 300 s, recovery. */
import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';

describe('node failure', () => {
  it('goes NotReady after 50 s, is tainted, and its pods move after the 300 s toleration', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(30);
    const onW2 = c.store.list('pods', 'default').filter((p) => p.spec.nodeName === 'worker-2').map((p) => p.metadata.name!);
    expect(onW2.length).toBe(1);
    c.stopNode('worker-2');
    c.advance(40);
    expect(k(c, 'get node worker-2')).toMatch(/worker-2   Ready /);
    c.advance(20);
    expect(k(c, 'get node worker-2')).toMatch(/worker-2   NotReady /);
    const node = c.store.get('nodes', undefined, 'worker-2')!;
    expect(node.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(node.status.conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    // Its pod is not ready any more but still bound there until the toleration runs out.
    expect(c.store.get('pods', 'default', onW2[0])!.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
    c.advance(240);
    expect(c.store.get('pods', 'default', onW2[0])!.metadata.deletionTimestamp).toBeUndefined();
    c.advance(70);
    const evicted = c.store.get('pods', 'default', onW2[0])!;
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(k(c, `describe pod ${onW2[0]}`)).toContain(`TaintManagerEviction  `);
    c.advance(30);
    const live = c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    for (const p of live) {
      expect(p.spec.nodeName).not.toBe('worker-2');
      expect(p.status.phase).toBe('Running');
    }
    // The evicted pod stays Terminating: its kubelet cannot confirm the kill.
    expect(k(c, 'get pods')).toMatch(new RegExp(`${onW2[0]} +1/1 +Terminating`));

    c.startNode('worker-2');
    c.advance(20);
    expect(k(c, 'get node worker-2')).toMatch(/worker-2   Ready /);
    expect(c.store.get('nodes', undefined, 'worker-2')!.spec.taints).toBeUndefined();
    expect(c.store.get('pods', 'default', onW2[0])).toBeUndefined();
  });

  it('a node back within the toleration keeps its pods, which restart', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(30);
    const pod = c.store.list('pods', 'default').find((p) => p.spec.nodeName === 'worker-1')!;
    c.stopNode('worker-1');
    c.advance(90);
    c.startNode('worker-1');
    c.advance(30);
    const after = c.store.get('pods', 'default', pod.metadata.name!)!;
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.status.phase).toBe('Running');
    expect(after.status.containerStatuses[0].restartCount).toBe(1);
    expect(after.status.containerStatuses[0].lastState.terminated.reason).toBe('Unknown');
  });
});
