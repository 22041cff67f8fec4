/**
 * The engine's side of the page: runs in a Web Worker (./engine.worker.ts) and owns the
 * simulated cluster — the one on screen, the live one kept aside while the learner looks at the
 * past, the replays that rebuild a moment. The page sends commands (./protocol.ts) and gets
 * back plain data: answers to its commands, and after every change a view — the clock, the
 * timeline, the diagram as a delta, the API requests to animate, and the answers to the
 * queries its panels watch.
 *
 * Nothing here touches the DOM: the same host runs inside the page's thread in unit tests.
 *
 * Longer than most modules because it is the one place where every call of the page meets the
 * cluster on screen; what it coordinates lives beside it — checkpoints (./checkpoints.ts), kept
 * checkpoints (./keptCheckpoints.ts), replays in slices (./replay.ts), the diagram's deltas
 * (./modelDelta.ts) and the watched queries (./queries.ts).
 */
import { createCluster, DEFAULT_START, NotForkable, parseSelector, rebuildCluster, RestApi, SelectorParseError, type Action, type ApiRequest, type ClusterOptions, type EnginePort, type KubectlResult, type OpenedWatch, type RestRequest, type RestResponse, type Selector, type WatchEvent } from '../../engine/port';
import { buildDiagramModel } from '../store/diagramModel';
import { visibleNamespaces } from '../store/visibleNamespaces';
import { ModelEncoder, type ModelDelta } from './modelDelta';
import { evaluate, objectNames, vocabulary } from './queries';
import type { Query } from './queryTypes';
import { ReplayAborted, replayInSlices } from './replay';
import { Checkpoints, CHECKPOINT_INTERVAL_MS } from './checkpoints';
import type { CheckpointKeeper } from './keptCheckpoints';
import { lessonById } from '../../lessons/catalog';
import { applyScenario } from '../../lessons/runner';
import type { Lesson } from '../../lessons/types';

/** One of the learner's own actions on the timeline (not the clock running): when, and what. */
export interface Mark {
  at: number;
  index: number;
  what: Action;
}

export interface HostView {
  time: number;
  /** Where the timeline starts (the cluster's first moment) and ends (the live edge). */
  startTime: number;
  liveTime: number;
  rewound: boolean;
  /** The moment a rewind is being rebuilt for, until it is on screen. */
  rewindingTo?: number;
  logLength: number;
  /** Set when a new cluster replaced the one on screen: the page drops its model and starts over. */
  fresh?: boolean;
  /** Served by `npm run serve`: the server runs the clock; the page's controls set its speed and pause. */
  clock?: ServedClock;
  marks?: Mark[];
  model?: ModelDelta;
  requests?: ApiRequest[];
  /** Answers to watched queries (by key) that changed since the last view. */
  results?: Record<string, unknown>;
  /** What running commands (kubectl get -w) printed since the last view, by stream id. */
  streams?: Record<number, string>;
  /** Streams that ended without the page asking (a rewind or a reset replaced the cluster). */
  endedStreams?: number[];
}

/** A kubectl command that keeps printing (get -w), as the page knows it. */
export interface RunResult extends KubectlResult {
  /** Set while it runs: its later output arrives in views' `streams`, until stopStream(id). */
  stream?: number;
}

/** The most a stream carries in one view: a flood (get pods -A -w while thousands roll) keeps its latest part. */
const MAX_STREAM_CHARS_PER_VIEW = 256 * 1024;

export interface ServedClock {
  speed: number;
  paused: boolean;
}

/** An action the learner took, as the lesson builder records it for a step's solution (../builder). */
export type RecordedAction = { type: 'kubectl'; command: string; exitCode: number; stdin?: string; files?: Record<string, string> } | { type: 'stopNode' | 'startNode'; name: string };

export interface SessionData {
  options: ClusterOptions;
  actions: Action[];
  /**
   * Where the page saves this session (its slot): the host keeps the session's latest
   * checkpoint under it (./keptCheckpoints.ts), and a load reads it back from there.
   */
  key?: string;
}

