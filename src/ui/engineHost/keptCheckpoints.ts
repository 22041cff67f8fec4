/**
 * The latest checkpoint of a saved session, kept across page reloads: a reload shows a long
 * session by reading that checkpoint back and replaying only what came after it (at most one
 * checkpoint interval), instead of replaying the whole log from the start.
 *
 * The checkpoint is written as data (EnginePort.imageWriter) in small steps between the
 * worker's other work — a kubectl line typed meanwhile still answers at once — and stored under
 * the session's slot. It is only used when everything about it agrees with the session being
 * loaded: the same build of the app (an image names the classes of the build that wrote it),
 * the same cluster options, and a log that starts with exactly what the checkpoint had applied.
 * Anything else (another build, a cut or edited log, a damaged or missing entry, storage
 * refused) means a replay from the start, as before; never a different cluster.
 */
import { restoreCluster, type ClusterOptions, type EnginePort, type GraphImage, type Action } from '../../engine/port';
import type { Checkpoint } from './checkpoints';

export interface KeptCheckpoint {
  /** The build that wrote it: another build may have different classes (and cannot read it). */
  build: string;
  options: ClusterOptions;
  at: number;
  applied: number;
  image: GraphImage;
}

/** Where kept checkpoints live: IndexedDB in the page's worker (./engine.worker.ts), a Map in tests. */
export interface CheckpointStore {
  read(key: string): Promise<KeptCheckpoint | undefined>;
  write(key: string, value: KeptCheckpoint): Promise<void>;
}

/** Wall time one step of writing may take: a command typed meanwhile waits at most this long. */
const STEP_MS = 12;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class CheckpointKeeper {
  /** The write in progress: a newer checkpoint replaces it (only the latest is worth keeping). */
  private job: object | undefined;
  private running: Promise<void> = Promise.resolve();
  /** How many loads used a kept checkpoint (tests and the bench read it). */
  restored = 0;

  constructor(
    private readonly store: CheckpointStore,
    private readonly build: string,
  ) {}

  /** Writes `checkpoint` under `key` in the background (replacing any write not yet done). */
  keep(key: string, options: ClusterOptions, checkpoint: Checkpoint): void {
    const job = {};
    this.job = job;
    this.running = this.write(job, key, options, checkpoint);
  }

  /** Resolves once nothing is being written (tests). */
  idle(): Promise<void> {
    return this.running;
  }

  private async write(job: object, key: string, options: ClusterOptions, { at, applied, cluster }: Checkpoint): Promise<void> {
    try {
      const writer = cluster.imageWriter();
      for (;;) {
        const deadline = performance.now() + STEP_MS;
        if (writer.step(() => performance.now() > deadline)) break;
        await nextTurn();
        if (this.job !== job) return;
      }
      await this.store.write(key, { build: this.build, options, at, applied, image: writer.image() });
    } catch {
      // A cluster that cannot be kept (it serves real clients) or storage that refused (full,
      // private mode): the next reload replays from the start, as it always could.
    } finally {
      if (this.job === job) this.job = undefined;
    }
  }

  /**
   * The kept checkpoint of `key`, read back, when it belongs to this session: the cluster, how
   * many entries of `actions` it had applied, and when it was taken. Undefined when none fits.
   */
  async restore(key: string, options: ClusterOptions, actions: Action[]): Promise<{ cluster: EnginePort; applied: number; at: number } | undefined> {
    let kept: KeptCheckpoint | undefined;
    try {
      kept = await this.store.read(key);
    } catch (e) {
      return unused(`storage refused (${String(e)})`);
    }
    if (!kept) return undefined;
    if (kept.build !== this.build) return unused(`written by build ${kept.build}`);
    if (stable(kept.options) !== stable(options)) return unused('other cluster options');
    if (!(kept.applied <= actions.length)) return unused('the log is shorter than the checkpoint');
    let cluster: EnginePort;
    try {
      cluster = restoreCluster(kept.image);
      if (cluster.now() !== kept.at || !startsWith(actions, cluster.actionLog())) return unused('the log does not start with what the checkpoint had done');
    } catch (e) {
      // Damaged (a truncated write, a browser that lost part of it): replayed from the start instead.
      return unused(`unreadable (${String(e)})`);
    }
    this.restored++;
    return { cluster, applied: kept.applied, at: kept.at };
  }
}

/** Says in the console why a kept checkpoint was passed over (a developer's question; the learner sees a replay). */
function unused(why: string): undefined {
  console.info(`kept checkpoint not used: ${why}`);
  return undefined;
}

/**
 * Whether `actions` begins with what the checkpoint had applied. Its last entry may be the
 * clock running, which went on after the checkpoint (one advance entry until the next action).
 */
function startsWith(actions: Action[], done: Action[]): boolean {
  for (let i = 0; i < done.length; i++) {
    const a = done[i];
    const b = actions[i];
    if (i === done.length - 1 && a.type === 'advance' && b.type === 'advance' && a.at === b.at && b.seconds >= a.seconds) continue;
    if (stable(comparable(a)) !== stable(comparable(b))) return false;
  }
  return true;
}

/**
 * An action as a saved session keeps it: a command carries only the editor's files it names
 * (../store/session.ts), the only ones it can read; the engine's log carries them all.
 */
function comparable(a: Action): Action {
  if (a.type !== 'kubectl' || !a.files) return a;
  const named = Object.entries(a.files).filter(([name]) => a.command.includes(name));
  const { files: _all, ...rest } = a;
  return named.length ? { ...rest, files: Object.fromEntries(named) } : rest;
}

/** JSON with keys in order: the same data compares equal however it was built. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v));
}
