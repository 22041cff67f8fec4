/**
 * The UI's mirror of the engine (zustand). Components read plain view objects from here and
 * call actions; they never reach into the engine. The engine runs on the page and the clock
 * advances in small steps while the UI is playing.
 *
 * The sandbox is its action log: it is saved as the learner goes (a reload replays it), can be
 * shared as a link, and rewound — replaying the log up to an earlier moment. Acting while
 * rewound forks a new future: what came after is dropped. Saving always writes the present
 * timeline (the whole log, also while the learner looks at the past).
 *
 * Each cluster lives in a slot of its own (../persistence/storage.ts): the sandbox, each
 * lesson's cluster, a shared scenario. Opening a lesson leaves the sandbox as it was, and
 * leaving the lesson brings it back.
 *
 * Over 400 lines for now: it is the page's side of the engine's port, and becomes the bridge
 * to the engine's Web Worker next (issue 14), when its synchronous calls turn into messages.
 */
import { create } from 'zustand';
import { createCluster, parseSelector, rebuildCluster, RESOURCE_TYPES, SelectorParseError, type Action, type ApiRequest, type EnginePort, type ClusterOptions, type EventRecord, type NodeGroup, type NodeVerdict, type Reason, type Selector } from '../../engine/port';
import { buildDiagramModel, type DiagramModel, type DNode, type DPod } from './diagramModel';
import type { SelectedRef } from '../diagram/context';
import { deserialize, encodeShare, readScenarioFile, scenarioFile, serialize, type SavedConsoleEntry, type Session } from './session';
import { useFiles, type ManifestFile } from './filesStore';
import { bootResult } from '../persistence/boot';
import { ReplayAborted, replayInSlices } from '../persistence/replay';
import { readSlot, saveSlot, setActiveSlot, isWritable, type Slot } from '../persistence/storage';
import { onHandOver } from '../persistence/tabs';
import { useNotices } from '../persistence/notices';
import { TEMPLATES } from '../editor/templates';

export type { DNode as NodeView, DPod as PodView };

export interface ConsoleEntry {
  id: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** A note from the terminal itself (e.g. "only kubectl runs here"), not a command's error. */
  kind?: 'note';
}

