/**
 * The UI's mirror of the engine (zustand). Components read plain view objects from here and
 * call actions; they never reach into the engine. The engine runs on the page for now and the
 * clock advances in small steps while the UI is playing.
 */
import { create } from 'zustand';
import { createCluster, type ApiRequest, type Cluster, type EventRecord, type NodeVerdict, type Reason } from '../../engine';
import { buildDiagramModel, type DiagramModel, type DNode, type DPod } from './diagramModel';
import type { SelectedRef } from '../diagram/context';

export type { DNode as NodeView, DPod as PodView };

export interface ConsoleEntry {
  id: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ClusterState {
  time: number;
  speed: number;
  paused: boolean;
  model: DiagramModel;
  /** Namespaces shown (empty: all but kube-system by default — see `showSystem`). */
  namespaces: string[];
  showSystem: boolean;
  view: 'diagram' | 'list';
  selected?: SelectedRef;
  consoleEntries: ConsoleEntry[];
  /** Runs kubectl (recorded); `files` are what `-f <name>` may read. */
  run(command: string, files?: Record<string, string>): ConsoleEntry;
  /** Read-only kubectl (describe, get -o yaml, events) for the panels: not recorded. */
  query(command: string): { stdout: string; stderr: string; exitCode: number };
  tick(wallMs: number): void;
  togglePause(): void;
  setSpeed(speed: number): void;
  step(): void;
  stopNode(name: string): void;
  startNode(name: string): void;
  clearConsole(): void;
  /** Adds a console entry that did not go to the cluster (ls, cat). */
  echo(command: string, stdout: string, stderr?: string): void;
  select(ref: SelectedRef | undefined): void;
  setView(view: 'diagram' | 'list'): void;
  setNamespaces(namespaces: string[], showSystem: boolean): void;
  /** The scheduler's verdict per node for a pod ("why here / why not scheduled?"). */
  explainPod(namespace: string, name: string): { verdicts: NodeVerdict[]; message?: string } | undefined;
  /** API requests since the last call (the diagram animates them). */
  takeRequests(): ApiRequest[];
  /** The most recent events (oldest first), in the namespaces shown. */
  recentEvents(limit: number): EventRecord[];
  /** The most recent "why" reasons (oldest first). */
  recentReasons(limit: number): Reason[];
}

/** `?workers=N` (1–200) starts the sandbox with N worker nodes, e.g. to see a large cluster. */
function initialWorkers(): number {
  const raw = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('workers') : null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : 3;
}

let cluster: Cluster = createCluster({ seed: 1, workers: initialWorkers() });
let entryId = 0;
let requests: ApiRequest[] = [];
let unsubscribe = cluster.api.onRequest((r) => {
  if (requests.length < 500) requests.push(r);
});

/** The engine instance (for tests and the upcoming worker bridge). */
export function engine(): Cluster {
  return cluster;
}

function visibleNamespaces(namespaces: string[], showSystem: boolean): string[] {
  if (namespaces.length) return namespaces;
  const all = cluster.store.list('namespaces').map((n) => n.metadata.name!);
  return showSystem ? [] : all.filter((n) => n !== 'kube-system' && n !== 'kube-node-lease' && n !== 'kube-public');
}

function snapshot(state?: Pick<ClusterState, 'namespaces' | 'showSystem'>): Pick<ClusterState, 'time' | 'model'> {
  const ns = visibleNamespaces(state?.namespaces ?? [], state?.showSystem ?? false);
  return { time: cluster.now(), model: buildDiagramModel(cluster, ns) };
}

export const useCluster = create<ClusterState>((set, get) => ({
  ...snapshot(),
  speed: 1,
  paused: false,
  namespaces: [],
  showSystem: false,
  view: 'diagram',
  consoleEntries: [],
  run(command, files) {
    const r = cluster.kubectl(command, files ? { files } : {});
    const entry: ConsoleEntry = { id: entryId++, command, ...r };
    set({ ...snapshot(get()), consoleEntries: [...get().consoleEntries.slice(-199), entry] });
    return entry;
  },
  query(command) {
    return cluster.query(command);
  },
  tick(wallMs) {
    if (get().paused) return;
    cluster.advance((wallMs / 1000) * get().speed);
    set(snapshot(get()));
  },
  togglePause() {
    set({ paused: !get().paused });
  },
  setSpeed(speed) {
    set({ speed });
  },
  step() {
    cluster.step();
    set(snapshot(get()));
  },
  stopNode(name) {
    cluster.stopNode(name);
    set(snapshot(get()));
  },
  startNode(name) {
    cluster.startNode(name);
    set(snapshot(get()));
  },
  clearConsole() {
    set({ consoleEntries: [] });
  },
  echo(command, stdout, stderr = '') {
    set({ consoleEntries: [...get().consoleEntries.slice(-199), { id: entryId++, command, stdout, stderr, exitCode: stderr ? 1 : 0 }] });
  },
  select(ref) {
    set({ selected: ref });
  },
  setView(view) {
    set({ view });
  },
  setNamespaces(namespaces, showSystem) {
    set({ namespaces, showSystem, ...snapshot({ namespaces, showSystem }) });
  },
  explainPod(namespace, name) {
    const pod = cluster.store.get('pods', namespace, name);
    if (!pod) return undefined;
    return { verdicts: cluster.scheduler.explain(pod), message: cluster.scheduler.lastAttempt(namespace, name)?.message };
  },
  takeRequests() {
    const out = requests;
    requests = [];
    return out;
  },
  recentEvents(limit) {
    const shown = visibleNamespaces(get().namespaces, get().showSystem);
    const all = shown.length ? shown.flatMap((ns) => cluster.api.events.list(ns)) : cluster.api.events.list();
    return all.sort((a, b) => a.last - b.last || a.seq - b.seq).slice(-limit);
  },
  recentReasons(limit) {
    return cluster.reasons.recent(limit);
  },
}));

/** Starts over with a fresh cluster (tests and, later, the reset button). */
export function resetCluster(seed = 1): void {
  unsubscribe();
  cluster = createCluster({ seed });
  requests = [];
  unsubscribe = cluster.api.onRequest((r) => {
    if (requests.length < 500) requests.push(r);
  });
  useCluster.setState({ ...snapshot(useCluster.getState()), consoleEntries: [], selected: undefined });
}
