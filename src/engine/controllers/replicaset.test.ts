import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';
import { controllerOf } from '../api/types';
import { isPodActive, isPodReady } from '../helpers/podutil';
import type { Cluster } from '../cluster/cluster';

/** What a ReplicaSet's status must say, counted the slow way. */
function expected(c: Cluster, rsName: string) {
  const rs = c.store.get('replicasets', 'default', rsName)!;
  const pods = c.store.list('pods', 'default').filter((p) => controllerOf(p)?.uid === rs.metadata.uid && isPodActive(p));
  return { replicas: pods.length, ready: pods.filter(isPodReady).length };
}

describe('ReplicaSet controller', () => {
  it('keeps its status equal to a full count through scaling, deletions, relabelling and node loss', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=4');
    c.advance(20);
    const rsName = c.store.list('replicasets', 'default')[0].metadata.name!;
    const check = () => {
      // Status follows pod changes after the controller's few milliseconds of queue delay.
      c.advance(0.02);
      const rs = c.store.get('replicasets', 'default', rsName)!;
      const e = expected(c, rsName);
      expect(rs.status.replicas ?? 0).toBe(e.replicas);
      expect(rs.status.readyReplicas ?? 0).toBe(e.ready);
    };
    check();
    k(c, 'scale deploy web --replicas=7');
    c.advance(1);
    check();
    c.advance(20);
    check();
    const victim = c.store.list('pods', 'default')[0].metadata.name!;
    k(c, `delete pod ${victim}`);
    c.advance(1);
    check();
    // A pod relabelled out of the selector is released (orphaned) and replaced.
    const relabel = c.store.list('pods', 'default').find((p) => !p.metadata.deletionTimestamp)!.metadata.name!;
    k(c, `label pod ${relabel} app=debug --overwrite`);
    c.advance(2);
    check();
    expect(c.store.get('pods', 'default', relabel)!.metadata.ownerReferences).toBeUndefined();
    expect(expected(c, rsName).replicas).toBe(7);
    c.stopNode('worker-1');
    c.advance(70);
    check();
    c.advance(300);
    check();
    k(c, 'scale deploy web --replicas=2');
    c.advance(40);
    check();
    expect(expected(c, rsName).replicas).toBe(2);
    // The orphan can be adopted back by putting its label back.
    k(c, `label pod ${relabel} app=web --overwrite`);
    c.advance(2);
    check();
  });

  it('makes a large scale-up (slow start) and scale-down in batches over simulated milliseconds, never one pod too many or too few', () => {
    const c = newCluster({ workers: 5 });
    k(c, 'create deployment big --image=nginx --replicas=1');
    c.advance(5);
    const rs = c.store.list('replicasets', 'default')[0];
    const owned = () => c.store.list('pods', 'default').filter((p) => controllerOf(p)?.uid === rs.metadata.uid).length;
    k(c, 'scale deploy big --replicas=501');
    // Count the pods each simulated millisecond while the burst is made.
    const counts: number[] = [];
    for (let i = 0; i < 40; i++) {
      c.advance(0.001);
      counts.push(owned());
    }
    const steps = counts.slice(1).map((n, i) => n - counts[i]);
    expect(Math.max(...steps)).toBeLessThanOrEqual(64);
    expect(counts[0]).toBeLessThan(501);
    expect(counts.at(-1)).toBe(501);
    // Syncs that came while the batches were being made (pod events wake it) made no extra pods.
    c.advance(10);
    expect(owned()).toBe(501);
    const created = c.api.events.forObject({ kind: 'ReplicaSet', namespace: 'default', name: rs.metadata.name!, uid: rs.metadata.uid }).filter((e) => e.reason === 'SuccessfulCreate');
    expect(created.length).toBe(501);

    // Scaling down deletes in batches too (at most 500 per sync, as burstReplicas caps it), none twice.
    c.advance(30);
    const live = () => c.store.list('pods', 'default').filter((p) => controllerOf(p)?.uid === rs.metadata.uid && !p.metadata.deletionTimestamp).length;
    k(c, 'scale deploy big --replicas=1');
    const left: number[] = [];
    for (let i = 0; i < 40; i++) {
      c.advance(0.001);
      left.push(live());
    }
    const deleted = left.slice(1).map((n, i) => left[i] - n);
    expect(Math.max(...deleted)).toBeLessThanOrEqual(64);
    expect(left[0]).toBeGreaterThan(1);
    c.advance(60);
    expect(live()).toBe(1);
    const deletes = c.api.events.forObject({ kind: 'ReplicaSet', namespace: 'default', name: rs.metadata.name!, uid: rs.metadata.uid }).filter((e) => e.reason === 'SuccessfulDelete');
    expect(deletes.length).toBe(500);
  });

  it('stops making the rest of a burst when its ReplicaSet is deleted', () => {
    const c = newCluster({ workers: 5 });
    k(c, 'create deployment big --image=nginx --replicas=300');
    c.advance(0.012);
    const made = c.store.list('pods', 'default').length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(300);
    k(c, 'delete deployment big');
    c.advance(60);
    expect(c.store.list('pods', 'default').length).toBe(0);
    expect(c.store.list('replicasets', 'default').length).toBe(0);
  });
});
