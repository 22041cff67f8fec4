/**
 * NodeResourcesFit: the node must have room for the pod's requests (filter: "Insufficient
 * cpu", "Insufficient memory", "Too many pods"); the default LeastAllocated strategy scores
 * emptier nodes higher (weight 1, cpu and memory weighted equally).
 */
import type { FilterPlugin, ScorePlugin } from '../framework';

export const NodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node) {
    const reasons: string[] = [];
    if (node.podCount + 1 > node.allocatablePods) reasons.push('Too many pods');
    const r = pod.requests;
    if (r.milliCpu > 0 && node.requestedMilliCpu + r.milliCpu > node.allocatableMilliCpu) reasons.push('Insufficient cpu');
    if (r.memory > 0 && node.requestedMemory + r.memory > node.allocatableMemory) reasons.push('Insufficient memory');
    return reasons.length ? { reasons, unresolvable: false } : undefined;
  },
};

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * 100) / capacity);
}

export const NodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, node) {
    const cpu = leastAllocated(node.nonZeroMilliCpu + pod.requests.nonZeroMilliCpu, node.allocatableMilliCpu);
    const mem = leastAllocated(node.nonZeroMemory + pod.requests.nonZeroMemory, node.allocatableMemory);
    return Math.floor((cpu + mem) / 2);
  },
};
