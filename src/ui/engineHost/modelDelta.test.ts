/**
 * The diagram model crosses the worker's boundary as deltas: rebuilt on the page side it equals
 * the model built in the worker, after any sequence of changes — and what travels is only what
 * changed (an unchanged pod is not sent again).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { buildDiagramModel } from '../store/diagramModel';
import { ModelEncoder } from './modelDelta';
import { ModelApplier } from '../store/modelApply';

describe('model deltas', () => {
  it('rebuild the same model on the other side, sending only what changed', () => {
    const c = createCluster({ seed: 3, workers: 3 });
    const encoder = new ModelEncoder();
    const decoder = new ModelApplier();
    const roundTrip = () => {
      const model = buildDiagramModel(c);
      const delta = encoder.encode(model);
      const seen = delta ? decoder.apply(structuredClone(delta)) : decoder.apply({});
      expect(seen).toEqual(model);
      return delta;
    };
    expect(roundTrip()?.nodes).toHaveLength(4);
    c.kubectl('create deployment web --image=nginx --replicas=5');
    c.advance(30);
    const withPods = roundTrip()!;
    expect(withPods.pods!.length).toBe(5);
    // Nothing changed: nothing travels.
    expect(roundTrip()).toBeUndefined();
    c.kubectl('scale deployment web --replicas=2');
    c.advance(40);
    const scaledDown = roundTrip()!;
    expect(scaledDown.gone).toHaveLength(3);
    // The two pods that stayed were not sent again.
    expect(scaledDown.pods ?? []).toHaveLength(0);
    // A bare pod comes and goes: only its node travels, and the pod goes by number.
    c.kubectl('run solo --image=nginx');
    c.advance(20);
    roundTrip();
    c.kubectl('delete pod solo');
    c.advance(40);
    const soloGone = roundTrip()!;
    expect(soloGone.gone).toEqual([expect.any(Number)]);
    expect(soloGone.nodes).toHaveLength(1);
    expect(soloGone.order).toBeUndefined();
    c.stopNode('worker-1');
    c.advance(400);
    roundTrip();
    c.kubectl('create deployment big --image=nginx --replicas=40');
    c.kubectl('create namespace other');
    c.advance(5);
    roundTrip();
  });
});
