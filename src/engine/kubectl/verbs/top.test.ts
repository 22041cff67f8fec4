import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster, rows, NGINX_DEPLOYMENT } from '../../testing/helpers';

const cpuOf = (table: string, name: string) => Number(rows(table).find((r) => r[0] === name)?.[1].replace('m', ''));

describe('kubectl top', () => {
  it('shows nodes with percentages of allocatable', () => {
    const c = newCluster();
    const out = k(c, 'top nodes');
    // Every line ends in padding, as kubectl top's tabwriter leaves it.
    expect(out.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\) {3}$/);
    expect(rows(out).map((r) => r[0])).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    for (const r of rows(out)) {
      expect(r[1]).toMatch(/^\d+m$/);
      expect(r[2]).toMatch(/^\d+%$/);
      expect(r[3]).toMatch(/^\d+Mi$/);
    }
    // The control plane's static pods make it the busiest node.
    expect(cpuOf(out, 'control-plane')).toBeGreaterThan(cpuOf(out, 'worker-1'));
  });

  it('has no metrics for a pod until it has run a full window', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx');
    c.advance(8);
    expect(kFail(c, 'top pods')).toBe('error: metrics not available yet\n');
    expect(kFail(c, 'top pod web')).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n');
    expect(c.kubectl('top pods -n kube-node-lease').stderr).toBe('No resources found in kube-node-lease namespace.\n');
    c.advance(30);
    expect(k(c, 'top pod web')).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\) {3}\nweb\s+\d+m\s+\d+Mi\s+\n$/);
  });

  it('follows the traffic a pod serves, and CPU stops at the limit', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 2').replace('        ports:', '        resources: {limits: {cpu: 100m}}\n        ports:'));
    k(c, 'expose deployment web --port=80');
    c.advance(45);
    const idle = rows(k(c, 'top pods')).map((r) => Number(r[1].replace('m', '')));
    expect(idle.every((v) => v <= 2)).toBe(true);
    const load = c.startTraffic({ kind: 'Service', name: 'web' }, 200);
    c.advance(30);
    const busy = rows(k(c, 'top pods')).map((r) => Number(r[1].replace('m', '')));
    expect(busy.every((v) => v >= 15 && v <= 40)).toBe(true);
    c.setTraffic(load.id, 5000);
    c.advance(30);
    expect(rows(k(c, 'top pods')).map((r) => r[1])).toEqual(['100m', '100m']);
  });

  it('shows stress and busy loops, sorts, and keeps numbers within a window', () => {
    const c = newCluster();
    k(c, 'run hog --image=polinux/stress --command -- stress --vm 1 --vm-bytes 150M --cpu 1');
    k(c, 'run spin --image=busybox -- sh -c "while true; do :; done"');
    k(c, 'run calm --image=busybox -- sleep 3600');
    c.advance(60);
    const table = k(c, 'top pods --sort-by=memory');
    expect(rows(table)[0][0]).toBe('hog');
    expect(Number(rows(table)[0][2].replace('Mi', ''))).toBeGreaterThanOrEqual(150);
    expect(cpuOf(table, 'spin')).toBeGreaterThanOrEqual(1000);
    expect(cpuOf(table, 'calm')).toBe(0);
    c.advance(1);
    expect(k(c, 'top pods --sort-by=memory')).toBe(table);
    expect(kFail(c, 'top pods --sort-by=age')).toContain('--sort-by accepts only cpu or memory');
  });

  it('says which old pod has no metrics (a container that never runs)', () => {
    const c = newCluster();
    k(c, 'run broken --image=no-such-image:1');
    c.advance(150);
    expect(kFail(c, 'top pods')).toMatch(/^error: Metrics not available for pod default\/broken, age: 2m3\d(\.\d+)?s\n$/);
  });

  it('needs metrics-server', () => {
    const c = newCluster();
    k(c, 'delete deployment metrics-server -n kube-system');
    c.advance(5);
    expect(kFail(c, 'top nodes')).toBe('error: Metrics API not available\n');
    expect(kFail(c, 'top pods')).toBe('error: Metrics API not available\n');
  });
});
