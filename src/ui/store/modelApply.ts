/**
 * The page's side of the model deltas (../engineHost/modelDelta.ts): the diagram model rebuilt
 * from what the worker sends, keeping every object that did not change.
 *
 * The worker sends the whole node list whenever one node changed, and the first decoder (beside
 * the encoder, now gone) rebuilt every node (and its list of pods) on every delta: at 200 nodes and 6,000 pods
 * that was a few milliseconds of each worker message, and every node looked new to the diagram,
 * which then went over all of them. Here a node whose fields are the same and none of whose pods
 * changed keeps its object — and its pods array — so the diagram and the layout can pass it by.
 */
import type { ModelDelta } from '../engineHost/modelDelta';
import type { DiagramModel, DNode, DPod } from './diagramModel';

type WireNode = NonNullable<ModelDelta['nodes']>[number];

const empty = (): DiagramModel => ({ nodes: [], pending: [], pendingTotal: 0, services: [], workloads: [], namespaces: [] });

/** Equal as data (the wire's plain objects, arrays, strings, numbers, booleans). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * A node's wire form unchanged: its pods' uids first (what changes most, and cheapest to
 * compare), then every other field as data.
 */
function sameNode(a: WireNode, b: WireNode): boolean {
  if (a === b) return true;
  if (a.pods.length !== b.pods.length) return false;
  for (let i = 0; i < a.pods.length; i++) if (a.pods[i] !== b.pods[i]) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const k in x) if (k !== 'pods' && !same(x[k], y[k])) return false;
  for (const k in y) if (!(k in x)) return false;
  return true;
}

export class ModelApplier {
  private pods = new Map<string, DPod>();
  private wire: WireNode[] = [];
  /** By node name: the wire form it was built from, and the node. */
  private built = new Map<string, { wire: WireNode; node: DNode }>();
  private pending: string[] = [];
  private model: DiagramModel = empty();

  reset(): void {
    this.pods.clear();
    this.wire = [];
    this.built.clear();
    this.pending = [];
    this.model = empty();
  }

  apply(delta: ModelDelta): DiagramModel {
    const changed = new Set<string>();
    for (const uid of delta.gone ?? []) {
      this.pods.delete(uid);
      changed.add(uid);
    }
    for (const p of delta.pods ?? []) {
      this.pods.set(p.uid, p);
      changed.add(p.uid);
    }
    if (delta.nodes) this.wire = delta.nodes;
    if (delta.pending) this.pending = delta.pending;
    const pod = (uid: string) => this.pods.get(uid)!;
    const podsMoved = changed.size > 0;
    let nodes = this.model.nodes;
    if (delta.nodes || podsMoved) {
      const built = new Map<string, { wire: WireNode; node: DNode }>();
      nodes = this.wire.map((w) => {
        const kept = this.built.get(w.name);
        let node: DNode;
        if (kept && sameNode(kept.wire, w) && !w.pods.some((uid) => changed.has(uid))) node = kept.node;
        else node = { ...w, pods: w.pods.map(pod) };
        built.set(w.name, { wire: w, node });
        return node;
      });
      this.built = built;
      // The same nodes in the same order: the same list (nothing for the diagram to redo).
      if (nodes.length === this.model.nodes.length && nodes.every((n, i) => n === this.model.nodes[i])) nodes = this.model.nodes;
    }
    let pending = this.model.pending;
    if (delta.pending || podsMoved) {
      pending = this.pending.map(pod);
      if (pending.length === this.model.pending.length && pending.every((p, i) => p === this.model.pending[i])) pending = this.model.pending;
    }
    this.model = {
      nodes,
      pending,
      pendingTotal: delta.pendingTotal ?? this.model.pendingTotal,
      services: delta.services ?? this.model.services,
      workloads: delta.workloads ?? this.model.workloads,
      namespaces: delta.namespaces ?? this.model.namespaces,
    };
    return this.model;
  }
}