/**
 * How long one clock tick may run the engine, in wall milliseconds. Nothing draws in this
 * thread, so this is not a frame's budget: it bounds how long a kubectl line typed meanwhile
 * waits for its answer (a burst of work at ×16 makes the simulated clock fall behind instead).
 */
const TICK_BUDGET_MS = 50;

/** How far the served clock may fall behind the wall clock before it stops trying to catch up (ms). */
const MAX_OWED_MS = 5000;

/** The learner's own actions (what undo takes back and the timeline marks), as against the clock running. */
const isMark = (a: Action) => a.type !== 'advance';

export class EngineHost {
  private options: ClusterOptions = { seed: 1, workers: 3 };
  /** None until the page says which (reset, load, open, startLesson): building one nobody asked for would delay the first. */
  private cluster!: EnginePort;
  private startTime = 0;
  /** The whole log while rewound (the cluster itself holds only the part up to the rewind point). */
  private liveLog: Action[] | undefined;
  /**
   * The cluster that was live when the learner rewound, kept as it was: "Back to now" shows it
   * again at once. Dropped when acting in the past forks a new future.
   */
  private liveCluster: EnginePort | undefined;
  /** A rewind or a load being rebuilt in slices; a newer one, or any action, cancels it. */
  private inFlight: AbortController | undefined;
  private rewindingTo: number | undefined;
  /** Copies of the live cluster every few simulated minutes: a rewind replays from the nearest. */
  private checkpoints = new Checkpoints();
  private requests: ApiRequest[] = [];
  private unsubscribe: (() => void) | undefined;
  private namespaces: string[] = [];
  private showSystem = false;
  private podSelector: Selector = [];
  private readonly encoder = new ModelEncoder();
  private readonly watches = new Map<string, Query>();
  private readonly answered = new Map<string, string>();
  private marksSent = '';
  private fresh = true;
  private dirty = true;
  /** Set by `npm run serve`: the server drives the clock in real time (src/server/engineRunner.ts). */
  private served: ServedClock | undefined;
  private clockSent = '';
  private owedMs = 0;
  /** Watches of real clients on the cluster on screen: a new cluster (a rewind, a reset) ends them, and the clients list again. */
  private readonly openWatches = new Set<{ close(): void }>();
  /** Commands still printing (kubectl get -w), with what they printed since the last view. */
  private readonly streams = new Map<number, { text: string; stop(): void }>();
  private nextStream = 1;
  private endedStreams: number[] = [];
  /** Set by a command: the view sent with its answer leaves the streams' new text for the next one. */
  private holdStreams = false;

  /** Where the latest checkpoint is kept across reloads, under `keepKey` (none: nothing is kept). */
  private keepKey: string | undefined;
  /** When the kept checkpoint was taken (simulated ms): a newer one is kept once an interval later. */
  private keptAt = -Infinity;

  constructor(
    private readonly push: (view: HostView) => void,
    private readonly keeper?: CheckpointKeeper,
  ) {}

  // ---- clusters ----

  private adopt(c: EnginePort): void {
    for (const w of [...this.openWatches]) w.close();
    this.openWatches.clear();
    // A running get -w watched the cluster that is going: it ends, as kubectl's does when its server goes.
    for (const [id, entry] of this.streams) {
      entry.stop();
      this.endedStreams.push(id);
    }
    this.streams.clear();
    this.unsubscribe?.();
    this.cluster = c;
    this.requests = [];
    this.unsubscribe = c.onRequest((r) => {
      if (this.requests.length < 500) this.requests.push(r);
    });
    this.encoder.reset();
    this.answered.clear();
    this.marksSent = '';
    this.fresh = true;
    this.dirty = true;
  }

  private cancelInFlight(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
    if (this.rewindingTo !== undefined) this.dirty = true;
    this.rewindingTo = undefined;
  }

  /** Any action taken while rewound starts a new future from here. */
  private fork(): void {
    this.cancelInFlight();
    // The checkpoints after the moment on screen belonged to the future that is dropped.
    if (this.liveLog) this.checkpoints.dropAfter(this.cluster.now());
    this.liveLog = undefined;
    this.liveCluster = undefined;
  }

