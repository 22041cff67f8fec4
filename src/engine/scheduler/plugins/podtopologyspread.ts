/**
 * PodTopologySpread, scoring with the scheduler's system default constraint
 * (kubernetes.io/hostname, maxSkew 3, ScheduleAnyway): nodes that already run more pods of
 * the same controller score lower, so replicas spread out (weight 2). Explicit
 * topologySpreadConstraints and the zone default come with the workloads work.
 */
import type { ScorePlugin } from '../framework';

const MAX_SKEW = 3;

export const PodTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  relevant: (pod) => !!pod.requests.owner,
  score(pod, node) {
    const owner = pod.requests.owner;
    if (!owner) return 0;
    return (node.ownerCounts.get(owner) ?? 0) + MAX_SKEW - 1;
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
