/**
 * Checkpoints of the live cluster, for rewinding without replaying the whole session: every
 * few simulated minutes the host keeps an in-memory copy of the cluster (EnginePort.fork). A
 * rewind copies the latest checkpoint before the moment asked for and replays only the rest
 * (at most one interval), which gives the very same cluster as a replay from the start — the
 * engine is deterministic and a copy is exact (src/engine/cluster/fork.test.ts).
 *
 * Why copies in memory rather than snapshots as data: a copy is several times faster to take
 * and to use than an image written and read back (./keptCheckpoints.ts keeps only the latest as
 * data, for reloads). The price is memory, so the list fits a budget; when it is full the copy
 * whose going costs rewinds least goes (the one between the two lightest stretches of work).
 */
import { NotForkable, type EnginePort } from '../../engine/port';

export interface Checkpoint {
  /** Simulated time of the copy. */
  at: number;
  /** Wall ms the engine worked between the previous checkpoint and this one: what a rewind replays at most from the previous one. */
  work: number;
  /** How many entries of the action log it had applied (an action at that very instant may follow). */
  applied: number;
  cluster: EnginePort;
}

/** Simulated time between checkpoints: replaying one interval of a 100-node session takes well under a second. */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;
/**
 * Engine work (wall ms) after which a copy is kept sooner than the interval: a burst (3,000 pods
 * scheduled, a node's pods evicted) costs as much to replay as it cost to run, so bounding the
 * work between copies bounds a rewind's replay, not just its simulated span.
 */
export const CHECKPOINT_WORK_MS = 300;
/** Simulated time between two copies at least, however busy the engine (a copy costs work too). */
const MIN_SPACING_MS = 10_000;
/**
 * How much memory the copies may take together, and what one takes per pod (measured: a copy of
 * a 100-node, 3,000-pod cluster is about 11 MB — the stored objects themselves are shared, not
 * copied). A 3,000-pod session keeps two hours at full spacing; a larger cluster keeps fewer.
 */
const MEMORY_BUDGET_BYTES = 400e6;
const BYTES_PER_POD = 4000;
const MIN_CHECKPOINTS = 4;
export const MAX_CHECKPOINTS = 32;

export class Checkpoints {
  private list: Checkpoint[] = [];
  /** Engine work since the newest checkpoint. */
  private work = 0;
  /** Set when the cluster could not be copied (e.g. it serves real clients): rewinds replay from the start. */
  private unavailable = false;

  constructor(
    private readonly intervalMs = CHECKPOINT_INTERVAL_MS,
    /** A fixed bound (tests); by default it follows the memory budget. */
    private readonly fixedMax?: number,
  ) {}

  /** How many copies of this cluster fit the memory budget. */
  private maxFor(live: EnginePort): number {
    if (this.fixedMax !== undefined) return this.fixedMax;
    const perCopy = (live.list('pods').length + 100) * BYTES_PER_POD;
    return Math.max(MIN_CHECKPOINTS, Math.min(MAX_CHECKPOINTS, Math.floor(MEMORY_BUDGET_BYTES / perCopy)));
  }

  /**
   * The live cluster moved on, the engine having worked `workMs` (wall) for it since the last
   * call: keeps a copy once the last one is an interval old, or sooner after much work.
   */
  note(live: EnginePort, workMs = 0): void {
    if (this.unavailable) return;
    this.work += workMs;
    const last = this.list[this.list.length - 1];
    const since = last ? live.now() - last.at : Infinity;
    if (since < this.intervalMs && !(this.work >= CHECKPOINT_WORK_MS && since >= MIN_SPACING_MS)) return;
    let copy: EnginePort;
    try {
      copy = live.fork();
    } catch (e) {
      if (!(e instanceof NotForkable)) throw e;
      this.unavailable = true;
      this.list = [];
      return;
    }
    this.list.push({ at: live.now(), work: last ? this.work : 0, applied: live.actionLog().length, cluster: copy });
    this.work = 0;
    const max = this.maxFor(live);
    while (this.list.length > max && this.list.length > 2) this.thin();
  }

  /** The latest checkpoint at or before `time`, if any. */
  before(time: number): Checkpoint | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i].at <= time) return this.list[i];
    return undefined;
  }

  /** The timeline was cut at `time` (acting in the past, undo): later copies belong to a future that is gone. */
  dropAfter(time: number): void {
    this.list = this.list.filter((c) => c.at < time);
    this.work = 0;
  }

  /** A different cluster (reset, load, lesson): none of the copies apply. */
  clear(): void {
    this.list = [];
    this.work = 0;
    this.unavailable = false;
  }

  /** The newest checkpoint, if any. */
  latest(): Checkpoint | undefined {
    return this.list[this.list.length - 1];
  }

  times(): number[] {
    return this.list.map((c) => c.at);
  }

  /**
   * One copy too many: drops the one whose going costs rewinds least — the copy between the two
   * lightest gaps, where the merged gap's replay is the least work (never the first or newest).
   */
  private thin(): void {
    let best = -1;
    let bestWork = Infinity;
    for (let i = 1; i < this.list.length - 1; i++) {
      const merged = this.list[i].work + this.list[i + 1].work;
      if (merged < bestWork) {
        bestWork = merged;
        best = i;
      }
    }
    if (best < 0) return;
    this.list[best + 1] = { ...this.list[best + 1], work: bestWork };
    this.list.splice(best, 1);
  }
}
