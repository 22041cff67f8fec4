/**
 * Server-side apply and field ownership (metadata.managedFields), after structured-merge-diff:
 * an apply claims the fields its configuration sets; a field another manager owns with a
 * different value is a conflict (409, unless forced, which takes the field over); a field the
 * manager applied before and no longer does is removed, unless someone else owns it too — what
 * lets `helm upgrade` or a second `kubectl apply --server-side` drop an env var. Writes that are
 * not applies (create, update, patch) are recorded as Update entries owning what they changed.
 *
 * Lists are keyed by the types' patch merge keys (containers by name …), not by every list-map
 * key of the OpenAPI schema; ownership is tracked for requests of real clients (the served API),
 * not for the control loops' own writes.
 */
import type { KObject } from '../types';
import { ApiError } from '../errors';
import { definitionKey } from '../schema';
import { deepEqual } from '../../util/equal';
import { clone, isPlainObject } from '../patch/values';
import { strategicMergePatch } from '../patch/strategicMergePatch';
import { fromFieldsV1, keyPath, leafPaths, readablePath, removeAt, toFieldsV1, valueAt } from './fieldPaths';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

interface Owned {
  entry: ManagedFieldsEntry;
  set: Set<string>;
}

function owners(obj: KObject | undefined): Owned[] {
  const list = (obj?.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  return list.filter((e) => isPlainObject(e) && typeof e.manager === 'string').map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}

function entry(manager: string, operation: 'Apply' | 'Update', apiVersion: string, time: string, set: Set<string>): ManagedFieldsEntry {
  return { manager, operation, apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(set) };
}

/** How the API server names a conflicting manager: an applier by name, an updater with its version and time. */
function managerName(e: ManagedFieldsEntry): string {
  return e.operation === 'Update' ? `${JSON.stringify(e.manager)} using ${e.apiVersion} at ${e.time}` : JSON.stringify(e.manager);
}

function conflictError(conflicts: { owner: ManagedFieldsEntry; path: string[] }[]): ApiError {
  const causes = conflicts.map((c) => ({ field: readablePath(c.path), reason: 'FieldManagerConflict', message: `conflict with ${managerName(c.owner)}` }));
  let message: string;
  if (conflicts.length === 1) message = `conflict with ${managerName(conflicts[0]!.owner)}: ${readablePath(conflicts[0]!.path)}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(managerName(c.owner), [...(byManager.get(managerName(c.owner)) ?? []), readablePath(c.path)]);
    message = [...byManager.keys()]
      .sort()
      .flatMap((m) => [`conflicts with ${m}:`, ...byManager.get(m)!.map((p) => `- ${p}`)])
      .join('\n');
  }
  return new ApiError('Conflict', 409, `Apply failed with ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}: ${message}`, { causes });
}

/**
 * The object a server-side apply of `config` by `manager` leads to (live: the stored object,
 * undefined for a create), with its managedFields. Throws a 409 on conflicts unless `force`.
 */
export function applyConfiguration(live: KObject | undefined, config: KObject, manager: string, force: boolean, now: string): KObject {
  const typeKey = definitionKey(config.apiVersion, config.kind);
  const claimed = leafPaths(config, typeKey);
  const all = owners(live);
  const mine = all.find((o) => o.entry.manager === manager && o.entry.operation === 'Apply' && !o.entry.subresource);
  const others = all.filter((o) => o !== mine);
  const conflicts: { owner: ManagedFieldsEntry; path: string[] }[] = [];
  const taken = new Set<string>();
  for (const o of others) {
    for (const k of o.set) {
      if (!claimed.has(k)) continue;
      const path = keyPath(k);
      if (path[path.length - 1] === '.') continue;
      if (deepEqual(valueAt(live, path), valueAt(config, path))) continue;
      conflicts.push({ owner: o.entry, path });
      taken.add(k);
    }
  }
  if (conflicts.length && !force) throw conflictError(conflicts);
  const base = (live ? clone(live) : { apiVersion: config.apiVersion, kind: config.kind, metadata: {} }) as KObject;
  // What this manager applied before and no longer does, and nobody else owns: removed.
  const stillOwned = new Set(others.flatMap((o) => [...o.set]));
  const dropped = [...(mine?.set ?? [])].filter((k) => !claimed.has(k) && !stillOwned.has(k)).map(keyPath);
  for (const p of dropped.sort((a, b) => b.length - a.length)) removeAt(base, p);
  const merged = strategicMergePatch(base, config, typeKey) as KObject;
  const entries: ManagedFieldsEntry[] = [];
  for (const o of all) {
    if (o === mine) continue;
    const left = force ? new Set([...o.set].filter((k) => !taken.has(k))) : o.set;
    if (left.size) entries.push(left === o.set ? o.entry : { ...o.entry, fieldsV1: toFieldsV1(left) });
  }
  entries.push(entry(manager, 'Apply', config.apiVersion, now, claimed));
  merged.metadata = { ...merged.metadata, managedFields: entries };
  return merged;
}

/**
 * Records a write that is not an apply: `manager` owns the fields it set (a create: every field
 * of what it sent) or changed (an update or patch), and other managers stop owning them.
 */
export function recordUpdate(old: KObject | undefined, next: KObject, sent: KObject | undefined, manager: string, now: string, subresource?: string): KObject {
  const typeKey = definitionKey(next.apiVersion, next.kind);
  const changed = new Set<string>();
  const candidates = old ? leafPaths(next, typeKey) : leafPaths(sent ?? next, typeKey);
  for (const k of candidates) {
    const path = keyPath(k);
    if (old) {
      const before = valueAt(old, path);
      const after = valueAt(next, path);
      // A map or list item itself (".") changes only by appearing or going, not by its contents.
      if (path[path.length - 1] === '.' ? (before === undefined) === (after === undefined) : deepEqual(before, after)) continue;
    }
    changed.add(k);
  }
  // Fields the update removed leave their owners too.
  if (old) for (const k of leafPaths(old, typeKey)) if (valueAt(next, keyPath(k)) === undefined) changed.add(k);
  // A write that changes nothing keeps the record as it was (and so stays a no-op).
  if (old && changed.size === 0) {
    const metadata = { ...next.metadata };
    if (old.metadata.managedFields) metadata.managedFields = old.metadata.managedFields;
    else delete metadata.managedFields;
    return { ...next, metadata };
  }
  const all = owners(old ?? next);
  const entries: ManagedFieldsEntry[] = [];
  let mine: Set<string> | undefined;
  for (const o of all) {
    if (o.entry.manager === manager && o.entry.operation === 'Update' && o.entry.subresource === subresource) {
      mine = o.set;
      continue;
    }
    const left = new Set([...o.set].filter((k) => !changed.has(k)));
    if (left.size) entries.push(left.size === o.set.size ? o.entry : { ...o.entry, fieldsV1: toFieldsV1(left) });
  }
  const owned = new Set([...(mine ?? []), ...[...changed].filter((k) => valueAt(next, keyPath(k)) !== undefined)]);
  if (owned.size) entries.push({ ...entry(manager, 'Update', next.apiVersion, now, owned), ...(subresource ? { subresource } : {}) });
  return { ...next, metadata: { ...next.metadata, managedFields: entries } };
}
