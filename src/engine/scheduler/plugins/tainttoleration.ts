/**
 * TaintToleration: filters nodes with NoSchedule/NoExecute taints the pod does not tolerate;
 * scores down nodes with untolerated PreferNoSchedule taints (weight 3).
 */
import type { FilterPlugin, ScorePlugin } from '../framework';
import { formatTaintForMessage, tolerates } from '../taints';

export const TaintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, node) {
    for (const taint of node.taints) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!pod.tolerations.some((t) => tolerates(t, taint))) {
        return { reasons: [`node(s) had untolerated taint ${formatTaintForMessage(taint)}`], unresolvable: true };
      }
    }
    return undefined;
  },
};

export const TaintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  relevant: (_pod, nodes) => nodes.some((n) => n.taints.some((t) => t.effect === 'PreferNoSchedule')),
  score(pod, node) {
    let count = 0;
    for (const taint of node.taints) {
      if (taint.effect === 'PreferNoSchedule' && !pod.tolerations.some((t) => (!t.effect || t.effect === 'PreferNoSchedule') && tolerates(t, taint))) count++;
    }
    return count;
  },
  // DefaultNormalizeScore(reverse=true): fewer intolerable taints scores higher.
  normalize(scores) {
    const max = Math.max(0, ...scores);
    return scores.map((s) => (max === 0 ? 100 : 100 - Math.floor((s * 100) / max)));
  },
};