export interface ClusterState {
  time: number;
  /** Where the timeline starts (the cluster's first moment) and ends (the live edge). */
  startTime: number;
  liveTime: number;
  /** Set while the learner looks at the past. */
  rewound: boolean;
  /** The moment a rewind is being rebuilt for (in slices), until it is on screen. */
  rewindingTo?: number;
  speed: number;
  paused: boolean;
  model: DiagramModel;
  /** Namespaces shown (empty: all but the system ones, or every one with `showSystem`). */
  namespaces: string[];
  showSystem: boolean;
  /** The pod label filter as typed (`app=web,tier!=db`), and why it does not parse, if it does not. */
  podLabels: string;
  podLabelsError?: string;
  view: 'diagram' | 'list';
  selected?: SelectedRef;
  consoleEntries: ConsoleEntry[];
  /** Runs kubectl (recorded); `files` are what `-f <name>` may read. */
  run(command: string, files?: Record<string, string>, stdin?: string): ConsoleEntry;
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
  echo(command: string, stdout: string, stderr?: string, kind?: 'note'): void;
  select(ref: SelectedRef | undefined): void;
  setView(view: 'diagram' | 'list'): void;
  setNamespaces(namespaces: string[], showSystem: boolean): void;
  /** Shows only pods whose labels match (kubectl's `-l` syntax); a selector that does not parse changes nothing and says why. */
  setPodLabels(text: string): void;
  /** The scheduler's verdict per node for a pod ("why here / why not scheduled?"). */
  explainPod(namespace: string, name: string): { verdicts: NodeVerdict[]; message?: string } | undefined;
  /**
   * What a pod's panel leads with: the scheduler's decision as it was recorded at binding
   * time, and why the pod is failing (image pull, crash loop, config, probe), if it is.
   * Undefined when the pod is gone.
   */
  podDiagnosis(namespace: string, name: string): PodDiagnosis | undefined;
  /** Whether an object still exists (a selected one may have been deleted). */
  exists(kind: string, namespace: string | undefined, name: string): boolean;
  /** API requests since the last call (the diagram animates them). */
  takeRequests(): ApiRequest[];
  /** Names of objects of a resource type (as kubectl names it) in a namespace, for completion. */
  objectNames(resource: string, namespace: string): string[];
  /** The most recent events (oldest first), in the namespaces shown. */
  recentEvents(limit: number): EventRecord[];
  /** The most recent "why" reasons (oldest first). */
  recentReasons(limit: number): Reason[];
  /** Shows the cluster as it was at `time` (replaying the log); pauses the clock. */
  rewind(time: number): void;
  /** Back to the latest moment, undoing a rewind that was only looked at. */
  backToLive(): void;
  /** A fresh cluster (the caller confirms with the learner first). */
  reset(): void;
  /** The current scenario as a link (longer than MAX_LINK_CHARS: offer scenarioFile instead). */
  shareLink(): string;
  /** The current scenario as a file's text (`.wheelhouse.json`). */
  scenarioFile(): string;
  /** Opens a scenario file as a shared scenario (the sandbox is kept); false if it cannot be used. */
  importScenario(text: string): boolean;
  /** Leaves a shared scenario: back to the sandbox, or (keep) making it the sandbox. */
  leaveShared(keep: boolean): void;
  /** Switches to another slot's cluster (saving this one first); `fresh` starts it over. */
  enterSlot(slot: Slot, fresh?: boolean): void;
  /** Which cluster is on screen: the sandbox, a lesson's, a shared one. */
  slot: Slot;
  /** Takes back the learner's last action (a command, a node stopped or started): the cluster as it was just before it. */
  undoLast(): boolean;
  /** The learner's own actions (not the clock's) on the timeline: when, and what. */
  marks(): { at: number; index: number; what: Action }[];
  /** A fresh cluster of this shape with these manifests applied and time let run (a lesson's start). */
  startScenario(options: ClusterOptions, manifests: string[], advanceSeconds: number, nodeGroup?: NodeGroup): void;
  /**
   * Rebuilds the cluster as it was at `time` — with only the first `actions` entries of the log,
   * when given, so what was done at that very instant afterwards is dropped too — and carries on
   * from there (the future is dropped).
   */
  restoreTo(time: number, actions?: number): void;
  /** How many entries the action log has (a step remembers where it began). */
  logLength(): number;
  /** Turns a machine off or on, or runs a command, as a lesson's "show solution" does. */
  now(): number;
}

/** `?workers=N` (1–200) starts a new sandbox with N worker nodes, e.g. to see a large cluster. */
function initialOptions(): ClusterOptions {
  const raw = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('workers') : null;
  const n = Number(raw);
  return { seed: 1, workers: Number.isInteger(n) && n >= 1 && n <= 200 ? n : 3 };
}

let options: ClusterOptions = initialOptions();
/**
 * Engine time per UI tick, in wall milliseconds: a burst of work (thousands of pods at ×16)
 * makes the simulated clock fall behind for a moment instead of holding up a frame; the rest
 * of the frame goes to the diagram and the browser's rendering.
 */
const TICK_BUDGET_MS = 12;
let cluster: EnginePort;
/** The whole log while rewound (the cluster itself holds only the part up to the rewind point). */
let liveLog: Action[] | undefined;
/**
 * The cluster that was live when the learner rewound, kept as it was: "Back to now" shows it
 * again at once instead of replaying the whole log. Dropped when acting in the past forks a new
 * future (what came after no longer exists).
 */
let liveCluster: EnginePort | undefined;
/** A rewind being rebuilt in slices; a newer rewind, or any action, cancels it. */
let rewindInFlight: AbortController | undefined;
function cancelRewind(): void {
  rewindInFlight?.abort();
  rewindInFlight = undefined;
  if (useCluster.getState().rewindingTo !== undefined) useCluster.setState({ rewindingTo: undefined });
}
let entryId = 0;
let requests: ApiRequest[] = [];
let unsubscribe = () => {};

