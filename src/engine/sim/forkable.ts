/**
 * What lets a whole cluster be copied in memory (a checkpoint for instant rewind): every
 * function the engine keeps between tasks — a clock task, a watch handler, a work queue's sync —
 * is either a *bound call* (an object of the engine's graph, a method name and plain
 * arguments, rebuilt on the copy's objects) or marked *stateless* (it captures nothing that
 * changes, so the copy may share it). A closure that is neither makes the copy refuse, naming
 * where it was found, instead of silently sharing state between two clusters.
 */

const RECIPE = Symbol('wheelhouse.boundCall');
const STATELESS = new WeakSet<object>();
const IMMUTABLE = new WeakSet<object>();
/** Immutable plain data (./persistable.ts storedData): one set, not two — events make many. */
const DATA = new WeakSet<object>();

export interface BoundRecipe {
  self: object;
  method: string;
  args: unknown[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;

/**
 * `self[method](...args, ...callArgs)` as a function a copy of the cluster can rebuild: use it
 * wherever a callback outlives the current task (a clock task, a watch handler, a queue's sync).
 * Pass the method itself — `bound(this, this.sync, key)` — so TypeScript sees it used (it may
 * be private); it is found again on the copy by its name. `args` must be plain data or objects
 * of the engine's graph (the copy maps them to its own).
 */
export function bound(self: object, method: string | AnyFunction, ...args: unknown[]): AnyFunction {
  const target = self as Record<string, AnyFunction>;
  const name = typeof method === 'string' ? method : keyOf(target, method);
  if (typeof target[name] !== 'function' || (typeof method === 'function' && target[name] !== method)) throw new TypeError(`bound: ${self.constructor?.name ?? 'object'} has no method ${name}`);
  const f = args.length === 0 ? (...rest: unknown[]) => target[name](...rest) : (...rest: unknown[]) => target[name](...args, ...rest);
  (f as unknown as Record<symbol, BoundRecipe>)[RECIPE] = { self, method: name, args };
  return f;
}

/**
 * The key under which `self` holds `method`. Usually its name; but a minifier renames module
 * functions gathered into an object (`{ pull, start }`), so then the key is looked up.
 */
function keyOf(self: Record<string, AnyFunction>, method: AnyFunction): string {
  if (self[method.name] === method) return method.name;
  const known = KEYS.get(method);
  if (known !== undefined && self[known] === method) return known;
  for (const key of Object.keys(self)) {
    if (self[key] === method) {
      KEYS.set(method, key);
      return key;
    }
  }
  return method.name;
}

const KEYS = new WeakMap<AnyFunction, string>();

/** Marks a function that captures nothing that changes (a comparator, a pure helper): copies share it. */
export function stateless<F extends AnyFunction>(fn: F): F {
  STATELESS.add(fn);
  return fn;
}

/** Marks a value that is never changed in place (a stored object, a machine snapshot): copies share it. */
export function immutable<T extends object>(value: T): T {
  IMMUTABLE.add(value);
  return value;
}

export function isImmutable(value: object): boolean {
  return IMMUTABLE.has(value) || DATA.has(value);
}

/** Marks immutable plain data (what ./persistable.ts calls stored data). */
export function immutableData<T extends object>(value: T): T {
  DATA.add(value);
  return value;
}

export function isImmutableData(value: object): boolean {
  return DATA.has(value);
}

export function isStateless(fn: object): boolean {
  return STATELESS.has(fn);
}

/** What a bound call was made of, or undefined for any other function. */
export function recipeOf(fn: object): BoundRecipe | undefined {
  return (fn as unknown as Record<symbol, BoundRecipe | undefined>)[RECIPE];
}

/**
 * A bound call rebuilt from a recipe that is filled in later (a checkpoint kept as data is read
 * back: the objects and arguments it names may not exist yet). Nothing is checked; the recipe
 * is read when the call is made.
 */
export function rebound(recipe: BoundRecipe): AnyFunction {
  const f = (...rest: unknown[]) => (recipe.self as Record<string, AnyFunction>)[recipe.method](...recipe.args, ...rest);
  (f as unknown as Record<symbol, BoundRecipe>)[RECIPE] = recipe;
  return f;
}

/** Raised when a graph holds something a copy cannot rebuild; `path` says where. */
export class NotForkable extends Error {
  override name = 'NotForkable';
  constructor(readonly path: string) {
    super(`cannot copy the cluster: a closure at ${path} is neither a bound call nor stateless`);
  }
}

export interface ForkOptions {
  /** More values to share (whole subtrees: a shared object is not entered). */
  shared?: (value: object) => boolean;
  /** Values the copy gets instead of a copy (e.g. an empty list for the page's subscribers). */
  replace?: Map<object, unknown>;
  /** A survey: every closure that cannot be copied is listed here instead of throwing. */
  problems?: string[];
}

/**
 * A deep copy of `root`'s object graph: identity and cycles kept, class instances keep their
 * prototype, Maps and Sets their order. Immutable values and stateless functions are shared;
 * bound calls are rebuilt on the copied objects. Throws NotForkable, naming the place, at a
 * closure it cannot rebuild.
 */
export function forkGraph<T>(root: T, options: ForkOptions = {}): T {
  if (options.problems) return copyGraph(root, options, true);
  try {
    return copyGraph(root, options, false);
  } catch (e) {
    // The fast pass keeps no paths: a second one finds where the closure was, for the message.
    if (e === UNNAMED) copyGraph(root, options, true);
    throw e;
  }
}

const UNNAMED = new Error('a closure that cannot be copied');

function copyGraph<T>(root: T, { shared, replace, problems }: ForkOptions, withPaths: boolean): T {
  const copies = new Map<object, unknown>(replace);
  // Work list instead of recursion: a long chain of objects must not blow the stack.
  const pending: object[] = [];
  const pathOf = withPaths ? new Map<object, string>() : undefined;
  const at = (from: object | undefined, segment: string) => (pathOf ? `${from ? pathOf.get(from) : ''}${segment}` : '');
  const refuse = (path: string) => {
    if (!withPaths) throw UNNAMED;
    // A survey (`problems` given) lists every such closure instead of stopping at the first.
    if (!problems) throw new NotForkable(path);
    problems.push(path);
  };

  const copy = (value: unknown, path: string): unknown => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const v = value as object;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (IMMUTABLE.has(v) || DATA.has(v) || STATELESS.has(v) || (shared && typeof v === 'object' && shared(v))) return v;
    if (typeof v === 'function') {
      const recipe = (v as unknown as Record<symbol, BoundRecipe | undefined>)[RECIPE];
      if (!recipe) {
        refuse(path);
        return v;
      }
      const self = copy(recipe.self, withPaths ? `${path}⟨self⟩` : '') as object;
      const args = recipe.args.map((a, i) => copy(a, withPaths ? `${path}⟨arg ${i}⟩` : ''));
      const f = bound(self, recipe.method, ...args);
      copies.set(v, f);
      return f;
    }
    let out: object;
    let enter = true;
    if (Array.isArray(v)) out = new Array(v.length);
    else if (v instanceof Map) out = new Map();
    else if (v instanceof Set) out = new Set();
    else if (ArrayBuffer.isView(v)) {
      out = (v as unknown as { slice(): object }).slice();
      enter = false;
    } else if (v instanceof Date) {
      out = new Date(v.getTime());
      enter = false;
    } else if (v instanceof RegExp) {
      // Shared: only lastIndex could change, and the engine never keeps a global/sticky match across tasks.
      out = v;
      enter = false;
    } else out = Object.create(Object.getPrototypeOf(v));
    copies.set(v, out);
    if (enter) {
      pending.push(v);
      pathOf?.set(v, path);
    }
    return out;
  };

  const result = copy(root, withPaths ? ((root as { constructor?: { name?: string } })?.constructor?.name ?? 'root') : '');
  while (pending.length) {
    const from = pending.pop()!;
    const to = copies.get(from);
    if (from instanceof Map) {
      const m = to as Map<unknown, unknown>;
      for (const [k, val] of from) m.set(copy(k, at(from, '⟨key⟩')), copy(val, at(from, `[${typeof k === 'string' ? k : '…'}]`)));
    } else if (from instanceof Set) {
      const s = to as Set<unknown>;
      for (const val of from) s.add(copy(val, at(from, '⟨item⟩')));
    } else if (Array.isArray(from)) {
      const a = to as unknown[];
      for (let i = 0; i < from.length; i++) a[i] = copy(from[i], withPaths ? at(from, `[${i}]`) : '');
    } else {
      const target = to as Record<string | symbol, unknown>;
      const keys = Object.keys(from);
      // Plain own data properties (what class fields and literals are) copy fast; anything else
      // (a symbol key, a non-enumerable or read-only property, an accessor) by its descriptor.
      if (keys.length === Reflect.ownKeys(from).length && !Object.isFrozen(from)) {
        const src = from as Record<string, unknown>;
        for (const key of keys) {
          const d = Object.getOwnPropertyDescriptor(from, key)!;
          if (d.get || d.set || !d.writable) {
            copyByDescriptor(from, target, key);
            continue;
          }
          target[key] = copy(src[key], withPaths ? at(from, `.${key}`) : '');
        }
      } else {
        for (const key of Reflect.ownKeys(from)) copyByDescriptor(from, target, key);
        if (Object.isFrozen(from)) Object.freeze(target);
      }
    }
  }
  return result as T;

  function copyByDescriptor(from: object, target: Record<string | symbol, unknown>, key: string | symbol): void {
    const d = Object.getOwnPropertyDescriptor(from, key)!;
    if (d.get || d.set) {
      refuse(at(from, `.${String(key)} (an accessor)`));
      return;
    }
    Object.defineProperty(target, key, { ...d, value: copy(d.value, at(from, `.${String(key)}`)) });
  }
}
