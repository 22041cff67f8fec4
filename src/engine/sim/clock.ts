/**
 * The simulated clock and its event queue.
 *
 * Nothing in the engine reads the wall clock: every delay (an image pull, a heartbeat, a
 * back-off) is a task scheduled on this queue, and time only moves when the owner calls
 * `runUntil`. Tasks due at the same millisecond run in the order they were scheduled, so a
 * seed plus the same actions always gives the same history.
 */
import { BinaryHeap } from '../util/heap';
import { persistent } from './persistable';

export interface ScheduledTask {
  at: number;
  seq: number;
  /** Who scheduled it, for the timeline and for debugging ("kubelet/worker-1", "scheduler"). */
  owner: string;
  run: () => void;
  cancelled: boolean;
}

/** Earliest first; tasks due at the same instant in the order they were scheduled. */
const byDueTime = persistent('clock.byDueTime', (a: ScheduledTask, b: ScheduledTask) => a.at < b.at || (a.at === b.at && a.seq < b.seq));

export class SimClock {
  // Earlier first; at the same millisecond, in the order scheduled.
  private heap = new BinaryHeap<ScheduledTask>(byDueTime);
  private seq = 0;
  private current: number;
  /**
   * Tasks that threw. One broken task must not stop the cluster (the UI keeps running); tests
   * assert this stays empty.
   */
  readonly failures: { owner: string; at: number; error: string }[] = [];
  /**
   * Errors a component caught and recovered from (a work queue's sync that will be retried, a
   * watcher that threw): not failures of the clock, kept (the last 100) for tests and debugging.
   */
  readonly contained: { owner: string; at: number; error: string }[] = [];

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Schedules `run` at absolute simulated time `at` (never earlier than now), in whole milliseconds. */
  at(at: number, owner: string, run: () => void): ScheduledTask {
    const task: ScheduledTask = { at: Math.max(Math.ceil(at), this.current), seq: this.seq++, owner, run, cancelled: false };
    this.heap.push(task);
    return task;
  }

  after(delayMs: number, owner: string, run: () => void): ScheduledTask {
    return this.at(this.current + delayMs, owner, run);
  }

  cancel(task: ScheduledTask | undefined): void {
    if (task) task.cancelled = true;
  }

  /** Time of the next task still to run, or undefined when idle. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.at;
  }

  pending(): number {
    return this.heap.size;
  }

  /** Runs every task due up to and including `until`, then sets the clock to `until`. */
  /**
   * Runs every task due up to `until`, then sets the clock there. `shouldStop`, asked before
   * each new millisecond, lets a caller with a frame to draw stop early: the clock then rests
   * on the last millisecond whose tasks all ran, so a replay that advances to that instant runs
   * exactly the same tasks. Returns false when it stopped early.
   */
  runUntil(until: number, shouldStop?: () => boolean): boolean {
    until = Math.floor(until);
    for (;;) {
      this.dropCancelled();
      const top = this.heap.peek();
      if (!top || top.at > until) break;
      if (shouldStop && top.at > this.current && shouldStop()) return false;
      this.heap.pop();
      this.current = top.at;
      this.runTask(top);
    }
    if (until > this.current) this.current = until;
    return true;
  }

  private runTask(task: ScheduledTask): void {
    try {
      task.run();
    } catch (e) {
      if (this.failures.length < 100) this.failures.push({ owner: task.owner, at: task.at, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
    }
  }

  /** Notes an error a component caught and handled (bounded: the oldest fall off). */
  noteContained(owner: string, e: unknown): void {
    if (this.contained.length >= 100) this.contained.shift();
    this.contained.push({ owner, at: this.current, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  }

  /** Runs exactly one due-or-future task (the next in time); returns false when idle. */
  step(): boolean {
    this.dropCancelled();
    const top = this.heap.pop();
    if (!top) return false;
    this.current = Math.max(this.current, top.at);
    this.runTask(top);
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop();
  }
}

/** RFC 3339 with second precision, as Kubernetes serialises metav1.Time. */
let lastSecond = NaN;
let lastText = '';
export function rfc3339(ms: number): string {
  // Many objects are stamped within the same second: format each second once.
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

export function parseRfc3339(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
