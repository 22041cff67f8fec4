import { stateless } from '../sim/forkable';

/** A binary min-heap ordered by `less`; the simulated clock and the scheduling queue use it. */
export class BinaryHeap<T> {
  private items: T[] = [];
  private less: (a: T, b: T) => boolean;

  /** `less` must read only its two arguments (a copy of the cluster shares it). */
  constructor(less: (a: T, b: T) => boolean) {
    this.less = stateless(less);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      this.sink(0);
    }
    return top;
  }

  /** Removes every item `drop` selects (O(n)); used rarely, for deleted pods. */
  removeWhere(drop: (item: T) => boolean): void {
    this.items = this.items.filter((x) => !drop(x));
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.sink(i);
  }

  private sink(i: number): void {
    const h = this.items;
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
