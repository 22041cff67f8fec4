/**
 * A copy of a cluster (a checkpoint) is independent and exact: the original and the copy, each
 * carried through the same rest of a session — one entirely before the other, so any state
 * they still shared would show — end byte for byte where a replay of the whole log ends, in
 * every object, event, node, lease and log line.
 */
import { describe, expect, it } from 'vitest';
import { replayCluster } from './actionLog';
import { Cluster as ClusterClass } from './cluster';
import { richSteps, runRichSteps } from '../testing/richSession';
import { picture } from '../testing/clusterPicture';
import { NotForkable } from '../sim/forkable';

const steps = richSteps();

const runSteps = (c: Parameters<typeof runRichSteps>[0], from: number, to: number) => runRichSteps(c, from, to, steps);

describe('a copy of the cluster (checkpoint)', () => {
  for (const at of [3, Math.floor(steps.length / 2), steps.length - 4]) {
    it(`taken after step ${at} of ${steps.length} goes on exactly as the original and as a replay`, () => {
      const original = new ClusterClass({ workers: 3, seed: 5 });
      runSteps(original, 0, at);
      original.advance(1.234);
      const copy = original.fork();
      runSteps(original, at, steps.length);
      const fromOriginal = picture(original);
      runSteps(copy, at, steps.length);
      expect(copy.actionLog()).toEqual(original.actionLog());
      expect(picture(copy)).toBe(fromOriginal);
      expect(picture(replayCluster({ workers: 3, seed: 5 }, copy.actionLog()))).toBe(fromOriginal);
      expect(original.clock.failures).toEqual([]);
    });
  }

  it('refuses, naming the place, when something holds a closure it cannot rebuild', () => {
    const c = new ClusterClass({ workers: 1, seed: 1, bootSeconds: 0 });
    c.clock.after(1000, 'test', () => {});
    expect(() => c.fork()).toThrow(NotForkable);
    expect(() => c.fork()).toThrow(/Cluster\.clock\.heap/);
  });
});
