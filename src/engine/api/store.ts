/**
 * An etcd-like versioned object store.
 *
 * - One global, monotonically increasing resourceVersion, as etcd's revision.
 * - Optimistic concurrency: a write that names a stale resourceVersion fails with 409.
 * - Watch: every change is delivered synchronously to the watchers of its resource type,
 *   which only enqueue work (informer semantics; the work runs later on the simulated clock).
 *   A write is atomic to its watchers: once stored, every watcher is told, even when an earlier
 *   one throws (its error goes to `onWatchError`, never back to the writer, whose write did
 *   happen) — as each informer of a real cluster gets the watch event on its own.
 * - Indexes keep every lookup the control loops make (pods of a node, dependents of an owner,
 *   an object by uid) off full scans, so the store carries 150,000 pods.
 *
 * Stored objects are never mutated in place: writers build a new object (sharing unchanged
 * parts), which is what makes cheap structural sharing safe.
 */
import type { KObject } from './types';
import { conflict } from './errors';
import { immutableData, stateless } from '../sim/forkable';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type WatchHandler = (type: WatchEventType, obj: KObject, old: KObject | undefined) => void;
export type IndexFn = (obj: KObject) => string[] | string | undefined;

interface Index {
  fn: IndexFn;
  /** True when an update cannot have changed the indexed values (skips recomputing them). */
  same?: (obj: KObject, old: KObject) => boolean;
  entries: Map<string, Set<string>>;
}

function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class ResourceTable {
  /** namespace ('' for cluster-scoped) → name → object */
  readonly byNamespace = new Map<string, Map<string, KObject>>();
  readonly indexes = new Map<string, Index>();
  readonly watchers: WatchHandler[] = [];
  count = 0;
  /** How many objects have left the table so far: a reader that saw every one of its objects still there needs no new look until this moves. */
  removed = 0;
}

export class ObjectStore {
  private revision = 0;
  private tables = new Map<string, ResourceTable>();
  private uidIndex = new Map<string, { resource: string; namespace: string; name: string }>();
  /** owner uid → dependents by "resource|ns|name" (the garbage collector's graph) */
  private ownerIndex = new Map<string, Map<string, KObject>>();

  constructor(qualifiedResourceOf: (resource: string) => string) {
    this.qualified = qualifiedResourceOf;
  }

  /** Told when a watcher throws (the cluster notes it on the clock's contained list). */
  onWatchError: (resource: string, type: WatchEventType, obj: KObject, error: unknown) => void = () => {};

  private notify(resource: string, t: ResourceTable, type: WatchEventType, obj: KObject, old: KObject | undefined): void {
    for (const w of t.watchers) {
      try {
        w(type, obj, old);
      } catch (e) {
        try {
          this.onWatchError(resource, type, obj, e);
        } catch {
          // the reporter itself failed: the write still stands
        }
      }
    }
  }

  private qualified: (resource: string) => string;

  currentRevision(): number {
    return this.revision;
  }

  nextRevision(): string {
    return String(++this.revision);
  }

  private table(resource: string): ResourceTable {
    let t = this.tables.get(resource);
    if (!t) {
      t = new ResourceTable();
      this.tables.set(resource, t);
    }
    return t;
  }

  watch(resource: string, handler: WatchHandler): () => void {
    const w = this.table(resource).watchers;
    w.push(handler);
    return () => {
      const i = w.indexOf(handler);
      if (i >= 0) w.splice(i, 1);
    };
  }

