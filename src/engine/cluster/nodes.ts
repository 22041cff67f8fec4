/**
 * Node objects as a kubelet registers them (labels, addresses, capacity, nodeInfo), for a
 * kubeadm-style cluster on containerd.
 */
import type { KObject } from '../api/types';
import type { NodeSpec } from '../cloud/machine';
import { KUBERNETES_VERSION } from '../api/version';
import { rfc3339 } from '../sim/clock';
import { readyConditions } from '../kubelet/kubelet';
import { REGION, REGION_LABEL, ZONE_LABEL, zoneForNodeIndex } from '../storage/classes';

export type { NodeSpec } from '../cloud/machine';


export function nodeObject(spec: NodeSpec, index: number, now: number): KObject {
  const controlPlane = spec.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  // Worker VMs carry their region and zone (the cloud controller labels them). The control
  // plane gets none here, so zone spreading counts only the zones workloads can use.
  if (!controlPlane) {
    labels[REGION_LABEL] = REGION;
    labels[ZONE_LABEL] = zoneForNodeIndex(index);
  }
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  Object.assign(labels, spec.labels ?? {});
  const cpu = String(spec.cpu ?? (controlPlane ? 2 : 4));
  const memory = `${(spec.memoryGi ?? (controlPlane ? 4 : 8)) * 1024 * 1024}Ki`;
  const capacity = { cpu, 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory, pods: String(spec.pods ?? 110) };
  const ip = internalIP(index);
  const ts = rfc3339(now);
  const taints = [...(controlPlane ? [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] : []), ...(spec.taints ?? [])];
  const node: KObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: `${podCidrPrefix(index)}.0/24`, podCIDRs: [`${podCidrPrefix(index)}.0/24`] },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: { ...capacity },
      capacity,
      conditions: readyConditions(ts, ts),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-49-generic',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: '',
      },
    },
  };
  if (taints.length) node.spec.taints = taints;
  return node;
}

/** 172.18.0.2, 172.18.0.3 …, rolling into the next octet for big clusters. */
export function internalIP(index: number): string {
  const n = index + 2;
  return `172.18.${Math.floor(n / 256)}.${n % 256}`;
}

/**
 * Each node gets a /24 of the cluster CIDR 10.244.0.0/16. Clusters beyond 256 nodes need a
 * wider cluster CIDR; their further nodes take /24s from 10.65.0.0 upwards (clear of the
 * 10.96.0.0/12 service range).
 */
export function podCidrPrefix(index: number): string {
  if (index < 256) return `10.244.${index}`;
  return `10.${64 + Math.floor(index / 256)}.${index % 256}`;
}
