/**
 * The diagram's view of the cluster: plain objects built from the engine's public API on every
 * frame the store refreshes. Everything the diagram and the list view draw comes from here.
 */
import { nodeStatus, podReady, podRestarts, podStatusReason, selectorMatches, type EnginePort, type KObject, type Selector } from '../../engine/port';

export type PodTone = 'running' | 'pending' | 'failed' | 'done' | 'terminating';

export interface DPod {
  uid: string;
  name: string;
  namespace: string;
  status: string;
  tone: PodTone;
  ready: string;
  restarts: number;
  containers: number;
  /** The top-level workload that owns the pod (Deployment rather than its ReplicaSet). */
  owner?: { kind: string; name: string };
  node?: string;
}

export interface DDisk {
  pv: string;
  claim: string;
  capacity: string;
  storageClass: string;
  attached: boolean;
}

export interface DNode {
  name: string;
  controlPlane: boolean;
  status: string;
  ready: boolean;
  cordoned: boolean;
  machineRunning: boolean;
  zone?: string;
  /** Labels worth showing (the well-known kubernetes.io ones are left out). */
  labels: string[];
  taints: string[];
  cpu: number;
  memory: number;
  podsUsed: number;
  podsMax: number;
  pods: DPod[];
  disks: DDisk[];
  /**
   * While the node carries a NoExecute not-ready/unreachable taint: how many of its pods the
   * taint-eviction controller will evict, and in how many simulated seconds the first goes
   * (the taint's timeAdded plus the pod's tolerationSeconds, 300 s by default).
   */
  eviction?: { pods: number; inSeconds: number };
}

export interface DService {
  uid: string;
  name: string;
  namespace: string;
  type: string;
  address: string;
  ports: string;
  /** Ready endpoints (pods, or the API server's address for `kubernetes`). */
  endpoints: number;
  endpointPods: string[];
  /** Requests per second each endpoint pod answered in the last simulated second (uid → rps), when any did. */
  traffic?: Record<string, number>;
  /** Requests a NetworkPolicy dropped on their way to each endpoint pod in the last simulated second (uid → count), when any were. */
  denied?: Record<string, number>;
}

export interface DWorkload {
  uid: string;
  kind: string;
  name: string;
  namespace: string;
  ready: number;
  desired: number;
}

export interface DiagramModel {
  nodes: DNode[];
  /** Pods waiting for a node — the first MAX_PENDING_SHOWN of them (name order); `pendingTotal` counts all. */
  pending: DPod[];
  pendingTotal: number;
  services: DService[];
  workloads: DWorkload[];
  namespaces: string[];
}

export function podTone(status: string, terminating: boolean): PodTone {
  if (terminating || status === 'Terminating') return 'terminating';
  if (status === 'Running') return 'running';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (/Err|BackOff|Error|Failed|OOMKilled|Evicted|Unknown|Lost/.test(status)) return 'failed';
  return 'pending';
}

const WELL_KNOWN = /^(kubernetes\.io\/|beta\.kubernetes\.io\/|node-role\.kubernetes\.io\/|node\.kubernetes\.io\/|topology\.kubernetes\.io\/)/;

function ownerOf(pod: KObject, cluster: EnginePort): DPod['owner'] {
  const ref = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (!ref) return undefined;
  if (ref.kind === 'ReplicaSet') {
    const rs = cluster.get('replicasets', pod.metadata.namespace, ref.name);
    const dep = rs?.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
    if (dep) return { kind: 'Deployment', name: dep.name };
  }
  if (ref.kind === 'Job') {
    const job = cluster.get('jobs', pod.metadata.namespace, ref.name);
    const cj = job?.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'CronJob');
    if (cj) return { kind: 'CronJob', name: cj.name };
  }
  return { kind: ref.kind, name: ref.name };
}

/**
 * Store objects are replaced, never mutated, so a pod's view can be kept per object: an
 * unchanged pod costs one map lookup per refresh instead of recomputing its status.
 * (RESTARTS changes only with the object too; its age part is not shown here.)
 */
const podViews = new WeakMap<KObject, DPod>();

function podView(p: KObject, cluster: EnginePort): DPod {
  const cached = podViews.get(p);
  if (cached) return cached;
  const view = computePodView(p, cluster);
  podViews.set(p, view);
  return view;
}