function adopt(c: EnginePort): void {
  unsubscribe();
  cluster = c;
  requests = [];
  unsubscribe = cluster.onRequest((r) => {
    if (requests.length < 500) requests.push(r);
  });
}

let slot: Slot = 'sandbox';
/** Restored scrollback (the store starts with it). */
let restoredConsole: ConsoleEntry[] = [];

function toEntries(saved: SavedConsoleEntry[] | undefined): ConsoleEntry[] {
  return (saved ?? []).map((e) => ({ ...e, id: entryId++ }));
}

function restoreFiles(files: ManifestFile[]): void {
  const list = files.length ? files : [{ name: TEMPLATES[0].file, content: TEMPLATES[0].yaml }];
  useFiles.setState({ files: list, active: list.some((f) => f.name === useFiles.getState().active) ? useFiles.getState().active : list[0].name });
}

/** The slot boot opened, with the cluster it already rebuilt (in slices); without a boot, a fresh sandbox. */
function restore(): void {
  const b = bootResult();
  slot = b.slot;
  if (b.session && b.cluster) {
    options = b.session.options;
    adopt(b.cluster);
    restoreFiles(b.session.files);
    restoredConsole = toEntries(b.session.console);
    return;
  }
  adopt(createCluster(options));
}
/** Where the timeline starts; set when the store starts. */
let startTime = 0;

/** The cluster on screen, through the engine's port (lesson goals and notices read it). */
export function engine(): EnginePort {
  return cluster;
}

/** The present timeline: while rewound, the whole log (the cluster itself holds only the past). */
function currentSession(): Session {
  const entries = useCluster.getState().consoleEntries;
  return {
    options,
    actions: liveLog ?? cluster.actionLog(),
    files: useFiles.getState().files,
    console: entries.slice(-200).map(({ id: _id, ...e }) => ({ ...e, stdout: e.stdout.slice(-20_000), stderr: e.stderr.slice(-20_000) })),
  };
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function persistSoon(): void {
  if (saveTimer) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void saveSlot(slot, serialize(currentSession()));
  }, 1000);
}

/** Saves now what persistSoon would save a second later (before the page reloads into a new version). */
export function saveNow(): void {
  if (!saveTimer) return;
  clearTimeout(saveTimer);
  saveTimer = undefined;
  void saveSlot(slot, serialize(currentSession()));
}

let started = false;
/**
 * Puts on screen the cluster boot restored (or a fresh sandbox) and starts saving: called once
 * by the app after boot. Importing this module does none of it, so tests and tools can import
 * it without a saved session being replayed or a save being scheduled.
 */
export function startClusterStore(): void {
  if (started) return;
  started = true;
  restore();
  startTime = cluster.actionLog()[0]?.at ?? cluster.now();
  useCluster.setState({ ...snapshot(), startTime, consoleEntries: restoredConsole });
  useFiles.subscribe(() => persistSoon());
  // A tab that hands over writing to another saves what is pending first.
  onHandOver(saveNow);
}

/** The clock's state before a rewind ("Back to now" restores it). */
let pausedBeforeRewind = false;

/** The learner's own actions (what undo takes back and the timeline marks), as against the clock running. */
function describeAction(a: Action): boolean {
  return a.type !== 'advance';
}

function visibleNamespaces(namespaces: string[], showSystem: boolean): string[] {
  if (namespaces.length) return namespaces;
  const all = cluster.list('namespaces').map((n) => n.metadata.name!);
  return showSystem ? [] : all.filter((n) => n !== 'kube-system' && n !== 'kube-node-lease' && n !== 'kube-public');
}

/** The pod label filter in force (the last one typed that parsed). */
let podSelector: Selector = [];

