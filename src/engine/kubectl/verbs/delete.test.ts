/**
 * kubectl delete waits (--wait=true, the default) until what it deleted is gone: a pod's graceful
 * termination, finalizers, a foreground cascade. The simulated clock runs meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../../testing/helpers';

describe('kubectl delete --wait', () => {
  it('returns once the pod has terminated, so the next command never meets it Terminating', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx');
    c.advance(20);
    const before = c.now();
    expect(k(c, 'delete pod web')).toBe('pod "web" deleted\n');
    expect(c.store.get('pods', 'default', 'web')).toBeUndefined();
    expect(c.now()).toBeGreaterThan(before);
  });

  it('does not wait with --wait=false, nor for a forced deletion', () => {
    const c = newCluster();
    k(c, 'run a --image=nginx');
    k(c, 'run b --image=nginx');
    c.advance(20);
    const before = c.now();
    k(c, 'delete pod a --wait=false');
    expect(c.store.get('pods', 'default', 'a')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.now()).toBe(before);
    const forced = c.kubectl('delete pod b --force --grace-period=0');
    expect(forced.exitCode).toBe(0);
    expect(c.now()).toBe(before);
  });

  it('times out on an object a finalizer holds, as kubectl does', () => {
    const c = newCluster({ minimal: true, bootSeconds: 0 });
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n  finalizers: ["example.com/hold"]\n');
    const r = c.kubectl('delete configmap keep --timeout=5s');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['configmap "keep" deleted\n', 'error: timed out waiting for the condition on configmaps/keep\n', 1]);
  });
});
