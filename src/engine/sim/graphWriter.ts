/**
 * Writes a cluster's object graph as a GraphImage (./persistable.ts says what an image holds).
 */
import { isImmutable, isStateless, recipeOf } from './forkable';
import { ARRAY, BOUND, className, CONST, constantName, DATA_NODE, DATE, FORMAT, FROZEN_FLAG, IMMUTABLE_FLAG, isStoredData, MAP, NotPersistable, OBJECT, REGEXP, SET, SNAPSHOT, TYPED, TYPED_ARRAYS, type GraphImage, type Ref } from './persistable';

export interface WriteOptions {
  /** Values written in place of others (e.g. an empty list for the page's subscribers). */
  replace?: Map<object, unknown>;
}

/**
 * Writes a graph as a GraphImage, in steps: `step(deadline)` writes until `deadline()` says
 * stop, so a large graph can be written between other work. The graph must not change until it
 * is done (a checkpoint never does).
 */
export class GraphWriter {
  private readonly ids = new Map<object, number>();
  private readonly nodes: unknown[] = [];
  private readonly pending: [object, number][] = [];
  private readonly classes: string[] = [];
  private readonly classIndex = new Map<string, number>();
  private readonly consts: string[] = [];
  private readonly constIndex = new Map<string, number>();
  private readonly replace: Map<object, unknown>;
  /** Objects inside an immutable one: never changed either (a fork shares the whole subtree). */
  private readonly inherited = new Set<object>();
  /** Whether the object being written is immutable: what it holds is, too. */
  private imm = false;
  /** Where each object was first reached, kept only to name the place of a refusal. */
  private readonly paths: Map<object, string> | undefined;

  constructor(
    root: object,
    options: WriteOptions = {},
    withPaths = false,
  ) {
    this.replace = options.replace ?? new Map();
    this.paths = withPaths ? new Map() : undefined;
    this.ref(root, (root as { constructor?: { name?: string } }).constructor?.name ?? 'root');
  }

  /** Writes until done (true) or until `deadline()` is true (false: call again). */
  step(deadline?: () => boolean): boolean {
    let n = 0;
    while (this.pending.length) {
      if (deadline && (++n & 255) === 0 && deadline()) return false;
      const [v, id] = this.pending.pop()!;
      this.nodes[id] = this.write(v);
    }
    return true;
  }

  image(): GraphImage {
    if (this.pending.length) throw new Error('GraphWriter: not done');
    return { format: FORMAT, classes: this.classes, consts: this.consts, nodes: this.nodes };
  }

  private refuse(v: object, what: string): never {
    throw new NotPersistable(this.paths?.get(v) ?? '(unknown: write again with paths)', what);
  }

  private at(from: object, segment: string): string {
    return this.paths ? `${this.paths.get(from) ?? ''}${segment}` : '';
  }

