/**
 * Checkpoints of the live cluster, for rewinding without replaying the whole session: every
 * few simulated minutes the host keeps an in-memory copy of the cluster (EnginePort.fork). A
 * rewind copies the latest checkpoint before the moment asked for and replays only the rest
 * (at most one interval), which gives the very same cluster as a replay from the start — the
 * engine is deterministic and a copy is exact (src/engine/cluster/fork.test.ts).
 *
 * Why copies in memory rather than snapshots as data: a copy is several times faster to take
 * and to use than an image written and read back (./keptCheckpoints.ts keeps only the latest as
 * data, for reloads). The price is memory, so the list fits a budget — when full, every other
 * older checkpoint goes, and the oldest part of a long session is spaced more widely.
 */
import { NotForkable, type EnginePort } from '../../engine/port';

export interface Checkpoint {
  /** Simulated time of the copy. */
  at: number;
  /** How many entries of the action log it had applied (an action at that very instant may follow). */
  applied: number;
  cluster: EnginePort;
}

/** Simulated time between checkpoints: replaying one interval of a 100-node session takes well under a second. */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;
/**
 * How much memory the copies may take together, and what one takes per pod (measured: a copy of
 * a 100-node, 3,000-pod cluster is about 11 MB — the stored objects themselves are shared, not
 * copied). A 3,000-pod session keeps two hours at full spacing; a larger cluster keeps fewer.
 */
const MEMORY_BUDGET_BYTES = 300e6;
const BYTES_PER_POD = 4000;
const MIN_CHECKPOINTS = 4;
export const MAX_CHECKPOINTS = 32;

export class Checkpoints {
  private list: Checkpoint[] = [];
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

  /** The live cluster moved on: keeps a copy once the last one is an interval old. */
  note(live: EnginePort): void {
    if (this.unavailable) return;
    const last = this.list[this.list.length - 1];
    const sinceStart = last ? live.now() - last.at : Infinity;
    if (sinceStart < this.intervalMs) return;
    let copy: EnginePort;
    try {
      copy = live.fork();
    } catch (e) {
      if (!(e instanceof NotForkable)) throw e;
      this.unavailable = true;
      this.list = [];
      return;
    }
    this.list.push({ at: live.now(), applied: live.actionLog().length, cluster: copy });
    if (this.list.length > this.maxFor(live)) this.thin();
  }

  /** The latest checkpoint at or before `time`, if any. */
  before(time: number): Checkpoint | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i].at <= time) return this.list[i];
    return undefined;
  }

  /** The timeline was cut at `time` (acting in the past, undo): later copies belong to a future that is gone. */
  dropAfter(time: number): void {
    this.list = this.list.filter((c) => c.at < time);
  }

  /** A different cluster (reset, load, lesson): none of the copies apply. */
  clear(): void {
    this.list = [];
    this.unavailable = false;
  }

  /** The newest checkpoint, if any. */
  latest(): Checkpoint | undefined {
    return this.list[this.list.length - 1];
  }

  times(): number[] {
    return this.list.map((c) => c.at);
  }

  /** Keeps the newer half as it is and every other checkpoint of the older half. */
  private thin(): void {
    const half = Math.floor(this.list.length / 2);
    this.list = [...this.list.slice(0, half).filter((_, i) => i % 2 === 0), ...this.list.slice(half)];
  }
}
