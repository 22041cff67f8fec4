import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';
import { fitErrorMessage } from './scheduler';

describe('scheduler', () => {
  it('reports an unschedulable pod with the real FailedScheduling message', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: "64"\n');
    c.advance(5);
    expect(k(c, 'get pod big')).toBe('NAME   READY   STATUS    RESTARTS   AGE\nbig    0/1     Pending   0          5s\n');
    const msg = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(k(c, 'describe pod big')).toMatch(new RegExp(`Warning  FailedScheduling  \\d+s +default-scheduler  ${msg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const cond = c.store.get('pods', 'default', 'big')!.status.conditions[0];
    expect(cond).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg });
    // A bigger node makes it fit: the pod is retried when the cluster changes.
    c.addNode({ name: 'worker-big', cpu: 96, memoryGi: 256 });
    c.advance(15);
    expect(c.store.get('pods', 'default', 'big')!.spec.nodeName).toBe('worker-big');
  });

  it('honours nodeSelector', () => {
    const c = newCluster({ nodes: [{ name: 'ssd-1', labels: { disktype: 'ssd' } }, { name: 'hdd-1', labels: { disktype: 'hdd' } }] });
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fast\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n  - name: app\n    image: nginx\n');
    c.advance(5);
    expect(c.store.get('pods', 'default', 'fast')!.spec.nodeName).toBe('ssd-1');
    const why = c.scheduler.explain(c.store.get('pods', 'default', 'fast')!);
    expect(why.find((v) => v.node === 'hdd-1')!.rejectedBy[0]).toEqual({ plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"] });
    expect(why.find((v) => v.node === 'ssd-1')!.total).toBeGreaterThan(0);
  });

  it('formats reasons sorted, with counts', () => {
    expect(fitErrorMessage(3, { 'Insufficient memory': 2, 'Insufficient cpu': 3 }, 0)).toBe(
      '0/3 nodes are available: 2 Insufficient memory, 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });
});
