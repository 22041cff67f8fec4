/**
 * The kubelet's server on each node (:10250) as the API server reaches it for `pods/log` and
 * `pods/exec`. A command run by exec may itself call the network (wget, curl), so exec is
 * wired to the cluster's HTTP model with every node's running containers.
 */
import type { ObjectStore } from '../api/store';
import type { NodeServer } from '../api/subresources';
import type { Kubelet } from '../kubelet/kubelet';
import { execInContainer, type ExecResult } from '../kubelet/exec';
import type { KObject } from '../api/types';
import { httpRequest } from '../network/http';
import { KUBE_DNS_ADDRESS, NetworkPolicyEvaluator, dnsVerdict, peerOfPod, recordPolicyDrop } from '../network/networkPolicy';
import type { ReasonLog } from '../client/reasons';

/** What a node's server reaches beyond its own kubelet. */
export interface NodeServerDeps {
  store: ObjectStore;
  kubelets: Map<string, Kubelet>;
  now: () => number;
  reasons?: ReasonLog;
  /** kubectl run inside a pod, as its ServiceAccount (./podKubectl.ts). */
  kubectl?: (pod: KObject, words: string[]) => ExecResult;
  /** kube-proxy's pick among a Service's ready endpoints. */
  endpointChoice: { int(maxExclusive: number): number };
}

export function nodeServerFor(kubelet: Kubelet, { store, kubelets, now, reasons, kubectl, endpointChoice }: NodeServerDeps): NodeServer {
  return {
    get reachable() {
      return kubelet.isRunning;
    },
    logs: (namespace, name, container, previous, query) => kubelet.logs(namespace, name, container, previous, query),
    exec: (namespace, name, container, words, stdin) => {
      const running = kubelet.runningContainer(namespace, name, container);
      if ('error' in running) return { error: running.error };
      const pod = store.get('pods', namespace, name);
      if (!pod) return { error: `container ${container} is not valid for pod ${name}` };
      const http = (url: string, hostHeader?: string) => {
        const r = httpRequest(
          {
            store,
            endpointChoice,
            containers: (ns, podName) => {
              const p = store.get('pods', ns, podName);
              const k = p?.spec?.nodeName ? kubelets.get(p.spec.nodeName) : undefined;
              if (!k?.isRunning) return undefined;
              return k.runningContainers().filter((c) => c.namespace === ns && c.pod === podName);
            },
          },
          pod,
          url,
          hostHeader,
        );
        // A dropped connection is the network plugin's decision: the "Why?" view says which policy.
        if ('error' in r && r.denied) recordPolicyDrop(reasons, r.denied.verdict, r.denied.from, r.denied.to, r.denied.port, r.denied.protocol, store);
        return r;
      };
      const dnsReachable = () => {
        const policy = new NetworkPolicyEvaluator(store);
        if (policy.empty) return true;
        const client = peerOfPod(pod);
        const verdict = dnsVerdict(policy, store, client);
        recordPolicyDrop(reasons, verdict, client, { ip: KUBE_DNS_ADDRESS }, 53, 'UDP', store);
        return verdict.allowed;
      };
      return execInContainer(store, pod, { ...running, http, dnsReachable, ...(kubectl ? { kubectl: (w: string[]) => kubectl(pod, w) } : {}) }, now(), words, stdin);
    },
  };
}
