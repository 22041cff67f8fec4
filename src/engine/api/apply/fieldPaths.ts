/**
 * Field sets, as server-side apply tracks ownership (structured-merge-diff's FieldsV1): the
 * leaves an object sets, each a path of steps — `f:name` a field or map key, `k:{"name":"web"}`
 * a list item by its merge key, `v:"x"` an item of a set-like primitive list, `.` the item
 * itself. The schema (../../openapi) says which lists are keyed (the types' patch merge keys)
 * and which are atomic (a whole list is one leaf, as args and command are).
 */
import strategies from '../../openapi/patchStrategies.json';
import { typeDef } from '../schema';
import { getOwn, hasOwn, setOwn } from '../../util/own';
import { isPlainObject } from '../patch/values';
import { deepEqual } from '../../util/equal';

type Strategy = { strategy: string; mergeKey?: string };
const TABLE = (strategies as unknown as { types: Record<string, Record<string, Strategy>> }).types;

export type Path = string[];

/** Paths as set keys (steps never contain NUL). */
export const pathKey = (p: Path) => p.join('\u0000');
export const keyPath = (k: string): Path => k.split('\u0000');

/** What identifies a server-managed or identity field: never owned by a manager. */
const SKIP_TOP = new Set(['apiVersion', 'kind', 'status']);
const SKIP_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink']);

interface Field {
  type?: string;
  ref?: string;
  items?: { type?: string; ref?: string };
}

function fieldOf(typeKey: string | undefined, name: string): Field | undefined {
  return typeKey ? (getOwn(typeDef(typeKey)?.fields, name) as Field | undefined) : undefined;
}

/** How a list field is merged: by a key, as a set of scalars, or atomically. */
function listKind(typeKey: string | undefined, name: string): { mergeKey: string } | 'set' | 'atomic' {
  const s = typeKey ? TABLE[typeKey]?.[name] : undefined;
  if (s?.strategy.includes('merge')) return s.mergeKey ? { mergeKey: s.mergeKey } : 'set';
  return 'atomic';
}

/**
 * A kind without generated definitions (a custom resource, a CRD): structured-merge-diff's
 * deduced schema — every object's fields owned one by one, lists atomic.
 */
const UNTYPED = '#untyped';

/** The leaf paths `obj` sets (a manager's claim when it applies `obj`). */
export function leafPaths(obj: unknown, typeKey: string | undefined): Set<string> {
  const out = new Set<string>();
  walkObject(obj, typeKey ?? UNTYPED, [], out, true);
  return out;
}

function walkObject(obj: unknown, typeKey: string | undefined, at: Path, out: Set<string>, top = false): void {
  if (!isPlainObject(obj)) return;
  for (const [name, value] of Object.entries(obj)) {
    if (value === undefined || value === null) continue;
    if (top && SKIP_TOP.has(name)) continue;
    if (at.length === 1 && at[0] === 'f:metadata' && SKIP_META.has(name)) continue;
    const p = [...at, `f:${name}`];
    const def = typeKey === UNTYPED ? { type: 'object', ref: top && name === 'metadata' ? 'meta/v1.ObjectMeta' : UNTYPED } : fieldOf(typeKey, name);
    walkValue(value, def, typeKey, name, p, out);
  }
}

