/**
 * The page rebuilds the diagram model from the worker's deltas: equal to the model built in the
 * worker after any sequence of changes, and a node that did not change keeps its object (the
 * diagram and the layout pass such nodes by).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { ModelEncoder } from '../engineHost/modelDelta';
import { buildDiagramModel } from './diagramModel';
import { ModelApplier } from './modelApply';

describe('applying model deltas', () => {
  it('rebuilds the same model as the worker, keeping unchanged nodes', () => {
    const c = createCluster({ seed: 3, workers: 3 });
    const encoder = new ModelEncoder();
    const applier = new ModelApplier();
    const roundTrip = () => {
      const model = buildDiagramModel(c);
      const delta = encoder.encode(model);
      const seen = applier.apply(delta ? structuredClone(delta) : {});
      expect(seen).toEqual(model);
      return seen;
    };
    roundTrip();
    c.kubectl('create deployment web --image=nginx --replicas=5');
    c.advance(30);
    const before = roundTrip();
    // Nothing changed: the same nodes, the same list.
    const again = roundTrip();
    expect(again.nodes).toBe(before.nodes);
    // A pod deleted on one node: that node is new, the others are kept.
    const victim = before.nodes.find((n) => !n.controlPlane && n.pods.length > 0)!;
    c.kubectl(`delete pod ${victim.pods[0].name} --wait=false`);
    c.advance(1);
    const after = roundTrip();
    const kept = after.nodes.filter((n) => before.nodes.includes(n));
    expect(after.nodes.find((n) => n.name === victim.name)).not.toBe(victim);
    expect(kept.length).toBeGreaterThan(0);
    for (const n of kept) expect(n.pods.every((p) => victim.pods.every((v) => v.uid !== p.uid))).toBe(true);
    c.kubectl('scale deployment web --replicas=2');
    c.advance(40);
    roundTrip();
    c.stopNode('worker-1');
    c.advance(400);
    roundTrip();
    c.kubectl('create deployment big --image=nginx --replicas=40');
    c.kubectl('create namespace other');
    c.advance(5);
    roundTrip();
  });

  it('starts over after a reset (a new cluster on screen)', () => {
    const encoder = new ModelEncoder();
    const applier = new ModelApplier();
    const a = createCluster({ seed: 1, workers: 2 });
    a.kubectl('run one --image=nginx');
    a.advance(10);
    applier.apply(encoder.encode(buildDiagramModel(a))!);
    const b = createCluster({ seed: 2, workers: 1 });
    encoder.reset();
    applier.reset();
    const model = buildDiagramModel(b);
    expect(applier.apply(encoder.encode(model)!)).toEqual(model);
  });
});
