import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail } from '../../testing/helpers';

describe('cordon, uncordon, taint, drain', () => {
  it('cordon marks a node SchedulingDisabled and new pods avoid it', () => {
    const c = newCluster();
    expect(k(c, 'cordon worker-1')).toBe('node/worker-1 cordoned\n');
    expect(k(c, 'cordon worker-1')).toBe('node/worker-1 already cordoned\n');
    expect(k(c, 'get node worker-1')).toMatch(/worker-1   Ready,SchedulingDisabled   <none>/);
    k(c, 'create deployment web --image=nginx --replicas=4');
    c.advance(20);
    expect(c.store.list('pods', 'default').map((p) => p.spec.nodeName)).not.toContain('worker-1');
    expect(k(c, 'describe node worker-1')).toContain('Unschedulable:      true\n');
    expect(k(c, 'describe node worker-1')).toMatch(/NodeNotSchedulable +\S+ +kubelet +Node worker-1 status is now: NodeNotSchedulable/);
    expect(k(c, 'uncordon worker-1')).toBe('node/worker-1 uncordoned\n');
    expect(kFail(c, 'cordon')).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect(kFail(c, 'cordon nope')).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });

  it('taint adds, refuses duplicates without --overwrite, and removes', () => {
    const c = newCluster();
    expect(k(c, 'taint nodes worker-2 dedicated=gpu:NoSchedule')).toBe('node/worker-2 tainted\n');
    expect(kFail(c, 'taint nodes worker-2 dedicated=other:NoSchedule')).toBe('error: node worker-2 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(k(c, 'taint nodes worker-2 dedicated=other:NoSchedule --overwrite')).toBe('node/worker-2 tainted\n');
    expect(k(c, 'describe node worker-2')).toContain('Taints:             dedicated=other:NoSchedule\n');
    k(c, 'run p --image=nginx');
    k(c, 'create deployment spread --image=nginx --replicas=6');
    c.advance(20);
    expect(c.store.list('pods', 'default').map((p) => p.spec.nodeName)).not.toContain('worker-2');
    expect(k(c, 'taint nodes worker-2 dedicated:NoSchedule-')).toBe('node/worker-2 untainted\n');
    expect(kFail(c, 'taint nodes worker-2 dedicated-')).toBe('error: taint "dedicated" not found\n');
    expect(kFail(c, 'taint nodes worker-2 a=b:Sometimes')).toBe('error: invalid taint effect: Sometimes, unsupported taint effect\n');
  });

  it('a NoExecute taint evicts pods that do not tolerate it at once', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(20);
    const on3 = c.store.list('pods', 'default').filter((p) => p.spec.nodeName === 'worker-3');
    expect(on3.length).toBeGreaterThan(0);
    k(c, 'taint node worker-3 maintenance=now:NoExecute');
    c.advance(40);
    const live = c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.map((p) => p.spec.nodeName)).not.toContain('worker-3');
  });

  it('drain refuses unmanaged and DaemonSet pods, then evicts with the flags', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    k(c, 'run solo --image=nginx');
    c.advance(20);
    const node = c.store.get('pods', 'default', 'solo')!.spec.nodeName;
    const proxy = c.store.list('pods', 'kube-system').find((p) => p.spec.nodeName === node && p.metadata.name!.startsWith('kube-proxy'))!.metadata.name;
    const r = c.kubectl(`drain ${node}`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`node/${node} cordoned\n`);
    expect(r.stderr).toBe(
      // (kubectl groups these through a Go map, so its order varies; here it follows the pods' order)
      `error: unable to drain node "${node}" due to error: [cannot delete Pods that declare no controller (use --force to override): default/solo, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}], continuing command...\nThere are pending nodes to be drained:\n ${node}\ncannot delete Pods that declare no controller (use --force to override): default/solo\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}\n`,
    );
    const ok = c.kubectl(`drain ${node} --ignore-daemonsets --force`);
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toContain(`Warning: ignoring DaemonSet-managed Pods: kube-system/${proxy}\n`);
    expect(ok.stderr).toContain('Warning: deleting Pods that declare no controller: default/solo\n');
    expect(ok.stdout).toMatch(new RegExp(`^node/${node} already cordoned\nevicting pod default/`));
    expect(ok.stdout).toMatch(new RegExp(`pod/solo evicted\n(.|\n)*node/${node} drained\n$`));
    c.advance(45);
    const live = c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.map((p) => p.spec.nodeName)).not.toContain(node);
    // DaemonSet pods stay on a drained node.
    expect(c.store.get('pods', 'kube-system', proxy!)).toBeDefined();
  });
});
