/**
 * The page's side of the model deltas (../engineHost/modelDelta.ts): the diagram model rebuilt
 * from what the worker sends, keeping every object that did not change.
 *
 * The worker sends a node only when it changed, and names its pods by number. A node it did not
 * send, none of whose pods changed, keeps its object — and its pods array — so the diagram and
 * the layout can pass it by; the node list itself is kept when no node in it is new.
 */
import type { ModelDelta, WireNode } from '../engineHost/modelDelta';
import type { DiagramModel, DNode, DPod } from './diagramModel';

const empty = (): DiagramModel => ({ nodes: [], pending: [], pendingTotal: 0, services: [], workloads: [], namespaces: [] });

export class ModelApplier {
  /** Pods by the number the worker gave them. */
  private pods = new Map<number, DPod>();
  /** Nodes as last sent, by name, in order. */
  private wire = new Map<string, WireNode>();
  private order: string[] = [];
  /** By node name: the wire form it was built from, and the node. */
  private built = new Map<string, { wire: WireNode; node: DNode }>();
  private pending: number[] = [];
  private model: DiagramModel = empty();

  reset(): void {
    this.pods.clear();
    this.wire.clear();
    this.order = [];
    this.built.clear();
    this.pending = [];
    this.model = empty();
  }

  apply(delta: ModelDelta): DiagramModel {
    const changed = new Set<number>();
    for (const id of delta.gone ?? []) {
      this.pods.delete(id);
      changed.add(id);
    }
    for (const { id, ...pod } of delta.pods ?? []) {
      this.pods.set(id, pod);
      changed.add(id);
    }
    for (const w of delta.nodes ?? []) this.wire.set(w.name, w);
    if (delta.order) {
      this.order = delta.order;
      const named = new Set(this.order);
      for (const name of this.wire.keys()) if (!named.has(name)) this.wire.delete(name);
    }
    if (delta.pending) this.pending = delta.pending;
    const pod = (id: number) => this.pods.get(id)!;
    const podsMoved = changed.size > 0;
    let nodes = this.model.nodes;
    if (delta.nodes || delta.order || podsMoved) {
      const built = new Map<string, { wire: WireNode; node: DNode }>();
      nodes = this.order.map((name) => {
        const w = this.wire.get(name)!;
        const kept = this.built.get(name);
        let node: DNode;
        if (kept && kept.wire === w && !w.pods.some((id) => changed.has(id))) node = kept.node;
        else node = { ...w, pods: w.pods.map(pod) };
        built.set(name, { wire: w, node });
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
