/**
 * Where everything sits in the diagram's world coordinates (pure, so it is tested without a
 * browser). The control plane and the pending-pod tray sit on top, Services below them, then
 * the nodes in a grid ordered by zone and name, so a node keeps its place as others come and
 * go. Pods fill their node's grid in name order; a node with many pods, or a zoomed-out view,
 * shows counts per state instead (see `aggregate`).
 */
import type { DiagramModel, DNode } from '../store/diagramModel';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const COMPONENTS = ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager'] as const;
export type Component = (typeof COMPONENTS)[number] | 'kubectl';

export const NODE_W = 264;
const NODE_GAP = 22;
const POD = 20;
const POD_GAP = 5;
export const PODS_PER_ROW = 9;
const NODE_HEADER = 124;
const NODE_FOOTER = 12;
const DISK_ROW = 30;
/** Above this many pods a node shows counts per state, not one mark per pod. */
export const AGGREGATE_ABOVE = 60;
const SERVICE_W = 250;
const SERVICE_H = 40;

export interface NodeLayout extends Box {
  name: string;
  aggregated: boolean;
  /** Pod centres by uid. */
  pods: Map<string, { x: number; y: number }>;
  /** Where the node's components sit (flow anchors). */
  kubelet: { x: number; y: number };
  runtime: { x: number; y: number };
  disksY: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  controlPlane: Box;
  components: Record<Component, Box>;
  pending: Box;
  pendingPods: Map<string, { x: number; y: number }>;
  services: Map<string, Box>;
  servicesY: number;
  nodes: Map<string, NodeLayout>;
}

/**
 * Where each pod sits in its node's grid, remembered between layouts: a pod keeps its place
 * while others come and go (a rollout would otherwise shuffle every pod after the first one to
 * leave); a newcomer takes the first free place. The same holds for the tray of pending pods.
 *
 * The nodes' grids also keep their rows while pods anywhere are starting or stopping: a rollout
 * makes a node's pod count swing by a row or two many times a second, and every swing moved all
 * the nodes below it (and their pods) up and down the screen — distracting to watch and most of
 * the browser's work. (Kept per node it was not enough: a rollout settles one node while the next
 * starts, so grids shrank and grew again wave after wave.) They fit again once pods have settled.
 */
export class PodSlots {
  private byNode = new Map<string, Map<string, number>>();
  /** The rows the nodes' grids keep (see rows()). */
  private rowsKept = 0;

  /**
   * Places for these pods (at most `limit` of them: the pending tray shows five rows of thousands).
   * `tidy`: once pods have settled, gaps a rollout left that take whole rows are closed — pods
   * keep their order and slide up to the first places (one move at the end, and the grid fits).
   */
  place(node: string, uids: string[], limit = Infinity, tidy = false): Map<string, number> {
    const old = this.byNode.get(node);
    // The same pods as last time (most nodes, most refreshes): the same places, nothing new made.
    if (old && old.size === uids.length && uids.every((uid) => old.has(uid)) && !(tidy && wastesRows(old))) return old;
    const next = new Map<string, number>();
    const taken = new Set<number>();
    if (old) {
      for (const uid of uids) {
        const slot = old.get(uid);
        if (slot !== undefined) {
          next.set(uid, slot);
          taken.add(slot);
        }
      }
    }
    let free = 0;
    for (const uid of uids) {
      if (next.has(uid)) continue;
      while (taken.has(free)) free++;
      if (free >= limit) break;
      next.set(uid, free);
      taken.add(free);
    }
    if (tidy && wastesRows(next)) {
      const order = [...next].sort((a, b) => a[1] - b[1]);
      next.clear();
      order.forEach(([uid], i) => next.set(uid, i));
    }
    this.byNode.set(node, next);
    return next;
  }

  private positionsByNode = new Map<string, { at?: Map<string, number>; x: number; y: number; pods: Map<string, { x: number; y: number }> }>();