  private begin(options: ClusterOptions, c: EnginePort, checkpoints = new Checkpoints(), copyNow = true): void {
    this.fork();
    this.options = options;
    this.adopt(c);
    this.startTime = c.actionLog()[0]?.at ?? c.now();
    this.checkpoints = checkpoints;
    if (copyNow) this.checkpoints.note(c);
    this.keepLatest();
  }

  /**
   * The page saves the cluster on screen under `key` from now on (its slot; none when nothing is
   * saved, e.g. served): its latest checkpoint is kept there too, for the next reload.
   */
  keepAs(key: string | undefined): void {
    if (key !== this.keepKey) this.keptAt = -Infinity;
    this.keepKey = key;
    this.keepLatest();
  }

  /** Keeps the latest checkpoint (in the background) when it is new. */
  private keepLatest(): void {
    const latest = this.checkpoints.latest();
    if (!this.keeper || this.keepKey === undefined || this.served || !latest || latest.at < this.keptAt + CHECKPOINT_INTERVAL_MS) return;
    this.keptAt = latest.at;
    this.keeper.keep(this.keepKey, this.options, latest);
  }

  /**
   * The cluster as it was at `time` after the first `applied` log entries, built at once: from a
   * copy of the nearest checkpoint when there is one (replaying at most one interval), else by a
   * replay from the start.
   */
  private rebuild(log: Action[], time: number): EnginePort {
    const from = this.checkpoints.before(time);
    const copy = from && this.copyOf(from.cluster);
    if (!from || !copy) return rebuildCluster(this.options, log, time);
    copy.replayTo(log, time, from.applied);
    return copy;
  }

  private copyOf(c: EnginePort): EnginePort | undefined {
    try {
      return c.fork();
    } catch (e) {
      if (e instanceof NotForkable) return undefined;
      throw e;
    }
  }

  /** A fresh cluster of this shape (by default, the shape of the one on screen). */
  reset(options: ClusterOptions = this.options): void {
    const o = this.onWallClock(options);
    this.begin(o, createCluster(o));
  }

  /**
   * Served, a new cluster starts at the wall clock's present (less its boot): real kubectl
   * computes describe's ages and `logs --since` from its own clock, so the simulated one must
   * agree with it.
   */
  private onWallClock(options: ClusterOptions): ClusterOptions {
    if (!this.served) return options;
    const boot = options.bootSeconds ?? 300;
    return { ...options, startTime: Math.floor(Date.now() / 1000) * 1000 - boot * 1000 };
  }

  /**
   * Rebuilds a saved or shared session in slices (progress reported to `onProgress`); a
   * `cancelLoad` or any other command stops it. Throws ReplayAborted when stopped, and whatever
   * the replay threw when the log cannot be replayed; the cluster on screen is then unchanged.
   * Starts from the session's kept checkpoint when one fits (`key`), and says which it did.
   */
  async load(session: SessionData, onProgress: (done: number) => void): Promise<'checkpoint' | 'replay'> {
    this.fork();
    const abort = new AbortController();
    this.inFlight = abort;
    try {
      // The session's kept checkpoint, when it fits: only what came after it is replayed.
      const from = session.key !== undefined ? await this.keeper?.restore(session.key, session.options, session.actions) : undefined;
      if (this.inFlight !== abort) throw new ReplayAborted();
      // Checkpoints are kept on the way, so rewinding the loaded session needs no replay from its start.
      // From a kept checkpoint the way is short: the first copy waits for the clock's first tick,
      // so the cluster is on screen sooner (a copy of 3,000 pods takes a few hundred ms).
      const checkpoints = new Checkpoints();
      const c = await replayInSlices(session.options, session.actions, onProgress, abort.signal, { from, onMoment: from ? undefined : (m, work) => checkpoints.note(m, work) });
      if (this.inFlight !== abort) throw new ReplayAborted();
      this.inFlight = undefined;
      if (session.key !== undefined) this.keepAs(session.key);
      // What was read back is kept already: the next is written an interval later.
      if (from) this.keptAt = from.at;
      this.begin(session.options, c, checkpoints, !from);
      // Once the cluster is on screen (the answer goes first), its first copy: a rewind soon after needs no replay from the start.
      if (from) setTimeout(() => this.cluster === c && !this.liveLog && this.checkpoints.note(c), 0);
      return from ? 'checkpoint' : 'replay';
    } finally {
      if (this.inFlight === abort) this.inFlight = undefined;
    }
  }