  private ref(value: unknown, path: string): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (typeof value === 'symbol') throw new NotPersistable(path, 'a symbol');
      return value;
    }
    const v = value as object;
    const known = this.ids.get(v);
    if (known !== undefined) return [known] satisfies Ref;
    const id = this.nodes.length;
    this.ids.set(v, id);
    this.nodes.push(undefined);
    this.paths?.set(v, path);
    const imm = this.imm || isImmutable(v);
    if (imm) this.inherited.add(v);
    const constId = constantName(v);
    if (constId !== undefined) this.nodes[id] = [CONST, this.indexOf(this.consts, this.constIndex, constId)];
    // Plain data that never changes goes to the structured clone whole: cheaper to write and to copy than as nodes.
    else if (isStoredData(v) || (imm && isPlainData(v))) this.nodes[id] = [DATA_NODE, v];
    else this.pending.push([this.replace.has(v) ? (this.replace.get(v) as object) : v, id]);
    return [id] satisfies Ref;
  }

  private indexOf(list: string[], index: Map<string, number>, name: string): number {
    let i = index.get(name);
    if (i === undefined) {
      i = list.length;
      list.push(name);
      index.set(name, i);
    }
    return i;
  }

  private write(v: object): unknown[] {
    this.imm = this.inherited.has(v);
    const flags = (this.imm ? IMMUTABLE_FLAG : 0) | (Object.isFrozen(v) ? FROZEN_FLAG : 0);
    if (typeof v === 'function') {
      const recipe = recipeOf(v);
      if (!recipe) this.refuse(v, isStateless(v) ? 'a function marked stateless but not registered as persistent' : 'a closure that is neither a bound call nor registered');
      return [BOUND, this.ref(recipe.self, this.at(v, '⟨self⟩')), recipe.method, ...recipe.args.map((a, i) => this.ref(a, this.at(v, `⟨arg ${i}⟩`)))];
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [ARRAY, flags];
      for (let i = 0; i < v.length; i++) out.push(this.ref(v[i], this.paths ? this.at(v, `[${i}]`) : ''));
      return out;
    }
    if (v instanceof Map) {
      const out: unknown[] = [MAP, flags];
      for (const [k, val] of v) out.push(this.ref(k, this.at(v, '⟨key⟩')), this.ref(val, this.paths ? this.at(v, `[${typeof k === 'string' ? k : '…'}]`) : ''));
      return out;
    }
    if (v instanceof Set) {
      const out: unknown[] = [SET, flags];
      for (const val of v) out.push(this.ref(val, this.at(v, '⟨item⟩')));
      return out;
    }
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name;
      if (!TYPED_ARRAYS[name] || !(v instanceof TYPED_ARRAYS[name])) this.refuse(v, `a ${name}`);
      return [TYPED, name, (v as unknown as { slice(): ArrayBufferView }).slice()];
    }
    if (v instanceof Date) return [DATE, v.getTime()];
    if (v instanceof RegExp) return [REGEXP, v.source, v.flags];
    const snapshot = machineSnapshot(v);
    if (snapshot) {
      const s = v as { value: unknown; context: unknown; status: string };
      // The state value is plain data (a state's name, or nested names): inline, so the snapshot can be resolved before the objects are filled in.
      return [SNAPSHOT, this.indexOf(this.consts, this.constIndex, snapshot), s.value, this.ref(s.context, this.at(v, '.context')), s.status, flags];
    }
    const proto = Object.getPrototypeOf(v) as object | null;
    let cls: number;
    if (proto === Object.prototype) cls = -1;
    else if (proto === null) cls = -2;
    else {
      const name = className(proto);
      if (name === undefined) this.refuse(v, `an instance of ${(proto as { constructor?: { name?: string } }).constructor?.name ?? 'an unknown class'}, not registered (persistentClasses)`);
      cls = this.indexOf(this.classes, this.classIndex, name);
    }
    const keys = Object.keys(v);
    if (keys.length !== Reflect.ownKeys(v).length) this.refuse(v, 'a symbol key or a hidden property');
    const out: unknown[] = [OBJECT, cls, flags];
    const src = v as Record<string, unknown>;
    for (const key of keys) {
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if (d.get || d.set) this.refuse(v, `an accessor (.${key})`);
      out.push(key, this.ref(src[key], this.paths ? this.at(v, `.${key}`) : ''));
    }
    return out;
  }
}

/** Whether an immutable value is plain data the structured clone copies faithfully (remembered: it never changes). */
function isPlainData(root: object): boolean {
  const known = PLAIN.get(root);
  if (known !== undefined) return known;
  const seen = new Set<object>();
  const stack: object[] = [root];
  let plain = true;
  const visit = (x: unknown) => {
    if (typeof x === 'function' || typeof x === 'symbol') plain = false;
    else if (x !== null && typeof x === 'object' && !seen.has(x)) stack.push(x);
  };
  while (plain && stack.length) {
    const o = stack.pop()!;
    seen.add(o);
    if (o !== root && (isStoredData(o) || PLAIN.get(o) === true)) continue;
    const proto = Object.getPrototypeOf(o);
    if (Array.isArray(o) && proto === Array.prototype) for (let i = 0; i < o.length; i++) visit(o[i]);
    else if (proto === Object.prototype) {
      // A symbol key or an accessor would be lost by the structured clone.
      if (Object.getOwnPropertySymbols(o).length) plain = false;
      for (const key in o) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if (!d || d.get || d.set) plain = false;
        else visit(d.value);
      }
    } else if (proto === Map.prototype)
      for (const [k, x] of o as Map<unknown, unknown>) {
        visit(k);
        visit(x);
      }
    else if (proto === Set.prototype) for (const x of o as Set<unknown>) visit(x);
    else if (!(o instanceof Date)) plain = false;
  }
  PLAIN.set(root, plain);
  return plain;
}

const PLAIN = new WeakMap<object, boolean>();

/** An XState snapshot of a registered machine: the machine's registered name, else undefined. */
function machineSnapshot(v: object): string | undefined {
  const s = v as { machine?: unknown; getMeta?: unknown };
  if (typeof s.getMeta !== 'function' || s.machine === undefined) return undefined;
  return constantName(s.machine);
}

/**
 * The image of `root`'s graph (all at once). Throws NotPersistable, naming the place, when the
 * graph holds something an image cannot carry.
 */
export function writeGraph(root: object, options: WriteOptions = {}): GraphImage {
  const w = new GraphWriter(root, options);
  try {
    w.step();
  } catch (e) {
    if (e instanceof NotPersistable) new GraphWriter(root, options, true).step();
    throw e;
  }
  return w.image();
}
