/**
 * kube-scheduler: takes one pod at a time from the queue, filters nodes (stopping once it has
 * found enough feasible ones, as percentageOfNodesToScore allows), scores the survivors, binds
 * the pod to the best and records why. Unschedulable pods get a FailedScheduling event with
 * the real message and wait for a cluster change.
 */
import type { KObject, ObjectRef } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339 } from '../sim/clock';
import type { ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import { SchedulerCache } from './cache';
import { SchedulingQueue } from './queue';
import { podInfo, type CycleContext, type FilterResult, type NodeInfo, type PodInfo } from './framework';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins';
import { podHasClaims } from './plugins/volumebinding';
import { VolumePreBinder } from './prebind';

export const SCHEDULER_NAME = 'default-scheduler';
/** Simulated time one scheduling cycle takes: about a thousand pods a second. */
const CYCLE_MS = 1;
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;
const podType = typeForKind('Pod');

export interface NodeVerdict {
  node: string;
  /** Filter plugins that rejected the node, with their reasons. */
  rejectedBy: { plugin: string; reasons: string[] }[];
  /** Weighted score per plugin, for nodes that passed every filter. */
  scores?: Record<string, number>;
  total?: number;
}

export interface SchedulingAttempt {
  pod: ObjectRef;
  time: number;
  evaluatedNodes: number;
  feasibleNodes: number;
  node?: string;
  /** FailedScheduling message when no node fit. */
  message?: string;
  /** Set when PreFilter refused the pod before any node was looked at (e.g. a missing claim). */
  preFilterMessage?: string;
  /** Rejection reasons with the number of nodes giving each. */
  reasons: Record<string, number>;
  /** The best-scoring nodes of this attempt, best first. */
  topScores: { node: string; total: number; scores: Record<string, number> }[];
}

export class Scheduler {
  readonly cache: SchedulerCache;
  readonly queue = new SchedulingQueue();
  /** Latest attempt per pod: kept while a pod is unschedulable, and for the most recent bindings. */
  private attempts = new Map<string, SchedulingAttempt>();
  private static readonly KEEP_BOUND_ATTEMPTS = 2000;
  private boundKeys: string[] = [];
  private boundHead = 0;
  private lastAttemptAt = new Map<string, number>();
  private nextStartNodeIndex = 0;
  private cycleTask: ScheduledTask | undefined;
  // Scoring buffers, reused across cycles (a cycle scores hundreds of nodes).
  private buffers: number[] = [];
  private totals = new Float64Array(0);
  private raw: number[] = [];
  private perPlugin: Float64Array[] = [];
  private flushTask: ScheduledTask | undefined;

  constructor(private ctx: ControllerContext) {
    const store = ctx.api.store;
    this.cache = new SchedulerCache(store, SCORE_PLUGINS.length);
    this.preBinder = new VolumePreBinder(ctx, SCHEDULER_NAME);
    for (const pod of store.list('pods')) this.onPod('ADDED', pod);
    store.watch('pods', (type, pod, old) => this.onPod(type, pod, old));
    store.watch('nodes', (type, node, old) => {
      if (type === 'DELETED' || !old || nodeChangedForScheduling(node, old)) this.moveAllToActive();
    });
    // Claims binding, volumes appearing and new classes can make parked pods schedulable.
    for (const resource of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses']) store.watch(resource, () => this.moveAllToActive());
  }

  private needsScheduling(pod: KObject): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
  }

  private onPod(type: string, pod: KObject, old?: KObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (type === 'DELETED' || !this.needsScheduling(pod)) {
      this.queue.remove(key);
      if (type === 'DELETED') {
        this.attempts.delete(key);
        this.lastAttemptAt.delete(key);
        const assumed = this.waitingOnVolumes.get(key);
        if (assumed) {
          this.waitingOnVolumes.delete(key);
          this.cache.forgetPod(assumed);
        }
      }
      // A pod leaving a node frees room: parked pods may fit now (AssignedPodDelete).
      if (old?.spec?.nodeName && (type === 'DELETED' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')) this.moveAllToActive();
      return;
    }
    if (type === 'ADDED') {
      this.queue.add(key, pod.spec?.priority ?? 0);
      this.kick();
    }
  }

  private kick(): void {
    if (this.cycleTask && !this.cycleTask.cancelled && this.cycleTask.at >= this.ctx.clock.now()) return;
    this.cycleTask = this.ctx.clock.after(CYCLE_MS, SCHEDULER_NAME, this.runCycle);
  }

  /** One cycle's task body, made once (a cycle runs a thousand times a simulated second). */
  private readonly runCycle = () => {
    this.cycleTask = undefined;
    this.scheduleNext();
  };

  private scheduleNext(): void {
    const next = this.queue.pop();
    if (next) this.scheduleOne(next.key, next.attempts + 1);
    if (this.queue.activeSize > 0) this.kick();
  }

  /** Unschedulable pods go back to the active queue once their back-off has passed. */
  private moveAllToActive(): void {
    if (this.queue.unschedulable.size === 0) return;
    const now = this.ctx.clock.now();
    for (const [key, attempts] of [...this.queue.unschedulable]) {
      const ready = (this.lastAttemptAt.get(key) ?? 0) + SchedulingQueue.backoff(attempts);
      const [ns, name] = key.split('/');
      const requeue = () => {
        if (!this.queue.unschedulable.has(key)) return;
        const pod = this.ctx.api.store.get('pods', ns, name);
        if (!pod || !this.needsScheduling(pod)) {
          this.queue.remove(key);
          return;
        }
        this.queue.add(key, pod.spec?.priority ?? 0, attempts);
        this.kick();
      };
      if (ready <= now) requeue();
      else this.ctx.clock.at(ready, SCHEDULER_NAME, requeue);
    }
  }

  private scheduleOne(key: string, attemptNo: number): void {
    const [ns, name] = key.split('/');
    const pod = this.ctx.api.store.get('pods', ns, name);
    if (!pod || !this.needsScheduling(pod)) return;
    const info = podInfo(pod);
    const now = this.ctx.clock.now();
    this.lastAttemptAt.set(key, now);
    const { feasible, reasons, unresolvable, evaluated, preFilterMessage, ranked } = this.findFeasible(info);
    const attempt: SchedulingAttempt = { pod: refOf(pod), time: now, evaluatedNodes: evaluated, feasibleNodes: feasible.length, reasons, topScores: [] };
    if (preFilterMessage) attempt.preFilterMessage = preFilterMessage;
    if (feasible.length === 0) {
      attempt.message = fitErrorMessage(this.cache.nodes.size, reasons, unresolvable, preFilterMessage);
      this.attempts.set(key, attempt);
      this.queue.markUnschedulable(key, attemptNo);
      this.ctx.api.event(pod, 'Warning', 'FailedScheduling', attempt.message, SCHEDULER_NAME);
      this.ctx.reasons.record(SCHEDULER_NAME, 'scheduler.unschedulable', { nodes: this.cache.nodes.size, message: attempt.message }, [refOf(pod)]);
      this.setUnschedulableCondition(pod, attempt.message);
      this.ensureFlush();
      return;
    }
    const scored = ranked ?? this.score(info, feasible);
    const chosen = this.select();
    attempt.node = chosen;
    attempt.topScores = scored.length > 5 ? scored.slice(0, 5) : scored;
    this.attempts.set(key, attempt);
    // Keep the most recent bindings only: a FIFO of keys (iterating a Map from its start
    // would walk every slot deleted before).
    this.boundKeys.push(key);
    if (this.boundKeys.length - this.boundHead > Scheduler.KEEP_BOUND_ATTEMPTS) {
      const old = this.boundKeys[this.boundHead++];
      if (this.attempts.get(old)?.node) this.attempts.delete(old);
      if (this.boundHead > 4096) {
        this.boundKeys = this.boundKeys.slice(this.boundHead);
        this.boundHead = 0;
      }
    }
    this.queue.unschedulable.delete(key);
    const nodeInfo = this.cache.nodes.get(chosen)!;
    const params = { node: chosen, feasible: feasible.length, evaluated, score: scored[0]?.total ?? 0 };
    const bind = () => this.bindPod(key, chosen, params);
    if (!podHasClaims(pod)) return bind();
    // Reserve: hold the node's resources for the pod while its volumes are bound.
    const assumed: KObject = { ...pod, spec: { ...pod.spec, nodeName: chosen } };
    this.cache.addPod(assumed);
    this.waitingOnVolumes.set(key, assumed);
    const waits = this.preBinder.bindVolumes(pod, chosen, nodeInfo.labels, (outcome) => {
      if (this.waitingOnVolumes.get(key) !== assumed) return;
      this.waitingOnVolumes.delete(key);
      this.cache.forgetPod(assumed);
      if (outcome.ok) return bind();
      const current = this.ctx.api.store.get('pods', ns, name);
      if (!current || !this.needsScheduling(current)) return;
      attempt.node = undefined;
      attempt.message = outcome.message;
      this.queue.markUnschedulable(key, attemptNo);
      this.ctx.api.event(current, 'Warning', 'FailedScheduling', outcome.message, SCHEDULER_NAME);
      this.ensureFlush();
    });
    if (!waits) {
      this.waitingOnVolumes.delete(key);
      this.cache.forgetPod(assumed);
      bind();
    }
  }

  /** Pods whose claims are being bound for their chosen node, by key (assumed in the cache). */
  private waitingOnVolumes = new Map<string, KObject>();
  private preBinder: VolumePreBinder;

  private bindPod(key: string, chosen: string, params: { node: string; feasible: number; evaluated: number; score: number }): void {
    const [ns, name] = key.split('/');
    const pod = this.ctx.api.store.get('pods', ns, name);
    if (!pod || !this.needsScheduling(pod)) return;
    try {
      // The cache's own pod watch accounts for the bound pod, synchronously, inside bind().
      this.ctx.api.bind(pod, chosen, SCHEDULER_NAME);
      this.ctx.api.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${chosen}`, SCHEDULER_NAME);
      const nodeObj = this.cache.nodes.get(chosen)?.node;
      this.ctx.reasons.record(SCHEDULER_NAME, 'scheduler.bound', params, nodeObj ? [refOf(pod), refOf(nodeObj)] : [refOf(pod)]);
    } catch {
      // The pod changed under us (deleted, or bound elsewhere): its watch event settles it.
    }
  }

  /**
   * Signatures as small integers: every node's memo is checked against the pod's signature each
   * cycle, and comparing long strings there cost more than the filters it saves.
   */
  private signatureIds = new Map<string, number>();
  private internSignature(signature: string | undefined): number | undefined {
    if (signature === undefined) return undefined;
    let id = this.signatureIds.get(signature);
    if (id === undefined) {
      // Old templates pile up over a long session; memos holding a forgotten id simply miss.
      if (this.signatureIds.size >= 10_000) this.signatureIds.clear();
      this.signatureIds.set(signature, (id = ++this.signatureSeq));
    }
    return id;
  }
  private signatureSeq = 0;

  private feasibleBuffer: NodeInfo[] = [];

  /** How many feasible nodes to look for (numFeasibleNodesToFind, adaptive percentage). */
  private feasibleNodesToFind(total: number): number {
    if (total < 100) return total;
    const percentage = Math.max(5, 50 - Math.floor(total / 125));
    return Math.max(100, Math.floor((total * percentage) / 100));
  }

  private findFeasible(info: PodInfo): { feasible: NodeInfo[]; reasons: Record<string, number>; unresolvable: number; evaluated: number; preFilterMessage?: string; ranked?: ScoredNode[] } {
    const ordered = this.cache.ordered;
    const total = ordered.length;
    const want = this.feasibleNodesToFind(total);
    // One array for every cycle (grown to 500 entries per cycle, it was a steady source of garbage);
    // what a cycle returns is only read until the next one.
    const feasible = this.feasibleBuffer;
    let found = 0;
    const reasons: Record<string, number> = {};
    let unresolvable = 0;
    let evaluated = 0;
    const ctx = this.cycleContext();
    for (const p of FILTER_PLUGINS) {
      const refused = p.preFilter?.(info, ctx);
      if (refused) return { feasible: [], reasons, unresolvable: total, evaluated: 0, preFilterMessage: refused };
    }
    const filters = FILTER_PLUGINS.filter((p) => !p.relevant || p.relevant(info) || info.cycle.has(p.name));
    const signature = this.internSignature(podSignature(info.pod, ctx.antiAffinityPods));
    info.signature = signature;
    // Memoised ranking: scored in this same pass, node by node, when no normalising plugin runs.
    const mask = signature !== undefined ? this.memoisedMask(info, ctx) : -1;
    if (mask >= 0) this.startRanking(mask);
    const memos = this.cache.memos;
    const memoState = memos.state;
    const hit = signature !== undefined ? signature * 2 : -2;
    let index = this.nextStartNodeIndex;
    for (let i = 0; i < total && found < want; i++) {
      // The slot is the node's index in the order: the memo arrays are read without touching the node.
      const slot = index;
      const node = ordered[index];
      if (++index === total) index = 0;
      evaluated++;
      let verdict: FilterResult | null = null;
      const state = memoState[slot];
      if (state === hit + 1) {
        // Memoised: passed.
      } else if (state === hit) verdict = memos.verdicts[slot];
      else {
        for (const plugin of filters) {
          const r = plugin.filter(info, node);
          if (r) {
            verdict = r;
            break;
          }
        }
        if (signature !== undefined) memos.store(slot, signature, verdict);
      }
      if (!verdict) {
        if (mask >= 0) this.rank(info, node, found, slot);
        feasible[found++] = node;
        continue;
      }
      for (const reason of verdict.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (verdict.unresolvable) unresolvable++;
    }
    this.nextStartNodeIndex = total ? (this.nextStartNodeIndex + evaluated) % total : 0;
    feasible.length = found;
    if (mask >= 0) return { feasible, reasons, unresolvable, evaluated, ranked: this.finishRanking(feasible) };
    return { feasible, reasons, unresolvable, evaluated };
  }

  /**
   * Weighted totals per feasible node, in typed arrays (a cycle scores hundreds of nodes, so no
   * object per node); the per-plugin breakdown is kept only for the best few, for "why here?".
   */
  private score(info: PodInfo, nodes: NodeInfo[]): ScoredNode[] {
    const n = nodes.length;
    if (this.buffers.length < n) this.growBuffers(n);
    const totals = this.totals;
    totals.fill(0, 0, n);
    const raw = this.raw;
    const perPlugin = this.perPlugin;
    const ctx = this.cycleContext();
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
  private memoisedMask(info: PodInfo, ctx: CycleContext): number {
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

  private startRanking(mask: number): void {
    this.rankMask = mask;
    this.rankImageVersion = this.cache.imageVersion;
    // A memoised total holds for one plugin set (7 bits) at one image version.
    this.rankKey = this.rankImageVersion * 128 + mask;
    this.bestTotals.length = 0;
    this.bestNodes.length = 0;
    this.tiedCount = 0;
  }

  /** One feasible node, the i-th: its total from the memo (findFeasible just validated it). */
  private rank(info: PodInfo, node: NodeInfo, i: number, slot: number): void {
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

  private finishRanking(feasible: NodeInfo[]): ScoredNode[] {
    this.tiedNodes = feasible;
    const mask = this.rankMask;
    const raw = this.cache.memos.raw;
    return this.bestNodes.map((node, r) => new ScoredNode(node.name, this.bestTotals[r], SCORE_PLUGINS.map((p, k) => (mask & (1 << k) ? raw[node.slot][k] * p.weight : 0))));
  }

  /** Off only in the test that checks the fast path ranks exactly as the general one. */
  memoisedScoring = true;
  private tied: number[] = [];
  private tiedCount = 0;
  private tiedNodes: NodeInfo[] = [];

  private cycleContext() {
    const c = this.cache;
    return { nodes: c.nodes, antiAffinityPods: c.antiAffinityPods, imageNodes: c.imageNodes, imageVersion: c.imageVersion, preferNoScheduleNodes: c.preferNoScheduleNodes, store: this.ctx.api.store };
  }

  private growBuffers(n: number): void {
    const size = Math.max(n, 128);
    this.buffers = new Array(size);
    this.totals = new Float64Array(size);
    this.perPlugin = SCORE_PLUGINS.map(() => new Float64Array(size));
  }

  /** Highest total wins; ties are broken uniformly at random (as selectHost's reservoir sampling, with one draw). */
  private select(): string {
    const pick = this.tiedCount > 1 ? this.tied[this.ctx.rng.int(this.tiedCount)] : this.tied[0];
    return this.tiedNodes[pick].name;
  }

  private setUnschedulableCondition(pod: KObject, message: string): void {
    const conds = pod.status?.conditions ?? [];
    const prev = conds.find((c: Record<string, string>) => c.type === 'PodScheduled');
    if (prev && prev.status === 'False' && prev.message === message) return;
    const cond = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : rfc3339(this.ctx.clock.now()) };
    const next = [...conds.filter((c: Record<string, string>) => c.type !== 'PodScheduled'), cond];
    this.ctx.api.updateStatus(podType, pod, { ...pod.status, conditions: next }, SCHEDULER_NAME);
  }

  /** Parked pods are retried at least every 5 minutes (podMaxInUnschedulablePodsDuration). */
  private ensureFlush(): void {
    if (this.flushTask && !this.flushTask.cancelled) return;
    this.flushTask = this.ctx.clock.after(UNSCHEDULABLE_FLUSH_MS, SCHEDULER_NAME, () => {
      this.flushTask = undefined;
      this.moveAllToActive();
      if (this.queue.unschedulable.size) this.ensureFlush();
    });
  }

  /** The latest attempt for a pod, for "why is this pod here / not scheduled?". */
  lastAttempt(namespace: string, name: string): SchedulingAttempt | undefined {
    return this.attempts.get(`${namespace}/${name}`);
  }

  /** Every node's verdict for a pod right now: which filter rejected it, or its scores. */
  explain(pod: KObject): NodeVerdict[] {
    // For a pod already bound, ask how it would be placed now (its nodeName came from binding).
    const bound = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'PodScheduled' && c.status === 'True');
    const info = podInfo(bound ? { ...pod, spec: { ...pod.spec, nodeName: undefined } } : pod);
    const verdicts: NodeVerdict[] = [];
    for (const p of FILTER_PLUGINS) {
      const refused = p.preFilter?.(info, this.cycleContext());
      if (refused) return this.cache.order.map((node) => ({ node, rejectedBy: [{ plugin: p.name, reasons: [refused] }] }));
    }
    const passing: NodeInfo[] = [];
    for (const name of this.cache.order) {
      const node = this.cache.nodes.get(name)!;
      const rejectedBy: NodeVerdict['rejectedBy'] = [];
      for (const plugin of FILTER_PLUGINS) {
        const r = plugin.filter(info, node);
        if (r) rejectedBy.push({ plugin: plugin.name, reasons: r.reasons });
      }
      verdicts.push({ node: name, rejectedBy });
      if (rejectedBy.length === 0) passing.push(node);
    }
    const scored = passing.length ? this.score(info, passing) : [];
    for (const s of scored) {
      const v = verdicts.find((x) => x.node === s.node)!;
      v.scores = s.scores;
      v.total = s.total;
    }
    return verdicts;
  }
}

/**
 * One of a cycle's best nodes. The per-plugin breakdown is kept as numbers and named only when
 * read ("why here?"): building a keyed object for five nodes every cycle was a tenth of the
 * scheduler's time.
 */
class ScoredNode {
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

const partKeys = new WeakMap<object, string>();

/** A content key for a part of a pod spec, computed once per shared object. */
function keyOf(o: unknown): string {
  if (o === null || o === undefined) return '';
  if (typeof o !== 'object') return String(o);
  let k = partKeys.get(o);
  if (k === undefined) partKeys.set(o, (k = JSON.stringify(o)));
  return k;
}

/**
 * What filter and score results depend on in the pod: its containers, tolerations, node
 * selection and owner. Pods of one template get one signature (and controller-made pods share
 * the very objects, so it costs nothing). Pods whose answer depends on other pods
 * (inter-pod affinity, explicit spread constraints) get none.
 */
function podSignature(pod: KObject, antiAffinityPods: number): string | undefined {
  const spec = pod.spec ?? {};
  if (spec.affinity?.podAffinity || spec.affinity?.podAntiAffinity || spec.topologySpreadConstraints?.length || antiAffinityPods > 0) return undefined;
  // Volume verdicts depend on claims and volumes, not on the pod alone.
  if (podHasClaims(pod)) return undefined;
  const owner = pod.metadata.ownerReferences?.find((o: { controller?: boolean }) => o.controller)?.uid ?? '';
  return `${keyOf(spec.containers)}|${keyOf(spec.initContainers)}|${keyOf(spec.tolerations)}|${keyOf(spec.nodeSelector)}|${keyOf(spec.affinity)}|${spec.nodeName ?? ''}|${owner}`;
}

/** FitError.Error(): "0/4 nodes are available: <sorted reason counts>. preemption: …" */
export function fitErrorMessage(totalNodes: number, reasons: Record<string, number>, unresolvable: number, preFilterMessage?: string): string {
  // schedule_one.go: with no node at all the cycle stops before filtering (ErrNoNodesAvailable).
  if (totalNodes === 0) return 'no nodes available to schedule pods';
  // A PreFilter refusal replaces the per-node counts (FitError.Error()).
  const parts = preFilterMessage
    ? [preFilterMessage]
    : Object.entries(reasons)
        .map(([reason, count]) => `${count} ${reason}`)
        .sort();
  const resolvable = totalNodes - unresolvable;
  const preemption: string[] = [];
  if (unresolvable > 0) preemption.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (resolvable > 0) preemption.push(`${resolvable} No preemption victims found for incoming pod`);
  return `0/${totalNodes} nodes are available: ${parts.join(', ')}. preemption: 0/${totalNodes} nodes are available: ${preemption.sort().join(', ')}.`;
}

function nodeChangedForScheduling(node: KObject, old: KObject): boolean {
  return (
    node.spec?.unschedulable !== old.spec?.unschedulable ||
    JSON.stringify(node.spec?.taints ?? []) !== JSON.stringify(old.spec?.taints ?? []) ||
    JSON.stringify(node.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {}) ||
    JSON.stringify(node.status?.allocatable ?? {}) !== JSON.stringify(old.status?.allocatable ?? {})
  );
}
