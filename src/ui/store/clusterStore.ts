/**
 * The UI's mirror of the engine (zustand). The engine runs in a Web Worker (../engineHost);
 * this store sends it the learner's actions and keeps what it sends back — the clock, the
 * timeline, the diagram model (rebuilt from per-object deltas), and the answers to the queries
 * the panels watch. Components read plain view objects from here; nothing on this thread runs
 * the cluster.
 *
 * The sandbox is its action log: it is saved as the learner goes (a reload replays it), can be
 * shared as a link, and rewound — the worker replays the log up to an earlier moment. Acting
 * while rewound forks a new future: what came after is dropped. Saving always writes the
 * present timeline (the whole log, also while the learner looks at the past).
 *
 * Each cluster lives in a slot of its own (../persistence/storage.ts): the sandbox, each
 * lesson's cluster, a shared scenario. Opening a lesson leaves the sandbox as it was, and
 * leaving the lesson brings it back.
 *
 * Calls to the worker are answered in the order they are sent, so a sequence of actions (a
 * lesson's start, then its solutions) needs no waiting between them.
 *
 * Over 400 lines: the page's whole side of the engine (its state, its actions, the slots and
 * saving) in one store, as components read it; the messages, the model deltas and the queries
 * live in ../engineHost.
 */
import { create } from 'zustand';
import type { ApiRequest, ClusterOptions, KubectlResult } from '../../engine/port';
import type { DiagramModel, DNode, DPod } from './diagramModel';
import type { SelectedRef } from '../diagram/context';
import { deserialize, encodeShare, readScenarioFile, scenarioFile, serialize, type SavedConsoleEntry, type Session } from './session';
import { useFiles, type ManifestFile } from './filesStore';
import { bootResult } from '../persistence/boot';
import { readSlot, saveSlot, setActiveSlot, isWritable, type Slot } from '../persistence/storage';
import { onHandOver } from '../persistence/tabs';
import { useNotices } from '../persistence/notices';
import { TEMPLATES } from '../editor/templates';
import { onEngineDisconnect, engineClient, type EngineClient } from '../engineHost/client';
import { ModelApplier } from './modelApply';
import type { HostView, Mark, RecordedAction, SessionData } from '../engineHost/host';
import type { Lesson } from '../../lessons/types';
import { queryKey, type Query, type ResultOf } from '../engineHost/queryTypes';

export type { DNode as NodeView, DPod as PodView };
export type { PodDecision, PodDiagnosis, PodProblem } from '../engineHost/podDiagnosis';
export type { Mark } from '../engineHost/host';

export interface ConsoleEntry {
  id: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** A note from the terminal itself (e.g. "only kubectl runs here"), not a command's error. */
  kind?: 'note';
  /** Set while the command keeps printing (kubectl get -w): its output grows until Ctrl+C. */
  stream?: number;
}

