/** Probes, with the Kubernetes docs' own examples (shared corpus). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { newCluster, k } from '../testing/helpers';

const corpus = (path: string) => readFileSync(resolve(__dirname, '../testdata/corpus', path), 'utf8');

describe('probes', () => {
  it('exec liveness: the container is killed and restarted once /tmp/healthy is gone (exec-liveness.yaml)', () => {
    const c = newCluster();
    k(c, 'apply -f -', corpus('pods/probe/exec-liveness.yaml'));
    c.advance(30);
    expect(k(c, 'get pod liveness-exec')).toMatch(/liveness-exec   1\/1     Running   0 /);
    c.advance(20);
    // Three failures 5 s apart after the file went at ~31 s: killed around 45 s.
    const d = k(c, 'describe pod liveness-exec');
    expect(d).toMatch(/Warning  Unhealthy +\S+( \(x\d over \S+\))? +kubelet +Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/);
    expect(d).toMatch(/Normal   Killing +\S+ +kubelet +Container liveness failed liveness probe, will be restarted/);
    c.advance(60);
    const pod = c.store.get('pods', 'default', 'liveness-exec')!;
    expect(pod.status.containerStatuses[0].restartCount).toBe(1);
    expect(pod.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(k(c, 'get pod liveness-exec')).toMatch(/liveness-exec   1\/1     Running   1 \(\d+s ago\)/);
  });

  it('http liveness: /healthz turns 500 after 10 s (http-liveness.yaml)', () => {
    const c = newCluster();
    k(c, 'apply -f -', corpus('pods/probe/http-liveness.yaml'));
    c.advance(40);
    const d = k(c, 'describe pod liveness-http');
    expect(d).toContain('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(d).toContain('Container liveness failed liveness probe, will be restarted');
    c.advance(30);
    expect(c.store.get('pods', 'default', 'liveness-http')!.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(1);
  });

  it('readiness: a failing probe keeps the pod out of Ready without restarting it', () => {
    const c = newCluster();
    k(
      c,
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: 80\n      periodSeconds: 5\n',
    );
    c.advance(40);
    expect(k(c, 'get pod web')).toMatch(/web    0\/1     Running   0 /);
    const d = k(c, 'describe pod web');
    expect(d).toMatch(/Readiness probe failed: HTTP probe failed with statuscode: 404/);
    expect(d).toContain('    Readiness:      http-get http://:80/ready delay=0s timeout=1s period=5s #success=1 #failure=3\n');
    expect(d).toContain('  Ready                       False \n');
    expect(c.store.get('pods', 'default', 'web')!.status.containerStatuses[0].restartCount).toBe(0);
  });

  it('readiness and liveness over TCP succeed against a listening port (tcp-liveness-readiness.yaml)', () => {
    const c = newCluster();
    k(c, 'apply -f -', corpus('pods/probe/tcp-liveness-readiness.yaml'));
    c.advance(40);
    const pod = c.store.list('pods', 'default')[0];
    expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0 });
  });

  it('a startup probe holds liveness back and marks the container started', () => {
    const c = newCluster();
    k(
      c,
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: slow\nspec:\n  containers:\n  - name: app\n    image: busybox\n    command: ["sh", "-c", "sleep 20; touch /tmp/up; sleep 3600"]\n    startupProbe:\n      exec:\n        command: ["cat", "/tmp/up"]\n      periodSeconds: 5\n      failureThreshold: 10\n    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/up"]\n',
    );
    c.advance(15);
    let st = c.store.get('pods', 'default', 'slow')!.status.containerStatuses[0];
    expect(st).toMatchObject({ started: false, ready: false });
    c.advance(20);
    st = c.store.get('pods', 'default', 'slow')!.status.containerStatuses[0];
    expect(st).toMatchObject({ started: true, ready: true, restartCount: 0 });
  });
});