  /**
   * Pod centres by uid, from their places in a grid whose first centre is (x, y). The same map
   * as last time while the places and the grid have not moved (a layout per refresh would
   * otherwise make a map and an object per pod, ten times a second).
   */
  positions(node: string, at: Map<string, number> | undefined, x: number, y: number): Map<string, { x: number; y: number }> {
    const known = this.positionsByNode.get(node);
    if (known && known.at === at && known.x === x && known.y === y) return known.pods;
    const pods = new Map<string, { x: number; y: number }>();
    for (const [uid, i] of at ?? []) pods.set(uid, { x: x + (i % PODS_PER_ROW) * (POD + POD_GAP), y: y + Math.floor(i / PODS_PER_ROW) * (POD + POD_GAP) });
    this.positionsByNode.set(node, { at, x, y, pods });
    return pods;
  }

  /** The rows the nodes' grids keep: what they need, or more while pods are still changing. */
  rows(needed: number, settled: boolean): number {
    this.rowsKept = settled ? needed : Math.max(needed, this.rowsKept);
    return this.rowsKept;
  }

  /** Forget nodes that are gone. */
  keepOnly(nodes: Set<string>): void {
    for (const name of this.byNode.keys()) if (!nodes.has(name) && name !== PENDING_TRAY) this.byNode.delete(name);
    for (const name of this.positionsByNode.keys()) if (!nodes.has(name)) this.positionsByNode.delete(name);
  }
}

/** Whether the gaps among these places take a whole row of the grid (a single hole does not: closing it would reflow the pods after it). */
function wastesRows(places: Map<string, number>): boolean {
  let highest = -1;
  for (const i of places.values()) highest = Math.max(highest, i);
  return Math.ceil((highest + 1) / PODS_PER_ROW) > Math.ceil(places.size / PODS_PER_ROW);
}

/** The pending tray's key in PodSlots (no node can have this name). */
const PENDING_TRAY = '\u0000pending';

function podGridHeight(rows: number, aggregated: boolean): number {
  if (aggregated) return 40;
  return Math.max(1, rows) * (POD + POD_GAP);
}

/** Pods on their way in or out: while any node has some, grids keep their rows. */
const MOVING_TONES = new Set(['pending', 'terminating']);

/** Columns for the node grid: a roughly 16:10 block of nodes, at least the three default workers side by side. */
export function nodeColumns(count: number): number {
  return Math.max(3, Math.min(count, Math.ceil(Math.sqrt(count * 1.6))));
}

/** Natural order (worker-2 before worker-10); one collator, as localeCompare with options builds one per call. */
const NATURAL = new Intl.Collator('en', { numeric: true });

