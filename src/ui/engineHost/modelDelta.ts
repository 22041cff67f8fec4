/**
 * The diagram model crosses from the engine's worker to the page as deltas, per object: a pod
 * whose store object did not change keeps its view object (diagramModel's cache), so only the
 * pods that changed travel; nodes travel with their pods' uids, not the pods themselves; the
 * smaller lists (services, workloads, namespaces) travel only when they changed. Cloning the
 * whole model at 3,000 pods for every message would cost more than building it. The page
 * rebuilds the model from the deltas in ../store/modelApply.ts.
 */
import type { DiagramModel, DNode, DPod } from '../store/diagramModel';

type WireNode = Omit<DNode, 'pods'> & { pods: string[] };

export interface ModelDelta {
  /** Pods new or changed since the last delta (by uid), and uids no longer shown. */
  pods?: DPod[];
  gone?: string[];
  nodes?: WireNode[];
  pending?: string[];
  pendingTotal?: number;
  services?: DiagramModel['services'];
  workloads?: DiagramModel['workloads'];
  namespaces?: string[];
}

/** The worker's side: remembers what the page has, and says what changed. */
export class ModelEncoder {
  private sent = new Map<string, DPod>();
  private last: Record<'nodes' | 'pending' | 'services' | 'workloads' | 'namespaces', string> = { nodes: '', pending: '', services: '', workloads: '', namespaces: '' };
  private lastTotal = -1;

  /** Forget what was sent (a new page or a new cluster): the next delta is the whole model. */
  reset(): void {
    this.sent.clear();
    this.last = { nodes: '', pending: '', services: '', workloads: '', namespaces: '' };
    this.lastTotal = -1;
  }

  encode(model: DiagramModel): ModelDelta | undefined {
    const delta: ModelDelta = {};
    const shown = new Map<string, DPod>();
    const changed: DPod[] = [];
    const note = (p: DPod) => {
      shown.set(p.uid, p);
      if (this.sent.get(p.uid) !== p) changed.push(p);
    };
    for (const n of model.nodes) for (const p of n.pods) note(p);
    for (const p of model.pending) note(p);
    const gone: string[] = [];
    for (const uid of this.sent.keys()) if (!shown.has(uid)) gone.push(uid);
    this.sent = shown;
    if (changed.length) delta.pods = changed;
    if (gone.length) delta.gone = gone;

    const nodes = model.nodes.map((n) => ({ ...n, pods: n.pods.map((p) => p.uid) }));
    this.section(delta, 'nodes', nodes);
    this.section(delta, 'pending', model.pending.map((p) => p.uid));
    this.section(delta, 'services', model.services);
    this.section(delta, 'workloads', model.workloads);
    this.section(delta, 'namespaces', model.namespaces);
    if (model.pendingTotal !== this.lastTotal) delta.pendingTotal = this.lastTotal = model.pendingTotal;
    return Object.keys(delta).length ? delta : undefined;
  }

  private section<K extends 'nodes' | 'pending' | 'services' | 'workloads' | 'namespaces'>(delta: ModelDelta, key: K, value: NonNullable<ModelDelta[K]>): void {
    const text = JSON.stringify(value);
    if (text === this.last[key]) return;
    this.last[key] = text;
    (delta as Record<K, unknown>)[key] = value;
  }
}
