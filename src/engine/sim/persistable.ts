/**
 * A whole cluster as plain data, to keep a checkpoint across a page reload (IndexedDB holds
 * what the structured clone algorithm can copy: plain objects, arrays, Maps, Sets, typed arrays
 * — not prototypes, functions or machine snapshots). This writes the graph ./forkable.ts copies
 * in memory as a table of nodes, and reads it back into the same graph:
 *
 * - a class instance is written with its class's registered name (persistentClasses), and read
 *   back with that class's prototype — so only a build that registered the same classes can
 *   read an image (images carry the build they were written by, and a reader checks it);
 * - a bound call is written as its recipe (object, method, arguments), like a fork rebuilds it;
 * - a module constant (a machine, a table of tasks, a comparator) is written by the name it was
 *   registered under (persistent);
 * - a machine snapshot (XState) is written as its state value and context, and resolved again
 *   on its machine;
 * - stored data (storedData: Kubernetes objects, event records — plain, never changed) is
 *   handed to the structured clone whole, without walking it, which keeps writing cheap and
 *   keeps objects the cluster's versions share shared.
 *
 * Anything else — a closure, an accessor, an unregistered class — makes the writer refuse,
 * naming where it was found (NotPersistable), rather than write a checkpoint that would read
 * back different.
 *
 * This module holds the registries and the image's format; ./graphWriter.ts writes an image and
 * ./graphReader.ts reads one back.
 */
import { immutable, immutableData, isImmutableData, stateless } from './forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClass = abstract new (...args: any[]) => unknown;

const CONST_BY_VALUE = new Map<unknown, string>();
const CONST_BY_ID = new Map<string, unknown>();
const CLASS_BY_PROTO = new Map<object, string>();
const PROTO_BY_CLASS = new Map<string, object>();

/**
 * Registers a module constant (a function that captures nothing, a machine, a table of a
 * module's functions) under a name: checkpoints write the name, and share the value like a fork
 * does. Names must be unique; registering a name again (a module evaluated twice) replaces it.
 */
export function persistent<T extends object>(id: string, value: T): T {
  const old = CONST_BY_ID.get(id);
  if (old !== undefined) CONST_BY_VALUE.delete(old);
  CONST_BY_ID.set(id, value);
  CONST_BY_VALUE.set(value, id);
  if (typeof value === 'function') stateless(value as AnyFunction);
  else immutable(value);
  return value;
}

/**
 * Registers a table of a module's functions (the tasks a bound call names, a store's index
 * functions) and each of its functions, as `id` and `id.name`.
 */
export function persistentTable<T extends object>(id: string, table: T): T {
  for (const [key, value] of Object.entries(table)) if (typeof value === 'function') persistent(`${id}.${key}`, value);
  return persistent(id, table);
}

/** Registers the classes whose instances a cluster's state may hold, by stable names. */
export function persistentClasses(classes: Record<string, AnyClass>): void {
  for (const [name, cls] of Object.entries(classes)) {
    CLASS_BY_PROTO.set(cls.prototype as object, name);
    PROTO_BY_CLASS.set(name, cls.prototype as object);
  }
}

/**
 * Marks plain data that is never changed in place (a stored Kubernetes object, an event record):
 * forks share it, and a checkpoint hands it to the structured clone whole. It must hold only
 * what the structured clone copies faithfully: no functions, no class instances.
 */
export function storedData<T extends object>(value: T): T {
  return immutableData(value);
}

export function isStoredData(value: object): boolean {
  return isImmutableData(value);
}

/** The name a module constant was registered under, if it was. */
export function constantName(value: unknown): string | undefined {
  return CONST_BY_VALUE.get(value);
}

/** The module constant registered under `id`; undefined when this build has none. */
export function constant(id: string): unknown {
  return CONST_BY_ID.get(id);
}

export function hasConstant(id: string): boolean {
  return CONST_BY_ID.has(id);
}

/** The registered name of a class, by its prototype. */
export function className(proto: object): string | undefined {
  return CLASS_BY_PROTO.get(proto);
}

/** A registered class's prototype, by its name. */
export function classPrototype(name: string): object | undefined {
  return PROTO_BY_CLASS.get(name);
}

/** Raised when a graph holds something an image cannot carry; `path` says where. */
export class NotPersistable extends Error {
  override name = 'NotPersistable';
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`cannot keep the cluster as data: ${what} at ${path}`);
  }
}

/**
 * A graph as data. `nodes[0]` is the root; a value inside a node is either a primitive or a
 * one-element array `[n]`, a reference to node n (a node's own arrays are never values).
 */
export interface GraphImage {
  format: typeof FORMAT;
  classes: string[];
  consts: string[];
  nodes: unknown[];
}

export const FORMAT = 1;

// Node tags (the first entry of each node).
export const OBJECT = 0; // [OBJECT, class index or -1 (Object) / -2 (no prototype), flags, key, value, key, value, …]
export const ARRAY = 1; // [ARRAY, flags, value, …]
export const MAP = 2; // [MAP, flags, key, value, …]
export const SET = 3; // [SET, flags, value, …]
export const TYPED = 4; // [TYPED, constructor name, copy]
export const DATE = 5; // [DATE, time]
export const REGEXP = 6; // [REGEXP, source, flags]
export const BOUND = 7; // [BOUND, self, method, arg, …]
export const CONST = 8; // [CONST, const index]
export const SNAPSHOT = 9; // [SNAPSHOT, machine const index, state value (plain data, inline), context, status, flags]
export const DATA_NODE = 10; // [DATA_NODE, the value itself]

export const IMMUTABLE_FLAG = 1;
export const FROZEN_FLAG = 2;

export type Ref = [number];

export const TYPED_ARRAYS: Record<string, new (from: ArrayLike<number>) => ArrayBufferView> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
};