  cancelLoad(): void {
    this.cancelInFlight();
  }

  /** Rebuilds a session at once (a scenario file the learner opened); throws if it cannot be replayed. */
  open(session: SessionData): void {
    this.begin(session.options, rebuildCluster(session.options, session.actions));
  }

  /** A lesson's starting cluster, as its scenario describes it (the lessons' own runner builds it). */
  startLesson(id: string): void {
    const lesson = lessonById(id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    this.startScenario(lesson.scenario);
  }

  /**
   * A lesson's starting cluster from its scenario as data (an imported lesson's, checked by
   * ../../lessons/lessonValidation.ts): manifests applied, or an authored lesson's recorded log
   * replayed. Throws, leaving the cluster on screen as it was, when the engine refuses the log.
   */
  startScenario(scenario: Lesson['scenario']): void {
    if (scenario.actions) {
      const recorded = this.onWallClock(scenario.cluster);
      // Served, the recorded log moves with the cluster's start to the wall clock's present.
      const shift = (recorded.startTime ?? DEFAULT_START) - (scenario.cluster.startTime ?? DEFAULT_START);
      const actions = shift ? scenario.actions.map((a) => ({ ...a, at: a.at + shift })) : scenario.actions;
      this.begin(recorded, rebuildCluster(recorded, actions));
      return;
    }
    const options = this.onWallClock(scenario.cluster);
    this.begin(options, createCluster(options));
    applyScenario(this.cluster, { scenario });
  }

  // ---- commands (recorded in the action log) ----

  run(command: string, files?: Record<string, string>, stdin?: string): RunResult {
    this.fork();
    this.dirty = true;
    // What a running get -w prints because of this command follows the command's own answer on screen.
    this.holdStreams = true;
    const entry = { text: '', stop: () => {} };
    const stream = {
      write: (text: string) => {
        entry.text += text;
        if (entry.text.length > MAX_STREAM_CHARS_PER_VIEW) entry.text = entry.text.slice(-MAX_STREAM_CHARS_PER_VIEW);
        this.dirty = true;
      },
      onStop: (stop: () => void) => void (entry.stop = stop),
    };
    const result = this.cluster.kubectl(command, { ...(files ? { files } : {}), ...(stdin !== undefined ? { stdin } : {}), stream });
    if (!result.streaming) return result;
    const id = this.nextStream++;
    this.streams.set(id, entry);
    return { ...result, stream: id };
  }

  /** Ctrl+C on a running command: it stops printing. */
  stopStream(id: number): void {
    const entry = this.streams.get(id);
    if (!entry) return;
    this.streams.delete(id);
    entry.stop();
  }

  /** Lets `seconds` of simulated time run, within this thread's budget per tick. */
  tick(seconds: number): void {
    // Served: the server's own timer runs the clock (driveClock); a page's ticks would run it twice.
    if (this.served) return;
    this.fork();
    const started = performance.now();
    const deadline = started + TICK_BUDGET_MS;
    this.cluster.advance(seconds, () => performance.now() > deadline);
    this.checkpoints.note(this.cluster, performance.now() - started);
    this.keepLatest();
    this.dirty = true;
  }

  step(): void {
    this.fork();
    this.cluster.step();
    this.dirty = true;
  }

  stopNode(name: string): void {
    this.fork();
    this.cluster.stopNode(name);
    this.dirty = true;
  }

  startNode(name: string): void {
    this.fork();
    this.cluster.startNode(name);
    this.dirty = true;
  }

  // ---- real clients (`npm run serve`) ----

  /** Makes this host the served one: the clock is the server's to run, at `speed`, from now on. */
  serveClock(clock: ServedClock): void {
    this.served = { ...clock };
    this.dirty = true;
  }

  /** Whether `npm run serve` runs this host (the server's clock, real clients). */
  isServed(): boolean {
    return !!this.served;
  }

  /** The page's time controls, when served: they set the server's clock for every page attached. */
  setClock(clock: Partial<ServedClock>): void {
    if (!this.served) return;
    if (clock.speed !== undefined && Number.isFinite(clock.speed) && clock.speed > 0 && clock.speed <= 64) this.served.speed = clock.speed;
    if (clock.paused !== undefined) this.served.paused = !!clock.paused;
    this.dirty = true;
  }

  /** The server's timer: `wallMs` of real time passed; runs the clock unless paused or rewound. */
  driveClock(wallMs: number): void {
    if (!this.served || this.served.paused || this.liveLog || !this.cluster) return;
    // Time a busy tick could not cover is owed to the next ones, so the simulated clock keeps
    // to the wall clock (up to a few seconds behind when the engine cannot keep up).
    this.owedMs = Math.min(this.owedMs + wallMs * this.served.speed, MAX_OWED_MS);
    const deadline = performance.now() + TICK_BUDGET_MS;
    const covered = this.cluster.advance(Math.floor(this.owedMs) / 1000, () => performance.now() > deadline);
    this.owedMs -= covered * 1000;
    this.dirty = true;
  }

  /** Read-only kubectl on the cluster on screen (not recorded): what the conformance tests compare real kubectl with. */
  query(command: string): KubectlResult {
    return this.cluster.query(command);
  }

  /** The served API's watch cache fill per type (the server's memory stays bounded by it). */
  watchCacheSizes(): Record<string, number> {
    return this.cluster.watchCacheSizes();
  }

  /** Runs the clock `seconds` at once, served or not (tests: an hour of simulated time in a moment). */
  runFor(seconds: number): void {
    this.fork();
    this.cluster.advance(seconds);
    this.dirty = true;
  }

  /** A real client's request: a write made while rewound starts a new future from the moment on screen. */
  serve(request: RestRequest): RestResponse {
    if (RestApi.changes(request)) {
      this.fork();
      this.dirty = true;
    }
    return this.cluster.serve(request);
  }

  /** A real client's watch; `onEnd` is told when the host ends it (a new cluster replaced the one watched). */
  watchApi(request: RestRequest, send: (e: WatchEvent) => void, onEnd: () => void): OpenedWatch | { error: RestResponse } {
    const opened = this.cluster.watch(request, send);
    if ('error' in opened) return opened;
    const entry = {
      close: () => {
        if (!this.openWatches.delete(entry)) return;
        opened.stream.close();
        onEnd();
      },
    };
    this.openWatches.add(entry);
    const stream = {
      close: () => {
        this.openWatches.delete(entry);
        opened.stream.close();
      },
    };
    return { ...opened, stream };
  }

  // ---- the timeline ----

  /** Shows the cluster as it was at `time`; the view says `rewindingTo` until it is on screen. */
  rewind(time: number): void {
    if (!this.liveLog) {
      this.liveLog = this.cluster.actionLog();
      this.liveCluster = this.cluster;
    }
    const target = Math.max(this.startTime, time);
    this.cancelInFlight();
    this.dirty = true;
    const checkpoint = this.checkpoints.before(target);
    // Forward from a moment already rebuilt, when no checkpoint is nearer: only the difference
    // is replayed (the same bytes as a replay from the start).
    if (this.cluster !== this.liveCluster && target >= this.cluster.now() && !(checkpoint && checkpoint.at > this.cluster.now())) {
      this.cluster.replayTo(this.liveLog, target);
      return;
    }
    // Otherwise from a copy of the nearest checkpoint (or from the start), in slices, so this
    // thread keeps answering (a newer rewind, sent while the timeline is dragged, cancels this one).
    const abort = new AbortController();
    this.inFlight = abort;
    this.rewindingTo = target;
    const log = this.liveLog;
    const copy = checkpoint && this.copyOf(checkpoint.cluster);
    const from = checkpoint && copy ? { cluster: copy, applied: checkpoint.applied } : undefined;
    replayInSlices(this.options, log, () => {}, abort.signal, { until: target, from }).then(
      (rebuilt) => {
        if (this.inFlight !== abort) return;
        this.inFlight = undefined;
        this.rewindingTo = undefined;
        this.adopt(rebuilt);
        this.flush();
      },
      (e) => {
        if (!(e instanceof ReplayAborted)) throw e;
      },
    );
  }

  /** When the kept checkpoints were taken (simulated ms), oldest first: for tests and the bench. */
  checkpointTimes(): number[] {
    return this.checkpoints.times();
  }

  /** Back to the latest moment, undoing a rewind that was only looked at. */
  backToLive(): void {
    this.cancelInFlight();
    if (!this.liveLog) return;
    const log = this.liveLog;
    const live = this.liveCluster;
    this.liveLog = undefined;
    this.liveCluster = undefined;
    this.adopt(live ?? rebuildCluster(this.options, log));
  }

  /**
   * Rebuilds the cluster as it was at `time` — with only the first `actions` entries of the log,
   * when given, so what was done at that very instant afterwards is dropped too — and carries on
   * from there (the future is dropped).
   */
  restoreTo(time: number, actions?: number): void {
    const log = this.liveLog ?? this.cluster.actionLog();
    this.fork();
    this.checkpoints.dropAfter(time);
    this.adopt(this.rebuild(actions === undefined ? log : log.slice(0, actions), time));
  }

  /** Takes back the learner's last action: the cluster as it was just before it. False when there is none. */
  undoLast(): boolean {
    const log = this.liveLog ?? this.cluster.actionLog();
    let i = log.length - 1;
    while (i >= 0 && !isMark(log[i])) i--;
    if (i < 0) return false;
    this.restoreTo(log[i].at, i);
    return true;
  }

  /** A page (re)attaches: the next view carries everything, as to a page that has seen nothing. */
  attach(): void {
    this.encoder.reset();
    this.answered.clear();
    this.marksSent = '';
    this.fresh = true;
    this.dirty = true;
  }

  // ---- reads ----

  /** The present timeline: while rewound, the whole log (the cluster itself holds only the past). */
  session(): SessionData {
    return { options: this.options, actions: this.liveLog ?? this.cluster.actionLog() };
  }

  /**
   * What the learner did from log entry `from` on (the lesson builder records a step's solution
   * this way): kubectl commands with the exit code each ended with, and machines switched off or
   * on. Only the files a command names (`-f web.yaml`) are kept with it.
   */
  actionsSince(from: number): RecordedAction[] {
    const log = (this.liveLog ?? this.cluster.actionLog()).slice(Math.max(0, from));
    // The engine keeps outcomes in the order it ran the commands; the latest ones match the log's latest commands.
    const commands = log.filter((a) => a.type === 'kubectl');
    const outcomes = this.cluster.commandOutcomes(0).slice(-commands.length);
    const skipped = commands.length - outcomes.length;
    let k = 0;
    const out: RecordedAction[] = [];
    for (const a of log) {
      if (a.type === 'stopNode' || a.type === 'startNode') out.push({ type: a.type, name: a.name });
      if (a.type !== 'kubectl') continue;
      const i = k++ - skipped;
      const outcome = i >= 0 ? outcomes[i] : undefined;
      const files = a.files ? Object.entries(a.files).filter(([name]) => a.command.includes(name)) : [];
      out.push({ type: 'kubectl', command: a.command, exitCode: outcome?.exitCode ?? -1, ...(a.stdin !== undefined ? { stdin: a.stdin } : {}), ...(files.length ? { files: Object.fromEntries(files) } : {}) });
    }
    return out;
  }

  position(): { now: number; logLength: number } {
    return { now: this.cluster.now(), logLength: (this.liveLog ?? this.cluster.actionLog()).length };
  }

  vocabulary(): { verbs: string[]; resources: string[] } {
    return vocabulary();
  }

  objectNames(resource: string, namespace: string): string[] {
    return objectNames(this.cluster, resource, namespace);
  }

  /** Which namespaces and pods the diagram shows; a label filter that does not parse changes nothing and says why. */
  setFilter(namespaces: string[], showSystem: boolean, labels: string): { error?: string } {
    try {
      this.podSelector = parseSelector(labels);
    } catch (e) {
      if (!(e instanceof SelectorParseError)) throw e;
      return { error: e.message };
    }
    this.namespaces = namespaces;
    this.showSystem = showSystem;
    this.dirty = true;
    return {};
  }

  watch(key: string, query: Query): void {
    this.watches.set(key, query);
    this.answered.delete(key);
    this.dirty = true;
  }

  unwatch(key: string): void {
    this.watches.delete(key);
    this.answered.delete(key);
  }

  // ---- the view ----

  /** The namespaces the diagram shows: the page's own rule (../store/visibleNamespaces.ts), over this cluster's namespaces. */
  private visibleNamespaces(): string[] {
    const all = this.cluster.list('namespaces').map((n) => n.metadata.name!);
    return visibleNamespaces(all, this.namespaces, this.showSystem);
  }

  /** Sends what changed since the last view, if anything did (called after every command). */
  flush(): void {
    if (!this.dirty || !this.cluster) return;
    this.dirty = false;
    const c = this.cluster;
    const log = this.liveLog ?? c.actionLog();
    const last = this.liveLog?.[this.liveLog.length - 1];
    const liveEdge = last ? (last.type === 'advance' ? last.at + last.seconds * 1000 : last.at) : c.now();
    const view: HostView = { time: c.now(), startTime: this.startTime, liveTime: Math.max(liveEdge, c.now()), rewound: !!this.liveLog, logLength: log.length };
    if (this.rewindingTo !== undefined) view.rewindingTo = this.rewindingTo;
    if (this.fresh) view.fresh = true;
    this.fresh = false;
    if (this.served) {
      const key = `${this.served.speed}:${this.served.paused}`;
      if (key !== this.clockSent || view.fresh) view.clock = { ...this.served };
      this.clockSent = key;
    }
    // While a rewind is being rebuilt, the picture stays as it was until the moment arrives.
    if (this.rewindingTo === undefined) {
      const model = this.encoder.encode(buildDiagramModel(c, this.visibleNamespaces(), this.podSelector));
      if (model) view.model = model;
      if (this.requests.length) {
        view.requests = this.requests;
        this.requests = [];
      }
      const results: Record<string, unknown> = {};
      let any = false;
      for (const [key, q] of this.watches) {
        const answer = evaluate(c, q);
        const text = JSON.stringify(answer) ?? 'undefined';
        if (this.answered.get(key) === text) continue;
        this.answered.set(key, text);
        results[key] = answer;
        any = true;
      }
      if (any) view.results = results;
    }
    if (this.holdStreams) {
      this.holdStreams = false;
      if ([...this.streams.values()].some((e) => e.text)) {
        this.dirty = true;
        // Sent right after the answer, whether or not the clock is running.
        setTimeout(() => this.flush(), 0);
      }
    } else {
      for (const [id, entry] of this.streams) {
        if (!entry.text) continue;
        (view.streams ??= {})[id] = entry.text;
        entry.text = '';
      }
    }
    if (this.endedStreams.length) {
      view.endedStreams = this.endedStreams;
      this.endedStreams = [];
    }
    // The marks change only with the log (the clock's advances merge into its last entry).
    const tail = log[log.length - 1];
    const marksKey = `${log.length}:${tail?.type}:${tail?.at}`;
    if (marksKey !== this.marksSent) {
      this.marksSent = marksKey;
      view.marks = [];
      log.forEach((what, index) => {
        if (isMark(what)) view.marks!.push({ at: what.at, index, what });
      });
    }
    this.push(view);
  }
}
