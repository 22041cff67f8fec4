/**
 * Ranking the feasible nodes of one cycle (the Score extension point and selectHost). Two
 * scorers give the same order: the general one normalises per plugin over the whole feasible
 * set in typed arrays; the memoised one, used when no active plugin normalises, reads each
 * node's total from the filter memo as filtering goes (one pass). Ties with the best node are
 * broken at random, as upstream's selectHost does.
 */
import type { Rng } from '../sim/rng';
import type { SchedulerCache } from './cache';
import type { CycleContext, NodeInfo, PodInfo } from './framework';
import { SCORE_PLUGINS } from './plugins';

export class NodeRanking {
  /** Off only in the test that checks the fast path ranks exactly as the general one. */
  memoisedScoring = true;
  // Scoring buffers, reused across cycles (a cycle scores hundreds of nodes).
  private buffers: number[] = [];
  private totals = new Float64Array(0);
  private raw: number[] = [];
  private perPlugin: Float64Array[] = [];
  private tied: number[] = [];
  private tiedCount = 0;
  private tiedNodes: NodeInfo[] = [];

  constructor(private cache: SchedulerCache) {}

  /**
   * Weighted totals per feasible node, in typed arrays (a cycle scores hundreds of nodes, so no
   * object per node); the per-plugin breakdown is kept only for the best few, for "why here?".
   */
  score(info: PodInfo, nodes: NodeInfo[], ctx: CycleContext): ScoredNode[] {
    const n = nodes.length;
    if (this.buffers.length < n) this.growBuffers(n);
    const totals = this.totals;
    totals.fill(0, 0, n);
    const raw = this.raw;
    const perPlugin = this.perPlugin;
    // PreScore: plugins that cannot tell these nodes apart are skipped (0 everywhere).
    const active = SCORE_PLUGINS.map((p) => !p.relevant || p.relevant(info, nodes, ctx));
    // Raw scores, node by node: one memo check per node, then every plugin's value from it.
    const signature = info.signature;
    const imageVersion = this.cache.imageVersion;
    const memos = this.cache.memos;
    const P = SCORE_PLUGINS.length;
    for (let i = 0; i < n; i++) {
      const node = nodes[i];
      const raw = signature !== undefined && memos.holds(node.slot, signature) ? memos.rawAt(node.slot, imageVersion) : undefined;
      for (let k = 0; k < P; k++) {
        if (!active[k]) continue;
        let v: number;
        if (raw) {
          v = raw[k];
          if (Number.isNaN(v)) v = raw[k] = SCORE_PLUGINS[k].score(info, node);
        } else v = SCORE_PLUGINS[k].score(info, node);
        perPlugin[k][i] = v;
      }
    }
    for (let k = 0; k < P; k++) {
      const weighted = perPlugin[k];
      if (!active[k]) {
        weighted.fill(0, 0, n);
        continue;
      }
      const plugin = SCORE_PLUGINS[k];
      raw.length = n;
      for (let i = 0; i < n; i++) raw[i] = weighted[i];
      plugin.normalize?.(raw);
      const w = plugin.weight;
      for (let i = 0; i < n; i++) {
        const x = raw[i] * w;
        weighted[i] = x;
        totals[i] += x;
      }
    }
    // The best TOP nodes, best first, ties in node order (selectHost breaks them at random).
    const TOP = 5;
    const best: number[] = [];
    for (let i = 0; i < n; i++) {
      let j = best.length;
      while (j > 0 && totals[best[j - 1]] < totals[i]) j--;
      if (j < TOP) {
        best.splice(j, 0, i);
        if (best.length > TOP) best.pop();
      }
    }
    const out = best.map((i) => new ScoredNode(nodes[i].name, totals[i], perPlugin.map((weighted) => weighted[i])));
    // Every node tied with the best takes part in the random tie-break.
    const top = out.length ? out[0].total : 0;
    let ties = 0;
    for (let i = 0; i < n; i++) if (totals[i] === top) this.tied[ties++] = i;
    this.tiedCount = ties;
    this.tiedNodes = nodes;
    return out;
  }

