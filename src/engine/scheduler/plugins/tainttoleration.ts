/**
 * TaintToleration: filters nodes with NoSchedule/NoExecute taints the pod does not tolerate;
 * scores down nodes with untolerated PreferNoSchedule taints (weight 3).
 */
import type { FilterPlugin, ScorePlugin } from '../framework';
import { formatTaintForMessage, tolerates } from '../../helpers/taints';

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
  relevant: (_pod, _nodes, ctx) => ctx.preferNoScheduleNodes > 0,
  score(pod, node) {
    let count = 0;
    for (const taint of node.taints) {
      if (taint.effect === 'PreferNoSchedule' && !pod.tolerations.some((t) => (!t.effect || t.effect === 'PreferNoSchedule') && tolerates(t, taint))) count++;
    }
    return count;
  },
  // DefaultNormalizeScore(reverse=true): fewer intolerable taints scores higher.
  normalize(scores) {
    let max = 0;
    for (const s of scores) if (s > max) max = s;
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? 100 : 100 - Math.floor((scores[i] * 100) / max);
  },
};
