/**
 * VolumeBinding: a pod's PersistentVolumeClaims must be satisfiable on the node.
 *
 * PreFilter refuses the pod outright (UnschedulableAndUnresolvable) when a claim is missing,
 * being deleted, lost, or unbound with Immediate binding (the PV controller binds those first).
 * Filter checks bound claims' volumes against the node (their node affinity: a zonal disk only
 * serves nodes of its zone) and, for WaitForFirstConsumer claims, that the node can get a volume:
 * an Available matching PV that may live there, or a class that can provision in its topology.
 * The scheduler's PreBind (scheduler.ts) then binds those claims for the chosen node.
 */
import type { KObject } from '../../api/types';
import type { ObjectStore } from '../../api/store';
import type { FilterPlugin, NodeInfo, PodInfo } from '../framework';
import { claimClass, claimRefAllows, nodeMatchesVolume, podClaims, pvCapacity, volumeMatchesClaim } from '../../helpers/volumeutil';
import { termMatches, type NodeSelectorTerm } from '../../helpers/nodeaffinity';

export const REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

/** A claim the scheduler still has to bind, with what it could take. */
export interface DelayedClaim {
  claim: KObject;
  /** Available PVs that match the claim (smallest first), for static binding. */
  candidates: KObject[];
  /** The class can provision: null when it cannot; otherwise its allowed topologies (empty: anywhere). */
  provisionTopology: NodeSelectorTerm[] | null;
}

export interface VolumeState {
  /** Volumes of bound claims (undefined entry: the claim points at a PV that does not exist). */
  bound: (KObject | undefined)[];
  delayed: DelayedClaim[];
}

const KEY = 'VolumeBinding';

export function podHasClaims(pod: KObject): boolean {
  return ((pod.spec?.volumes as { persistentVolumeClaim?: unknown }[]) ?? []).some((v) => v.persistentVolumeClaim);
}

/** PreFilter's reading of the pod's claims: an error message, or the state Filter uses. */
export function readVolumeState(pod: KObject, store: ObjectStore): string | VolumeState {
  const state: VolumeState = { bound: [], delayed: [] };
  const ns = pod.metadata.namespace;
  for (const { claim: claimName } of podClaims(pod)) {
    const pvc = store.get('persistentvolumeclaims', ns, claimName);
    if (!pvc) return `persistentvolumeclaim "${claimName}" not found`;
    if (pvc.status?.phase === 'Lost') return `persistentvolumeclaim "${claimName}" bound to non-existent persistentvolume "${pvc.spec?.volumeName}"`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${claimName}" is being deleted`;
    if (pvc.spec?.volumeName) {
      state.bound.push(store.get('persistentvolumes', undefined, pvc.spec.volumeName));
      continue;
    }
    const sc = store.get('storageclasses', undefined, claimClass(pvc));
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') return 'pod has unbound immediate PersistentVolumeClaims';
    const candidates = store
      .list('persistentvolumes')
      .filter((pv) => !pv.metadata.deletionTimestamp && (pv.spec?.claimRef ? claimRefAllows(pv, pvc) && pv.status?.phase !== 'Released' : pv.status?.phase === 'Available') && volumeMatchesClaim(pv, pvc))
      .sort((a, b) => pvCapacity(a) - pvCapacity(b));
    const canProvision = !!sc.provisioner && sc.provisioner !== 'kubernetes.io/no-provisioner';
    state.delayed.push({ claim: pvc, candidates, provisionTopology: canProvision ? ((sc.allowedTopologies as { matchLabelExpressions?: NodeSelectorTerm['matchExpressions'] }[]) ?? []).map((t) => ({ matchExpressions: t.matchLabelExpressions ?? [] })) : null });
  }
  return state;
}

/**
 * For one node: the PV chosen for each delayed claim (undefined: provision one), or the
 * reasons the node cannot serve the pod's volumes.
 */
export function matchVolumesOnNode(state: VolumeState, node: { name: string; labels: Record<string, string> }): { reasons: string[] } | { choices: (KObject | undefined)[] } {
  const reasons: string[] = [];
  if (state.bound.some((pv) => !pv)) reasons.push(REASON_PV_NOT_EXIST);
  else if (state.bound.some((pv) => !nodeMatchesVolume(pv!, node.labels, node.name))) reasons.push(REASON_NODE_CONFLICT);
  const taken = new Set<string>();
  const choices: (KObject | undefined)[] = [];
  let unsatisfied = false;
  for (const d of state.delayed) {
    const pv = d.candidates.find((v) => !taken.has(v.metadata.name!) && nodeMatchesVolume(v, node.labels, node.name));
    if (pv) {
      taken.add(pv.metadata.name!);
      choices.push(pv);
      continue;
    }
    const topo = d.provisionTopology;
    if (topo && (topo.length === 0 || topo.some((t) => termMatches(t, node)))) {
      choices.push(undefined);
      continue;
    }
    unsatisfied = true;
  }
  if (unsatisfied) reasons.push(REASON_BIND_CONFLICT);
  return reasons.length ? { reasons } : { choices };
}

export const VolumeBinding: FilterPlugin = {
  name: KEY,
  relevant: (pod: PodInfo) => podHasClaims(pod.pod),
  preFilter(pod, ctx) {
    if (!podHasClaims(pod.pod)) return undefined;
    const state = readVolumeState(pod.pod, ctx.store);
    if (typeof state === 'string') return state;
    pod.cycle.set(KEY, state);
    return undefined;
  },
  filter(pod: PodInfo, node: NodeInfo) {
    const state = pod.cycle.get(KEY) as VolumeState | undefined;
    if (!state) return undefined;
    const r = matchVolumesOnNode(state, node);
    return 'reasons' in r ? { reasons: r.reasons, unresolvable: true } : undefined;
  },
};
