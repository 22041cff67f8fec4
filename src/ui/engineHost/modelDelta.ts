/**
 * The diagram model crosses from the engine's worker to the page as deltas, per object: a pod
 * whose store object did not change keeps its view object (diagramModel's cache), so only the
 * pods that changed travel; a node travels only when it changed (its fields, or which pods it
 * holds), with its pods as numbers; the smaller lists (services, workloads, namespaces) travel
 * only when they changed. The page rebuilds the model from the deltas in ../store/modelApply.ts.
 *
 * Pods go by number, not uid, wherever they are listed (a node's pods, the tray, the gone): a
 * list of small integers crosses a worker's boundary as one block, a list of uids as a string
 * each. At 200 nodes the whole node list with 6,000 uids went with every refresh while pods were
 * being placed — a quarter of a megabyte to copy in, and as much garbage on the page.
 */
import type { DiagramModel, DNode, DPod } from '../store/diagramModel';

/** A pod on the wire: its view, and the number the lists name it by. */
export type WirePod = DPod & { id: number };
/** A node on the wire: its pods by number. */
export type WireNode = Omit<DNode, 'pods'> & { pods: number[] };

export interface ModelDelta {
  /** Pods new or changed since the last delta, and the numbers of those no longer shown. */
  pods?: WirePod[];
  gone?: number[];
  /** Nodes new or changed since the last delta. */
  nodes?: WireNode[];
  /** The nodes' names in order, when that changed (a node not named is gone). */
  order?: string[];
  pending?: number[];
  pendingTotal?: number;
  services?: DiagramModel['services'];
  workloads?: DiagramModel['workloads'];
  namespaces?: string[];
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The worker's side: remembers what the page has, and says what changed. */
export class ModelEncoder {
  private sent = new Map<string, DPod>();
  private ids = new Map<string, number>();
  private nextId = 1;
  /** By node name: the node's fields (as JSON) and its pods' numbers, as last sent. */
  private nodes = new Map<string, { fields: string; pods: number[] }>();
  private order = '';
  private pending: number[] | undefined;
  private last: Record<'services' | 'workloads' | 'namespaces', string> = { services: '', workloads: '', namespaces: '' };
  private lastTotal = -1;

  /** Forget what was sent (a new page or a new cluster): the next delta is the whole model. */
  reset(): void {
    this.sent.clear();
    this.ids.clear();
    this.nextId = 1;
    this.nodes.clear();
    this.order = '';
    this.pending = undefined;
    this.last = { services: '', workloads: '', namespaces: '' };
    this.lastTotal = -1;
  }

  private idOf(uid: string): number {
    let id = this.ids.get(uid);
    if (id === undefined) this.ids.set(uid, (id = this.nextId++));
    return id;
  }

  encode(model: DiagramModel): ModelDelta | undefined {
    const delta: ModelDelta = {};
    const shown = new Map<string, DPod>();
    const changed: WirePod[] = [];
    const note = (p: DPod) => {
      shown.set(p.uid, p);
      if (this.sent.get(p.uid) !== p) changed.push({ ...p, id: this.idOf(p.uid) });
    };
    for (const n of model.nodes) for (const p of n.pods) note(p);
    for (const p of model.pending) note(p);
    const gone: number[] = [];
    for (const uid of this.sent.keys()) {
      if (shown.has(uid)) continue;
      gone.push(this.ids.get(uid)!);
      this.ids.delete(uid);
    }
    this.sent = shown;
    if (changed.length) delta.pods = changed;
    if (gone.length) delta.gone = gone;

    const nodes = new Map<string, { fields: string; pods: number[] }>();
    const wire: WireNode[] = [];
    for (const n of model.nodes) {
      const { pods, ...rest } = n;
      const now = { fields: JSON.stringify(rest), pods: pods.map((p) => this.ids.get(p.uid)!) };
      const was = this.nodes.get(n.name);
      if (was && was.fields === now.fields && sameNumbers(was.pods, now.pods)) nodes.set(n.name, was);
      else {
        nodes.set(n.name, now);
        wire.push({ ...rest, pods: now.pods });
      }
    }
    this.nodes = nodes;
    if (wire.length) delta.nodes = wire;
    const order = model.nodes.map((n) => n.name);
    const orderKey = order.join('\n');
    if (orderKey !== this.order) {
      this.order = orderKey;
      delta.order = order;
    }
    const pending = model.pending.map((p) => this.ids.get(p.uid)!);
    if (!this.pending || !sameNumbers(this.pending, pending)) delta.pending = this.pending = pending;
    this.section(delta, 'services', model.services);
    this.section(delta, 'workloads', model.workloads);
    this.section(delta, 'namespaces', model.namespaces);
    if (model.pendingTotal !== this.lastTotal) delta.pendingTotal = this.lastTotal = model.pendingTotal;
    return Object.keys(delta).length ? delta : undefined;
  }

  private section<K extends 'services' | 'workloads' | 'namespaces'>(delta: ModelDelta, key: K, value: NonNullable<ModelDelta[K]>): void {
    const text = JSON.stringify(value);
    if (text === this.last[key]) return;
    this.last[key] = text;
    (delta as Record<K, unknown>)[key] = value;
  }
}
