/**
 * kubectl logs, exec and top reach the kubelet and metrics-server only through the API server
 * (pods/log, pods/exec, metrics.k8s.io): each is a request the diagram can draw, carrying the
 * node the API server passes it on to, and the answers are what real kubectl prints.
 */
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../testing/helpers';
import type { ApiRequest } from './server';

function sentBy(requests: ApiRequest[], actor: string): ApiRequest[] {
  return requests.filter((r) => r.actor === actor);
}

describe('subresources through the API server', () => {
  it('logs and exec go API server → the pod’s kubelet; top reads metrics.k8s.io', () => {
    const c = newCluster();
    k(c, 'run ticker --image=busybox -- sh -c "while true; do echo tick; sleep 1; done"');
    c.advance(60_000);
    const node = c.store.get('pods', 'default', 'ticker')!.spec.nodeName as string;
    const requests: ApiRequest[] = [];
    const off = c.api.onRequest((r) => requests.push(r));

    expect(k(c, 'logs ticker --tail=2')).toBe('tick\ntick\n');
    expect(k(c, 'exec ticker -- echo hello')).toBe('hello\n');
    c.advance(180_000);
    k(c, 'top pods');
    off();

    const mine = sentBy(requests, 'kubectl');
    expect(mine).toContainEqual(expect.objectContaining({ verb: 'get', resource: 'pods/log', namespace: 'default', name: 'ticker', node }));
    expect(mine).toContainEqual(expect.objectContaining({ verb: 'create', resource: 'pods/exec', namespace: 'default', name: 'ticker', node }));
    expect(mine).toContainEqual(expect.objectContaining({ verb: 'list', resource: 'pods.metrics.k8s.io', namespace: 'default' }));
  });

  it('a stopped node cannot be reached: the API server’s dial fails as on a real cluster', () => {
    const c = newCluster();
    k(c, 'run ticker --image=busybox -- sh -c "while true; do echo tick; sleep 1; done"');
    c.advance(60_000);
    const pod = c.store.get('pods', 'default', 'ticker')!;
    c.stopNode(pod.spec.nodeName);
    expect(kFail(c, 'logs ticker')).toBe(`Error from server: Get "https://${pod.status.hostIP}:10250/containerLogs/default/ticker/ticker": dial tcp ${pod.status.hostIP}:10250: connect: no route to host\n`);
    expect(kFail(c, 'exec ticker -- echo hi')).toBe('error: unable to upgrade connection: pod does not exist\n');
  });

  it('without metrics-server, top says the Metrics API is not available', () => {
    const c = newCluster({ metricsServer: false });
    expect(kFail(c, 'top nodes')).toBe('error: Metrics API not available\n');
  });
});
