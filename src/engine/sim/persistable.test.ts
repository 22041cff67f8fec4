/** A graph as data and back (checkpoints kept across reloads): what is written how, and what is refused. */
import { describe, expect, it } from 'vitest';
import { bound, immutable, stateless } from './forkable';
import { NotPersistable, persistent, persistentClasses, persistentTable, storedData } from './persistable';
import { writeGraph } from './graphWriter';
import { readGraph } from './graphReader';

class Tally {
  n = 0;
  seen = new Map<object, number>();
  add(by: number): void {
    this.n += by;
  }
}
persistentClasses({ 'test.Tally': Tally });

const byValue = persistent('test.byValue', (a: number, b: number) => a - b);
const tasks = persistentTable('test.tasks', { twice: (t: Tally) => t.add(2 * t.n) });

/** Written, copied as IndexedDB copies (structured clone), read back. */
const roundTrip = <T>(root: T): T => readGraph<T>(structuredClone(writeGraph(root as object)));

describe('a graph kept as data', () => {
  it('reads back with identity, cycles, prototypes, Map and Set order, typed arrays and dates', () => {
    const t = new Tally();
    const key = { k: 1 };
    t.seen.set(key, 5);
    const root = { t, again: t, key, set: new Set(['b', 'a']), f: new Float64Array([1.5, 2]), when: new Date(5), re: /x+/g, self: undefined as unknown, frozen: Object.freeze({ a: 1 }) };
    root.self = root;
    const back = roundTrip(root);
    expect(back.t).toBeInstanceOf(Tally);
    expect(back.again).toBe(back.t);
    expect(back.self).toBe(back);
    expect(back.t.seen.get(back.key)).toBe(5);
    expect([...back.set]).toEqual(['b', 'a']);
    expect(back.f).toBeInstanceOf(Float64Array);
    expect([...back.f]).toEqual([1.5, 2]);
    expect(back.when.getTime()).toBe(5);
    expect(back.re.flags).toBe('g');
    expect(Object.isFrozen(back.frozen)).toBe(true);
  });

  it('rebuilds bound calls on the objects read back, and names registered constants', () => {
    const t = new Tally();
    const root = { t, step: bound(t, t.add, 3), double: bound(tasks, tasks.twice, t), order: byValue };
    const back = roundTrip(root);
    back.step();
    back.double();
    expect(back.t.n).toBe(9);
    expect(t.n).toBe(0);
    expect(back.order).toBe(byValue);
  });

  it('hands plain immutable data to the structured clone whole, keeping what two values share', () => {
    const shared = { labels: { app: 'web' } };
    const a = storedData({ metadata: shared });
    const b = immutable({ metadata: shared, note: [1, 2] });
    const back = roundTrip({ a, b, list: [a] });
    expect(back.list[0]).toBe(back.a);
    expect(back.a.metadata).toBe(back.b.metadata);
    expect(back.b.note).toEqual([1, 2]);
  });

  it('refuses, naming the place, a closure, a stateless function never registered, an unknown class, a symbol key and an accessor', () => {
    class Stranger {}
    const cases: [object, RegExp][] = [
      [{ deep: { run: () => 1 } }, /closure.*Object\.deep\.run/],
      [{ less: stateless((a: number) => a) }, /stateless but not registered.*Object\.less/],
      [{ who: new Stranger() }, /Stranger.*Object\.who/],
      [{ odd: { [Symbol('s')]: 1 } }, /symbol key.*Object\.odd/],
      [{ get x() { return 1; } }, /accessor/],
    ];
    for (const [root, message] of cases) {
      expect(() => writeGraph(root)).toThrow(NotPersistable);
      expect(() => writeGraph(root)).toThrow(message);
    }
  });

  it('refuses to read an image that is damaged or from another build', () => {
    const image = writeGraph({ t: new Tally() });
    expect(() => readGraph({ ...image, classes: ['test.Gone'] })).toThrow(/unknown class test\.Gone/);
    expect(() => readGraph({ ...image, nodes: [image.nodes[0]] })).toThrow(/damaged/);
    expect(() => readGraph({ ...image, format: 2 as 1 })).toThrow(/not a cluster image/);
  });
});
