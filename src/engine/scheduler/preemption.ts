/**
 * The preemption Evaluator's side effects (pkg/scheduler/framework/preemption, prepareCandidate):
 * once DefaultPreemption has chosen a node, each victim gets the DisruptionTarget condition
 * (reason PreemptionByScheduler, as v1.32 adds it), is deleted gracefully — its
 * terminationGracePeriodSeconds honoured by its kubelet — and gets a `Preempted` event; pods of
 * lower priority nominated to the same node lose their nomination. The preemptor itself is
 * nominated to the node by the scheduler, with its PodScheduled=False condition.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339 } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import type { FilterPlugin, NodeInfo, PodInfo } from './framework';
import type { PreemptionDecision } from './attempts';
import type { PodNominator } from './nominator';
import { preempt, type PreemptionCandidate } from './plugins/defaultpreemption';

const podType = typeForKind('Pod');

export interface PostFilterResult {
  /** What FitError appends ("preemption: …"); empty when a node was nominated. */
  message: string;
  /** The preemptor's new status.nominatedNodeName: a node, '' to clear it, undefined to leave it. */
  nominatedNodeName?: string;
  decision: PreemptionDecision;
}

export class PreemptionEvaluator {
  constructor(
    private ctx: ControllerContext,
    private nominator: PodNominator,
    private schedulerName: string,
  ) {}

  /** PostFilter: DefaultPreemption for a pod no node could take. */
  postFilter(pod: KObject, info: PodInfo, potentialNodes: NodeInfo[], nodes: Map<string, NodeInfo>, filters: FilterPlugin[]): PostFilterResult {
    const priority: number = pod.spec?.priority ?? 0;
    const nominatedName: string | undefined = pod.status?.nominatedNodeName || undefined;
    const nominatedNode = nominatedName ? nodes.get(nominatedName) : undefined;
    const outcome = preempt({
      pod: info,
      priority,
      potentialNodes,
      totalNodes: nodes.size,
      nominatedNode,
      nominatedNodeUnresolvable: !!nominatedNode && filters.some((f) => f.filter(info, nominatedNode)?.unresolvable),
      filters,
      nominatedOn: (node, atLeast, except) => this.nominator.nominatedOn(node, atLeast, except),
      store: this.ctx.api.store,
      rng: this.ctx.rng,
      now: this.ctx.clock.now(),
    });
    if (outcome.kind === 'notEligible') return { message: `preemption: ${outcome.message}`, decision: { outcome: 'notEligible', priority, why: outcome.why } };
    if (outcome.kind === 'noCandidates') return { message: `preemption: ${outcome.message}`, nominatedNodeName: '', decision: { outcome: 'noCandidates', priority } };
    const c = outcome.candidate;
    this.prepareCandidate(pod, c);
    const victims = c.victims.map((v) => ({ namespace: v.namespace, name: v.name, priority: v.priority }));
    const decision: PreemptionDecision = { outcome: 'nominated', priority, node: c.node, victims, pdbViolations: c.pdbViolations, candidates: outcome.candidates };
    const nodeObj = nodes.get(c.node)?.node;
    const victimRefs = victims.map((v) => ({ kind: 'Pod', namespace: v.namespace, name: v.name }));
    this.ctx.reasons.record(
      this.schedulerName,
      'scheduler.preempted',
      { node: c.node, priority, victims: victims.length, victimNames: victims.map((v) => `${v.namespace}/${v.name}`).join(', '), highestVictimPriority: victims[0]?.priority ?? 0, candidates: outcome.candidates, pdbViolations: c.pdbViolations },
      [refOf(pod), ...(nodeObj ? [refOf(nodeObj)] : []), ...victimRefs],
    );
    return { message: '', nominatedNodeName: c.node, decision };
  }

  /** prepareCandidate: evict the victims, then drop lower-priority nominations on the node. */
  private prepareCandidate(preemptor: KObject, c: PreemptionCandidate): void {
    const api = this.ctx.api;
    const now = rfc3339(this.ctx.clock.now());
    for (const v of c.victims) {
      const victim = api.store.get('pods', v.namespace, v.name);
      // Graceful deletion already under way: another call changes nothing.
      if (!victim || victim.metadata.deletionTimestamp) continue;
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: now,
        reason: 'PreemptionByScheduler',
        message: `${preemptor.spec?.schedulerName ?? this.schedulerName}: preempting to accommodate a higher priority pod`,
      };
      const conditions = [...(victim.status?.conditions ?? []).filter((x: { type: string }) => x.type !== 'DisruptionTarget'), condition];
      try {
        const updated = api.updateStatus(podType, victim, { ...victim.status, conditions }, this.schedulerName);
        api.delete(podType, v.namespace, v.name, this.schedulerName);
        api.event(updated, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${c.node}`, this.schedulerName);
      } catch {
        // The victim went away meanwhile: nothing left to evict.
      }
    }
    for (const key of this.nominator.lowerThan(c.node, preemptor.spec?.priority ?? 0)) {
      const [ns, name] = key.split('/');
      const p = api.store.get('pods', ns, name);
      if (!p?.status?.nominatedNodeName) continue;
      const { nominatedNodeName: _cleared, ...status } = p.status;
      void _cleared;
      api.updateStatus(podType, p, status, this.schedulerName);
    }
  }
}