export interface ClusterState {
  time: number;
  /** Where the timeline starts (the cluster's first moment) and ends (the live edge). */
  startTime: number;
  liveTime: number;
  /** Set while the learner looks at the past. */
  rewound: boolean;
  /** The moment a rewind is being rebuilt for, until it is on screen. */
  rewindingTo?: number;
  speed: number;
  paused: boolean;
  /** Shown from `npm run serve`: the server runs the clock, real clients share the cluster. */
  served?: boolean;
  /** The server of a served page stopped (its socket closed). */
  serverGone?: boolean;
  model: DiagramModel;
  /** The learner's own actions on the timeline (not the clock's): when, and what. */
  marks: Mark[];
  /** How many entries the action log has (a step remembers where it began). */
  logLength: number;
  /** Answers to the queries being watched, by key (../engineHost/queryTypes.ts). */
  results: Record<string, unknown>;
  /** The words the terminal completes: kubectl's verbs and the resource types' names. */
  vocabulary: { verbs: string[]; resources: string[] };
  /** Namespaces shown (empty: all but the system ones, or every one with `showSystem`). */
  namespaces: string[];
  showSystem: boolean;
  /** The pod label filter as typed (`app=web,tier!=db`), and why it does not parse, if it does not. */
  podLabels: string;
  podLabelsError?: string;
  view: 'diagram' | 'list';
  selected?: SelectedRef;
  consoleEntries: ConsoleEntry[];
  /** Runs kubectl (recorded); `files` are what `-f <name>` may read. The entry appears in the console when answered. */
  run(command: string, files?: Record<string, string>, stdin?: string): Promise<ConsoleEntry>;
  tick(wallMs: number): void;
  togglePause(): void;
  setSpeed(speed: number): void;
  step(): void;
  stopNode(name: string): void;
  startNode(name: string): void;
  clearConsole(): void;
  /** Ctrl+C on the command still printing (kubectl get -w). */
  stopStreams(): void;
  /** Adds a console entry that did not go to the cluster (ls, cat). */
  echo(command: string, stdout: string, stderr?: string, kind?: 'note'): void;
  select(ref: SelectedRef | undefined): void;
  setView(view: 'diagram' | 'list'): void;
  setNamespaces(namespaces: string[], showSystem: boolean): void;
  /** Shows only pods whose labels match (kubectl's `-l` syntax); a selector that does not parse changes nothing and says why. */
  setPodLabels(text: string): void;
  /** API requests since the last call (the diagram animates them). */
  takeRequests(): ApiRequest[];
  /** Names of objects of a resource type (as kubectl names it) in a namespace, for completion. */
  objectNames(resource: string, namespace: string): Promise<string[]>;
  /** Read-only kubectl on the cluster on screen, not recorded (what kubectl edit reads first). */
  query(command: string): Promise<KubectlResult>;
  /** Shows the cluster as it was at `time` (replaying the log); pauses the clock. */
  rewind(time: number): void;
  /** Back to the latest moment, undoing a rewind that was only looked at. */
  backToLive(): void;
  /** A fresh cluster (the caller confirms with the learner first). */
  reset(): void;
  /** The current scenario as a link (longer than MAX_LINK_CHARS: offer scenarioFile instead). */
  shareLink(): Promise<string>;
  /** The current scenario as a file's text (`.wheelhouse.json`). */
  scenarioFile(): Promise<string>;
  /** Opens a scenario file as a shared scenario (the sandbox is kept); false if it cannot be used. */
  importScenario(text: string): Promise<boolean>;
  /** Leaves a shared scenario: back to the sandbox, or (keep) making it the sandbox. */
  leaveShared(keep: boolean): void;
  /** Switches to another slot's cluster (saving this one first); `fresh` starts it over. */
  enterSlot(slot: Slot, fresh?: boolean): void;
  /** Which cluster is on screen: the sandbox, a lesson's, a shared one. */
  slot: Slot;
  /** Takes back the learner's last action (a command, a node stopped or started): the cluster as it was just before it. */
  undoLast(): Promise<boolean>;
  /** A lesson's starting cluster, fresh (its scenario: shape, manifests, time let run). */
  startLesson(id: string): void;
  /** An imported lesson's starting cluster, from its scenario as data; rejects when the engine refuses it. */
  startScenario(scenario: Lesson['scenario']): Promise<void>;
  /** The present timeline: the cluster's shape and its whole action log (the lesson builder records a scenario from it). */
  session(): Promise<SessionData>;
  /** What the learner did from log entry `from` on, with each command's exit code (a step's solution, recorded). */
  actionsSince(from: number): Promise<RecordedAction[]>;
  /**
   * Rebuilds the cluster as it was at `time` — with only the first `actions` entries of the log,
   * when given, so what was done at that very instant afterwards is dropped too — and carries on
   * from there (the future is dropped).
   */
  restoreTo(time: number, actions?: number): void;
  /** Where the cluster is once every call sent so far has been carried out: its time and log length. */
  position(): Promise<{ now: number; logLength: number }>;
}

/** `?workers=N` (1–200) starts a new sandbox with N worker nodes, e.g. to see a large cluster. */
export function initialOptions(): ClusterOptions {
  const raw = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('workers') : null;
  const n = Number(raw);
  return { seed: 1, workers: Number.isInteger(n) && n >= 1 && n <= 200 ? n : 3 };
}

let client: EngineClient | undefined;
/** The diagram model rebuilt from the worker's deltas, keeping what did not change (modelApply.ts). */
const decoder = new ModelApplier();
let entryId = 0;
let requests: ApiRequest[] = [];
let slot: Slot = 'sandbox';
/** A clock tick sent and not answered yet: the next waits (the clock never queues up behind a busy engine). */
let tickInFlight = false;

/** The engine's client (set when the store starts). */
function engine(): EngineClient {
  if (!client) throw new Error('the cluster store has not started');
  return client;
}

function toEntries(saved: SavedConsoleEntry[] | undefined): ConsoleEntry[] {
  return (saved ?? []).map((e) => ({ ...e, id: entryId++ }));
}

function restoreFiles(files: ManifestFile[]): void {
  const list = files.length ? files : [{ name: TEMPLATES[0].file, content: TEMPLATES[0].yaml }];
  useFiles.setState({ files: list, active: list.some((f) => f.name === useFiles.getState().active) ? useFiles.getState().active : list[0].name });
}

