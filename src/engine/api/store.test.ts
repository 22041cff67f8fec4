import { describe, expect, it } from 'vitest';
import { ObjectStore } from './store';
import { ApiError } from './errors';
import type { KObject } from './types';
import { newCluster, k } from '../testing/helpers';
import { typeForKind } from './registry';

function pod(name: string, extra: Partial<KObject['metadata']> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, ...extra }, spec: { nodeName: 'n1' } };
}

describe('ObjectStore', () => {
  it('gives every write a new, increasing resourceVersion', () => {
    const s = new ObjectStore((r) => r);
    const a = s.insert('pods', pod('a'));
    const b = s.insert('pods', pod('b'));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    const a2 = s.replace('pods', { ...a, metadata: { ...a.metadata } });
    expect(Number(a2.metadata.resourceVersion)).toBeGreaterThan(Number(b.metadata.resourceVersion));
  });

  it('refuses a write based on a stale resourceVersion with 409 Conflict', () => {
    const s = new ObjectStore((r) => r);
    const a = s.insert('pods', pod('a'));
    const stale = a.metadata.resourceVersion!;
    s.replace('pods', { ...a, metadata: { ...a.metadata } }, stale);
    expect(() => s.replace('pods', { ...a, metadata: { ...a.metadata } }, stale)).toThrowError(ApiError);
    try {
      s.replace('pods', { ...a, metadata: { ...a.metadata } }, stale);
    } catch (e) {
      expect((e as ApiError).kubectlMessage()).toBe(
        'Error from server (Conflict): Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again',
      );
    }
  });

  it('delivers ADDED, MODIFIED and DELETED to watchers with the old object', () => {
    const s = new ObjectStore((r) => r);
    const seen: string[] = [];
    s.watch('pods', (type, obj, old) => seen.push(`${type}:${obj.metadata.name}:${old?.metadata.resourceVersion ?? '-'}`));
    const a = s.insert('pods', pod('a'));
    s.replace('pods', { ...a, metadata: { ...a.metadata } });
    s.remove('pods', 'default', 'a');
    expect(seen[0]).toBe('ADDED:a:-');
    expect(seen[1]).toBe(`MODIFIED:a:${a.metadata.resourceVersion}`);
    expect(seen[2]).toMatch(/^DELETED:a:/);
  });

  it('indexes objects by a key and by owner without scanning', () => {
    const s = new ObjectStore((r) => r);
    s.addIndex('pods', 'nodeName', (p) => p.spec?.nodeName);
    s.insert('pods', pod('a', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true }] }));
    s.insert('pods', pod('b'));
    expect(s.byIndex('pods', 'nodeName', 'n1').map((p) => p.metadata.name).sort()).toEqual(['a', 'b']);
    expect(s.dependents('rs-uid').map((p) => p.metadata.name)).toEqual(['a']);
    s.remove('pods', 'default', 'a');
    expect(s.dependents('rs-uid')).toEqual([]);
    expect(s.byIndex('pods', 'nodeName', 'n1').map((p) => p.metadata.name)).toEqual(['b']);
    expect(s.getByUid('uid-b')?.metadata.name).toBe('b');
  });
});

describe('API server object lifecycle', () => {
  it('sets uid, creationTimestamp, generation; bumps generation only on spec changes', () => {
    const c = newCluster({ minimal: true, bootSeconds: 0 });
    k(c, 'create deployment web --image=nginx');
    const type = typeForKind('Deployment');
    const d = c.api.get(type, 'default', 'web');
    expect(d.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.metadata.creationTimestamp).toBe('2026-03-02T09:00:00Z');
    expect(d.metadata.generation).toBe(1);
    k(c, 'label deployment web tier=frontend');
    expect(c.api.get(type, 'default', 'web').metadata.generation).toBe(1);
    k(c, 'scale deployment web --replicas=2');
    expect(c.api.get(type, 'default', 'web').metadata.generation).toBe(2);
  });

  it('keeps an object with finalizers until they are removed', () => {
    const c = newCluster({ minimal: true, bootSeconds: 0 });
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n  finalizers: ["example.com/hold"]\ndata:\n  a: "1"\n');
    expect(k(c, 'delete configmap keep --wait=false')).toBe('configmap "keep" deleted\n');
    const cmType = typeForKind('ConfigMap');
    const held = c.api.get(cmType, 'default', 'keep');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    c.api.update({ ...held, metadata: { ...held.metadata, finalizers: [] } }, 'test');
    expect(c.api.tryGet(cmType, 'default', 'keep')).toBeUndefined();
  });
});

describe('garbage collection', () => {
  it('background: deleting a Deployment removes its ReplicaSets and pods', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    c.advance(15);
    expect(c.store.list('pods', 'default')).toHaveLength(2);
    k(c, 'delete deployment web');
    c.advance(1);
    expect(c.store.list('replicasets', 'default')).toHaveLength(0);
    c.advance(40);
    expect(c.store.list('pods', 'default')).toHaveLength(0);
  });

  it('orphan: --cascade=orphan keeps the ReplicaSet and strips its owner reference', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    c.advance(15);
    k(c, 'delete deployment web --cascade=orphan');
    c.advance(5);
    const rss = c.store.list('replicasets', 'default');
    expect(rss).toHaveLength(1);
    expect(rss[0].metadata.ownerReferences).toBeUndefined();
    expect(c.store.list('pods', 'default')).toHaveLength(2);
  });

  it('foreground: the owner stays (with a finalizer) until its dependents are gone', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    c.advance(15);
    k(c, 'delete deployment web --cascade=foreground --wait=false');
    const d = c.store.get('deployments', 'default', 'web');
    expect(d?.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.advance(60);
    expect(c.store.get('deployments', 'default', 'web')).toBeUndefined();
    expect(c.store.list('replicasets', 'default')).toHaveLength(0);
  });
});

describe('generateName', () => {
  it('retries a generated name that is taken (RetryGenerateName, GA in v1.32)', () => {
    const c = newCluster({ minimal: true, bootSeconds: 0 });
    const suffixes = ['abcde', 'abcde', 'fghjk'];
    c.rng.nameSuffix = () => suffixes.shift() ?? 'zzzzz';
    const cm = (n: number) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-', namespace: 'default' }, data: { n: String(n) } });
    expect(c.api.create(cm(1), 'test').metadata.name).toBe('cfg-abcde');
    expect(c.api.create(cm(2), 'test').metadata.name).toBe('cfg-fghjk');
  });
});
