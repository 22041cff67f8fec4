/**
 * A cluster kept as data (a checkpoint that outlives the page) reads back as the same cluster:
 * written at points of a rich session, passed through the structured clone IndexedDB applies,
 * read back and carried through the rest of the session, it ends byte for byte where the
 * original and a replay of the whole log end. And whatever cannot be kept is refused by name.
 */
import { describe, expect, it } from 'vitest';
import { replayCluster } from './actionLog';
import { Cluster, type Cluster as ClusterType } from './cluster';
import { clusterFromImage, clusterImage, clusterImageWriter, NotPersistable } from './clusterImage';
import { richSteps, runRichSteps } from '../testing/richSession';
import { picture } from '../testing/clusterPicture';

const steps = richSteps();

const runSteps = (c: Parameters<typeof runRichSteps>[0], from: number, to: number) => runRichSteps(c, from, to, steps);

describe('a cluster kept as data', () => {
  for (const at of [3, Math.floor(steps.length / 2), steps.length - 4]) {
    it(`written after step ${at} of ${steps.length} reads back as a cluster that goes on exactly as the original`, () => {
      const original = new Cluster({ workers: 3, seed: 5 });
      runSteps(original, 0, at);
      original.advance(1.234);
      // Written in small steps, as the page's worker does between other work.
      const writer = clusterImageWriter(original);
      let calls = 0;
      while (!writer.step(() => true)) calls++;
      expect(calls).toBeGreaterThan(3);
      const kept = structuredClone(writer.image());
      const restored = clusterFromImage(kept);
      expect(restored).not.toBe(original);
      expect(restored.now()).toBe(original.now());
      runSteps(original, at, steps.length);
      const fromOriginal = picture(original);
      runSteps(restored, at, steps.length);
      expect(restored.actionLog()).toEqual(original.actionLog());
      expect(picture(restored)).toBe(fromOriginal);
      expect(picture(replayCluster({ workers: 3, seed: 5 }, restored.actionLog()))).toBe(fromOriginal);
      expect(restored.clock.failures).toEqual([]);
    });
  }

  it('can be kept again after it was read back (and forked)', () => {
    const c = new Cluster({ workers: 2, seed: 9 });
    runSteps(c, 0, 20);
    const again = clusterFromImage(structuredClone(clusterImage(clusterFromImage(structuredClone(clusterImage(c))).fork())));
    runSteps(c, 20, 30);
    runSteps(again, 20, 30);
    expect(picture(again)).toBe(picture(c));
  });

  it('refuses, naming the place, when something holds a closure it cannot keep', () => {
    const c = new Cluster({ workers: 1, seed: 1, bootSeconds: 0 });
    c.clock.after(1000, 'test', () => {});
    expect(() => clusterImage(c)).toThrow(NotPersistable);
    expect(() => clusterImage(c)).toThrow(/Cluster\.clock\.heap/);
  });

  it('refuses an instance of a class it does not know, naming it', () => {
    class Stranger {
      x = 1;
    }
    const c = new Cluster({ workers: 1, seed: 1, bootSeconds: 0 }) as unknown as Record<string, unknown>;
    c.stranger = new Stranger();
    expect(() => clusterImage(c as unknown as ClusterType)).toThrow(/Stranger.*Cluster\.stranger/);
  });

  it('reading a damaged image throws instead of building half a cluster', () => {
    const image = clusterImage(new Cluster({ workers: 1, seed: 1 }));
    expect(() => clusterFromImage({ ...image, classes: [...image.classes, 'NoSuchClass'] })).toThrow(/unknown class NoSuchClass/);
    expect(() => clusterFromImage({ ...image, format: 99 as 1 })).toThrow(/not a cluster image/);
  });
});
