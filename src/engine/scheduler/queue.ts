/**
 * The scheduling queue (pkg/scheduler/backend/queue): activeQ ordered by priority then arrival
 * (PrioritySort), a back-off for pods that failed (1 s doubling to 10 s), and unschedulable
 * pods parked until the cluster changes.
 */
import { BinaryHeap } from '../util/heap';
import { persistent } from '../sim/persistable';

export interface QueuedPod {
  key: string;
  priority: number;
  seq: number;
  attempts: number;
}

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;

/** Higher priority first; equal priorities in the order they were queued. */
const byPriority = persistent('scheduler.queue.byPriority', (a: QueuedPod, b: QueuedPod) => a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq));

export class SchedulingQueue {
  // Higher priority first; at equal priority, first come first served (PrioritySort).
  private heap = new BinaryHeap<QueuedPod>(byPriority);
  private inActive = new Set<string>();
  /** pod key → attempts so far, for pods waiting for a cluster change */
  readonly unschedulable = new Map<string, number>();
  private seq = 0;

  get activeSize(): number {
    return this.heap.size;
  }

  has(key: string): boolean {
    return this.inActive.has(key) || this.unschedulable.has(key);
  }

  add(key: string, priority: number, attempts = 0): void {
    if (this.inActive.has(key)) return;
    this.unschedulable.delete(key);
    this.inActive.add(key);
    this.heap.push({ key, priority, seq: this.seq++, attempts });
  }

  pop(): QueuedPod | undefined {
    const top = this.heap.pop();
    if (top) this.inActive.delete(top.key);
    return top;
  }

  remove(key: string): void {
    this.unschedulable.delete(key);
    if (!this.inActive.has(key)) return;
    this.inActive.delete(key);
    this.heap.removeWhere((q) => q.key === key);
  }

  markUnschedulable(key: string, attempts: number): void {
    this.unschedulable.set(key, attempts);
  }

  static backoff(attempts: number): number {
    return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  }
}
