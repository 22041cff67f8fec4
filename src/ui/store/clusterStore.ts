/**
 * The UI's mirror of the engine (zustand). Components read plain view objects from here and
 * call actions; they never reach into the engine. The engine runs on the page for now and the
 * clock advances in small steps while the UI is playing.
 */
import { create } from 'zustand';
import { createCluster, nodeRoles, nodeStatus, podReady, podStatusReason, type Cluster, type KObject } from '../../engine';

export interface PodView {
  uid: string;
  name: string;
  namespace: string;
  status: string;
  ready: string;
  node?: string;
  terminating: boolean;
}

export interface NodeView {
  name: string;
  status: string;
  roles: string;
  machineRunning: boolean;
  controlPlane: boolean;
  labels: Record<string, string>;
  pods: PodView[];
}

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
  nodes: NodeView[];
  pendingPods: PodView[];
  consoleEntries: ConsoleEntry[];
  run(command: string): ConsoleEntry;
  tick(wallMs: number): void;
  togglePause(): void;
  setSpeed(speed: number): void;
  step(): void;
  stopNode(name: string): void;
  startNode(name: string): void;
  clearConsole(): void;
}

let cluster: Cluster = createCluster({ seed: 1 });
let entryId = 0;

/** The engine instance (for tests and the upcoming worker bridge). */
export function engine(): Cluster {
  return cluster;
}

function podView(p: KObject): PodView {
  return {
    uid: p.metadata.uid!,
    name: p.metadata.name!,
    namespace: p.metadata.namespace!,
    status: podStatusReason(p),
    ready: podReady(p),
    node: p.spec?.nodeName,
    terminating: !!p.metadata.deletionTimestamp,
  };
}

function snapshot(): Pick<ClusterState, 'time' | 'nodes' | 'pendingPods'> {
  const nodes: NodeView[] = cluster.store.list('nodes').map((n) => ({
    name: n.metadata.name!,
    status: nodeStatus(n),
    roles: nodeRoles(n),
    machineRunning: cluster.isNodeRunning(n.metadata.name!),
    controlPlane: 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}),
    labels: n.metadata.labels ?? {},
    pods: cluster.store
      .byIndex('pods', 'nodeName', n.metadata.name!)
      .map(podView)
      .sort((a, b) => (a.namespace + a.name < b.namespace + b.name ? -1 : 1)),
  }));
  const pendingPods = cluster.store
    .list('pods')
    .filter((p) => !p.spec?.nodeName)
    .map(podView);
  return { time: cluster.now(), nodes, pendingPods };
}

export const useCluster = create<ClusterState>((set, get) => ({
  ...snapshot(),
  speed: 1,
  paused: false,
  consoleEntries: [],
  run(command) {
    const r = cluster.kubectl(command);
    const entry: ConsoleEntry = { id: entryId++, command, ...r };
    set({ ...snapshot(), consoleEntries: [...get().consoleEntries.slice(-199), entry] });
    return entry;
  },
  tick(wallMs) {
    if (get().paused) return;
    cluster.advance((wallMs / 1000) * get().speed);
    set(snapshot());
  },
  togglePause() {
    set({ paused: !get().paused });
  },
  setSpeed(speed) {
    set({ speed });
  },
  step() {
    cluster.step();
    set(snapshot());
  },
  stopNode(name) {
    cluster.stopNode(name);
    set(snapshot());
  },
  startNode(name) {
    cluster.startNode(name);
    set(snapshot());
  },
  clearConsole() {
    set({ consoleEntries: [] });
  },
}));

/** Starts over with a fresh cluster (tests and, later, the reset button). */
export function resetCluster(seed = 1): void {
  cluster = createCluster({ seed });
  useCluster.setState({ ...snapshot(), consoleEntries: [] });
}