  /**
   * The same ranking as score() when no active plugin normalises: a node's weighted total is
   * then a function of the node and the pod template alone, memoised beside the filter verdict,
   * so filtering and scoring are one pass that keeps the best five and the ties as it goes.
   * Which plugins take part does not depend on the feasible set, so it is known up front.
   * Returns the active plugins as a bit mask, or -1 when the general path must run.
   */
  memoisedMask(info: PodInfo, ctx: CycleContext): number {
    if (!this.memoisedScoring) return -1;
    let mask = 0;
    for (let k = 0; k < SCORE_PLUGINS.length; k++) {
      const p = SCORE_PLUGINS[k];
      if (p.relevant && !p.relevant(info, [], ctx)) continue;
      if (p.normalize) return -1;
      mask |= 1 << k;
    }
    return mask;
  }

  private rankMask = 0;
  private rankImageVersion = 0;
  private rankKey = 0;
  private bestTotals: number[] = [];
  private bestNodes: NodeInfo[] = [];

  startRanking(mask: number): void {
    this.rankMask = mask;
    this.rankImageVersion = this.cache.imageVersion;
    // A memoised total holds for one plugin set (7 bits) at one image version.
    this.rankKey = this.rankImageVersion * 128 + mask;
    this.bestTotals.length = 0;
    this.bestNodes.length = 0;
    this.tiedCount = 0;
  }

  /** One feasible node, the i-th: its total from the memo (findFeasible just validated it). */
  rank(info: PodInfo, node: NodeInfo, i: number, slot: number): void {
    const memos = this.cache.memos;
    const mask = this.rankMask;
    let total: number;
    if (memos.rankKey[slot] === this.rankKey) total = memos.total[slot];
    else {
      const raw = memos.rawAt(slot, this.rankImageVersion);
      // Summed in plugin order, as score() does, so equal nodes tie exactly.
      total = 0;
      for (let k = 0; k < SCORE_PLUGINS.length; k++) {
        if (!(mask & (1 << k))) continue;
        let v = raw[k];
        if (Number.isNaN(v)) v = raw[k] = SCORE_PLUGINS[k].score(info, node);
        total += v * SCORE_PLUGINS[k].weight;
      }
      memos.total[slot] = total;
      memos.rankKey[slot] = this.rankKey;
    }
    const nodes = this.bestNodes;
    const totals = this.bestTotals;
    // Ties with the best so far, in node order (the random pick is made among all of them).
    if (nodes.length === 0 || total > totals[0]) this.tiedCount = 0;
    if (nodes.length === 0 || total >= totals[0]) this.tied[this.tiedCount++] = i;
    let j = nodes.length;
    while (j > 0 && totals[j - 1] < total) j--;
    if (j < 5) {
      nodes.splice(j, 0, node);
      totals.splice(j, 0, total);
      if (nodes.length > 5) {
        nodes.pop();
        totals.pop();
      }
    }
  }

  finishRanking(feasible: NodeInfo[]): ScoredNode[] {
    this.tiedNodes = feasible;
    const mask = this.rankMask;
    const raw = this.cache.memos.raw;
    return this.bestNodes.map((node, r) => new ScoredNode(node.name, this.bestTotals[r], SCORE_PLUGINS.map((p, k) => (mask & (1 << k) ? raw[node.slot][k] * p.weight : 0))));
  }

  private growBuffers(n: number): void {
    const size = Math.max(n, 128);
    this.buffers = new Array(size);
    this.totals = new Float64Array(size);
    this.perPlugin = SCORE_PLUGINS.map(() => new Float64Array(size));
  }

  /** Highest total wins; ties are broken uniformly at random (as selectHost's reservoir sampling, with one draw). */
  select(rng: Rng): string {
    const pick = this.tiedCount > 1 ? this.tied[rng.int(this.tiedCount)] : this.tied[0];
    return this.tiedNodes[pick].name;
  }
}

/**
 * One of a cycle's best nodes. The per-plugin breakdown is kept as numbers and named only when
 * read ("why here?"): building a keyed object for five nodes every cycle was a tenth of the
 * scheduler's time.
 */
export class ScoredNode {
  constructor(
    readonly node: string,
    readonly total: number,
    private readonly values: number[],
  ) {}
  get scores(): Record<string, number> {
    const scores: Record<string, number> = {};
    SCORE_PLUGINS.forEach((p, k) => (scores[p.name] = this.values[k]));
    return scores;
  }
}
