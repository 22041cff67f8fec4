/**
 * Reads a GraphImage (./persistable.ts) back into a graph: a new one, sharing nothing with the
 * graph it was written from. Every object is made first, then filled in, so references may
 * point anywhere; a reference to a node that is not there is a damaged image, refused.
 */
import { immutable, rebound, type BoundRecipe } from './forkable';
import { ARRAY, BOUND, classPrototype, CONST, constant, DATA_NODE, DATE, FORMAT, FROZEN_FLAG, hasConstant, IMMUTABLE_FLAG, MAP, OBJECT, REGEXP, SET, SNAPSHOT, storedData, TYPED, TYPED_ARRAYS, type GraphImage } from './persistable';

/** The graph an image was written from (a new one: nothing is shared with the writer's). */
export function readGraph<T>(image: GraphImage): T {
  if (image?.format !== FORMAT || !Array.isArray(image.nodes)) throw new Error('not a cluster image of this version');
  const protos = image.classes.map((name) => {
    const p = classPrototype(name);
    if (!p) throw new Error(`cluster image: unknown class ${name}`);
    return p;
  });
  const consts = image.consts.map((id) => {
    if (!hasConstant(id)) throw new Error(`cluster image: unknown constant ${id}`);
    return constant(id);
  });
  const nodes = image.nodes as unknown[][];
  const out = new Array<unknown>(nodes.length);
  // Every object first (so references can be made in any order), then their contents.
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!Array.isArray(n)) throw new Error('cluster image: damaged (a node is not a list)');
    switch (n[0]) {
      case OBJECT:
        out[i] = Object.create(n[1] === -1 ? Object.prototype : n[1] === -2 ? null : protos[n[1] as number]);
        break;
      case ARRAY:
        out[i] = new Array(n.length - 2);
        break;
      case MAP:
        out[i] = new Map();
        break;
      case SET:
        out[i] = new Set();
        break;
      case TYPED:
        out[i] = new TYPED_ARRAYS[n[1] as string](n[2] as ArrayLike<number>);
        break;
      case DATE:
        out[i] = new Date(n[1] as number);
        break;
      case REGEXP:
        out[i] = new RegExp(n[1] as string, n[2] as string);
        break;
      case CONST:
        out[i] = consts[n[1] as number];
        break;
      case DATA_NODE:
        out[i] = storedData(n[1] as object);
        break;
      case BOUND:
      case SNAPSHOT:
        break;
      default:
        throw new Error(`cluster image: unknown node ${String(n[0])}`);
    }
  }
  // A reference to a node that is not there is a damaged image: refused, never read as undefined.
  const val = (x: unknown): unknown => {
    if (!Array.isArray(x)) return x;
    const o = out[x[0] as number];
    if (o === undefined) throw new Error('cluster image: damaged (a reference to a missing node)');
    return o;
  };
  // Bound calls and snapshots next: both only hold references to objects (not yet filled in),
  // and a bound call's recipe is filled in once every function exists (it may name another).
  const recipes: [number, BoundRecipe][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n[0] === BOUND) {
      const recipe: BoundRecipe = { self: {}, method: n[2] as string, args: [] };
      out[i] = rebound(recipe);
      recipes.push([i, recipe]);
    } else if (n[0] === SNAPSHOT) {
      const machine = consts[n[1] as number] as { resolveState(config: { value: unknown; context: unknown; status?: string }): object };
      out[i] = machine.resolveState({ value: n[2], context: val(n[3]), status: n[4] as string });
    }
  }
  for (const [i, recipe] of recipes) {
    const n = nodes[i];
    recipe.self = val(n[1]) as object;
    for (let k = 3; k < n.length; k++) recipe.args.push(val(n[k]));
  }
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const o = out[i];
    switch (n[0]) {
      case OBJECT: {
        const t = o as Record<string, unknown>;
        for (let k = 3; k < n.length; k += 2) t[n[k] as string] = val(n[k + 1]);
        finish(o as object, n[2] as number);
        break;
      }
      case ARRAY: {
        const a = o as unknown[];
        for (let k = 2; k < n.length; k++) a[k - 2] = val(n[k]);
        finish(a, n[1] as number);
        break;
      }
      case MAP: {
        const m = o as Map<unknown, unknown>;
        for (let k = 2; k < n.length; k += 2) m.set(val(n[k]), val(n[k + 1]));
        finish(m, n[1] as number);
        break;
      }
      case SET: {
        const s = o as Set<unknown>;
        for (let k = 2; k < n.length; k++) s.add(val(n[k]));
        finish(s, n[1] as number);
        break;
      }
      case SNAPSHOT:
        if ((n[5] as number) & IMMUTABLE_FLAG) immutable(o as object);
        break;
    }
  }
  return out[0] as T;
}

function finish(o: object, flags: number): void {
  if (flags & IMMUTABLE_FLAG) immutable(o);
  if (flags & FROZEN_FLAG) Object.freeze(o);
}
