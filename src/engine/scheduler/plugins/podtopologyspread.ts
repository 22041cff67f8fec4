/**
 * PodTopologySpread: spread matching pods over topology domains (nodes, zones …).
 * Constraints with whenUnsatisfiable: DoNotSchedule filter out nodes that would push a domain
 * more than maxSkew above the emptiest one; ScheduleAnyway constraints score. Pods without
 * constraints of their own get the scheduler's system default (spread by hostname, maxSkew 3,
 * ScheduleAnyway, over pods of the same controller). Weight 2.
 */
import type { CycleContext, FilterPlugin, NodeInfo, PodInfo, ScorePlugin } from '../framework';
import { matches, selectorFromObject, type Selector } from '../../api/labels';
import { termMatches } from '../../helpers/nodeaffinity';

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  selector: Selector;
  counts: Map<string, number>;
  min: number;
}

const DEFAULT_MAX_SKEW = 3;

/** Whether a node counts as a domain for the pod (nodeAffinityPolicy: Honor, the default). */
function eligible(pod: PodInfo, node: NodeInfo): boolean {
  for (const [k, v] of Object.entries(pod.nodeSelector)) if (node.labels[k] !== v) return false;
  const terms = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((t: Parameters<typeof termMatches>[0]) => termMatches(t, node));
}

function compute(pod: PodInfo, ctx: CycleContext): Constraint[] {
  const raw: { maxSkew: number; topologyKey: string; whenUnsatisfiable: string; labelSelector?: object }[] = pod.pod.spec?.topologySpreadConstraints ?? [];
  const ns = pod.pod.metadata.namespace;
  const constraints: Constraint[] = raw.map((c) => ({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, whenUnsatisfiable: c.whenUnsatisfiable, selector: selectorFromObject(c.labelSelector as never), counts: new Map(), min: Infinity }));
  for (const node of ctx.nodes.values()) {
    if (!eligible(pod, node)) continue;
    for (const c of constraints) {
      const domain = node.labels[c.topologyKey];
      if (domain === undefined) continue;
      let n = c.counts.get(domain) ?? 0;
      for (const p of node.pods.values()) if (p.namespace === ns && matches(c.selector, p.labels)) n++;
      c.counts.set(domain, n);
    }
  }
  for (const c of constraints) for (const n of c.counts.values()) c.min = Math.min(c.min, n);
  return constraints;
}

export const PodTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  relevant: (pod) => (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0,
  preFilter(pod, ctx) {
    if ((pod.pod.spec?.topologySpreadConstraints ?? []).length) pod.cycle.set('PodTopologySpread', compute(pod, ctx));
  },
  filter(pod, node) {
    const constraints = pod.cycle.get('PodTopologySpread') as Constraint[] | undefined;
    for (const c of constraints ?? []) {
      if (c.whenUnsatisfiable !== 'DoNotSchedule') continue;
      const domain = node.labels[c.topologyKey];
      if (domain === undefined) return { reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"], unresolvable: true };
      const selfMatch = matches(c.selector, pod.pod.metadata.labels) ? 1 : 0;
      const skew = (c.counts.get(domain) ?? 0) + selfMatch - (Number.isFinite(c.min) ? c.min : 0);
      if (skew > c.maxSkew) return { reasons: ["node(s) didn't match pod topology spread constraints"], unresolvable: false };
    }
    return undefined;
  },
};

export const PodTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  relevant: (pod) => {
    const constraints = pod.cycle.get('PodTopologySpread') as Constraint[] | undefined;
    if (constraints) return constraints.some((c) => c.whenUnsatisfiable === 'ScheduleAnyway');
    return !!pod.requests.owner;
  },
  score(pod, node) {
    const constraints = pod.cycle.get('PodTopologySpread') as Constraint[] | undefined;
    if (constraints) {
      let total = 0;
      for (const c of constraints) {
        if (c.whenUnsatisfiable !== 'ScheduleAnyway') continue;
        const domain = node.labels[c.topologyKey];
        total += (domain === undefined ? 0 : (c.counts.get(domain) ?? 0)) + c.maxSkew - 1;
      }
      return total;
    }
    // The system default: spread replicas of one controller over hostnames.
    const owner = pod.requests.owner!;
    return (node.ownerCounts.get(owner) ?? 0) + DEFAULT_MAX_SKEW - 1;
  },
  // podtopologyspread NormalizeScore: fewer matching pods in the domain scores higher.
  normalize(scores) {
    let max = 0;
    let min = Infinity;
    for (const s of scores) {
      max = Math.max(max, s);
      min = Math.min(min, s);
    }
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? 100 : Math.floor((100 * (max + min - scores[i])) / max);
  },
};
