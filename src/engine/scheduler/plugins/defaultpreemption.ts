/**
 * DefaultPreemption, the PostFilter plugin (pkg/scheduler/framework/plugins/defaultpreemption
 * and pkg/scheduler/framework/preemption): when a pod fits nowhere, find a node where evicting
 * pods of lower priority would make it fit. On each node that failed only for reasons eviction
 * can fix, every lower-priority pod is taken off in a dry run; if the pod then fits, victims
 * are reprieved one by one — those whose PodDisruptionBudget would be violated first, each
 * group from the highest priority down — so only the pods that must go are evicted. Among the
 * candidate nodes, pickOneNodeForPreemption prefers the fewest budget violations, the lowest
 * highest-victim priority, the lowest priority sum, the fewest victims, then the latest start.
 *
 * Runs only for a pod no node could take, and touches only the pods on the nodes it tries (at
 * most max(100, 10 % of them) candidates are collected), so it stays linear in what it reads.
 * Kept out of the dry run, as a cost upstream pays through PreFilter extensions: the
 * InterPodAffinity and PodTopologySpread state is the real cluster's, not the one with the
 * victims gone.
 */
import type { KObject } from '../../api/types';
import type { ObjectStore } from '../../api/store';
import type { Rng } from '../../sim/rng';
import { parseRfc3339 } from '../../sim/clock';
import { matches, selectorFromObject } from '../../api/labels';
import type { FilterPlugin, NodeInfo, PodInfo, PodRequests } from '../framework';

export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** DefaultPreemptionArgs' defaults. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export interface Victim {
  key: string;
  namespace: string;
  name: string;
  priority: number;
  /** status.startTime in ms (now for a pod not started yet, as GetPodStartTime answers). */
  startTime: number;
}

export interface PreemptionCandidate {
  node: string;
  /** Highest priority first (MoreImportantPod order). */
  victims: Victim[];
  pdbViolations: number;
}

/** What a preemption attempt concluded — the data the "why" view shows. */
export type PreemptionOutcome =
  | { kind: 'notEligible'; why: 'preemptionPolicyNever' | 'terminatingOnNominatedNode'; message: string }
  | { kind: 'noCandidates'; message: string }
  | { kind: 'nominated'; candidate: PreemptionCandidate; candidates: number };

export interface PreemptionInput {
  pod: PodInfo;
  priority: number;
  /** Nodes that failed a filter with a reason eviction might fix (not UnschedulableAndUnresolvable). */
  potentialNodes: NodeInfo[];
  totalNodes: number;
  /** The node the pod was nominated to earlier, and whether a filter found it hopeless this cycle. */
  nominatedNode?: NodeInfo;
  nominatedNodeUnresolvable: boolean;
  filters: FilterPlugin[];
  /** Pods nominated to a node with priority at least the given one (they hold their place there). */
  nominatedOn(node: string, atLeast: number, except: string): PodRequests[];
  store: ObjectStore;
  rng: Rng;
  now: number;
}

const PREEMPT_NEVER_MESSAGE = 'not eligible due to preemptionPolicy=Never.';
const TERMINATING_MESSAGE = 'not eligible due to a terminating pod on the nominated node.';

/** A pod the scheduler already preempted, still terminating (podTerminatingByPreemption). */
export function terminatingByPreemption(pod: KObject | undefined): boolean {
  if (!pod?.metadata.deletionTimestamp) return false;
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string; reason?: string }) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');
}

function podOf(store: ObjectStore, key: string): KObject | undefined {
  const slash = key.indexOf('/');
  return store.get('pods', key.slice(0, slash), key.slice(slash + 1));
}

/** PodEligibleToPreemptOthers. */
function eligibility(input: PreemptionInput): PreemptionOutcome | undefined {
  if (input.pod.pod.spec?.preemptionPolicy === 'Never') return { kind: 'notEligible', why: 'preemptionPolicyNever', message: PREEMPT_NEVER_MESSAGE };
  const nominated = input.nominatedNode;
  // A nominated node the filters now find hopeless is no reason to wait: preempt elsewhere.
  if (!nominated || input.nominatedNodeUnresolvable) return undefined;
  for (const [key, r] of nominated.pods) {
    if (r.priority < input.priority && terminatingByPreemption(podOf(input.store, key))) {
      return { kind: 'notEligible', why: 'terminatingOnNominatedNode', message: TERMINATING_MESSAGE };
    }
  }
  return undefined;
}

