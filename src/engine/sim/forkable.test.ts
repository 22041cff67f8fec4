/** The copier behind checkpoints: what it copies, shares, rebuilds and refuses. */
import { describe, expect, it } from 'vitest';
import { bound, forkGraph, immutable, NotForkable, stateless } from './forkable';

class Counter {
  n = 0;
  seen = new Map<string, number>();
  bump(by: number, label: string): void {
    this.n += by;
    this.seen.set(label, this.n);
  }
}

describe('forkGraph', () => {
  it('copies class instances, Maps and Sets in order, keeping identity and cycles', () => {
    const a = new Counter();
    a.bump(1, 'z');
    a.bump(2, 'a');
    const root = { a, again: a, set: new Set([3, 1, 2]), self: undefined as unknown };
    root.self = root;
    const copy = forkGraph(root);
    expect(copy.a).toBeInstanceOf(Counter);
    expect(copy.a).not.toBe(a);
    expect(copy.again).toBe(copy.a);
    expect(copy.self).toBe(copy);
    expect([...copy.a.seen.keys()]).toEqual(['z', 'a']);
    expect([...copy.set]).toEqual([3, 1, 2]);
    copy.a.bump(10, 'q');
    expect(a.n).toBe(3);
    expect(copy.a.n).toBe(13);
  });

  it('rebuilds bound calls on the copied objects, and shares immutable values and stateless functions', () => {
    const counter = new Counter();
    const frozenRecord = immutable({ name: 'web' });
    const less = stateless((x: number, y: number) => x < y);
    const root = { counter, later: bound(counter, counter.bump, 5), frozenRecord, less };
    const copy = forkGraph(root);
    copy.later('from-copy');
    expect(copy.counter.n).toBe(5);
    expect(counter.n).toBe(0);
    root.later('from-original');
    expect(counter.n).toBe(5);
    expect(copy.counter.seen.has('from-original')).toBe(false);
    expect(copy.frozenRecord).toBe(frozenRecord);
    expect(copy.less).toBe(less);
  });

  it('refuses a bare closure, naming where it is; a survey lists them all instead', () => {
    const root = { queue: { handler: () => 1 }, tasks: [{ run: () => 2 }] };
    expect(() => forkGraph(root)).toThrow(NotForkable);
    expect(() => forkGraph(root)).toThrow(/Object\.(queue\.handler|tasks\[0\]\.run) is neither/);
    const problems: string[] = [];
    forkGraph(root, { problems });
    expect(problems.sort()).toEqual(['Object.queue.handler', 'Object.tasks[0].run']);
  });

  it('gives replaced values instead of copies (the page’s subscribers start empty)', () => {
    const listeners = [() => {}];
    const copy = forkGraph({ listeners }, { replace: new Map([[listeners, []]]) });
    expect(copy.listeners).toEqual([]);
  });

  it('checks the method of a bound call exists', () => {
    expect(() => bound(new Counter(), 'nope')).toThrow(/no method nope/);
  });
});

describe('bound calls in a minified build', () => {
  it('find a method held under another key than its name (a module function gathered into an object)', () => {
    const calls: string[] = [];
    function a(x: string): void {
      calls.push(x);
    }
    const ops = immutable({ pull: a });
    const holder = { ops, later: bound(ops, ops.pull, 'one') };
    holder.later();
    forkGraph(holder).later();
    expect(calls).toEqual(['one', 'one']);
  });
});