function computePodView(p: KObject, cluster: EnginePort): DPod {
  const status = podStatusReason(p);
  return {
    uid: p.metadata.uid!,
    name: p.metadata.name!,
    namespace: p.metadata.namespace!,
    status,
    tone: podTone(status, !!p.metadata.deletionTimestamp),
    ready: podReady(p),
    restarts: Number.parseInt(podRestarts(p, cluster.now()), 10) || 0,
    containers: (p.spec?.containers ?? []).length,
    owner: ownerOf(p, cluster),
    node: p.spec?.nodeName,
  };
}

/** How many waiting pods the diagram and the list draw one by one. */
export const MAX_PENDING_SHOWN = 500;

const EVICTING_TAINTS = new Set(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);

/**
 * When the taint-eviction controller will act on a node's pods: for each NoExecute
 * not-ready/unreachable taint, a pod tolerating it for tolerationSeconds goes at
 * timeAdded + tolerationSeconds; one that does not tolerate it goes at once; one tolerating it
 * without a limit (a DaemonSet's) stays.
 */
function evictionOf(node: KObject, pods: KObject[], now: number): DNode['eviction'] {
  const taints = ((node.spec?.taints ?? []) as { key: string; effect: string; timeAdded?: string }[]).filter((t) => t.effect === 'NoExecute' && EVICTING_TAINTS.has(t.key));
  if (!taints.length) return undefined;
  let first = Infinity;
  let count = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    // The pod goes when the first of the taints stops being tolerated.
    let at = Infinity;
    for (const taint of taints) {
      const added = Date.parse(taint.timeAdded ?? '') || now;
      const tol = ((pod.spec?.tolerations ?? []) as { key?: string; operator?: string; effect?: string; tolerationSeconds?: number }[]).find((x) => (x.operator === 'Exists' && !x.key) || (x.key === taint.key && (!x.effect || x.effect === 'NoExecute')));
      const until = !tol ? added : tol.tolerationSeconds === undefined ? Infinity : added + tol.tolerationSeconds * 1000;
      at = Math.min(at, until);
    }
    if (at === Infinity) continue;
    count++;
    first = Math.min(first, at);
  }
  return count ? { pods: count, inSeconds: Math.max(0, Math.ceil((first - now) / 1000)) } : undefined;
}