export function computeLayout(model: DiagramModel, aggregateAll = false, slots = new PodSlots()): DiagramLayout {
  const workers = model.nodes.filter((n) => !n.controlPlane);
  // By zone, then by name in natural order (worker-2 before worker-10).
  const ordered = [...workers].sort((a, b) => NATURAL.compare(a.zone ?? '', b.zone ?? '') || NATURAL.compare(a.name, b.name));
  const cols = nodeColumns(ordered.length);
  const gridWidth = cols * NODE_W + (cols - 1) * NODE_GAP;

  // Control plane: the API server and etcd on top, the control loops below; the learner's
  // kubectl to the left. The control-plane node itself is this frame (its static pods are the
  // components), so it gets no card of its own.
  const cp: Box = { x: 120, y: 0, w: 660, h: 150 };
  const box = (x: number, y: number, w: number): Box => ({ x: cp.x + x, y: cp.y + y, w, h: 44 });
  const components: Record<Component, Box> = {
    kubectl: { x: 0, y: 40, w: 100, h: 56 },
    'kube-apiserver': box(20, 36, 180),
    etcd: box(220, 36, 130),
    'kube-scheduler': box(20, 94, 180),
    'kube-controller-manager': box(220, 94, 200),
    'cloud-controller-manager': box(430, 94, 210),
  };
  // The tray of unplaced pods sits beside the control plane when the node grid is wide enough,
  // else under it — so a small cluster is not drawn tiny to make room for an empty tray.
  const trayBeside = gridWidth >= cp.x + cp.w + 20 + 220;
  const pending: Box = trayBeside ? { x: cp.x + cp.w + 20, y: 0, w: Math.min(520, gridWidth - cp.x - cp.w - 20), h: 150 } : { x: cp.x, y: cp.y + cp.h + 14, w: cp.w, h: 96 };
  const pendingPods = new Map<string, { x: number; y: number }>();
  const perRow = Math.floor((pending.w - 20) / (POD + POD_GAP));
  // Pending pods keep their places in the tray too; the tray shows five rows.
  for (const [uid, i] of slots.place(
    PENDING_TRAY,
    model.pending.map((p) => p.uid),
    perRow * 5,
  )) {
    pendingPods.set(uid, { x: pending.x + 18 + (i % perRow) * (POD + POD_GAP), y: pending.y + 44 + Math.floor(i / perRow) * (POD + POD_GAP) });
  }

  // Services in rows under the control plane.
  const servicesY = trayBeside ? 190 : pending.y + pending.h + 30;
  const svcPerRow = Math.max(1, Math.floor((Math.max(gridWidth, pending.x + pending.w) + 16) / (SERVICE_W + 16)));
  const services = new Map<string, Box>();
  model.services.forEach((s, i) => services.set(s.uid, { x: (i % svcPerRow) * (SERVICE_W + 16), y: servicesY + Math.floor(i / svcPerRow) * (SERVICE_H + 12), w: SERVICE_W, h: SERVICE_H }));
  const serviceRows = Math.ceil(model.services.length / svcPerRow);
  let y = servicesY + Math.max(1, serviceRows) * (SERVICE_H + 12) + 36;

  const nodes = new Map<string, NodeLayout>();
  const settled = !model.nodes.some((n) => n.pods.some((p) => MOVING_TONES.has(p.tone)));
  // Every pod's place first: the cards' height depends on the most rows any node needs.
  const placed = new Map<string, { aggregated: boolean; at?: Map<string, number> }>();
  let neededRows = 1;
  for (const n of ordered) {
    const aggregated = aggregateAll || n.pods.length > AGGREGATE_ABOVE;
    if (aggregated) {
      placed.set(n.name, { aggregated });
      continue;
    }
    const at = slots.place(
      n.name,
      n.pods.map((p) => p.uid),
      Infinity,
      settled,
    );
    // The grid is as tall as its highest place in use (places stay put while others empty).
    let places = n.pods.length;
    for (const i of at.values()) places = Math.max(places, i + 1);
    placed.set(n.name, { aggregated, at });
    neededRows = Math.max(neededRows, Math.ceil(places / PODS_PER_ROW));
  }
  // One height for every node's grid (a grid of equal cards; a node gaining a row moves no other).
  const rows = slots.rows(neededRows, settled);
  const place = (n: DNode, x: number, top: number): NodeLayout => {
    const { aggregated, at } = placed.get(n.name)!;
    const gridTop = top + NODE_HEADER;
    const pods = slots.positions(n.name, at, x + 14 + POD / 2, gridTop + POD / 2);
    const gridH = podGridHeight(rows, aggregated);
    const h = NODE_HEADER + gridH + (n.disks.length ? DISK_ROW : 0) + NODE_FOOTER;
    const layout: NodeLayout = { name: n.name, x, y: top, w: NODE_W, h, aggregated, pods, kubelet: { x: x + 217, y: top + 76 }, runtime: { x: x + 217, y: top + 112 }, disksY: gridTop + gridH + 4 };
    nodes.set(n.name, layout);
    return layout;
  };
  for (let row = 0; row * cols < ordered.length; row++) {
    const slice = ordered.slice(row * cols, row * cols + cols);
    let rowH = 0;
    slice.forEach((n, c) => {
      rowH = Math.max(rowH, place(n, c * (NODE_W + NODE_GAP), y).h);
    });
    y += rowH + NODE_GAP;
  }
  slots.keepOnly(new Set(nodes.keys()));
  const right = Math.max(gridWidth, ...[...nodes.values()].map((n) => n.x + n.w), pending.x + pending.w);
  return { width: right, height: y, controlPlane: cp, components, pending, pendingPods, services, servicesY, nodes };
}
