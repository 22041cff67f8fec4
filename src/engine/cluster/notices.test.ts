/**
 * The page's notices about the whole cluster (issue 18 / 19): with every node deleted nothing
 * can schedule, and the scheduler says so in its own words; with more pods than room, the
 * cluster is saturated.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';
import { clusterNotices } from './notices';

describe('cluster notices', () => {
  it('say nothing about a healthy cluster', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(30);
    expect(clusterNotices(c)).toEqual([]);
  });

  it('explain that nothing schedules once every node is deleted (allowed, as for real)', () => {
    const c = newCluster({ workers: 1 });
    expect(k(c, 'delete node worker-1 control-plane')).toBe('node "worker-1" deleted\nnode "control-plane" deleted\n');
    k(c, 'run p --image=nginx');
    c.advance(20);
    assertNoTaskFailures(c);
    // schedule_one.go: ErrNoNodesAvailable, before any filtering.
    expect(k(c, 'get events --field-selector involvedObject.name=p')).toMatch(/Warning\s+FailedScheduling\s+pod\/p\s+no nodes available to schedule pods\n/);
    expect(clusterNotices(c)).toEqual([{ key: 'noNodes', pending: 1 }]);
  });

  it('say the cluster is saturated when pods wait for room', () => {
    const c = newCluster({ workers: 1 });
    k(c, 'create deployment web --image=nginx --replicas=300');
    c.advance(60);
    const notices = clusterNotices(c);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ key: 'saturated', nodes: 2 });
    expect((notices[0] as { pending: number }).pending).toBeGreaterThan(150);
    k(c, 'scale deployment web --replicas=10');
    c.advance(60);
    expect(clusterNotices(c)).toEqual([]);
  });

  it('do not call pods that fit no node’s rules a full cluster', () => {
    const c = newCluster();
    k(c, `run p --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"none"}}}'`);
    c.advance(30);
    expect(clusterNotices(c)).toEqual([]);
  });
});
