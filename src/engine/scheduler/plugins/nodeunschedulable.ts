/** NodeUnschedulable: a cordoned node (spec.unschedulable) takes no new pods unless they tolerate it. */
import type { FilterPlugin } from '../framework';
import { tolerates } from '../../helpers/taints';

const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.unschedulable) return undefined;
    if (pod.tolerations.some((t) => tolerates(t, taint))) return undefined;
    return { reasons: ["node(s) were unschedulable"], unresolvable: true };
  },
};
