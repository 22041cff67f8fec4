/** NodeName: a pod that names its node (spec.nodeName before binding) fits only there. */
import type { FilterPlugin } from '../framework';

export const NodeName: FilterPlugin = {
  name: 'NodeName',
  relevant: (pod) => !!pod.pod.spec?.nodeName,
  filter(pod, node) {
    const wanted = pod.pod.spec?.nodeName;
    if (!wanted || wanted === node.name) return undefined;
    return { reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  },
};