/** A node as it would be with some of its pods gone (and the nominated pods that outrank the preemptor added). */
class NodeSimulation {
  readonly node: NodeInfo;
  private ports: Map<string, number> | undefined;

  constructor(real: NodeInfo, extra: PodRequests[]) {
    this.node = { ...real };
    for (const r of extra) this.add(r);
  }

  add(r: PodRequests): void {
    this.node.requestedMilliCpu += r.milliCpu;
    this.node.requestedMemory += r.memory;
    this.node.podCount++;
    for (const hp of r.hostPorts ?? []) this.usedPorts().set(hp, (this.usedPorts().get(hp) ?? 0) + 1);
  }

  remove(r: PodRequests): void {
    this.node.requestedMilliCpu -= r.milliCpu;
    this.node.requestedMemory -= r.memory;
    this.node.podCount--;
    for (const hp of r.hostPorts ?? []) {
      const n = (this.usedPorts().get(hp) ?? 1) - 1;
      if (n <= 0) this.usedPorts().delete(hp);
      else this.usedPorts().set(hp, n);
    }
  }

  /** Copied on first change: the cache's map stays untouched. */
  private usedPorts(): Map<string, number> {
    if (!this.ports) this.node.usedPorts = this.ports = new Map(this.node.usedPorts);
    return this.ports;
  }
}

/** A node with other pods' requests added: nominated pods holding their place there. */
export function nodeWithPods(node: NodeInfo, extra: PodRequests[]): NodeInfo {
  return new NodeSimulation(node, extra).node;
}

/** The filters' verdict on a node, as RunFilterPluginsWithNominatedPods gives it. */
export function filterReasons(pod: PodInfo, node: NodeInfo, filters: FilterPlugin[]): string[] | undefined {
  for (const plugin of filters) {
    const r = plugin.filter(pod, node);
    if (r) return r.reasons;
  }
  return undefined;
}

interface Budget {
  namespace: string;
  selector: ReturnType<typeof selectorFromObject>;
  allowed: number;
  disrupted: Record<string, unknown>;
}

function budgets(store: ObjectStore): Budget[] {
  return store.list('poddisruptionbudgets').map((pdb) => ({
    namespace: pdb.metadata.namespace!,
    selector: selectorFromObject(pdb.spec?.selector),
    allowed: pdb.status?.disruptionsAllowed ?? 0,
    disrupted: pdb.status?.disruptedPods ?? {},
  }));
}

