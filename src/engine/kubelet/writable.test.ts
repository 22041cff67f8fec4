import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "sleep 30"]
    volumeMounts:
    - {name: scratch, mountPath: /data}
    - {name: cfg, mountPath: /etc/config}
  volumes:
  - name: scratch
    emptyDir: {}
  - name: cfg
    configMap: {name: settings}
`;

const restarts = (c: Cluster) => Number(k(c, 'get pod box -o jsonpath={.status.containerStatuses[0].restartCount}'));

describe('files a container writes', () => {
  it('an emptyDir keeps them across container restarts; the container layer does not', () => {
    const c = newCluster();
    k(c, 'create configmap settings --from-literal=mode=fast');
    k(c, 'apply -f -', POD);
    c.advance(10);
    expect(k(c, `exec box -- sh -c "echo hello > /data/greeting && echo one > /tmp/note && echo two >> /tmp/note"`)).toBe('');
    expect(k(c, 'exec box -- cat /data/greeting')).toBe('hello\n');
    expect(k(c, 'exec box -- cat /tmp/note')).toBe('one\ntwo\n');
    expect(k(c, 'exec box -- ls /data')).toBe('greeting\n');
    // `sleep 30` ends, the kubelet restarts the container.
    while (restarts(c) === 0) c.advance(5);
    c.advance(15);
    expect(k(c, 'get pod box')).toMatch(/box\s+1\/1\s+Running\s+1/);
    expect(k(c, 'exec box -- cat /data/greeting')).toBe('hello\n');
    expect(kFail(c, 'exec box -- cat /tmp/note')).toContain("cat: can't open '/tmp/note': No such file or directory");
  });

  it('a replacement pod starts with an empty emptyDir, and config mounts are read-only', () => {
    const c = newCluster();
    k(c, 'create configmap settings --from-literal=mode=fast');
    k(c, 'apply -f -', POD);
    c.advance(10);
    k(c, `exec box -- sh -c "echo hello > /data/greeting"`);
    expect(kFail(c, `exec box -- sh -c "echo x > /etc/config/mode"`)).toContain("sh: can't create /etc/config/mode: Read-only file system");
    expect(k(c, 'exec box -- cat /etc/config/mode')).toBe('fast');
    k(c, 'delete pod box --grace-period=0 --force');
    k(c, 'apply -f -', POD);
    c.advance(10);
    expect(kFail(c, 'exec box -- cat /data/greeting')).toContain('No such file or directory');
  });
});
