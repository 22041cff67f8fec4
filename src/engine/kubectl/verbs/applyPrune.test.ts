// Expected texts are real kubectl v1.32's against `npm run serve` for the same commands (its klog
// line's time and pid aside).
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';

const TWO = `apiVersion: v1
kind: ConfigMap
metadata: {name: a, labels: {app: shop}}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, labels: {app: shop}}
data: {k: v}
`;
const ONE = TWO.split('---\n')[0]!;

describe('kubectl apply --prune', () => {
  it('deletes what an earlier apply made, the selector picks and this apply no longer lists — and nothing else', () => {
    const c = newCluster();
    k(c, 'apply -f -', TWO);
    k(c, 'create configmap manual --from-literal=k=v');
    k(c, 'label configmap manual app=shop');
    expect(kFail(c, 'apply --prune -f -', ONE)).toBe('error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n');
    expect(kFail(c, 'apply --prune --all -l app=shop -f -', ONE)).toBe('error: cannot set --all and --selector at the same time\n');
    const dry = c.kubectl('apply --prune -l app=shop -f - --dry-run=client', { stdin: ONE });
    expect(dry.stdout).toBe('configmap/a configured (dry run)\nconfigmap/b pruned (dry run)\n');
    expect(dry.stderr).toMatch(/^W0302 09:05:\d\d\.\d{6}    4242 prune\.go:71\] Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release\./);
    expect(c.store.get('configmaps', 'default', 'b')).toBeDefined();
    expect(c.kubectl('apply --prune -l app=shop --prune-allowlist=core/v1/ConfigMap -f -', { stdin: ONE })).toMatchObject({ stdout: 'configmap/a unchanged\nconfigmap/b pruned\n', stderr: '' });
    // b is gone; manual, made by create rather than apply, stays.
    expect(c.store.get('configmaps', 'default', 'b')).toBeUndefined();
    expect(c.store.get('configmaps', 'default', 'manual')).toBeDefined();
  });

  it('warns when it patches an object no apply made, as kubectl does', () => {
    const c = newCluster();
    k(c, 'create configmap manual --from-literal=k=v');
    const r = c.kubectl('apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: manual}\ndata: {k: w}\n' });
    expect(r).toMatchObject({
      exitCode: 0,
      stdout: 'configmap/manual configured\n',
      stderr: 'Warning: resource configmaps/manual is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    });
  });
});
