/**
 * Memoised filter verdicts and scores per node, for one pod template at a time.
 *
 * A cycle at 5,000 nodes looks at 500 of them; pods of one template mostly get the same answer
 * from a node until something on that node changes. The facts the hot loop reads (which
 * template a node's memo is for, whether the node passed, its weighted total) live in typed
 * arrays indexed by the node's slot (its place in the cache's node order), so a cycle reads a
 * few contiguous kilobytes instead of chasing one object per node. The verdict objects (with
 * their reasons) and raw per-plugin scores stay beside them, read on misses and for the
 * explanation only.
 */
import type { FilterResult } from './framework';

export class NodeMemos {
  /**
   * Per slot: the interned signature its memo is for, times two, plus 1 when the node passed
   * every filter (one read answers both questions); 0: nothing valid.
   */
  state = new Int32Array(0);
  /** Weighted total, valid while `rankKey` equals the cycle's key (its plugin set and image version). */
  total = new Float64Array(0);
  rankKey = new Float64Array(0);
  /** Image version the raw scores were taken at. */
  imageVersion = new Int32Array(0);
  /** The rejecting verdict (reasons) when not feasible. */
  verdicts: (FilterResult | null)[] = [];
  /** Raw (unnormalised) score per plugin; NaN where not computed yet. */
  raw: Float64Array[] = [];

  constructor(private readonly plugins: number) {}

  /** Forget everything and make room for `slots` nodes (after the node order changed). */
  reset(slots: number): void {
    if (slots > this.state.length) {
      const size = Math.max(slots, this.state.length * 2, 64);
      this.state = new Int32Array(size);
      this.total = new Float64Array(size);
      this.rankKey = new Float64Array(size);
      this.imageVersion = new Int32Array(size);
    } else this.state.fill(0);
    this.verdicts = [];
    this.raw = [];
  }

  /** A node's pods, labels, taints or capacity changed: what was memoised for it no longer holds. */
  invalidate(slot: number): void {
    if (slot < this.state.length) this.state[slot] = 0;
  }

  /** Record the filter verdict of `signature` on a slot; its scores start unknown. */
  store(slot: number, signature: number, verdict: FilterResult | null): void {
    this.state[slot] = signature * 2 + (verdict ? 0 : 1);
    this.verdicts[slot] = verdict;
    this.rankKey[slot] = -1;
    this.imageVersion[slot] = -1;
    const raw = this.raw[slot];
    if (raw) raw.fill(NaN);
    else this.raw[slot] = new Float64Array(this.plugins).fill(NaN);
  }

  /** Whether the slot's memo is for this signature. */
  holds(slot: number, signature: number): boolean {
    return this.state[slot] >> 1 === signature;
  }

  /** Raw scores of a slot, cleared when the cluster's images changed since they were taken. */
  rawAt(slot: number, imageVersion: number): Float64Array {
    const raw = this.raw[slot];
    if (this.imageVersion[slot] !== imageVersion) {
      raw.fill(NaN);
      this.imageVersion[slot] = imageVersion;
      this.rankKey[slot] = -1;
    }
    return raw;
  }
}