function snapshot(state?: Pick<ClusterState, 'namespaces' | 'showSystem'>): Pick<ClusterState, 'time' | 'model' | 'liveTime' | 'rewound'> {
  const ns = visibleNamespaces(state?.namespaces ?? [], state?.showSystem ?? false);
  const lastLive = liveLog?.[liveLog.length - 1];
  const liveTime = lastLive ? (lastLive.type === 'advance' ? lastLive.at + lastLive.seconds * 1000 : lastLive.at) : cluster.now();
  return { time: cluster.now(), model: buildDiagramModel(cluster, ns, podSelector), liveTime: Math.max(liveTime, cluster.now()), rewound: !!liveLog };
}

/** A recorded scheduling decision, as the panel shows it. */
export interface PodDecision {
  time: number;
  node: string;
  evaluated: number;
  feasible: number;
  top: { node: string; total: number }[];
  /** Rejection reasons (scheduler words) with how many nodes gave each. */
  rejected: [string, number][];
}

/** Why a pod is not doing its job, as its status and the kubelet tell it. */
export interface PodProblem {
  kind: 'image' | 'crash' | 'config' | 'probe' | 'other';
  reason: string;
  container: string;
  message?: string;
  exitCode?: number;
  restarts?: number;
  image?: string;
  /** The kubelet's own explanation (an image it does not know, a likely typo …). */
  why?: Reason;
}

