/**
 * Strategic merge patch (`kubectl patch`'s default): like a JSON merge patch, except that lists
 * the API types mark `patchStrategy: merge` are merged item by item — containers by `name`,
 * container ports by `containerPort`, Service ports by `port` … (the merge keys, from the
 * types' own markers: ../../openapi/patchStrategies.json) — and primitive lists marked so
 * (`finalizers`) are united. The directives of apimachinery's strategicpatch are honoured:
 * `$patch: replace|delete|merge`, `$retainKeys`, `$deleteFromPrimitiveList/<field>` and
 * `$setElementOrder/<field>` (the order it names, with the server's other items slotted in).
 */
import strategies from '../../openapi/patchStrategies.json';
import { typeDef } from '../schema';
import { clone, goValue, isPlainObject } from './values';
import { getOwn, hasOwn, setOwn } from '../../util/own';

/** A patch the server cannot apply: a list item without its merge key, a bad directive. */
export class StrategicMergeError extends Error {
  constructor(
    message: string,
    /** BadRequest for a malformed patch; InternalError where upstream returns a plain error. */
    readonly reason: 'BadRequest' | 'InternalError',
  ) {
    super(message);
  }
}

type Strategy = { strategy: string; mergeKey?: string };
const TABLE = (strategies as unknown as { types: Record<string, Record<string, Strategy>> }).types;

function fieldOf(typeKey: string | undefined, field: string): { type?: string; ref?: string; items?: { type?: string; ref?: string } } | undefined {
  return typeKey ? getOwn(typeDef(typeKey)?.fields, field) : undefined;
}

/** Patch values with the directives and nulls taken out (what a new item or a replaced map holds). */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/') || x === null) continue;
    setOwn(out, k, strip(x));
  }
  return out;
}

export function strategicMergePatch(original: unknown, patch: unknown, typeKey: string | undefined): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const directive = patch.$patch;
  if (directive === 'replace') return strip(patch);
  if (directive === 'delete') return undefined;
  if (directive !== undefined && directive !== 'merge') throw new StrategicMergeError(`Unknown patch type: ${String(directive)} in map: ${goValue(patch)}`, 'BadRequest');
  const out: Record<string, unknown> = isPlainObject(original) ? { ...original } : {};
  const retain = patch.$retainKeys;
  if (retain !== undefined && (!Array.isArray(retain) || retain.some((k) => typeof k !== 'string'))) throw new StrategicMergeError('invalid patch: doesn\'t support retainKeys (a list of strings expected)', 'BadRequest');
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      if (!Array.isArray(value)) throw new StrategicMergeError('invalid patch: $deleteFromPrimitiveList must be a list', 'BadRequest');
      const current = getOwn(out, field);
      if (Array.isArray(current)) setOwn(out, field, current.filter((x) => !value.includes(x)));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const field = fieldOf(typeKey, key);
    const strategy = typeKey ? getOwn(getOwn(TABLE, typeKey), key) : undefined;
    if (Array.isArray(value)) {
      if (strategy?.strategy.split(',').includes('merge')) {
        setOwn(out, key, strategy.mergeKey ? mergeByKey(getOwn(out, key), value, strategy.mergeKey, field?.items?.ref) : unite(getOwn(out, key), value));
      } else setOwn(out, key, strip(value));
      continue;
    }
    if (isPlainObject(value)) {
      const merged = strategicMergePatch(getOwn(out, key), value, field?.type === 'object' ? field.ref : undefined);
      if (merged === undefined) delete out[key];
      else setOwn(out, key, merged);
      continue;
    }
    setOwn(out, key, value);
  }
  for (const [key, order] of Object.entries(patch)) if (key.startsWith('$setElementOrder/')) applyElementOrder(out, original, key.slice('$setElementOrder/'.length), order, typeKey);
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

/**
 * `$setElementOrder/<field>` (mergePatchIntoOriginal, normalizeElementOrder): the merged list's
 * items that the directive names come in its order; the others — items only the server had —
 * keep their server order and are slotted in among them as mergeSortedSlice does.
 */