/** Pods in namespace, then name order (compared field by field: joining the strings made garbage ten times a second). */
function byNamespaceAndName(a: DPod, b: DPod): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Builds the model; `namespaces` filters pods, services and workloads (empty: every namespace), `podSelector` the pods. */
export function buildDiagramModel(cluster: EnginePort, namespaces: string[] = [], podSelector: Selector = []): DiagramModel {
  const shown = (ns: string | undefined) => namespaces.length === 0 || namespaces.includes(ns ?? '');
  /** Pods in the namespaces shown whose labels match the label filter (like `kubectl get pods -l`). */
  const podShown = (p: KObject) => shown(p.metadata.namespace) && (podSelector.length === 0 || selectorMatches(podSelector, p.metadata.labels));
  const attachments = cluster.list('volumeattachments');
  const nodes: DNode[] = cluster.list('nodes').map((n) => {
    const name = n.metadata.name!;
    const alloc = cluster.nodeAllocation(name);
    const status = nodeStatus(n);
    const labels = n.metadata.labels ?? {};
    // Asked once: the node's pods are both drawn and weighed for eviction.
    const onNode = cluster.podsOnNode(name);
    const disks: DDisk[] = attachments
      .filter((va) => va.spec?.nodeName === name)
      .map((va) => {
        const pv = cluster.get('persistentvolumes', undefined, va.spec.source.persistentVolumeName);
        const ref = pv?.spec?.claimRef;
        return { pv: va.spec.source.persistentVolumeName, claim: ref ? `${ref.namespace}/${ref.name}` : '', capacity: pv?.spec?.capacity?.storage ?? '', storageClass: pv?.spec?.storageClassName ?? '', attached: !!va.status?.attached };
      });
    return {
      name,
      controlPlane: 'node-role.kubernetes.io/control-plane' in labels,
      status,
      ready: status.startsWith('Ready'),
      cordoned: !!n.spec?.unschedulable,
      machineRunning: cluster.isNodeRunning(name),
      zone: labels['topology.kubernetes.io/zone'],
      labels: Object.entries(labels)
        .filter(([k]) => !WELL_KNOWN.test(k))
        .map(([k, v]) => (v ? `${k}=${v}` : k)),
      taints: ((n.spec?.taints as { key: string; value?: string; effect: string }[]) ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      cpu: alloc && alloc.allocatableMilliCpu ? alloc.milliCpu / alloc.allocatableMilliCpu : 0,
      memory: alloc && alloc.allocatableMemory ? alloc.memory / alloc.allocatableMemory : 0,
      podsUsed: alloc?.pods ?? 0,
      podsMax: alloc?.allocatablePods ?? 110,
      pods: onNode
        .filter(podShown)
        .map((p) => podView(p, cluster))
        .sort(byNamespaceAndName),
      disks,
      eviction: evictionOf(n, onNode, cluster.now()),
    };
  });
  nodes.sort((a, b) => (a.controlPlane !== b.controlPlane ? (a.controlPlane ? -1 : 1) : a.name < b.name ? -1 : 1));
  // Unscheduled pods sit under "" in the engine's nodeName index (no walk over every pod).
  // A million replicas with no room leaves a million pending pods: the page shows a bounded few
  // (the tray holds a few rows anyway) and counts the rest, so a refresh stays cheap.
  const waiting = cluster.podsOnNode('').filter(podShown);
  const pending = waiting.slice(0, MAX_PENDING_SHOWN).map((p) => podView(p, cluster));
  // EndpointSlices grouped by their Service once per refresh, not listed again for each Service.
  const slicesByService = new Map<string, KObject[]>();
  for (const slice of cluster.list('endpointslices')) {
    const key = `${slice.metadata.namespace}/${slice.metadata.labels?.['kubernetes.io/service-name']}`;
    const list = slicesByService.get(key);
    if (list) list.push(slice);
    else slicesByService.set(key, [slice]);
  }
  // Traffic only when something sends it (the per-pod rates are kept by the engine's kube-proxy model).
  const rates = cluster.podRates();
  const trafficOn = rates.size > 0;
  const services: DService[] = cluster
    .list('services')
    .filter((s) => shown(s.metadata.namespace))
    .map((s) => {
      const endpointPods: string[] = [];
      let endpoints = 0;
      let traffic: Record<string, number> | undefined;
      let denied: Record<string, number> | undefined;
      for (const slice of slicesByService.get(`${s.metadata.namespace}/${s.metadata.name}`) ?? []) {
        for (const ep of (slice.endpoints as { targetRef?: { uid?: string; name?: string }; conditions?: { ready?: boolean } }[]) ?? []) {
          if (ep.conditions?.ready === false) continue;
          endpoints++;
          if (!ep.targetRef?.uid) continue;
          endpointPods.push(ep.targetRef.uid);
          if (trafficOn && ep.targetRef.name) {
            const pod = rates.get(`${s.metadata.namespace}/${ep.targetRef.name}`);
            if (pod?.rps) (traffic ??= {})[ep.targetRef.uid] = pod.rps;
            if (pod?.denied) (denied ??= {})[ep.targetRef.uid] = pod.denied;
          }
        }
      }
      const ports = ((s.spec?.ports as { port: number; nodePort?: number; protocol?: string }[]) ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}` : `${p.port}`)).join(',');
      const lb = s.status?.loadBalancer?.ingress?.[0]?.ip;
      return { uid: s.metadata.uid!, name: s.metadata.name!, namespace: s.metadata.namespace!, type: s.spec?.type ?? 'ClusterIP', address: lb ?? s.spec?.clusterIP ?? '', ports, endpoints, endpointPods, ...(traffic ? { traffic } : {}), ...(denied ? { denied } : {}) };
    });
  const workloads: DWorkload[] = [];
  for (const [resource, kind] of [['deployments', 'Deployment'], ['statefulsets', 'StatefulSet'], ['daemonsets', 'DaemonSet']] as const) {
    for (const w of cluster.list(resource)) {
      if (!shown(w.metadata.namespace)) continue;
      const desired = kind === 'DaemonSet' ? (w.status?.desiredNumberScheduled ?? 0) : (w.spec?.replicas ?? 1);
      const ready = kind === 'DaemonSet' ? (w.status?.numberReady ?? 0) : (w.status?.readyReplicas ?? 0);
      workloads.push({ uid: w.metadata.uid!, kind, name: w.metadata.name!, namespace: w.metadata.namespace!, ready, desired });
    }
  }
  return { nodes, pending, pendingTotal: waiting.length, services, workloads, namespaces: cluster.list('namespaces').map((n) => n.metadata.name!) };
}
