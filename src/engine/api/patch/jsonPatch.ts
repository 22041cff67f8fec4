/**
 * JSON patch (RFC 6902, `kubectl patch --type json`): a list of operations on JSON pointers,
 * applied in order as the API server's json-patch library (evanphx/json-patch v4) applies them;
 * the first that fails fails the whole patch, with that library's words.
 */
import { clone, isPlainObject } from './values';
import { setOwn } from '../../util/own';

export class JsonPatchDecodeError extends Error {}
export class JsonPatchApplyError extends Error {}

interface Operation {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: unknown;
}

/** RFC 6901: `/spec/containers/0/image`, with ~1 for '/' and ~0 for '~'. */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

type Container = Record<string, unknown> | unknown[];

/** The container holding the pointer's last token, and that token (findObject). */
function locate(doc: Container, pointer: string): { con: Container; key: string } | undefined {
  const parts = tokens(pointer);
  if (parts.length === 0) return undefined;
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (isPlainObject(cur)) {
      if (!Object.hasOwn(cur, part)) return undefined;
      cur = cur[part];
    } else return undefined;
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) return undefined;
  return { con: cur, key: parts[parts.length - 1] };
}

function index(con: unknown[], key: string, forAdd: boolean): number {
  if (forAdd && key === '-') return con.length;
  if (!/^\d+$/.test(key)) throw new JsonPatchApplyError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  const i = Number(key);
  if (forAdd ? i > con.length : i >= con.length) throw new JsonPatchApplyError(`Unable to access invalid index: ${i}: invalid index referenced`);
  return i;
}

function get(con: Container, key: string): { ok: boolean; value?: unknown } {
  if (Array.isArray(con)) {
    if (!/^\d+$/.test(key) || Number(key) >= con.length) return { ok: false };
    return { ok: true, value: con[Number(key)] };
  }
  return Object.hasOwn(con, key) ? { ok: true, value: con[key] } : { ok: false };
}

function add(con: Container, key: string, value: unknown): void {
  if (Array.isArray(con)) con.splice(index(con, key, true), 0, value);
  else setOwn(con, key, value);
}

function remove(con: Container, key: string): void {
  if (Array.isArray(con)) con.splice(index(con, key, false), 1);
  else {
    if (!Object.hasOwn(con, key)) throw new JsonPatchApplyError(`Unable to remove nonexistent key: ${key}: missing value`);
    delete con[key];
  }
}

/** Parses the patch as the server decodes it into a list of operations. */
export function decodeJsonPatch(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) throw new JsonPatchDecodeError(`json: cannot unmarshal ${isPlainObject(patch) ? 'object' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool'} into Go value of type jsonpatch.Patch`);
  for (const op of patch) if (!isPlainObject(op)) throw new JsonPatchDecodeError(`json: cannot unmarshal ${Array.isArray(op) ? 'array' : typeof op === 'string' ? 'string' : 'number'} into Go value of type jsonpatch.Operation`);
  return patch as Operation[];
}

export function applyJsonPatch(document: unknown, ops: Operation[]): unknown {
  const root = { doc: clone(document) } as Record<string, unknown>;
  const at = (pointer: string) => locate(root, `/doc${pointer}`);
  for (const op of ops) {
    const path = typeof op.path === 'string' ? op.path : undefined;
    const from = typeof op.from === 'string' ? op.from : undefined;
    switch (op.op) {
      case 'add': {
        if (path === undefined) throw new JsonPatchApplyError('add operation failed to decode path: missing value');
        const t = at(path);
        if (!t) throw new JsonPatchApplyError(`add operation does not apply: doc is missing path: "${path}": missing value`);
        add(t.con, t.key, clone(op.value ?? null));
        break;
      }
      case 'remove': {
        if (path === undefined) throw new JsonPatchApplyError('remove operation failed to decode path: missing value');
        const t = at(path);
        if (!t) throw new JsonPatchApplyError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
        remove(t.con, t.key);
        break;
      }
      case 'replace': {
        if (path === undefined) throw new JsonPatchApplyError('replace operation failed to decode path');
        const t = at(path);
        if (!t) throw new JsonPatchApplyError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
        if (!get(t.con, t.key).ok) throw new JsonPatchApplyError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
        if (Array.isArray(t.con)) t.con[Number(t.key)] = clone(op.value ?? null);
        else setOwn(t.con, t.key, clone(op.value ?? null));
        break;
      }
      case 'move':
      case 'copy': {
        if (from === undefined) throw new JsonPatchApplyError(`${op.op} operation failed to decode from`);
        const src = at(from);
        if (!src) throw new JsonPatchApplyError(`${op.op} operation does not apply: doc is missing from path: ${from}: missing value`);
        const got = get(src.con, src.key);
        if (!got.ok) throw new JsonPatchApplyError(`error in ${op.op} for path: '${src.key}': missing value`);
        if (op.op === 'move') remove(src.con, src.key);
        if (path === undefined) throw new JsonPatchApplyError(`${op.op} operation failed to decode path`);
        const dst = at(path);
        if (!dst) throw new JsonPatchApplyError(`${op.op} operation does not apply: doc is missing destination path: ${path}: missing value`);
        add(dst.con, dst.key, op.op === 'copy' ? clone(got.value) : got.value);
        break;
      }
      case 'test': {
        if (path === undefined) throw new JsonPatchApplyError('test operation failed to decode path');
        const t = at(path);
        if (!t) throw new JsonPatchApplyError(`test operation does not apply: is missing path: ${path}: missing value`);
        const got = get(t.con, t.key);
        if (JSON.stringify(got.value ?? null) !== JSON.stringify(op.value ?? null)) throw new JsonPatchApplyError(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchApplyError(`Unexpected kind: ${String(op.op ?? '')}`);
    }
  }
  return root.doc;
}
