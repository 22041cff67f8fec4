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
/** A compact card's header: name and status, and a line for labels and taints when some node has them (see LayoutView.compact). */
const NODE_HEADER_COMPACT = 52;
const NODE_META_LINE = 20;
const NODE_FOOTER = 12;
const DISK_ROW = 30;
/** Above this many pods a node shows counts per state, not one mark per pod. */
export const AGGREGATE_ABOVE = 60;
const SERVICE_W = 270;
const SERVICE_H = 48;

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
   * Places for these pods (at most `limit` of them: the pending tray shows the rows that fit).
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
        // A place past this layout's limit (a taller tray in another arrangement) is given up.
        if (slot !== undefined && slot < limit) {
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

  /** The pods array each node's places were last made for (the page keeps a node's array while the node is unchanged). */
  private podsByNode = new Map<string, { pods: readonly { uid: string }[]; at: Map<string, number> }>();

  /** place() for a node's pods, passed by at once when they are the very array placed last time. */
  placePods(node: string, pods: readonly { uid: string }[], tidy: boolean): Map<string, number> {
    const known = this.podsByNode.get(node);
    if (known && known.pods === pods && this.byNode.get(node) === known.at && !(tidy && wastesRows(known.at))) return known.at;
    const at = this.place(
      node,
      pods.map((p) => p.uid),
      Infinity,
      tidy,
    );
    this.podsByNode.set(node, { pods, at });
    return at;
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
    for (const name of this.podsByNode.keys()) if (!nodes.has(name)) this.podsByNode.delete(name);
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

/** How the picture is being looked at: the pane it is fitted into, and whether it is drawn small. */
export interface LayoutView {
  /**
   * Drawn below the zoom at which a node's small print (bars, component chips) reads at 11 px:
   * those are hidden (see styles.css, `.compact`) and the node cards keep only their words and
   * pods, so a small cluster fits a laptop's pane with every word it shows readable.
   */
  compact?: boolean;
  /** The pane's size in CSS px: a small cluster is arranged to fill it (node columns, control plane shape). */
  pane?: { width: number; height: number };
}

/** The margin the fit leaves around the picture (Diagram.tsx). */
export const FIT_MARGIN = 24;
/** Arranging is chosen by fit below this many workers; above, the grid is the 16:10 block. */
const ARRANGED_UP_TO = 16;

/** The scale at which a layout fits a pane (the margin kept on every side). */
export function fitScale(layout: { width: number; height: number }, pane: { width: number; height: number }): number {
  return Math.min((pane.width - FIT_MARGIN) / layout.width, (pane.height - FIT_MARGIN) / layout.height);
}

type ControlPlaneShape = 'wide' | 'narrow';
const COMPONENT_H = 48;

/**
 * The control plane frame and where its components sit. Wide: kubectl to the left, the API
 * server and etcd on top, the control loops below. Narrow (a pane taller than wide): two
 * columns, kubectl under the frame beside the pending tray.
 */
function controlPlane(shape: ControlPlaneShape): { cp: Box; components: Record<Component, Box> } {
  if (shape === 'wide') {
    const cp: Box = { x: 150, y: 0, w: 720, h: 162 };
    const box = (x: number, y: number, w: number): Box => ({ x: cp.x + x, y: cp.y + y, w, h: COMPONENT_H });
    return {
      cp,
      components: {
        kubectl: { x: 0, y: 44, w: 130, h: 56 },
        'kube-apiserver': box(20, 38, 200),
        etcd: box(236, 38, 180),
        'kube-scheduler': box(20, 100, 200),
        'kube-controller-manager': box(230, 100, 226),
        'cloud-controller-manager': box(466, 100, 234),
      },
    };
  }
  const cp: Box = { x: 0, y: 0, w: 512, h: 208 };
  const box = (col: number, row: number): Box => ({ x: cp.x + 20 + col * 242, y: cp.y + 36 + row * (COMPONENT_H + 8), w: 230, h: COMPONENT_H });
  return {
    cp,
    components: {
      kubectl: { x: 0, y: cp.h + 14, w: 130, h: 52 },
      'kube-apiserver': box(0, 0),
      etcd: box(1, 0),
      'kube-scheduler': box(0, 1),
      'kube-controller-manager': box(1, 1),
      'cloud-controller-manager': box(0, 2),
    },
  };
}

export function computeLayout(model: DiagramModel, aggregateAll = false, slots = new PodSlots(), view: LayoutView = {}): DiagramLayout {
  const workers = model.nodes.filter((n) => !n.controlPlane);
  // By zone, then by name in natural order (worker-2 before worker-10).
  const ordered = [...workers].sort((a, b) => NATURAL.compare(a.zone ?? '', b.zone ?? '') || NATURAL.compare(a.name, b.name));
  const header = view.compact ? NODE_HEADER_COMPACT + (workers.some((n) => n.labels.length || n.taints.length) ? NODE_META_LINE : 0) : NODE_HEADER;

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
    const at = slots.placePods(n.name, n.pods, settled);
    // The grid is as tall as its highest place in use (places stay put while others empty).
    let places = n.pods.length;
    for (const i of at.values()) places = Math.max(places, i + 1);
    placed.set(n.name, { aggregated, at });
    neededRows = Math.max(neededRows, Math.ceil(places / PODS_PER_ROW));
  }
  // One height for every node's grid (a grid of equal cards; a node gaining a row moves no other).
  const rows = slots.rows(neededRows, settled);

  /** The whole picture for this many node columns and this control plane; pods are placed only when `withPods`. */
  const arrange = (cols: number, shape: ControlPlaneShape, withPods: boolean): DiagramLayout => {
    const gridWidth = cols * NODE_W + (cols - 1) * NODE_GAP;
    const { cp, components } = controlPlane(shape);
    const emptyTray = model.pending.length === 0;
    // The tray of unplaced pods sits beside the control plane when the node grid is wide enough,
    // else under it — so a small cluster is not drawn tiny to make room for an empty tray.
    const trayBeside = shape === 'wide' && gridWidth >= cp.x + cp.w + 20 + 220;
    const underX = shape === 'narrow' ? components.kubectl.x + components.kubectl.w + 16 : cp.x;
    const underW = shape === 'narrow' ? Math.max(cp.w, gridWidth) - underX : cp.w;
    const pending: Box = trayBeside ? { x: cp.x + cp.w + 20, y: 0, w: Math.min(520, gridWidth - cp.x - cp.w - 20), h: cp.h } : { x: underX, y: cp.y + cp.h + 14, w: underW, h: emptyTray ? 52 : 96 };
    const pendingPods = new Map<string, { x: number; y: number }>();
    const perRow = Math.floor((pending.w - 20) / (POD + POD_GAP));
    // Pending pods keep their places in the tray too; the tray shows as many rows as fit in it
    // (thousands waiting drew past its box, over the nodes).
    const trayRows = Math.max(1, Math.floor((pending.h - 44) / (POD + POD_GAP)));
    for (const [uid, i] of slots.place(
      PENDING_TRAY,
      model.pending.map((p) => p.uid),
      perRow * trayRows,
    )) {
      pendingPods.set(uid, { x: pending.x + 18 + (i % perRow) * (POD + POD_GAP), y: pending.y + 44 + Math.floor(i / perRow) * (POD + POD_GAP) });
    }

    // Services in rows under the control plane.
    const servicesY = trayBeside ? cp.h + 30 : Math.max(pending.y + pending.h, components.kubectl.y + components.kubectl.h) + 20;
    const svcPerRow = Math.max(1, Math.floor((Math.max(gridWidth, pending.x + pending.w) + 16) / (SERVICE_W + 16)));
    const services = new Map<string, Box>();
    model.services.forEach((s, i) => services.set(s.uid, { x: (i % svcPerRow) * (SERVICE_W + 16), y: servicesY + Math.floor(i / svcPerRow) * (SERVICE_H + 12), w: SERVICE_W, h: SERVICE_H }));
    const serviceRows = Math.ceil(model.services.length / svcPerRow);
    let y = servicesY + Math.max(1, serviceRows) * (SERVICE_H + 12) + 20;

    const nodes = new Map<string, NodeLayout>();
    const place = (n: DNode, x: number, top: number): NodeLayout => {
      const { aggregated, at } = placed.get(n.name)!;
      const gridTop = top + header;
      const pods = withPods ? slots.positions(n.name, at, x + 14 + POD / 2, gridTop + POD / 2) : new Map<string, { x: number; y: number }>();
      const gridH = podGridHeight(rows, aggregated);
      const h = header + gridH + (n.disks.length ? DISK_ROW : 0) + NODE_FOOTER;
      // The node's kubelet and runtime chips (flow anchors); drawn small, they are hidden and the requests meet the node's name.
      const kubelet = view.compact ? { x: x + NODE_W - 40, y: top + 24 } : { x: x + 217, y: top + 76 };
      const runtime = view.compact ? { x: x + NODE_W - 40, y: top + 48 } : { x: x + 217, y: top + 112 };
      const layout: NodeLayout = { name: n.name, x, y: top, w: NODE_W, h, aggregated, pods, kubelet, runtime, disksY: gridTop + gridH + 4 };
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
    const right = Math.max(gridWidth, cp.x + cp.w, ...[...nodes.values()].map((n) => n.x + n.w), pending.x + pending.w);
    return { width: right, height: ordered.length ? y - NODE_GAP : y, controlPlane: cp, components, pending, pendingPods, services, servicesY, nodes };
  };

  // A small cluster takes the arrangement that shows it largest in the pane; a large one keeps
  // the 16:10 block (its nodes keep their places as others come and go).
  let cols = nodeColumns(ordered.length);
  let shape: ControlPlaneShape = 'wide';
  const pane = view.pane;
  if (pane && pane.width > FIT_MARGIN && pane.height > FIT_MARGIN && ordered.length <= ARRANGED_UP_TO) {
    let best = fitScale(arrange(cols, shape, false), pane);
    for (let c = 1; c <= Math.max(1, ordered.length); c++) {
      for (const s of ['wide', 'narrow'] as const) {
        const k = fitScale(arrange(c, s, false), pane);
        // A clearly larger picture wins (ties keep the wider, more familiar arrangement).
        if (k > best * 1.02) {
          best = k;
          cols = c;
          shape = s;
        }
      }
    }
  }
  const layout = arrange(cols, shape, true);
  slots.keepOnly(new Set(layout.nodes.keys()));
  return layout;
}
