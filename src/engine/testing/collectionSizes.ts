/**
 * A census of the engine's memory, for leak tests: walks every object reachable from a root
 * (the Cluster) and adds up the sizes of its Maps, Sets and Arrays by *shape of path* —
 * `kubelets{}.workers{}.containers[].logs` rather than one entry per pod — so two censuses
 * taken hours apart can be compared path by path. In a steady cluster no size may depend on
 * how long it has run; a path that keeps growing is a leak.
 *
 * Closures are opaque to it (what a scheduled task's function captures is not walked), so it
 * also counts reachable objects and string characters as a rough measure of everything else.
 */

export interface Census {
  /** Total entries (Map/Set size, Array length) per path shape. */
  sizes: Map<string, number>;
  /** Objects reached (plain objects, class instances, collections). */
  objects: number;
  /** Characters in reachable strings (each string value counted where it is held). */
  chars: number;
}

/** Objects not worth walking into: typed arrays and the like have no engine state. */
function opaque(v: object): boolean {
  return ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Date || v instanceof RegExp || v instanceof WeakMap || v instanceof WeakSet;
}

/** `skip` leaves out paths (and everything under them): collections already known to be capped. */
export function census(root: object, skip: (path: string) => boolean = () => false, maxObjects = 5_000_000): Census {
  const sizes = new Map<string, number>();
  const seen = new Set<object>();
  let chars = 0;
  const queue: [unknown, string][] = [[root, '']];
  const add = (path: string, n: number) => sizes.set(path, (sizes.get(path) ?? 0) + n);
  for (let qi = 0; qi < queue.length; qi++) {
    const [v, path] = queue[qi];
    if (skip(path)) continue;
    if (typeof v === 'string') {
      chars += v.length;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v) || opaque(v)) continue;
    seen.add(v);
    if (seen.size > maxObjects) throw new Error(`census: more than ${maxObjects} objects reachable`);
    if (v instanceof Map) {
      add(path, v.size);
      for (const [key, val] of v) {
        if (typeof key === 'object' && key !== null) queue.push([key, `${path}{key}`]);
        else if (typeof key === 'string') chars += key.length;
        queue.push([val, `${path}{}`]);
      }
      continue;
    }
    if (v instanceof Set) {
      add(path, v.size);
      for (const item of v) queue.push([item, `${path}{}`]);
      continue;
    }
    if (Array.isArray(v)) {
      add(path, v.length);
      for (const item of v) queue.push([item, `${path}[]`]);
      continue;
    }
    for (const key of Object.keys(v)) {
      let val: unknown;
      try {
        val = (v as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      // Plain-object keys that are data (labels, a store's objects by name) are folded into one
      // shape, as Map keys are: only identifier-like keys on class instances stay in the path.
      const plain = Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;
      if (plain) chars += key.length;
      queue.push([val, plain && !/^[a-zA-Z_$][\w$]*$/.test(key) ? `${path}.*` : `${path}.${key}`]);
    }
  }
  return { sizes, objects: seen.size, chars };
}

export interface Growth {
  path: string;
  before: number;
  after: number;
}

/** Paths whose size grew by more than `slack` entries and `ratio` of their earlier size. */
export function grown(before: Census, after: Census, slack = 20, ratio = 0.25): Growth[] {
  const out: Growth[] = [];
  for (const [path, n] of after.sizes) {
    const was = before.sizes.get(path) ?? 0;
    if (n - was > slack && n - was > was * ratio) out.push({ path, before: was, after: n });
  }
  return out.sort((a, b) => b.after - b.before - (a.after - a.before));
}
