/**
 * The scheduling queue (pkg/scheduler/backend/queue): activeQ ordered by priority then arrival
 * (PrioritySort), a back-off for pods that failed (1 s doubling to 10 s), and unschedulable
 * pods parked until the cluster changes.
 */
export interface QueuedPod {
  key: string;
  priority: number;
  seq: number;
  attempts: number;
}

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;

export class SchedulingQueue {
  private heap: QueuedPod[] = [];
  private inActive = new Set<string>();
  /** pod key → attempts so far, for pods waiting for a cluster change */
  readonly unschedulable = new Map<string, number>();
  private seq = 0;

  get activeSize(): number {
    return this.heap.length;
  }

  has(key: string): boolean {
    return this.inActive.has(key) || this.unschedulable.has(key);
  }

  add(key: string, priority: number, attempts = 0): void {
    if (this.inActive.has(key)) return;
    this.unschedulable.delete(key);
    this.inActive.add(key);
    this.push({ key, priority, seq: this.seq++, attempts });
  }

  pop(): QueuedPod | undefined {
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.sink(0);
    }
    this.inActive.delete(top.key);
    return top;
  }

  remove(key: string): void {
    this.unschedulable.delete(key);
    if (!this.inActive.has(key)) return;
    this.inActive.delete(key);
    this.heap = this.heap.filter((q) => q.key !== key);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.sink(i);
  }

  markUnschedulable(key: string, attempts: number): void {
    this.unschedulable.set(key, attempts);
  }

  static backoff(attempts: number): number {
    return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  }

  private less(a: QueuedPod, b: QueuedPod): boolean {
    return a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
  }

  private push(q: QueuedPod): void {
    const h = this.heap;
    h.push(q);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private sink(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
