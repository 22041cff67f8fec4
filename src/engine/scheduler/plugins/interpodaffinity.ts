/**
 * InterPodAffinity: required pod affinity needs a matching pod in the node's topology domain,
 * required anti-affinity forbids one — in both directions (existing pods' anti-affinity also
 * keeps the new pod away). Preferred terms add or subtract their weight (score, weight 2).
 */
import type { CycleContext, FilterPlugin, NodeInfo, PodAffinityTerm, PodInfo, ScorePlugin } from '../framework';
import { matches, selectorFromObject } from '../../api/labels';

interface State {
  /** Per required affinity term: topology value → matching pods. */
  affinity: Map<string, number>[];
  anyAffinityMatch: boolean[];
  selfMatches: boolean[];
  /** Per required anti-affinity term: topology value → matching pods. */
  anti: Map<string, number>[];
  /** "key=value" domains where an existing pod's anti-affinity rejects this pod. */
  existingAnti: Set<string>;
  /** Preferred terms: per term, topology value → matching pods. */
  preferred: { weight: number; sign: 1 | -1; term: PodAffinityTerm; counts: Map<string, number> }[];
}

function termMatches(term: PodAffinityTerm, ownNamespace: string, ns: string | undefined, labels: Record<string, string> | undefined): boolean {
  const namespaces = term.namespaces?.length ? term.namespaces : [ownNamespace];
  return !!ns && namespaces.includes(ns) && matches(selectorFromObject(term.labelSelector), labels);
}

function spec(pod: PodInfo) {
  const a = pod.pod.spec?.affinity ?? {};
  return {
    affinity: (a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[],
    anti: (a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[],
    prefAffinity: (a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as { weight: number; podAffinityTerm: PodAffinityTerm }[],
    prefAnti: (a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as { weight: number; podAffinityTerm: PodAffinityTerm }[],
  };
}

function compute(pod: PodInfo, ctx: CycleContext): State {
  const s = spec(pod);
  const ns = pod.pod.metadata.namespace!;
  const labels = pod.pod.metadata.labels;
  const state: State = {
    affinity: s.affinity.map(() => new Map()),
    anyAffinityMatch: s.affinity.map(() => false),
    selfMatches: s.affinity.map((t) => termMatches(t, ns, ns, labels)),
    anti: s.anti.map(() => new Map()),
    existingAnti: new Set(),
    preferred: [...s.prefAffinity.map((p) => ({ weight: p.weight, sign: 1 as const, term: p.podAffinityTerm, counts: new Map() })), ...s.prefAnti.map((p) => ({ weight: p.weight, sign: -1 as const, term: p.podAffinityTerm, counts: new Map() }))],
  };
  const bump = (m: Map<string, number>, v: string | undefined) => v !== undefined && m.set(v, (m.get(v) ?? 0) + 1);
  for (const node of ctx.nodes.values()) {
    for (const existing of node.pods.values()) {
      s.affinity.forEach((t, i) => {
        if (termMatches(t, ns, existing.namespace, existing.labels)) {
          state.anyAffinityMatch[i] = true;
          bump(state.affinity[i], node.labels[t.topologyKey]);
        }
      });
      s.anti.forEach((t, i) => termMatches(t, ns, existing.namespace, existing.labels) && bump(state.anti[i], node.labels[t.topologyKey]));
      for (const p of state.preferred) if (termMatches(p.term, ns, existing.namespace, existing.labels)) bump(p.counts, node.labels[p.term.topologyKey]);
      for (const t of existing.antiAffinity ?? []) {
        if (termMatches(t, existing.namespace ?? ns, ns, labels) && node.labels[t.topologyKey] !== undefined) state.existingAnti.add(`${t.topologyKey}=${node.labels[t.topologyKey]}`);
      }
    }
  }
  return state;
}

function hasAffinity(pod: PodInfo): boolean {
  const a = pod.pod.spec?.affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

export const InterPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  // Without terms of its own a pod still answers to existing pods' anti-affinity.
  preFilter(pod, ctx) {
    if (hasAffinity(pod) || ctx.antiAffinityPods > 0) pod.cycle.set('InterPodAffinity', compute(pod, ctx));
  },
  filter(pod, node: NodeInfo) {
    const state = pod.cycle.get('InterPodAffinity') as State | undefined;
    if (!state) return undefined;
    // Filter's order: the pod's affinity, its anti-affinity, then existing pods' anti-affinity.
    const s = spec(pod);
    for (let i = 0; i < s.affinity.length; i++) {
      const v = node.labels[s.affinity[i].topologyKey];
      // The first pod of a group that selects itself may go anywhere (no matching pod exists yet).
      const firstOfItsKind = !state.anyAffinityMatch[i] && state.selfMatches[i];
      if (v === undefined || (!firstOfItsKind && (state.affinity[i].get(v) ?? 0) === 0)) return { reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true };
    }
    for (let i = 0; i < s.anti.length; i++) {
      const v = node.labels[s.anti[i].topologyKey];
      if (v !== undefined && (state.anti[i].get(v) ?? 0) > 0) return { reasons: ["node(s) didn't match pod anti-affinity rules"], unresolvable: false };
    }
    for (const domain of state.existingAnti) {
      const [k, v] = domain.split('=');
      if (node.labels[k] === v) return { reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"], unresolvable: false };
    }
    return undefined;
  },
};

export const InterPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  relevant: (pod) => ((pod.cycle.get('InterPodAffinity') as State | undefined)?.preferred.length ?? 0) > 0,
  score(pod, node) {
    const state = pod.cycle.get('InterPodAffinity') as State;
    let total = 0;
    for (const p of state.preferred) {
      const v = node.labels[p.term.topologyKey];
      if (v !== undefined) total += p.sign * p.weight * (p.counts.get(v) ?? 0);
    }
    return total;
  },
  normalize(scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    for (let i = 0; i < scores.length; i++) scores[i] = max === min ? 0 : Math.floor((100 * (scores[i] - min)) / (max - min));
  },
};
