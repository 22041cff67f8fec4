/**
 * NodeAffinity: spec.nodeSelector and requiredDuringScheduling node affinity must match the
 * node's labels (filter); preferredDuringScheduling terms add their weights (score, weight 2).
 */
import type { FilterPlugin, ScorePlugin } from '../framework';
import { termMatches, type NodeSelectorTerm } from '../../helpers/nodeaffinity';

export const NodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  relevant: (pod) => Object.keys(pod.nodeSelector).length > 0 || !!pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  filter(pod, node) {
    for (const [k, v] of Object.entries(pod.nodeSelector)) {
      if (node.labels[k] !== v) return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
    }
    const terms: NodeSelectorTerm[] | undefined = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (terms && !terms.some((t) => termMatches(t, node))) {
      return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
    }
    return undefined;
  },
};

export const NodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  relevant: (pod) => (pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0,
  score(pod, node) {
    const preferred: { weight: number; preference: NodeSelectorTerm }[] = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    let total = 0;
    for (const p of preferred) if (p.weight && termMatches(p.preference, node)) total += p.weight;
    return total;
  },
  normalize(scores) {
    let max = 0;
    for (const s of scores) if (s > max) max = s;
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? 0 : Math.floor((scores[i] * 100) / max);
  },
};