/**
 * The present timeline as saved: the worker's log with this page's files and scrollback, all
 * as they are when asked (a slot being left is saved with its own files and console, though the
 * log arrives after the next slot's have replaced them on screen).
 */
function currentSession(): Promise<Session> {
  const files = useFiles.getState().files;
  const console = useCluster
    .getState()
    .consoleEntries.slice(-200)
    .map(({ id: _id, stream: _stream, ...e }) => ({ ...e, stdout: e.stdout.slice(-20_000), stderr: e.stderr.slice(-20_000) }));
  return engine()
    .call('session')
    .then(({ options: o, actions }) => ({ options: o, actions, files, console }));
}

/**
 * The engine keeps the latest checkpoint of the cluster on screen beside the slot's saved log —
 * only in the tab that saves (another tab's would overwrite it), and not when served (the
 * server's cluster is not this browser's).
 */
function keepCheckpointsIn(into: Slot | undefined): void {
  if (!useCluster.getState().served) send(engine().call('keepAs', into !== undefined && isWritable() ? into : undefined));
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** How often the running clock alone (no command) saves the session, in wall ms. */
const CLOCK_SAVE_MS = 5000;
let lastClockSave = 0;
/** Writes the slot's present timeline (the slot is the one on screen when asked). */
function save(): Promise<void> {
  // A served cluster is the server's: saving it would overwrite this browser's own sandbox.
  if (useCluster.getState().served) return Promise.resolve();
  const into = slot;
  return currentSession().then((s) => saveSlot(into, serialize(s)));
}
function persistSoon(): void {
  if (saveTimer) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void save();
  }, 1000);
}

/** Saves now what persistSoon would save a second later (before the page reloads into a new version). */
export function saveNow(): Promise<void> {
  if (!saveTimer) return Promise.resolve();
  clearTimeout(saveTimer);
  saveTimer = undefined;
  return save();
}

function receive(view: HostView): void {
  const s = useCluster.getState();
  if (view.fresh) decoder.reset();
  const next: Partial<ClusterState> = { time: view.time, startTime: view.startTime, liveTime: view.liveTime, rewound: view.rewound, rewindingTo: view.rewindingTo, logLength: view.logLength };
  if (view.model) next.model = decoder.apply(view.model);
  if (view.marks) next.marks = view.marks;
  if (view.results) next.results = { ...s.results, ...view.results };
  if (view.clock) Object.assign(next, { served: true, speed: view.clock.speed, paused: view.clock.paused });
  if (view.requests) requests = requests.length + view.requests.length > 500 ? view.requests : [...requests, ...view.requests];
  if (view.streams || view.endedStreams) next.consoleEntries = withStreams(s.consoleEntries, view.streams ?? {}, view.endedStreams ?? []);
  useCluster.setState(next);
}

/** Running commands' new output appended to their entries; ended ones no longer running. */
function withStreams(entries: ConsoleEntry[], streams: Record<number, string>, ended: number[]): ConsoleEntry[] {
  return entries.map((e) => {
    if (e.stream === undefined) return e;
    const more = streams[e.stream];
    const over = ended.includes(e.stream);
    if (!more && !over) return e;
    const next: ConsoleEntry = { ...e, stdout: e.stdout + (more ?? '') };
    if (over) delete next.stream;
    return next;
  });
}

let started = false;
/**
 * Puts on screen the cluster boot restored (or a fresh sandbox) and starts saving: called once
 * by the app after boot. Importing this module does none of it, so tests and tools can import
 * it without a saved session being replayed or a save being scheduled.
 */
export async function startClusterStore(): Promise<void> {
  if (started) return;
  started = true;
  const b = bootResult();
  slot = b.slot;
  client = await engineClient();
  client.onView(receive);
  // Queries watched before the engine was there.
  for (const [key, w] of watchers) send(client.call('watch', key, w.query));
  if (b.served) {
    useCluster.setState({ served: true });
    onEngineDisconnect(() => useCluster.setState({ serverGone: true, paused: true }));
  } else if (b.session && b.loaded) {
    restoreFiles(b.session.files);
    useCluster.setState({ consoleEntries: toEntries(b.session.console), slot });
  } else {
    void client.call('reset', initialOptions());
  }
  useCluster.setState({ slot });
  keepCheckpointsIn(slot);
  // The first view (the whole picture) is in the store before the app renders.
  const [vocabulary] = await Promise.all([client.call('vocabulary'), client.call('attach')]);
  useCluster.setState({ vocabulary });
  useFiles.subscribe(() => persistSoon());
  // A tab that hands over writing to another saves what is pending first, and keeps no more checkpoints.
  onHandOver(() => {
    keepCheckpointsIn(undefined);
    return saveNow();
  });
}

