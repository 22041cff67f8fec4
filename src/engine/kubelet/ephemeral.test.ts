import { describe, expect, it } from 'vitest';
import { k, newCluster } from '../testing/helpers';
import { typeForKind } from '../api/registry';

const pods = typeForKind('Pod');

describe('the kubelet and ephemeral containers', () => {
  it('starts one added to a running pod, never restarts it, and stops it with the pod', () => {
    const c = newCluster();
    k(c, 'run app --image=nginx:1.27');
    c.advance(10);
    c.api.patch(pods, 'default', 'app', 'strategic', { spec: { ephemeralContainers: [{ name: 'dbg', image: 'busybox:1.36', command: ['sh', '-c', 'echo checking; exit 3'] }] } }, 'test', { subresource: 'ephemeralcontainers' });
    c.advance(30);
    const pod = JSON.parse(k(c, 'get pod app -o json'));
    expect(pod.status.ephemeralContainerStatuses).toEqual([
      expect.objectContaining({ name: 'dbg', ready: false, restartCount: 0, state: { terminated: expect.objectContaining({ exitCode: 3, reason: 'Error' }) } }),
    ]);
    // restartPolicy Always is the pod's: the app container's, not the ephemeral one's.
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.status.phase).toBe('Running');
    expect(k(c, 'get pod app')).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\napp +1\/1 +Running +0 +\S+\n$/);
    expect(k(c, 'logs app -c dbg')).toBe('checking\n');
    c.api.patch(pods, 'default', 'app', 'strategic', { spec: { ephemeralContainers: [{ name: 'shell', image: 'busybox:1.36', stdin: true, tty: true }] } }, 'test', { subresource: 'ephemeralcontainers' });
    c.advance(5);
    expect(JSON.parse(k(c, 'get pod app -o json')).status.ephemeralContainerStatuses[1].state.running).toBeDefined();
    k(c, 'delete pod app --wait=false');
    c.advance(1);
    expect(k(c, 'get events --field-selector reason=Killing -o jsonpath={.items[*].message}')).toBe('Stopping container app Stopping container shell');
  });
});