function applyElementOrder(out: Record<string, unknown>, original: unknown, field: string, order: unknown, typeKey: string | undefined): void {
  if (!Array.isArray(order)) throw new StrategicMergeError(`invalid patch: $setElementOrder/${field} must be a list`, 'BadRequest');
  const current = getOwn(out, field);
  const strategy = typeKey ? getOwn(getOwn(TABLE, typeKey), field) : undefined;
  if (!Array.isArray(current) || !strategy?.strategy.split(',').includes('merge')) return;
  const mergeKey = strategy.mergeKey;
  const keyOf = (x: unknown) => (mergeKey ? (isPlainObject(x) ? x[mergeKey] : undefined) : x);
  const wanted = order.map(keyOf);
  const before = isPlainObject(original) ? getOwn(original, field) : undefined;
  const serverOrder = (Array.isArray(before) ? before : []).map(keyOf);
  const listed = current.filter((x) => wanted.includes(keyOf(x))).sort((a, b) => wanted.indexOf(keyOf(a)) - wanted.indexOf(keyOf(b)));
  const serverOnly = current.filter((x) => !wanted.includes(keyOf(x))).sort((a, b) => serverOrder.indexOf(keyOf(a)) - serverOrder.indexOf(keyOf(b)));
  setOwn(out, field, mergeSorted(serverOnly, listed, serverOrder, keyOf));
}

/**
 * A list merged by its merge key (strategicpatch.mergeSlice): `$patch: delete` items remove
 * theirs, any `$patch: replace` item makes the list the patch's other items, matched items are
 * merged, new ones added. Order: the patch's items in the patch's order, with the items only
 * the server had slotted in where they stood relative to them (normalizeElementOrder).
 */
function mergeByKey(original: unknown, patch: unknown[], mergeKey: string, itemType: string | undefined): unknown[] {
  let server = Array.isArray(original) ? original.map((x) => clone(x)) : [];
  const items: Record<string, unknown>[] = [];
  let replace = false;
  for (const item of patch) {
    if (!isPlainObject(item)) throw new StrategicMergeError(`unable to find api field in struct ${itemType?.split('.').pop() ?? ''} for the json field "${String(item)}"`, 'BadRequest');
    const directive = item.$patch;
    if (directive === undefined) {
      items.push(item);
      continue;
    }
    if (directive === 'delete') {
      if (!hasOwn(item, mergeKey)) throw new StrategicMergeError('delete patch type with no merge key defined', 'InternalError');
      server = server.filter((x) => !(isPlainObject(x) && x[mergeKey] === item[mergeKey]));
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge') throw new StrategicMergeError('merging lists cannot yet be specified in the patch', 'InternalError');
    else throw new StrategicMergeError(`unknown patch type: ${String(directive)} in map: ${goValue(item)}`, 'InternalError');
  }
  if (replace) return items.map(strip);
  const merged = [...server];
  for (const item of items) {
    if (!hasOwn(item, mergeKey)) throw new StrategicMergeError(`map: ${goValue(item)} does not contain declared merge key: ${mergeKey}`, 'InternalError');
    const at = merged.findIndex((x) => isPlainObject(x) && x[mergeKey] === item[mergeKey]);
    if (at >= 0) merged[at] = strategicMergePatch(merged[at], item, itemType);
    else merged.push(strategicMergePatch({}, item, itemType));
  }
  const keyOf = (x: unknown) => (isPlainObject(x) ? x[mergeKey] : undefined);
  const patchKeys = items.map(keyOf);
  const fromPatch = merged.filter((x) => patchKeys.includes(keyOf(x))).sort((a, b) => patchKeys.indexOf(keyOf(a)) - patchKeys.indexOf(keyOf(b)));
  const serverOnly = merged.filter((x) => !patchKeys.includes(keyOf(x)));
  return mergeSorted(serverOnly, fromPatch, server.map(keyOf), keyOf);
}

/** A merged list of primitives: both lists, each value once, ordered as mergeByKey orders. */
function unite(original: unknown, patch: unknown[]): unknown[] {
  const server = Array.isArray(original) ? original : [];
  const merged: unknown[] = [];
  for (const v of [...server, ...patch]) if (!merged.includes(v)) merged.push(v);
  const fromPatch = merged.filter((v) => patch.includes(v)).sort((a, b) => patch.indexOf(a) - patch.indexOf(b));
  const serverOnly = merged.filter((v) => !patch.includes(v));
  return mergeSorted(serverOnly, fromPatch, server, (v) => v);
}

/**
 * strategicpatch.mergeSortedSlice: the server-only items are inserted among the patch's, each
 * before the first patch item that stood after it on the server; patch items the server never
 * had keep their place ahead.
 */
function mergeSorted(left: unknown[], right: unknown[], serverOrder: unknown[], keyOf: (x: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = serverOrder.indexOf(keyOf(left[i]));
      const ri = serverOrder.indexOf(keyOf(right[j]));
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
