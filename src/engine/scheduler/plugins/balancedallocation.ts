/**
 * NodeResourcesBalancedAllocation: prefers nodes where cpu and memory would be used in the
 * same proportion, so neither runs out while the other idles (weight 1).
 */
import type { ScorePlugin } from '../framework';

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, node) {
    if (node.allocatableMilliCpu === 0 || node.allocatableMemory === 0) return 0;
    const cpu = Math.min(1, (node.nonZeroMilliCpu + pod.requests.nonZeroMilliCpu) / node.allocatableMilliCpu);
    const mem = Math.min(1, (node.nonZeroMemory + pod.requests.nonZeroMemory) / node.allocatableMemory);
    // With two resources the standard deviation is half their difference.
    const std = Math.abs(cpu - mem) / 2;
    return Math.floor((1 - std) * 100);
  },
};