  addIndex(resource: string, indexName: string, fn: IndexFn, same?: (obj: KObject, old: KObject) => boolean): void {
    const t = this.table(resource);
    // An index reads only the object it is given: a copy of the cluster shares its functions.
    const index: Index = { fn: stateless(fn), same: same && stateless(same), entries: new Map() };
    t.indexes.set(indexName, index);
    for (const [ns, objs] of t.byNamespace) for (const obj of objs.values()) this.indexAdd(index, keyOf(ns, obj.metadata.name!), values(fn(obj)));
  }

  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.tables.get(resource)?.byNamespace.get(namespace ?? '')?.get(name);
  }

  getByUid(uid: string): KObject | undefined {
    const loc = this.uidIndex.get(uid);
    return loc ? this.get(loc.resource, loc.namespace, loc.name) : undefined;
  }

  /** How many objects of a type have been removed so far (it only grows). */
  removals(resource: string): number {
    return this.tables.get(resource)?.removed ?? 0;
  }

  count(resource: string): number {
    return this.tables.get(resource)?.count ?? 0;
  }

  /** Objects of a type in one namespace, or in all when namespace is undefined; name order. */
  list(resource: string, namespace?: string): KObject[] {
    const t = this.tables.get(resource);
    if (!t) return [];
    const out: KObject[] = [];
    if (namespace !== undefined) {
      const m = t.byNamespace.get(namespace);
      if (m) for (const o of m.values()) out.push(o);
      return out.sort(byName);
    }
    const namespaces = [...t.byNamespace.keys()].sort();
    for (const ns of namespaces) {
      const part = [...t.byNamespace.get(ns)!.values()].sort(byName);
      for (const o of part) out.push(o);
    }
    return out;
  }

  namespacesOf(resource: string): string[] {
    return [...(this.tables.get(resource)?.byNamespace.keys() ?? [])];
  }

  /** Objects whose index `indexName` holds `value` (e.g. pods with spec.nodeName=worker-1). */
  byIndex(resource: string, indexName: string, value: string): KObject[] {
    const t = this.tables.get(resource);
    const keys = t?.indexes.get(indexName)?.entries.get(value);
    if (!t || !keys) return [];
    const out: KObject[] = [];
    for (const k of keys) {
      const slash = k.indexOf('/');
      const obj = slash < 0 ? t.byNamespace.get('')?.get(k) : t.byNamespace.get(k.slice(0, slash))?.get(k.slice(slash + 1));
      if (obj) out.push(obj);
    }
    return out;
  }

  indexSize(resource: string, indexName: string, value: string): number {
    return this.tables.get(resource)?.indexes.get(indexName)?.entries.get(value)?.size ?? 0;
  }

  /** Objects that name `ownerUid` in their ownerReferences (the garbage collector's graph). */
  dependents(ownerUid: string): KObject[] {
    const deps = this.ownerIndex.get(ownerUid);
    return deps ? [...deps.values()] : [];
  }

  dependentCount(ownerUid: string): number {
    return this.ownerIndex.get(ownerUid)?.size ?? 0;
  }

  /** Inserts a new object; the caller has checked that the name is free. */
  insert(resource: string, obj: KObject): KObject {
    const t = this.table(resource);
    const ns = obj.metadata.namespace ?? '';
    obj.metadata.resourceVersion = this.nextRevision();
    let m = t.byNamespace.get(ns);
    if (!m) {
      m = new Map();
      t.byNamespace.set(ns, m);
    }
    m.set(obj.metadata.name!, immutableData(obj));
    t.count++;
    this.indexAll(resource, t, obj, undefined);
    this.notify(resource, t, 'ADDED', obj, undefined);
    return obj;
  }

  /**
   * Replaces an object. `expectedVersion`, when given, must equal the stored resourceVersion
   * (optimistic concurrency, 409 Conflict otherwise).
   */
  replace(resource: string, obj: KObject, expectedVersion?: string): KObject {
    const t = this.table(resource);
    const ns = obj.metadata.namespace ?? '';
    const m = t.byNamespace.get(ns);
    const old = m?.get(obj.metadata.name!);
    if (!m || !old) throw new Error(`replace of missing ${resource} ${ns}/${obj.metadata.name}`);
    if (expectedVersion !== undefined && expectedVersion !== old.metadata.resourceVersion) {
      throw conflict(this.qualified(resource), obj.metadata.name!);
    }
    obj.metadata.resourceVersion = this.nextRevision();
    m.set(obj.metadata.name!, immutableData(obj));
    this.indexAll(resource, t, obj, old);
    this.notify(resource, t, 'MODIFIED', obj, old);
    return obj;
  }

  remove(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const t = this.tables.get(resource);
    const m = t?.byNamespace.get(namespace ?? '');
    const old = m?.get(name);
    if (!t || !m || !old) return undefined;
    m.delete(name);
    if (m.size === 0) t.byNamespace.delete(namespace ?? '');
    t.count--;
    t.removed++;
    this.revision++;
    this.indexAll(resource, t, undefined, old);
    this.notify(resource, t, 'DELETED', old, old);
    return old;
  }

  private indexAll(resource: string, t: ResourceTable, obj: KObject | undefined, old: KObject | undefined): void {
    const ref = obj ?? old!;
    const key = keyOf(ref.metadata.namespace, ref.metadata.name!);
    for (const index of t.indexes.values()) {
      if (obj && old && index.same?.(obj, old)) continue;
      const before = old ? values(index.fn(old)) : [];
      const after = obj ? values(index.fn(obj)) : [];
      // Most updates (status, heartbeats) leave every indexed value alone: nothing to move.
      if (before.length === after.length && before.every((v, i) => v === after[i])) continue;
      this.indexRemove(index, key, before);
      this.indexAdd(index, key, after);
    }
    if (old?.metadata.uid && !obj) this.uidIndex.delete(old.metadata.uid);
    if (obj?.metadata.uid && obj.metadata.uid !== old?.metadata.uid) this.uidIndex.set(obj.metadata.uid, immutableData({ resource, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name! }));
    const oldOwners = old?.metadata.ownerReferences;
    const newOwners = obj?.metadata.ownerReferences;
    const gkey = `${resource}|${ref.metadata.namespace ?? ''}|${ref.metadata.name}`;
    for (const o of oldOwners ?? []) {
      if (newOwners?.some((n) => n.uid === o.uid)) continue;
      const deps = this.ownerIndex.get(o.uid);
      deps?.delete(gkey);
      if (deps?.size === 0) this.ownerIndex.delete(o.uid);
    }
    // Keep the newest version of the object under each owner.
    for (const o of newOwners ?? []) {
      let deps = this.ownerIndex.get(o.uid);
      if (!deps) this.ownerIndex.set(o.uid, (deps = new Map()));
      deps.set(gkey, obj!);
    }
  }

  private indexAdd(index: Index, key: string, keys: string[]): void {
    for (const v of keys) {
      let s = index.entries.get(v);
      if (!s) index.entries.set(v, (s = new Set()));
      s.add(key);
    }
  }

  private indexRemove(index: Index, key: string, keys: string[]): void {
    for (const v of keys) {
      const s = index.entries.get(v);
      s?.delete(key);
      if (s?.size === 0) index.entries.delete(v);
    }
  }
}

function values(v: string[] | string | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

function byName(a: KObject, b: KObject): number {
  const x = a.metadata.name!;
  const y = b.metadata.name!;
  return x < y ? -1 : x > y ? 1 : 0;
}
