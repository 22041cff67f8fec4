/**
 * The diagram model crosses the worker's boundary as deltas (engineHost/modelDelta.ts) and the
 * page rebuilds it (modelApply.ts): equal to the model built in the worker after any sequence of
 * changes; only what changed travels (an unchanged pod or node is not sent again); and a node
 * that did not change keeps its object (the diagram and the layout pass such nodes by).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type EnginePort } from '../../engine/port';
import { ModelEncoder, type ModelDelta } from '../engineHost/modelDelta';
import { buildDiagramModel, type DiagramModel } from './diagramModel';
import { ModelApplier } from './modelApply';

/** Encodes `c`'s model, sends it through a structured clone (as a worker's message) and applies it; checks the page's model equals the worker's. */
function roundTripper(c: EnginePort): () => { delta: ModelDelta | undefined; seen: DiagramModel } {
  const encoder = new ModelEncoder();
  const applier = new ModelApplier();
  return () => {
    const model = buildDiagramModel(c);
    const delta = encoder.encode(model);
    const seen = applier.apply(delta ? structuredClone(delta) : {});
    expect(seen).toEqual(model);
    return { delta, seen };
  };
}

/** Larger changes, each round-tripped: a node stopped past the eviction window, then a big Deployment and a namespace. */
function stopNodeThenGrow(c: EnginePort, roundTrip: () => unknown): void {
  c.stopNode('worker-1');
  c.advance(400);
  roundTrip();
  c.kubectl('create deployment big --image=nginx --replicas=40');
  c.kubectl('create namespace other');
  c.advance(5);
  roundTrip();
}

describe('applying model deltas', () => {
  it('sends only what changed', () => {
    const c = createCluster({ seed: 3, workers: 3 });
    const next = roundTripper(c);
    const roundTrip = () => next().delta;
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
    stopNodeThenGrow(c, roundTrip);
  });

  it('rebuilds the same model as the worker, keeping unchanged nodes', () => {
    const c = createCluster({ seed: 3, workers: 3 });
    const next = roundTripper(c);
    const roundTrip = () => next().seen;
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
    stopNodeThenGrow(c, roundTrip);
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
