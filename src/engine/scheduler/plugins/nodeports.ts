/** NodePorts: a pod asking for a hostPort fits only where that port is free. */
import type { FilterPlugin } from '../framework';

export const NodePorts: FilterPlugin = {
  name: 'NodePorts',
  relevant: (pod) => !!pod.requests.hostPorts?.length,
  filter(pod, node) {
    for (const hp of pod.requests.hostPorts ?? []) {
      const [proto, ip, port] = hp.split('/');
      // 0.0.0.0 clashes with every address on the same port and protocol.
      const clash = [...node.usedPorts.keys()].some((u) => {
        const [p2, ip2, port2] = u.split('/');
        return p2 === proto && port2 === port && (ip === ip2 || ip === '0.0.0.0' || ip2 === '0.0.0.0');
      });
      if (clash) return { reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
    }
    return undefined;
  },
};