/** filterPodsWithPDBViolation: walking victims in order, those that take a budget below zero violate it. */
function splitByBudgetViolation(victims: (Victim & { r: PodRequests })[], pdbs: Budget[]): [(Victim & { r: PodRequests })[], (Victim & { r: PodRequests })[]] {
  const allowed = pdbs.map((b) => b.allowed);
  const violating: (Victim & { r: PodRequests })[] = [];
  const nonViolating: (Victim & { r: PodRequests })[] = [];
  for (const v of victims) {
    let violated = false;
    // A pod without labels matches no budget; an empty selector matches nothing.
    if (v.r.labels && Object.keys(v.r.labels).length) {
      pdbs.forEach((b, i) => {
        if (b.namespace !== v.namespace || b.selector.length === 0 || !matches(b.selector, v.r.labels)) return;
        // Already counted by the API server's eviction: not a new violation.
        if (Object.hasOwn(b.disrupted, v.name)) return;
        if (--allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(v);
  }
  return [violating, nonViolating];
}

/** MoreImportantPod: higher priority first, then the one that started earlier. */
const moreImportant = (a: Victim, b: Victim) => b.priority - a.priority || a.startTime - b.startTime;

/** SelectVictimsOnNode: the fewest lower-priority pods whose eviction lets the pod fit, or why none can. */
function selectVictimsOnNode(input: PreemptionInput, node: NodeInfo, pdbs: Budget[]): { victims: Victim[]; pdbViolations: number } | { reasons: string[] } {
  const sim = new NodeSimulation(node, input.nominatedOn(node.name, input.priority, input.pod.key));
  const potential: (Victim & { r: PodRequests })[] = [];
  for (const [key, r] of node.pods) {
    if (r.priority >= input.priority) continue;
    const live = podOf(input.store, key);
    const slash = key.indexOf('/');
    potential.push({ key, namespace: key.slice(0, slash), name: key.slice(slash + 1), priority: r.priority, startTime: parseRfc3339(live?.status?.startTime) ?? input.now, r });
    sim.remove(r);
  }
  if (potential.length === 0) return { reasons: [NO_VICTIMS] };
  const unfit = filterReasons(input.pod, sim.node, input.filters);
  if (unfit) return { reasons: unfit };
  potential.sort(moreImportant);
  const [violating, nonViolating] = splitByBudgetViolation(potential, pdbs);
  const victims: Victim[] = [];
  let pdbViolations = 0;
  const reprieve = (v: Victim & { r: PodRequests }): boolean => {
    sim.add(v.r);
    if (!filterReasons(input.pod, sim.node, input.filters)) return true;
    sim.remove(v.r);
    victims.push({ key: v.key, namespace: v.namespace, name: v.name, priority: v.priority, startTime: v.startTime });
    return false;
  };
  for (const v of violating) if (!reprieve(v)) pdbViolations++;
  for (const v of nonViolating) reprieve(v);
  victims.sort(moreImportant);
  return { victims, pdbViolations };
}

/** pickOneNodeForPreemption's criteria, in order; the first candidate wins a tie on all of them. */
export function pickOneNodeForPreemption(candidates: PreemptionCandidate[]): PreemptionCandidate | undefined {
  const earliestStartOfHighest = (c: PreemptionCandidate) => {
    const top = c.victims[0]?.priority;
    let earliest = Infinity;
    for (const v of c.victims) if (v.priority === top && v.startTime < earliest) earliest = v.startTime;
    return earliest;
  };
  const scores: ((c: PreemptionCandidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -(c.victims[0]?.priority ?? 0),
    // Each priority shifted by 2^31 so a few negative-priority pods never beat fewer of them.
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + 2147483648, 0),
    (c) => -c.victims.length,
    earliestStartOfHighest,
  ];
  let remaining = candidates;
  for (const score of scores) {
    if (remaining.length <= 1) break;
    let best = -Infinity;
    let kept: PreemptionCandidate[] = [];
    for (const c of remaining) {
      const s = score(c);
      if (s > best) {
        best = s;
        kept = [c];
      } else if (s === best) kept.push(c);
    }
    remaining = kept;
  }
  return remaining[0];
}

/** Evaluator.Preempt up to choosing the node: eligibility, the dry run over candidates, the pick. */
export function preempt(input: PreemptionInput): PreemptionOutcome {
  const notEligible = eligibility(input);
  if (notEligible) return notEligible;
  const nodes = input.potentialNodes;
  const statuses: Record<string, number> = {};
  let evaluated = 0;
  const nonViolating: PreemptionCandidate[] = [];
  const violating: PreemptionCandidate[] = [];
  if (nodes.length > 0) {
    const pdbs = budgets(input.store);
    const offset = input.rng.int(nodes.length);
    const wanted = Math.min(nodes.length, Math.max(MIN_CANDIDATE_NODES_ABSOLUTE, Math.floor((nodes.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100)));
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[(offset + i) % nodes.length];
      const result = selectVictimsOnNode(input, node, pdbs);
      if ('victims' in result) {
        (result.pdbViolations === 0 ? nonViolating : violating).push({ node: node.name, ...result });
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
        continue;
      }
      evaluated++;
      for (const reason of result.reasons) statuses[reason] = (statuses[reason] ?? 0) + 1;
    }
  }
  const candidates = [...nonViolating, ...violating];
  if (candidates.length === 0) {
    // The nodes not tried (filtered out as hopeless) count as "Preemption is not helpful".
    const absent = input.totalNodes - evaluated;
    if (absent > 0) statuses[NOT_HELPFUL] = (statuses[NOT_HELPFUL] ?? 0) + absent;
    const parts = Object.entries(statuses)
      .map(([reason, count]) => `${count} ${reason}`)
      .sort();
    return { kind: 'noCandidates', message: `0/${input.totalNodes} nodes are available: ${parts.join(', ')}.` };
  }
  return { kind: 'nominated', candidate: pickOneNodeForPreemption(candidates)!, candidates: candidates.length };
}
