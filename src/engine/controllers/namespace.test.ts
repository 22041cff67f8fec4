/**
 * Namespace lifecycle (issue 19 item 1): deleting a namespace deletes what is in it, then the
 * namespace itself; the built-in namespaces may not be deleted; nothing new may be created in a
 * namespace while it terminates.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures, NGINX_DEPLOYMENT } from '../testing/helpers';

describe('namespace deletion', () => {
  it('deletes the content, then the namespace', () => {
    const c = newCluster();
    k(c, 'create namespace shop');
    k(c, 'create deployment web --image=nginx --replicas=3 -n shop');
    k(c, 'create configmap settings --from-literal=a=b -n shop');
    c.advance(30);
    expect(k(c, 'delete namespace shop --wait=false')).toBe('namespace "shop" deleted\n');
    expect(k(c, 'get namespace shop')).toMatch(/^NAME +STATUS +AGE\nshop +Terminating +\d+s\n$/);
    // A Terminating namespace refuses new content with NamespaceLifecycle's words.
    expect(kFail(c, 'create deployment more --image=nginx -n shop')).toBe(
      'error: failed to create deployment: deployments.apps "more" is forbidden: unable to create new content in namespace shop because it is being terminated\n',
    );
    c.advance(60);
    assertNoTaskFailures(c);
    expect(c.kubectl('get namespace shop').stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
    expect(c.store.list('pods', 'shop')).toHaveLength(0);
    expect(c.store.list('configmaps', 'shop')).toHaveLength(0);
    // The name can be used again.
    k(c, 'create namespace shop');
    k(c, 'apply -n shop -f -', NGINX_DEPLOYMENT);
  });

  it('says what it waits for while content holds it', () => {
    const c = newCluster();
    k(c, 'create namespace held');
    k(c, 'create configmap stuck -n held');
    // A finalizer nobody removes keeps the ConfigMap, and so the namespace, in place.
    c.api.mutate({ ...c.api.typeOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }) }, 'held', 'stuck', 'test', (cm) => ({ ...cm, metadata: { ...cm.metadata, finalizers: ['example.com/hold'] } }));
    k(c, 'delete namespace held --wait=false');
    c.advance(30);
    const ns = c.store.get('namespaces', undefined, 'held')!;
    expect(ns.status.phase).toBe('Terminating');
    const conditions = ns.status.conditions as { type: string; status: string; message: string }[];
    expect(conditions.find((x) => x.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: configmaps has 1 resource instances' });
    expect(conditions.find((x) => x.type === 'NamespaceFinalizersRemaining')).toMatchObject({ status: 'True', message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances' });
    c.api.mutate(c.api.typeOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }), 'held', 'stuck', 'test', (cm) => ({ ...cm, metadata: { ...cm.metadata, finalizers: [] } }));
    c.advance(10);
    expect(c.store.get('namespaces', undefined, 'held')).toBeUndefined();
    assertNoTaskFailures(c);
  });

  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete %s', (name) => {
    const c = newCluster();
    expect(kFail(c, `delete namespace ${name}`)).toBe(`Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted\n`);
    c.advance(30);
    expect(k(c, `get namespace ${name} -o jsonpath={.status.phase}`)).toBe('Active');
    k(c, 'create deployment web --image=nginx');
  });
});

describe('kube-node-lease', () => {
  it('may be deleted, as for real, and the API server brings it back within a minute', () => {
    const c = newCluster();
    expect(k(c, 'delete namespace kube-node-lease --wait=false')).toBe('namespace "kube-node-lease" deleted\n');
    c.advance(75);
    assertNoTaskFailures(c);
    expect(k(c, 'get namespace kube-node-lease -o jsonpath={.status.phase}')).toBe('Active');
    // The kubelets recreate their Leases and post Ready again: pods schedule as before.
    c.advance(30);
    expect(k(c, 'get nodes --no-headers')).not.toMatch(/NotReady/);
    k(c, 'create deployment web --image=nginx');
    c.advance(30);
    expect(k(c, 'get pods --no-headers')).toMatch(/Running/);
  });
});
