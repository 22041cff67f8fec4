/**
 * Importing the app's stores does nothing by itself: no saved session is replayed, no lesson
 * is opened from the address, no save is scheduled and nothing listens yet. The app starts
 * them explicitly after boot (main.tsx); until then they hold an empty picture.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('UI stores', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('have no side effects on import, and start when asked', async () => {
    vi.useFakeTimers();
    const reads: string[] = [];
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => (reads.push(k), null),
      setItem: () => {},
      removeItem: () => {},
    });
    vi.stubGlobal('location', { search: '?lesson=hpa', hash: '' });

    const { useCluster, startClusterStore } = await import('./clusterStore');
    const { useLessons, startLessonStore } = await import('./lessonStore');
    expect(useCluster.getState().model.nodes).toEqual([]);
    expect(useLessons.getState().lessonId).toBeUndefined();
    expect(reads).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);

    vi.useRealTimers();
    await startClusterStore();
    expect(useCluster.getState().model.nodes.length).toBeGreaterThan(0);
    startLessonStore();
    expect(reads.length).toBeGreaterThan(0);
    expect(useLessons.getState().lessonId).toBe('hpa');
  });
});
