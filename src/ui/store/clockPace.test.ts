import { describe, expect, it } from 'vitest';
import { LARGE_CLUSTER_PODS, LARGE_TICK_MS, TICK_MS, tickInterval } from './clockPace';
import type { DNode, DPod } from './diagramModel';

const node = (pods: number) => ({ pods: Array.from({ length: pods }, () => ({}) as DPod) }) as DNode;

describe('tickInterval', () => {
  it('runs the clock ten times a second for a small cluster', () => {
    expect(tickInterval({ nodes: [node(3), node(5)], pendingTotal: 2 })).toBe(TICK_MS);
    expect(tickInterval({ nodes: [], pendingTotal: 0 })).toBe(TICK_MS);
  });

  it('takes longer steps once the pods placed and waiting reach a large cluster', () => {
    const half = LARGE_CLUSTER_PODS / 2;
    expect(tickInterval({ nodes: [node(half - 1)], pendingTotal: half })).toBe(TICK_MS);
    expect(tickInterval({ nodes: [node(half)], pendingTotal: half })).toBe(LARGE_TICK_MS);
    // Pods that cannot be placed count as much as placed ones: a million pending is large.
    expect(tickInterval({ nodes: [node(0)], pendingTotal: 1_000_000 })).toBe(LARGE_TICK_MS);
  });
});
