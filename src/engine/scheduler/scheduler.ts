/**
 * kube-scheduler: takes one pod at a time from the queue, filters nodes (stopping once it has
 * found enough feasible ones, as percentageOfNodesToScore allows), scores the survivors, binds
 * the pod to the best and records why. Unschedulable pods get a FailedScheduling event with
 * the real message and wait for a cluster change; before that, DefaultPreemption may evict
 * pods of lower priority and nominate a node for them (./preemption.ts).
 *
 * Over 400 lines on purpose: one scheduling cycle (pop, filter, score, reserve, bind, record)
 * read in order; the queue, cache, framework, plugins, preemption and ranking are files of
 * their own.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339 } from '../sim/clock';
import type { ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound, immutable } from '../sim/forkable';
import { SchedulerCache } from './cache';
import { SchedulingQueue } from './queue';
import { podInfo, type CycleContext, type FilterResult, type NodeInfo, type PodInfo } from './framework';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins';
import { podHasClaims } from './plugins/volumebinding';
import { VolumePreBinder, type PreBindOutcome } from './prebind';
import { AttemptLog, fitErrorMessage, type NodeVerdict, type PreemptionDecision, type SchedulingAttempt } from './attempts';
import { NodeRanking, type ScoredNode } from './ranking';
import { podSignature, SignatureIds } from './signature';
import { PodNominator } from './nominator';
import { PreemptionEvaluator } from './preemption';
import { nodeWithPods } from './plugins/defaultpreemption';

export const SCHEDULER_NAME = 'default-scheduler';
/** Simulated time one scheduling cycle takes: about a thousand pods a second. */
const CYCLE_MS = 1;
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;
const podType = typeForKind('Pod');

export type { NodeVerdict, PreemptionDecision, SchedulingAttempt } from './attempts';
export { fitErrorMessage } from './attempts';

export class Scheduler {
  readonly cache: SchedulerCache;
  readonly queue = new SchedulingQueue();
  readonly ranking: NodeRanking;
  private attempts = new AttemptLog();
  private signatures = new SignatureIds();
  private lastAttemptAt = new Map<string, number>();
  private nextStartNodeIndex = 0;
  private cycleTask: ScheduledTask | undefined;
  private flushTask: ScheduledTask | undefined;
  readonly nominator = new PodNominator();
  /** The preemption that nominated each waiting pod's node, kept until the pod is bound or gone. */
  private nominations = new Map<string, PreemptionDecision>();
  private preemption: PreemptionEvaluator;

  constructor(private ctx: ControllerContext) {
    const store = ctx.api.store;
    this.cache = new SchedulerCache(store, SCORE_PLUGINS.length);
    this.ranking = new NodeRanking(this.cache);
    this.preBinder = new VolumePreBinder(ctx, SCHEDULER_NAME);
    this.preemption = new PreemptionEvaluator(ctx, this.nominator, SCHEDULER_NAME);
    for (const pod of store.list('pods')) this.onPod('ADDED', pod);
    store.watch('pods', bound(this, this.onPod));
    store.watch('nodes', bound(this, this.onNode));
    // Claims binding, volumes appearing and new classes can make parked pods schedulable.
    for (const resource of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses']) store.watch(resource, bound(this, this.onVolumeChange));
  }

  private onNode(type: WatchEventType, node: KObject, old: KObject | undefined): void {
    if (type === 'DELETED' || !old || nodeChangedForScheduling(node, old)) this.moveAllToActive();
  }

  private onVolumeChange(): void {
    this.moveAllToActive();
  }

  private needsScheduling(pod: KObject): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
  }

