/**
 * What the scheduler remembers of its decisions, for "why here?" and "why not scheduled?":
 * the latest attempt per pod — kept while a pod waits, and for the most recent bindings only —
 * and the FailedScheduling message upstream builds from the per-node reasons.
 */
import type { ObjectRef } from '../api/types';

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
  /** What DefaultPreemption (PostFilter) decided when no node fit. */
  preemption?: PreemptionDecision;
}

/**
 * A preemption as a decision: the node chosen and the pods evicted for it (highest priority
 * first), or why the pod could not preempt at all.
 */
export interface PreemptionDecision {
  outcome: 'nominated' | 'notEligible' | 'noCandidates';
  /** The preemptor's priority. */
  priority: number;
  why?: 'preemptionPolicyNever' | 'terminatingOnNominatedNode';
  node?: string;
  victims?: { namespace: string; name: string; priority: number }[];
  /** Victims whose eviction goes beyond what their PodDisruptionBudget allows. */
  pdbViolations?: number;
  /** How many nodes could have been made to fit (the chosen one is the best of them). */
  candidates?: number;
}

/** Attempts by pod key ("namespace/name"). */
export class AttemptLog {
  private static readonly KEEP_BOUND = 2000;
  private attempts = new Map<string, SchedulingAttempt>();
  private boundKeys: string[] = [];
  private boundHead = 0;

  get(key: string): SchedulingAttempt | undefined {
    return this.attempts.get(key);
  }

  /** A pod that could not be placed: kept as long as the pod exists. */
  unschedulable(key: string, attempt: SchedulingAttempt): void {
    this.attempts.set(key, attempt);
  }

  /** A pod placed on a node: the most recent bindings only, as a FIFO of keys (iterating a Map from its start would walk every slot deleted before). */
  bound(key: string, attempt: SchedulingAttempt): void {
    this.attempts.set(key, attempt);
    this.boundKeys.push(key);
    if (this.boundKeys.length - this.boundHead > AttemptLog.KEEP_BOUND) {
      const old = this.boundKeys[this.boundHead++];
      if (this.attempts.get(old)?.node) this.attempts.delete(old);
      if (this.boundHead > 4096) {
        this.boundKeys = this.boundKeys.slice(this.boundHead);
        this.boundHead = 0;
      }
    }
  }

  forget(key: string): void {
    this.attempts.delete(key);
  }
}

/**
 * FitError.Error(): "0/4 nodes are available: <sorted reason counts>." and then what the
 * PostFilter plugin said ("preemption: …"), nothing when preemption nominated a node.
 */
export function fitErrorMessage(totalNodes: number, reasons: Record<string, number>, preFilterMessage: string | undefined, postFilterMessage: string): string {
  // schedule_one.go: with no node at all the cycle stops before filtering (ErrNoNodesAvailable).
  if (totalNodes === 0) return 'no nodes available to schedule pods';
  // A PreFilter refusal replaces the per-node counts (FitError.Error()).
  const parts = preFilterMessage
    ? [preFilterMessage]
    : Object.entries(reasons)
        .map(([reason, count]) => `${count} ${reason}`)
        .sort();
  return `0/${totalNodes} nodes are available: ${parts.join(', ')}.${postFilterMessage ? ` ${postFilterMessage}` : ''}`;
}
