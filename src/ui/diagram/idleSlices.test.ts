import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleSlices } from './idleSlices';

describe('IdleSlices', () => {
  let clock = 0;
  const idle: (() => void)[] = [];
  beforeEach(() => {
    clock = 0;
    idle.length = 0;
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
  });
  afterEach(() => vi.unstubAllGlobals());
  const runIdle = () => idle.splice(0).forEach((f) => f());
  /** Items that each take `ms` of the fake clock, noting their number when run. */
  const items = (n: number, ms: number, done: number[], from = 0) => Array.from({ length: n }, (_, i) => () => {
    clock += ms;
    done.push(from + i);
  });

  it('runs nothing at once, then slices of at most about 4 ms at idle moments, in order', () => {
    const q = new IdleSlices(() => clock);
    const done: number[] = [];
    q.replace(items(10, 1, done));
    expect(done).toEqual([]);
    runIdle();
    expect(done).toEqual([0, 1, 2, 3]);
    runIdle();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    runIdle();
    expect(done).toHaveLength(10);
    expect(q.left).toBe(0);
    runIdle();
    expect(done).toHaveLength(10);
  });

  it('a slice ends when the browser says the idle time does', () => {
    const q = new IdleSlices(() => clock);
    const done: number[] = [];
    const deadlines: ((d: { timeRemaining(): number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: (d: { timeRemaining(): number }) => void) => deadlines.push(run));
    q.replace(items(10, 1, done));
    deadlines.shift()!({ timeRemaining: () => 2 });
    expect(done).toEqual([0, 1]);
    // Called for its timeout with no time left: one item still goes.
    deadlines.shift()!({ timeRemaining: () => 0 });
    expect(done).toEqual([0, 1, 2]);
  });

  it('a newer batch replaces what was left of the last', () => {
    const q = new IdleSlices(() => clock);
    const done: number[] = [];
    q.replace(items(10, 2, done));
    runIdle();
    expect(done).toEqual([0, 1]);
    q.replace(items(3, 2, done, 100));
    runIdle();
    runIdle();
    expect(done).toEqual([0, 1, 100, 101, 102]);
  });

  it('without requestIdleCallback (Safari) a later task does the work', () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    try {
      const q = new IdleSlices(() => clock);
      const done: number[] = [];
      q.replace(items(3, 1, done));
      expect(done).toEqual([]);
      vi.runAllTimers();
      expect(done).toEqual([0, 1, 2]);
    } finally {
      vi.useRealTimers();
    }
  });
});
