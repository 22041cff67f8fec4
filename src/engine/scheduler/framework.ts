/**
 * The scheduling framework's shapes (pkg/scheduler/framework): per-node and per-pod
 * information precomputed once, and the filter/score plugin interfaces. Plugins live one per
 * file in ./plugins, named as in kube-scheduler.
 */
import type { KObject } from '../api/types';
import type { ObjectStore } from '../api/store';
import { bytes, milliCpu } from '../api/quantity';
import { templateIdentity } from '../api/admission';
import type { Taint, Toleration } from '../helpers/taints';

export interface NodeInfo {
  name: string;
  node: KObject;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatableMilliCpu: number;
  allocatableMemory: number;
  allocatablePods: number;
  requestedMilliCpu: number;
  requestedMemory: number;
  /** Requests with kube-scheduler's defaults for containers that request nothing (scoring only). */
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
  podCount: number;
  /** Pods on the node, by "ns/name", with their requests, so removal is exact. */
  pods: Map<string, PodRequests>;
  /** Pods on the node per controlling owner uid (for spreading replicas). */
  ownerCounts: Map<string, number>;
  /** Host ports in use, as "protocol/hostIP/port". */
  usedPorts: Map<string, number>;
  /** Images on the node (its status.images), by every name they go by, with their sizes. */
  images: Map<string, number>;
  /** The node's place in the cache's order: its index into the memo arrays (NodeMemos). */
  slot: number;
}

export interface PodRequests {
  owner?: string;
  namespace?: string;
  labels?: Record<string, string>;
  /** "protocol/hostIP/port" for each hostPort the pod uses. */
  hostPorts?: string[];
  /** Required pod anti-affinity terms of an assigned pod (the other side of the symmetry check). */
  antiAffinity?: PodAffinityTerm[];
  /** spec.priority (0 when unset): who may preempt whom. */
  priority: number;
  milliCpu: number;
  memory: number;
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
}

export interface PodAffinityTerm {
  labelSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  namespaces?: string[];
  topologyKey: string;
}

export interface PodInfo {
  pod: KObject;
  key: string;
  /** State computed once per scheduling cycle by PreFilter, read by Filter and Score. */
  cycle: Map<string, unknown>;
  /** ImageLocality's per-cycle input (kept as plain fields: it is read once per node). */
  imageRefs: string[];
  imageSpreads: number[];
  imageMaxScore: number;
  /** The interned template signature for memoised results (undefined: compute everything afresh). */
  signature?: number;
  requests: PodRequests;
  tolerations: Toleration[];
  nodeSelector: Record<string, string>;
}

/** A filter's verdict on one node: undefined passes; otherwise the reasons, as kube-scheduler words them. */
export interface FilterResult {
  reasons: string[];
  /** True when preemption could not help (taints, affinity, node name, cordon). */
  unresolvable: boolean;
}

/** What PreFilter may look at: every node's info (the scheduler's snapshot). */
export interface CycleContext {
  nodes: Map<string, NodeInfo>;
  /** How many assigned pods carry required anti-affinity (their rules bind every new pod). */
  antiAffinityPods: number;
  /** How many nodes have each image (ImageLocality's spread), and a version that changes with it. */
  imageNodes: Map<string, number>;
  imageVersion: number;
  /** How many nodes carry a PreferNoSchedule taint. */
  preferNoScheduleNodes: number;
  /** The scheduler's informers for what is not in the cache (claims, volumes, classes). */
  store: ObjectStore;
}

export interface FilterPlugin {
  name: string;
  /**
   * PreFilter: once per cycle, before Filter (e.g. counting matching pods per topology domain).
   * A message means no node can take the pod (UnschedulableAndUnresolvable, e.g. a missing claim).
   */
  preFilter?(pod: PodInfo, ctx: CycleContext): string | undefined | void;
  /** PreFilter: false when the plugin cannot reject any node for this pod (it is then not run). */
  relevant?(pod: PodInfo): boolean;
  filter(pod: PodInfo, node: NodeInfo): FilterResult | undefined;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** PreScore: false when the plugin cannot tell nodes apart for this pod (it then scores 0 everywhere, unrun). */
  relevant?(pod: PodInfo, nodes: NodeInfo[], ctx: CycleContext): boolean;
  /** 0–100 per node (after normalisation, if the plugin normalises). */
  score(pod: PodInfo, node: NodeInfo): number;
  /** Optional NormalizeScore over all feasible nodes' raw scores, in place. */
  normalize?(scores: number[]): void;
}

// kube-scheduler pkg/scheduler/util: what a container that requests nothing counts as when scoring.
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** Pod requests: the sum over app containers, or the largest init container if that is larger. */
/** Sums per containers array: pods of one template share it, and the cache and every cycle ask. */
const containerSums = new WeakMap<object, [number, number, number, number]>();

function sumContainers(containers: KObject['spec']['containers'] | undefined): [number, number, number, number] {
  if (!containers) return [0, 0, 0, 0];
  // Keyed by the template's array: each pod's own copy (it has its token mount) sums the same.
  const key = templateIdentity(containers);
  let sums = containerSums.get(key);
  if (sums) return sums;
  let cpu = 0;
  let mem = 0;
  let nzCpu = 0;
  let nzMem = 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const cc = milliCpu(req.cpu);
    const cm = bytes(req.memory);
    cpu += cc;
    mem += cm;
    nzCpu += req.cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : cc;
    nzMem += req.memory === undefined ? DEFAULT_MEMORY_REQUEST : cm;
  }
  containerSums.set(key, (sums = [cpu, mem, nzCpu, nzMem]));
  return sums;
}

export function podRequests(pod: KObject): PodRequests {
  const sums = sumContainers(pod.spec?.containers);
  let [cpu, mem] = sums;
  const [, , nzCpu, nzMem] = sums;
  let sidecarCpu = 0;
  let sidecarMem = 0;
  for (const c of pod.spec?.initContainers ?? []) {
    const req = c.resources?.requests ?? {};
    if (c.restartPolicy === 'Always') {
      sidecarCpu += milliCpu(req.cpu);
      sidecarMem += bytes(req.memory);
      continue;
    }
    cpu = Math.max(cpu, milliCpu(req.cpu) + sidecarCpu);
    mem = Math.max(mem, bytes(req.memory) + sidecarMem);
  }
  cpu += sidecarCpu;
  mem += sidecarMem;
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
  const r: PodRequests = { owner, namespace: pod.metadata.namespace, labels: pod.metadata.labels, priority: pod.spec?.priority ?? 0, milliCpu: cpu, memory: mem, nonZeroMilliCpu: Math.max(nzCpu, cpu), nonZeroMemory: Math.max(nzMem, mem) };
  const hostPorts: string[] = [];
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.hostPort) hostPorts.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
  if (hostPorts.length) r.hostPorts = hostPorts;
  const anti = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (anti?.length) r.antiAffinity = anti;
  return r;
}

export function podInfo(pod: KObject): PodInfo {
  return {
    pod,
    cycle: new Map(),
    imageRefs: [],
    imageSpreads: [],
    imageMaxScore: 0,
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    requests: podRequests(pod),
    tolerations: pod.spec?.tolerations ?? [],
    nodeSelector: pod.spec?.nodeSelector ?? {},
  };
}
