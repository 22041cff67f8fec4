import { describe, expect, it } from 'vitest';
import { k, newCluster, rows } from '../testing/helpers';
import { replayCluster } from '../cluster/actionLog';
import type { Cluster } from '../cluster/cluster';

const BIG = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources: {requests: {cpu: "1500m", memory: 1Gi}}
`;

const groupNodes = (c: Cluster) => rows(k(c, 'get nodes')).map((r) => r[0]).filter((n) => n.startsWith('pool-'));
const pending = (c: Cluster) => rows(k(c, 'get pods')).filter((r) => r[2] === 'Pending').length;

describe('cluster autoscaler', () => {
  it('adds nodes for pods that fit nowhere, after the VMs boot, up to the group max', () => {
    const c = newCluster({ workers: 1 });
    c.enableClusterAutoscaler({ name: 'pool', min: 0, max: 2, cpu: 4, memoryGi: 8, provisionSeconds: 60 });
    // One 4-core worker takes two 1.5-core pods; eight need four nodes; the group may add two.
    k(c, 'apply -f -', BIG(8));
    c.advance(20);
    expect(pending(c)).toBe(6);
    expect(k(c, 'get events')).toMatch(/TriggeredScaleUp\s+pod\/big-\S+\s+pod triggered scale-up: \[\{pool 0->2 \(max: 2\)\}\]/);
    expect(groupNodes(c)).toEqual([]);
    c.advance(90);
    expect(groupNodes(c)).toHaveLength(2);
    c.advance(60);
    expect(pending(c)).toBe(2);
    expect(k(c, 'get events')).toContain("pod didn't trigger scale-up: 1 max node group size reached");
    expect(rows(k(c, 'get nodes')).filter((r) => r[0].startsWith('pool-')).every((r) => r[1] === 'Ready')).toBe(true);
  });

  it('removes an idle group node after 10 minutes, never below min, and replays', () => {
    const c = newCluster({ workers: 1 });
    c.enableClusterAutoscaler({ name: 'pool', min: 1, max: 3, provisionSeconds: 30 });
    k(c, 'apply -f -', BIG(6));
    c.advance(150);
    expect(groupNodes(c)).toHaveLength(2);
    expect(pending(c)).toBe(0);
    k(c, 'scale deployment big --replicas=1');
    c.advance(300);
    expect(groupNodes(c)).toHaveLength(2);
    c.advance(900);
    // Down to min 1: the other idle node was tainted, drained and deleted.
    expect(groupNodes(c)).toHaveLength(1);
    expect(k(c, 'get events -A')).toContain('marked the node as toBeDeleted/unschedulable');
    c.advance(1200);
    expect(groupNodes(c)).toHaveLength(1);

    const again = replayCluster(c.options, c.actionLog());
    expect(k(again, 'get nodes -o name')).toBe(k(c, 'get nodes -o name'));
  });

  it('refuses nonsense bounds', () => {
    const c = newCluster();
    expect(() => c.enableClusterAutoscaler({ name: 'pool', min: 3, max: 1 })).toThrow('node group bounds must satisfy 0 <= min <= max <= 1000, not min 3, max 1');
    expect(() => c.enableClusterAutoscaler({ name: 'pool', min: 0, max: 1e9 })).toThrow();
  });
});