  private onPod(type: string, pod: KObject, old?: KObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.nominator.update(key, pod, type !== 'DELETED' && this.needsScheduling(pod));
    if (type === 'DELETED' || !this.needsScheduling(pod)) {
      this.queue.remove(key);
      if (type === 'DELETED') {
        this.attempts.forget(key);
        this.nominations.delete(key);
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
  private readonly runCycle = bound(this, this.cycleDue);

  private cycleDue(): void {
    this.cycleTask = undefined;
    this.scheduleNext();
  }

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
      if (ready <= now) this.requeue(key, ns, name, attempts);
      else this.ctx.clock.at(ready, SCHEDULER_NAME, bound(this, this.requeue, key, ns, name, attempts));
    }
  }

  private requeue(key: string, ns: string, name: string, attempts: number): void {
    if (!this.queue.unschedulable.has(key)) return;
    const pod = this.ctx.api.store.get('pods', ns, name);
    if (!pod || !this.needsScheduling(pod)) {
      this.queue.remove(key);
      return;
    }
    this.queue.add(key, pod.spec?.priority ?? 0, attempts);
    this.kick();
  }

  private scheduleOne(key: string, attemptNo: number): void {
    const [ns, name] = key.split('/');
    const pod = this.ctx.api.store.get('pods', ns, name);
    if (!pod || !this.needsScheduling(pod)) return;
    const info = podInfo(pod);
    const now = this.ctx.clock.now();
    this.lastAttemptAt.set(key, now);
    const { feasible, reasons, evaluated, preFilterMessage, ranked } = this.evaluateNominatedNode(info) ?? this.findFeasible(info);
    const attempt: SchedulingAttempt = { pod: refOf(pod), time: now, evaluatedNodes: evaluated, feasibleNodes: feasible.length, reasons, topScores: [] };
    if (preFilterMessage) attempt.preFilterMessage = preFilterMessage;
    if (feasible.length === 0) {
      // PostFilter: DefaultPreemption, over the nodes that failed for reasons eviction can fix.
      const post = this.preemption.postFilter(pod, info, preFilterMessage ? [] : this.resolvableBuffer, this.cache.nodes, this.filtersFor(info));
      attempt.preemption = post.decision;
      if (post.decision.outcome === 'nominated') this.nominations.set(key, post.decision);
      else if (post.nominatedNodeName === '') this.nominations.delete(key);
      attempt.message = fitErrorMessage(this.cache.nodes.size, reasons, preFilterMessage, post.message);
      // Never changed once recorded: copies of the cluster share it (thousands at a time).
      this.attempts.unschedulable(key, immutable(attempt));
      this.queue.markUnschedulable(key, attemptNo);
      const current = this.ctx.api.store.get('pods', ns, name) ?? pod;
      this.ctx.api.event(current, 'Warning', 'FailedScheduling', attempt.message, SCHEDULER_NAME);
      this.ctx.reasons.record(SCHEDULER_NAME, 'scheduler.unschedulable', { nodes: this.cache.nodes.size, message: attempt.message }, [refOf(pod)]);
      this.setUnschedulableCondition(current, attempt.message, post.nominatedNodeName);
      this.ensureFlush();
      return;
    }
    const scored = ranked ?? this.ranking.score(info, feasible, this.cycleContext());
    const chosen = this.ranking.select(this.ctx.rng);
    attempt.node = chosen;
    attempt.topScores = scored.length > 5 ? scored.slice(0, 5) : scored;
    // Landing where an earlier preemption made room: "why here?" is that preemption.
    const preempted = this.nominations.get(key);
    this.nominations.delete(key);
    if (preempted?.node === chosen) attempt.preemption = preempted;
    // A pod with claims may still fail PreBind, which rewrites its attempt: that one is shared
    // only once settled (see volumesBound).
    const hasClaims = podHasClaims(pod);
    this.attempts.bound(key, hasClaims ? attempt : immutable(attempt));
    this.queue.unschedulable.delete(key);
    const nodeInfo = this.cache.nodes.get(chosen)!;
    const params = { node: chosen, feasible: feasible.length, evaluated, score: scored[0]?.total ?? 0 };
    if (!hasClaims) return this.bindPod(key, chosen, params);
    // Reserve: hold the node's resources for the pod while its volumes are bound.
    const assumed: KObject = { ...pod, spec: { ...pod.spec, nodeName: chosen } };
    this.cache.addPod(assumed);
    this.waitingOnVolumes.set(key, assumed);
    const waits = this.preBinder.bindVolumes(pod, chosen, nodeInfo.labels, bound(this, this.volumesBound, key, ns, name, assumed, attempt, attemptNo, chosen, params));
    if (!waits) {
      immutable(attempt);
      this.waitingOnVolumes.delete(key);
      this.cache.forgetPod(assumed);
      this.bindPod(key, chosen, params);
    }
  }

  private volumesBound(key: string, ns: string, name: string, assumed: KObject, attempt: SchedulingAttempt, attemptNo: number, chosen: string, params: { node: string; feasible: number; evaluated: number; score: number }, outcome: PreBindOutcome): void {
    if (this.waitingOnVolumes.get(key) !== assumed) return;
    this.waitingOnVolumes.delete(key);
    this.cache.forgetPod(assumed);
    if (outcome.ok) {
      immutable(attempt);
      return this.bindPod(key, chosen, params);
    }
    const current = this.ctx.api.store.get('pods', ns, name);
    if (!current || !this.needsScheduling(current)) return;
    attempt.node = undefined;
    attempt.message = outcome.message;
    immutable(attempt);
    this.queue.markUnschedulable(key, attemptNo);
    this.ctx.api.event(current, 'Warning', 'FailedScheduling', outcome.message, SCHEDULER_NAME);
    this.ensureFlush();
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

  private feasibleBuffer: NodeInfo[] = [];
  /** Nodes of the last cycle that failed only for reasons preemption might fix (PostFilter's potential nodes). */
  private resolvableBuffer: NodeInfo[] = [];

  /** The filters that can reject this pod (the others are not run). */
  private filtersFor(info: PodInfo) {
    return FILTER_PLUGINS.filter((p) => !p.relevant || p.relevant(info) || info.cycle.has(p.name));
  }

  /**
   * evaluateNominatedNode: a pod nominated by an earlier preemption tries that node first, alone;
   * if it fits there now, it goes there.
   */
  private evaluateNominatedNode(info: PodInfo): { feasible: NodeInfo[]; reasons: Record<string, number>; evaluated: number; preFilterMessage?: string; ranked?: ScoredNode[] } | undefined {
    const nominated: string | undefined = info.pod.status?.nominatedNodeName;
    const node = nominated ? this.cache.nodes.get(nominated) : undefined;
    if (!node) return undefined;
    const ctx = this.cycleContext();
    for (const p of FILTER_PLUGINS) if (p.preFilter?.(info, ctx)) return undefined;
    const priority: number = info.pod.spec?.priority ?? 0;
    const others = this.nominator.nominatedOn(node.name, priority, info.key);
    const view = others.length ? nodeWithPods(node, others) : node;
    for (const plugin of this.filtersFor(info)) if (plugin.filter(info, view)) return undefined;
    this.resolvableBuffer.length = 0;
    return { feasible: [node], reasons: {}, evaluated: 1 };
  }

  /** How many feasible nodes to look for (numFeasibleNodesToFind, adaptive percentage). */
  private feasibleNodesToFind(total: number): number {
    if (total < 100) return total;
    const percentage = Math.max(5, 50 - Math.floor(total / 125));
    return Math.max(100, Math.floor((total * percentage) / 100));
  }

  private findFeasible(info: PodInfo): { feasible: NodeInfo[]; reasons: Record<string, number>; unresolvable: number; evaluated: number; preFilterMessage?: string; ranked?: ScoredNode[] } {
    const ranking = this.ranking;
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
    const filters = this.filtersFor(info);
    const resolvable = this.resolvableBuffer;
    resolvable.length = 0;
    const nominator = this.nominator;
    const priority: number = info.pod.spec?.priority ?? 0;
    const signature = this.signatures.intern(podSignature(info.pod, ctx.antiAffinityPods));
    info.signature = signature;
    // Memoised ranking: scored in this same pass, node by node, when no normalising plugin runs.
    const mask = signature !== undefined ? ranking.memoisedMask(info, ctx) : -1;
    if (mask >= 0) ranking.startRanking(mask);
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
      // Pods nominated here of at least this priority hold their room: judged afresh, never memoised.
      const held = nominator.size > 0 && nominator.has(node.name) ? nominator.nominatedOn(node.name, priority, info.key) : undefined;
      if (held?.length) {
        const view = nodeWithPods(node, held);
        for (const plugin of filters) {
          const r = plugin.filter(info, view);
          if (r) {
            verdict = r;
            break;
          }
        }
      } else if (state === hit + 1) {
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
        if (mask >= 0) ranking.rank(info, node, found, slot);
        feasible[found++] = node;
        continue;
      }
      for (const reason of verdict.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (verdict.unresolvable) unresolvable++;
      else resolvable.push(node);
    }
    this.nextStartNodeIndex = total ? (this.nextStartNodeIndex + evaluated) % total : 0;
    feasible.length = found;
    if (mask >= 0) return { feasible, reasons, unresolvable, evaluated, ranked: ranking.finishRanking(feasible) };
    return { feasible, reasons, unresolvable, evaluated };
  }

  private cycleContext(): CycleContext {
    const c = this.cache;
    return { nodes: c.nodes, antiAffinityPods: c.antiAffinityPods, imageNodes: c.imageNodes, imageVersion: c.imageVersion, preferNoScheduleNodes: c.preferNoScheduleNodes, store: this.ctx.api.store };
  }

  /** updatePod: the PodScheduled=False condition and, from PostFilter, the nominated node ('' clears it), in one write. */
  private setUnschedulableCondition(pod: KObject, message: string, nominatedNodeName?: string): void {
    const conds = pod.status?.conditions ?? [];
    const prev = conds.find((c: Record<string, string>) => c.type === 'PodScheduled');
    const nominationChanges = nominatedNodeName !== undefined && nominatedNodeName !== (pod.status?.nominatedNodeName ?? '');
    if (prev && prev.status === 'False' && prev.message === message && !nominationChanges) return;
    const cond = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : rfc3339(this.ctx.clock.now()) };
    const next = [...conds.filter((c: Record<string, string>) => c.type !== 'PodScheduled'), cond];
    const status = { ...pod.status, conditions: next };
    if (nominatedNodeName) status.nominatedNodeName = nominatedNodeName;
    else if (nominatedNodeName === '') delete status.nominatedNodeName;
    this.ctx.api.updateStatus(podType, pod, status, SCHEDULER_NAME);
  }

  /** Parked pods are retried at least every 5 minutes (podMaxInUnschedulablePodsDuration). */
  private ensureFlush(): void {
    if (this.flushTask && !this.flushTask.cancelled) return;
    this.flushTask = this.ctx.clock.after(UNSCHEDULABLE_FLUSH_MS, SCHEDULER_NAME, bound(this, this.flushDue));
  }

  private flushDue(): void {
    this.flushTask = undefined;
    this.moveAllToActive();
    if (this.queue.unschedulable.size) this.ensureFlush();
  }

  /** The latest attempt for a pod, for "why is this pod here / not scheduled?". */
  lastAttempt(namespace: string, name: string): SchedulingAttempt | undefined {
    return this.attempts.get(`${namespace}/${name}`);
  }

  /** Every node's verdict for a pod right now: which filter rejected it, or its scores. */
  explain(pod: KObject): NodeVerdict[] {
    // For a pod already bound, ask how it would be placed now (its nodeName came from binding).
    const alreadyBound = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'PodScheduled' && c.status === 'True');
    const info = podInfo(alreadyBound ? { ...pod, spec: { ...pod.spec, nodeName: undefined } } : pod);
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
    const scored = passing.length ? this.ranking.score(info, passing, this.cycleContext()) : [];
    for (const s of scored) {
      const v = verdicts.find((x) => x.node === s.node)!;
      v.scores = s.scores;
      v.total = s.total;
    }
    return verdicts;
  }
}

function nodeChangedForScheduling(node: KObject, old: KObject): boolean {
  return (
    node.spec?.unschedulable !== old.spec?.unschedulable ||
    JSON.stringify(node.spec?.taints ?? []) !== JSON.stringify(old.spec?.taints ?? []) ||
    JSON.stringify(node.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {}) ||
    JSON.stringify(node.status?.allocatable ?? {}) !== JSON.stringify(old.status?.allocatable ?? {})
  );
}
