import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';

describe('DaemonSet', () => {
  it('runs kube-proxy on every node, including new ones', () => {
    const c = newCluster();
    expect(k(c, 'get ds -n kube-system')).toBe(
      'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\nkube-proxy   4         4         4       4            4           kubernetes.io/os=linux   5m\n',
    );
    c.addNode({ name: 'worker-4' });
    c.advance(20);
    const proxies = c.store.list('pods', 'kube-system').filter((p) => p.metadata.name!.startsWith('kube-proxy-'));
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3', 'worker-4']);
    expect(k(c, 'get ds kube-proxy -n kube-system')).toMatch(/kube-proxy   5         5         5       5            5 /);
  });

  it('follows a nodeSelector, and leaves nodes that stop matching', () => {
    const c = newCluster({ nodes: [{ name: 'ssd-1', labels: { disktype: 'ssd' } }, { name: 'hdd-1', labels: { disktype: 'hdd' } }] });
    k(
      c,
      'apply -f -',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      nodeSelector: {disktype: ssd}\n      containers:\n      - name: agent\n        image: busybox\n        command: ["sleep", "infinity"]\n',
    );
    c.advance(15);
    const agents = () => c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName);
    expect(agents()).toEqual(['ssd-1']);
    k(c, 'label node hdd-1 disktype=ssd --overwrite');
    c.advance(15);
    expect(agents().sort()).toEqual(['hdd-1', 'ssd-1']);
    k(c, 'label node ssd-1 disktype=hdd --overwrite');
    c.advance(40);
    expect(agents()).toEqual(['hdd-1']);
    const events = k(c, 'describe ds agent');
    expect(events).toContain('Desired Number of Nodes Scheduled: 1\n');
    expect(events).toMatch(/SuccessfulCreate +\S+ +daemonset-controller +Created pod: agent-/);
    expect(events).toMatch(/SuccessfulDelete +\S+ +daemonset-controller +Deleted pod: agent-/);
  });
});