export interface PodDiagnosis {
  decision?: PodDecision;
  pendingMessage?: string;
  problem?: PodProblem;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStatus = any;

/** The first container in trouble, most telling first: config, image, crash, then readiness. */
function podProblem(pod: { metadata: { name?: string; namespace?: string }; spec?: AnyStatus; status?: AnyStatus }, cluster: EnginePort): PodProblem | undefined {
  const statuses: AnyStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const imageOf = (c: string) => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((x: AnyStatus) => x.name === c)?.image;
  const kubeletWhy = (keys: string[]) => {
    const mine = cluster.recentReasons().filter((r) => keys.includes(r.key) && r.objects.some((o) => o.kind === 'Pod' && o.name === pod.metadata.name && o.namespace === pod.metadata.namespace));
    return mine[mine.length - 1];
  };
  for (const st of statuses) {
    const waiting = st.state?.waiting;
    if (!waiting?.reason || waiting.reason === 'ContainerCreating' || waiting.reason === 'PodInitializing') continue;
    const base = { reason: waiting.reason, container: st.name, message: waiting.message, restarts: st.restartCount };
    if (waiting.reason === 'ImagePullBackOff' || waiting.reason === 'ErrImagePull' || waiting.reason === 'InvalidImageName') {
      return { ...base, kind: 'image', image: imageOf(st.name), why: kubeletWhy(['kubelet.imageTypo', 'kubelet.imageUnknownTag', 'kubelet.imageUnknownRepository']) };
    }
    if (waiting.reason === 'CrashLoopBackOff') return { ...base, kind: 'crash', exitCode: st.lastState?.terminated?.exitCode };
    if (waiting.reason === 'CreateContainerConfigError' || waiting.reason === 'CreateContainerError') return { ...base, kind: 'config' };
    return { ...base, kind: 'other' };
  }
  const running = pod.status?.phase === 'Running';
  const ready = (pod.status?.conditions ?? []).some((c: AnyStatus) => c.type === 'Ready' && c.status === 'True');
  if (running && !ready) {
    const unready = statuses.find((st) => st.state?.running && !st.ready);
    if (unready) {
      const events = cluster.eventsFor({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name! });
      const probe = [...events].reverse().find((e) => e.reason === 'Unhealthy');
      return { kind: 'probe', reason: 'Unhealthy', container: unready.name, message: probe?.message, restarts: unready.restartCount };
    }
  }
  return undefined;
}

export const useCluster = create<ClusterState>((set, get) => {
  /** Any action taken while rewound starts a new future from here. */
  const fork = () => {
    cancelRewind();
    liveLog = undefined;
    liveCluster = undefined;
  };
  const changed = () => {
    set(snapshot(get()));
    persistSoon();
  };
  /**
   * After a clock tick the picture is rebuilt in a task of its own: the engine's slice and the
   * snapshot (model, React) then make two shorter tasks instead of one long one.
   */
  let snapshotPending = false;
  const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : undefined;
  if (channel)
    channel.port1.onmessage = () => {
      if (!snapshotPending) return;
      snapshotPending = false;
      changed();
    };
  const changedSoon = () => {
    if (!channel) return changed();
    if (snapshotPending) return;
    snapshotPending = true;
    channel.port2.postMessage(0);
  };
  return {
    // Nothing on screen until startClusterStore puts the restored cluster there.
    time: 0,
    liveTime: 0,
    rewound: false,
    model: { nodes: [], pending: [], pendingTotal: 0, services: [], workloads: [], namespaces: [] },
    startTime,
    speed: 1,
    paused: false,
    namespaces: [],
    showSystem: false,
    podLabels: '',
    view: 'diagram',
    consoleEntries: restoredConsole,
    slot,
    run(command, files, stdin) {
      fork();
      const r = cluster.kubectl(command, { ...(files ? { files } : {}), ...(stdin !== undefined ? { stdin } : {}) });
      const entry: ConsoleEntry = { id: entryId++, command, ...r };
      // The answer at once; the picture in a task of its own (rebuilding it for 3,000 pods inside
      // the key press made that one task long).
      set({ consoleEntries: [...get().consoleEntries.slice(-199), entry] });
      changedSoon();
      return entry;
    },
    query(command) {
      return cluster.query(command);
    },
    tick(wallMs) {
      if (get().paused) return;
      fork();
      // Advance in slices within a frame's budget: a burst of work (thousands of pods at ×16)
      // makes the simulated clock fall behind for a moment instead of freezing the page.
      // The engine stops between simulated milliseconds once the frame's budget is spent.
      // (Asked at every simulated millisecond that has work: asking only every eighth let a
      // slice run 40 ms past its budget when those milliseconds were busy.)
      const deadline = performance.now() + TICK_BUDGET_MS;
      cluster.advance((wallMs * get().speed) / 1000, () => performance.now() > deadline);
      changedSoon();
    },
    togglePause() {
      set({ paused: !get().paused });
    },
    setSpeed(speed) {
      set({ speed });
    },
    step() {
      fork();
      cluster.step();
      changed();
    },
    stopNode(name) {
      fork();
      cluster.stopNode(name);
      changed();
    },
    startNode(name) {
      fork();
      cluster.startNode(name);
      changed();
    },
    clearConsole() {
      set({ consoleEntries: [] });
      persistSoon();
    },
    echo(command, stdout, stderr = '', kind) {
      set({ consoleEntries: [...get().consoleEntries.slice(-199), { id: entryId++, command, stdout, stderr, exitCode: stderr ? 1 : 0, ...(kind ? { kind } : {}) }] });
      persistSoon();
    },
    select(ref) {
      set({ selected: ref });
    },
    setView(view) {
      set({ view });
    },
    setPodLabels(text) {
      try {
        podSelector = parseSelector(text);
      } catch (e) {
        if (!(e instanceof SelectorParseError)) throw e;
        set({ podLabels: text, podLabelsError: e.message });
        return;
      }
      set({ podLabels: text, podLabelsError: undefined, ...snapshot(get()) });
    },
    setNamespaces(namespaces, showSystem) {
      set({ namespaces, showSystem, ...snapshot({ namespaces, showSystem }) });
    },
    podDiagnosis(namespace, name) {
      const pod = cluster.get('pods', namespace, name);
      if (!pod) return undefined;
      const a = cluster.schedulingAttempt(namespace, name);
      const decision = a?.node && a.node === pod.spec?.nodeName ? { time: a.time, node: a.node, evaluated: a.evaluatedNodes, feasible: a.feasibleNodes, top: a.topScores.map((s) => ({ node: s.node, total: s.total })), rejected: Object.entries(a.reasons) } : undefined;
      return { decision, pendingMessage: pod.spec?.nodeName ? undefined : a?.message, problem: podProblem(pod, cluster) };
    },
    exists(kind, namespace, name) {
      const type = RESOURCE_TYPES.find((t) => t.kind === kind);
      if (!type) return true;
      return !!cluster.get(type.resource, type.namespaced ? namespace : undefined, name);
    },
    explainPod(namespace, name) {
      const verdicts = cluster.explainPod(namespace, name);
      if (!verdicts) return undefined;
      return { verdicts, message: cluster.schedulingAttempt(namespace, name)?.message };
    },
    takeRequests() {
      const out = requests;
      requests = [];
      return out;
    },
    recentEvents(limit) {
      const shown = visibleNamespaces(get().namespaces, get().showSystem);
      const all = shown.length ? shown.flatMap((ns) => cluster.events(ns)) : cluster.events();
      return all.sort((a, b) => a.last - b.last || a.seq - b.seq).slice(-limit);
    },
    objectNames(resource, namespace) {
      const type = RESOURCE_TYPES.find((t) => [t.resource, t.singular, ...t.shortNames].includes(resource.toLowerCase()));
      if (!type) return [];
      return cluster.list(type.resource, type.namespaced ? namespace : undefined).map((o) => o.metadata.name!);
    },
    recentReasons(limit) {
      return cluster.recentReasons(limit);
    },
    rewind(time) {
      if (!liveLog) {
        pausedBeforeRewind = get().paused;
        liveLog = cluster.actionLog();
        liveCluster = cluster;
      }
      const target = Math.max(startTime, time);
      cancelRewind();
      // Forward from a moment already rebuilt: only the difference is replayed (the same bytes
      // as a replay from the start).
      if (cluster !== liveCluster && target >= cluster.now()) {
        cluster.replayTo(liveLog, target);
        set({ paused: true, ...snapshot(get()) });
        return;
      }
      // Backward, or from the live cluster: rebuilt from the start in slices, so the page keeps
      // answering while it replays (a drag of the timeline starts a newer one and cancels this).
      const abort = new AbortController();
      rewindInFlight = abort;
      replayInSlices(options, liveLog, () => {}, abort.signal, target).then(
        (rebuilt) => {
          if (rewindInFlight !== abort) return;
          rewindInFlight = undefined;
          adopt(rebuilt);
          set({ paused: true, rewindingTo: undefined, ...snapshot(get()) });
        },
        (e) => {
          if (!(e instanceof ReplayAborted)) throw e;
        },
      );
      // Rewound already (the timeline shows where it goes), before the picture arrives.
      set({ paused: true, rewound: true, rewindingTo: target });
    },
    backToLive() {
      cancelRewind();
      if (!liveLog) return;
      const log = liveLog;
      const live = liveCluster;
      liveLog = undefined;
      liveCluster = undefined;
      adopt(live ?? rebuildCluster(options, log));
      // The clock goes on as it did before the rewind.
      set({ ...snapshot(get()), paused: pausedBeforeRewind });
      persistSoon();
    },
    reset() {
      cancelRewind();
      liveLog = undefined;
      liveCluster = undefined;
      options = { ...options };
      adopt(createCluster(options));
      startTime = cluster.now();
      set({ ...snapshot(get()), startTime, consoleEntries: [], selected: undefined, paused: false });
      persistSoon();
    },
    shareLink() {
      return `${location.origin}${location.pathname}${location.search}${encodeShare(currentSession())}`;
    },
    scenarioFile() {
      return scenarioFile(currentSession());
    },
    importScenario(text) {
      const u = readScenarioFile(text);
      if (!u.ok) {
        useNotices.getState().show({ kind: 'rejected', source: 'file', reason: u.reason });
        return false;
      }
      try {
        get().enterSlot('shared', true);
        const rebuilt = rebuildCluster(u.session.options, u.session.actions);
        options = u.session.options;
        adopt(rebuilt);
        startTime = cluster.actionLog()[0]?.at ?? cluster.now();
        restoreFiles(u.session.files);
        set({ ...snapshot(get()), startTime, consoleEntries: [], selected: undefined, paused: true });
        persistSoon();
        useNotices.getState().show({ kind: 'shared' });
        return true;
      } catch {
        get().enterSlot('sandbox');
        useNotices.getState().show({ kind: 'rejected', source: 'file', reason: 'replay' });
        return false;
      }
    },
    leaveShared(keep) {
      if (slot !== 'shared') return;
      useNotices.getState().dismiss('shared');
      if (keep) {
        saveNow();
        const text = serialize(currentSession());
        slot = 'sandbox';
        void setActiveSlot(slot);
        void saveSlot('sandbox', text);
        set({ slot });
      } else get().enterSlot('sandbox');
    },
    enterSlot(next, fresh = false) {
      if (next === slot && !fresh) return;
      // What is pending for the slot being left is written to that slot.
      if (saveTimer) saveNow();
      else if (isWritable()) void saveSlot(slot, serialize(currentSession()));
      cancelRewind();
      liveLog = undefined;
      liveCluster = undefined;
      slot = next;
      void setActiveSlot(slot);
      const text = fresh ? undefined : readSlot(slot);
      const saved = text !== undefined ? deserialize(text) : undefined;
      let entries: ConsoleEntry[] = [];
      if (saved?.ok) {
        try {
          options = saved.session.options;
          adopt(rebuildCluster(options, saved.session.actions));
          restoreFiles(saved.session.files);
          entries = toEntries(saved.session.console);
        } catch {
          useNotices.getState().show({ kind: 'rejected', source: 'saved', reason: 'replay', raw: text });
          options = initialOptions();
          adopt(createCluster(options));
        }
      } else {
        if (saved && !saved.ok) useNotices.getState().show({ kind: 'rejected', source: 'saved', reason: saved.reason, raw: text });
        options = initialOptions();
        adopt(createCluster(options));
      }
      startTime = cluster.actionLog()[0]?.at ?? cluster.now();
      set({ ...snapshot(get()), startTime, slot, consoleEntries: entries, selected: undefined });
    },
    undoLast() {
      const log = liveLog ?? cluster.actionLog();
      let i = log.length - 1;
      while (i >= 0 && !describeAction(log[i])) i--;
      if (i < 0) return false;
      get().restoreTo(log[i].at, i);
      set({ paused: true });
      return true;
    },
    marks() {
      const log = liveLog ?? cluster.actionLog();
      const out: { at: number; index: number; what: Action }[] = [];
      log.forEach((a, index) => {
        if (describeAction(a)) out.push({ at: a.at, index, what: a });
      });
      return out;
    },
    startScenario(opts, manifests, advanceSeconds, nodeGroup) {
      cancelRewind();
      liveLog = undefined;
      liveCluster = undefined;
      options = opts;
      adopt(createCluster(options));
      startTime = cluster.now();
      if (nodeGroup) cluster.enableClusterAutoscaler(nodeGroup);
      for (const m of manifests) cluster.kubectl('apply -f -', { stdin: m });
      if (advanceSeconds) cluster.advance(advanceSeconds);
      set({ ...snapshot(get()), startTime, consoleEntries: [], selected: undefined, paused: false });
      persistSoon();
    },
    restoreTo(time, actions) {
      const log = liveLog ?? cluster.actionLog();
      cancelRewind();
      liveLog = undefined;
      liveCluster = undefined;
      adopt(rebuildCluster(options, actions === undefined ? log : log.slice(0, actions), time));
      set({ ...snapshot(get()), selected: undefined });
      persistSoon();
    },
    now() {
      return cluster.now();
    },
    logLength() {
      return (liveLog ?? cluster.actionLog()).length;
    },
  };
});

/** Which slot's cluster is on screen (lessons compare it with the lesson they restore). */
export function currentSlot(): Slot {
  return slot;
}

