/** kubectl describe node: conditions, addresses, capacity, the pods on it and what they request. */
import type { KObject } from '../../api/types';
import { bytes, formatBytes, formatMilliCpu, milliCpu } from '../../api/quantity';
import type { EventRecord } from '../../api/events';
import { ageSince } from '../duration';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline, rfc1123z, taintsMultiline } from './writer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function sumRequests(pods: KObject[], kind: 'requests' | 'limits', res: 'cpu' | 'memory'): number {
  let total = 0;
  for (const p of pods) for (const c of p.spec?.containers ?? []) {
    const q = c.resources?.[kind]?.[res];
    if (q !== undefined) total += res === 'cpu' ? milliCpu(q) : bytes(q);
  }
  return total;
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${Math.floor((part * 100) / whole)}%` : '0%';
}

export function describeNode(node: KObject, pods: KObject[], lease: KObject | undefined, w: DescribeWriter, events: EventRecord[], now: number): void {
  const status = node.status ?? {};
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(0, `  HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(0, `  AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(0, `  RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  }
  const conds: Any[] = status.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(0, `  ${a.type}:\t${a.address}\n`);
  for (const [title, values] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(values ?? {}).sort()) w.write(0, `  ${k}:\t${(values as Record<string, string>)[k]}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  const sys: [string, string][] = [
    ['Machine ID', info.machineID],
    ['System UUID', info.systemUUID],
    ['Boot ID', info.bootID],
    ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage],
    ['Operating System', info.operatingSystem],
    ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion],
    ['Kubelet Version', info.kubeletVersion],
    ['Kube-Proxy Version', info.kubeProxyVersion],
  ];
  for (const [k, v] of sys) w.write(0, `  ${k}:\t${v ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  // In the API's list order (namespace, then name): kubectl lists the node's pods with a field selector.
  const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').sort((a, b) => byNamespacedName(a, b));
  const allocCpu = milliCpu(status.allocatable?.cpu);
  const allocMem = bytes(status.allocatable?.memory);
  w.write(0, `Non-terminated Pods:\t(${active.length} in total)\n`);
  // describe.go writes an empty column after Name ("Name\t\tCPU Requests"): two more spaces.
  w.write(0, '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(0, '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of active) {
    const cr = sumRequests([p], 'requests', 'cpu');
    const cl = sumRequests([p], 'limits', 'cpu');
    const mr = sumRequests([p], 'requests', 'memory');
    const ml = sumRequests([p], 'limits', 'memory');
    w.write(0, `  ${p.metadata.namespace}\t${p.metadata.name}\t\t${formatMilliCpu(cr)} (${pct(cr, allocCpu)})\t${formatMilliCpu(cl)} (${pct(cl, allocCpu)})\t${formatBytes(mr)} (${pct(mr, allocMem)})\t${formatBytes(ml)} (${pct(ml, allocMem)})\t${ageSince(now, p.metadata.creationTimestamp)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(0, '  Resource\tRequests\tLimits\n');
  w.write(0, '  --------\t--------\t------\n');
  const cr = sumRequests(active, 'requests', 'cpu');
  const cl = sumRequests(active, 'limits', 'cpu');
  const mr = sumRequests(active, 'requests', 'memory');
  const ml = sumRequests(active, 'limits', 'memory');
  w.write(0, `  cpu\t${formatMilliCpu(cr)} (${pct(cr, allocCpu)})\t${formatMilliCpu(cl)} (${pct(cl, allocCpu)})\n`);
  w.write(0, `  memory\t${formatBytes(mr)} (${pct(mr, allocMem)})\t${formatBytes(ml)} (${pct(ml, allocMem)})\n`);
  w.write(0, '  ephemeral-storage\t0 (0%)\t0 (0%)\n');
  w.write(0, '  hugepages-1Gi\t0 (0%)\t0 (0%)\n');
  w.write(0, '  hugepages-2Mi\t0 (0%)\t0 (0%)\n');
  eventsSection(w, events, now);
}

function byNamespacedName(a: KObject, b: KObject): number {
  const x = `${a.metadata.namespace}/${a.metadata.name}`;
  const y = `${b.metadata.namespace}/${b.metadata.name}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