function walkValue(value: unknown, def: Field | undefined, parentType: string | undefined, name: string, p: Path, out: Set<string>): void {
  if (Array.isArray(value)) {
    const kind = listKind(parentType, name);
    if (kind === 'atomic' || value.length === 0) return void out.add(pathKey(p));
    for (const item of value) {
      if (kind === 'set') {
        out.add(pathKey([...p, `v:${JSON.stringify(item)}`]));
        continue;
      }
      if (!isPlainObject(item) || !hasOwn(item, kind.mergeKey)) continue;
      const itemPath = [...p, `k:${JSON.stringify({ [kind.mergeKey]: item[kind.mergeKey] })}`];
      out.add(pathKey([...itemPath, '.']));
      walkObject(item, def?.items?.ref, itemPath, out);
    }
    return;
  }
  if (isPlainObject(value)) {
    if (def?.type === 'map') {
      // A map's keys are fields of their own (labels, annotations, data).
      if (Object.keys(value).length === 0) return void out.add(pathKey(p));
      out.add(pathKey([...p, '.']));
      for (const [k, v] of Object.entries(value)) {
        if (def.items?.ref && isPlainObject(v)) walkObject(v, def.items.ref, [...p, `f:${k}`], out);
        else out.add(pathKey([...p, `f:${k}`]));
      }
      return;
    }
    if (def?.ref && Object.keys(value).length > 0) return void walkObject(value, def.ref, p, out);
    // An object the schema does not describe (or an empty one) is owned whole.
    if (!def?.ref) return void out.add(pathKey(p));
    return void out.add(pathKey(p));
  }
  out.add(pathKey(p));
}

/** Where a step leads inside a value (undefined when absent). */
function step(container: unknown, s: string): unknown {
  if (s.startsWith('f:')) return isPlainObject(container) ? getOwn(container, s.slice(2)) : undefined;
  if (!Array.isArray(container)) return undefined;
  if (s.startsWith('k:')) {
    const key = JSON.parse(s.slice(2)) as Record<string, unknown>;
    return container.find((item) => isPlainObject(item) && Object.entries(key).every(([k, v]) => deepEqual(item[k], v)));
  }
  if (s.startsWith('v:')) {
    const v = JSON.parse(s.slice(2));
    return container.find((x) => deepEqual(x, v));
  }
  return undefined;
}

/** The value a path names in an object (for conflict checks). */
export function valueAt(obj: unknown, p: Path): unknown {
  let v = obj;
  for (const s of p) {
    if (s === '.') return v;
    v = step(v, s);
    if (v === undefined) return undefined;
  }
  return v;
}

/** Removes what a path names from an object (in place on a deep copy the caller owns). */
export function removeAt(obj: unknown, p: Path): void {
  const last = p[p.length - 1]!;
  const target = last === '.' ? p.slice(0, -1) : p;
  const parent = valueAt(obj, target.slice(0, -1));
  const s = target[target.length - 1]!;
  if (s.startsWith('f:') && isPlainObject(parent)) delete parent[s.slice(2)];
  else if (Array.isArray(parent)) {
    const item = step(parent, s);
    const i = parent.indexOf(item);
    if (i >= 0) parent.splice(i, 1);
  }
}

/** A set of paths as the nested FieldsV1 object managedFields carries. */
export function toFieldsV1(paths: Iterable<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const k of [...paths].sort()) {
    let node = root;
    for (const s of keyPath(k)) {
      let next = getOwn(node, s) as Record<string, unknown> | undefined;
      if (!next) {
        next = {};
        setOwn(node, s, next);
      }
      node = next;
    }
  }
  return root;
}

/** FieldsV1 back to leaf paths (a node with no children is a leaf). */
export function fromFieldsV1(fields: unknown, at: Path = [], out = new Set<string>()): Set<string> {
  if (!isPlainObject(fields)) return out;
  const entries = Object.entries(fields);
  if (entries.length === 0 && at.length) out.add(pathKey(at));
  for (const [s, child] of entries) fromFieldsV1(child, [...at, s], out);
  return out;
}

/** The path as a person reads it in a conflict: `.spec.replicas`, `.spec.template.spec.containers[name="web"].image`. */
export function readablePath(p: Path): string {
  return p
    .filter((s) => s !== '.')
    .map((s) => {
      if (s.startsWith('f:')) return `.${s.slice(2)}`;
      if (s.startsWith('k:')) return `[${Object.entries(JSON.parse(s.slice(2)) as Record<string, unknown>).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
      return `[${s.slice(2)}]`;
    })
    .join('');
}