/** The clock's state before a rewind ("Back to now" restores it). */
let pausedBeforeRewind = false;

/** A call whose failure is a bug of the engine: said in the console instead of lost. */
function send<T>(p: Promise<T>): void {
  p.catch((e: unknown) => useCluster.getState().echo('', '', `internal error: ${e instanceof Error ? e.message : String(e)}`));
}

export const useCluster = create<ClusterState>((set, get) => {
  const changed = () => persistSoon();
  const filter = (namespaces: string[], showSystem: boolean, labels: string) =>
    engine()
      .call('setFilter', namespaces, showSystem, labels)
      .then((r) => {
        if (r.error) set({ podLabels: labels, podLabelsError: r.error });
        else set({ namespaces, showSystem, podLabels: labels, podLabelsError: undefined });
      });
  return {
    // Nothing on screen until startClusterStore puts the restored cluster there.
    time: 0,
    liveTime: 0,
    startTime: 0,
    rewound: false,
    model: { nodes: [], pending: [], pendingTotal: 0, services: [], workloads: [], namespaces: [] },
    marks: [],
    logLength: 0,
    results: {},
    vocabulary: { verbs: [], resources: [] },
    speed: 1,
    paused: false,
    namespaces: [],
    showSystem: false,
    podLabels: '',
    view: 'diagram',
    consoleEntries: [],
    slot,
    async run(command, files, stdin) {
      const r = await engine().call('run', command, files, stdin);
      // kubectl cp out of a container writes the learner's files: they appear in the editor's list.
      if (r.localFiles) useFiles.getState().writeLocal(r.localFiles);
      const entry: ConsoleEntry = { id: entryId++, command, ...r };
      set({ consoleEntries: [...get().consoleEntries.slice(-199), entry] });
      changed();
      return entry;
    },
    tick(wallMs) {
      // Served, the server runs the clock itself.
      if (get().paused || get().served || tickInFlight || !client) return;
      tickInFlight = true;
      // The running clock is part of the session too: a reload shows the cluster as it was left, not at the last command.
      if (performance.now() - lastClockSave > CLOCK_SAVE_MS) {
        lastClockSave = performance.now();
        persistSoon();
      }
      client
        .call('tick', (wallMs * get().speed) / 1000)
        .finally(() => {
          tickInFlight = false;
        })
        .catch(() => {});
    },
    togglePause() {
      set({ paused: !get().paused });
      if (get().served) send(engine().call('setClock', { paused: get().paused }));
    },
    setSpeed(speed) {
      set({ speed });
      if (get().served) send(engine().call('setClock', { speed }));
    },
    step() {
      send(engine().call('step'));
      changed();
    },
    stopNode(name) {
      send(engine().call('stopNode', name));
      changed();
    },
    startNode(name) {
      send(engine().call('startNode', name));
      changed();
    },
    stopStreams() {
      const running = get().consoleEntries.filter((e) => e.stream !== undefined);
      if (!running.length) return;
      for (const e of running) send(engine().call('stopStream', e.stream!));
      set({ consoleEntries: get().consoleEntries.map((e) => (e.stream === undefined ? e : (({ stream: _s, ...rest }) => rest)(e))) });
    },
    clearConsole() {
      get().stopStreams();
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
      set({ podLabels: text });
      void filter(get().namespaces, get().showSystem, text);
    },
    setNamespaces(namespaces, showSystem) {
      set({ namespaces, showSystem });
      void filter(namespaces, showSystem, get().podLabelsError ? '' : get().podLabels);
    },
    takeRequests() {
      const out = requests;
      requests = [];
      return out;
    },
    objectNames(resource, namespace) {
      return engine().call('objectNames', resource, namespace);
    },
    query(command) {
      return engine().call('query', command);
    },
    rewind(time) {
      if (!get().rewound) pausedBeforeRewind = get().paused;
      send(engine().call('rewind', time));
      // Rewound already (the timeline shows where it goes), before the picture arrives.
      set({ paused: true, rewound: true });
    },
    backToLive() {
      if (!get().rewound) return;
      send(engine().call('backToLive'));
      // The clock goes on as it did before the rewind.
      set({ paused: pausedBeforeRewind });
      persistSoon();
    },
    reset() {
      send(engine().call('reset'));
      set({ consoleEntries: [], selected: undefined, paused: false });
      persistSoon();
    },
    async shareLink() {
      return `${location.origin}${location.pathname}${location.search}${encodeShare(await currentSession())}`;
    },
    async scenarioFile() {
      return scenarioFile(await currentSession());
    },
    async importScenario(text) {
      const u = readScenarioFile(text);
      if (!u.ok) {
        useNotices.getState().show({ kind: 'rejected', source: 'file', reason: u.reason });
        return false;
      }
      get().enterSlot('shared', true);
      try {
        await engine().call('open', { options: u.session.options, actions: u.session.actions });
      } catch {
        get().enterSlot('sandbox');
        useNotices.getState().show({ kind: 'rejected', source: 'file', reason: 'replay' });
        return false;
      }
      restoreFiles(u.session.files);
      set({ consoleEntries: [], selected: undefined, paused: true });
      persistSoon();
      useNotices.getState().show({ kind: 'shared' });
      return true;
    },
    leaveShared(keep) {
      if (slot !== 'shared') return;
      useNotices.getState().dismiss('shared');
      if (keep) {
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = undefined;
        slot = 'sandbox';
        void setActiveSlot(slot);
        void save();
        keepCheckpointsIn(slot);
        set({ slot });
      } else get().enterSlot('sandbox');
    },
    enterSlot(next, fresh = false) {
      if (next === slot && !fresh) return;
      // What is pending for the slot being left is written to that slot (its log is asked for
      // before the new slot's cluster replaces it: calls are answered in order).
      if (saveTimer || isWritable()) {
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = undefined;
        void save();
      }
      slot = next;
      void setActiveSlot(slot);
      const text = fresh ? undefined : readSlot(slot);
      const saved = text !== undefined ? deserialize(text) : undefined;
      const startFresh = () => {
        send(engine().call('reset', initialOptions()));
      };
      let entries: ConsoleEntry[] = [];
      if (saved?.ok) {
        restoreFiles(saved.session.files);
        entries = toEntries(saved.session.console);
        engine()
          .call('open', { options: saved.session.options, actions: saved.session.actions })
          .catch(() => {
            useNotices.getState().show({ kind: 'rejected', source: 'saved', reason: 'replay', raw: text });
            startFresh();
          });
      } else {
        if (saved && !saved.ok) useNotices.getState().show({ kind: 'rejected', source: 'saved', reason: saved.reason, raw: text });
        startFresh();
      }
      keepCheckpointsIn(slot);
      set({ slot, consoleEntries: entries, selected: undefined });
    },
    async undoLast() {
      const undone = await engine().call('undoLast');
      if (undone) {
        set({ paused: true });
        persistSoon();
      }
      return undone;
    },
    startLesson(id) {
      send(engine().call('startLesson', id));
      set({ consoleEntries: [], selected: undefined, paused: false });
      persistSoon();
    },
    async startScenario(scenario) {
      set({ consoleEntries: [], selected: undefined, paused: false });
      persistSoon();
      await engine().call('startScenario', scenario);
    },
    session() {
      return engine().call('session');
    },
    actionsSince(from) {
      return engine().call('actionsSince', from);
    },
    restoreTo(time, actions) {
      send(engine().call('restoreTo', time, actions));
      set({ selected: undefined });
      persistSoon();
    },
    position() {
      return engine().call('position');
    },
  };
});

/** Which slot's cluster is on screen (lessons compare it with the lesson they restore). */
export function currentSlot(): Slot {
  return slot;
}

// ---- watched queries ----

const watchers = new Map<string, { query: Query; count: number }>();

/**
 * Asks the engine to answer `query` after every change until the returned function is called;
 * the answer is in the store's `results` under `queryKey(query)`. Watches of the same query share one.
 */
export function watchQuery(query: Query): () => void {
  const key = queryKey(query);
  const w = watchers.get(key);
  if (w) w.count++;
  else {
    watchers.set(key, { query, count: 1 });
    if (client) send(client.call('watch', key, query));
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const w = watchers.get(key);
    if (w && --w.count > 0) return;
    watchers.delete(key);
    if (client) send(client.call('unwatch', key));
    const { [key]: _gone, ...rest } = useCluster.getState().results;
    useCluster.setState({ results: rest });
  };
}

/** The latest answer to a watched query (undefined until the engine first answers it). */
export function queryResult<Q extends Query>(query: Q): ResultOf<Q> | undefined {
  return useCluster.getState().results[queryKey(query)] as ResultOf<Q> | undefined;
}
