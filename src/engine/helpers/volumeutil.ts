/**
 * Shared storage helpers (pkg/volume/util, pkg/api/v1/persistentvolume): which claims a pod
 * uses, access-mode abbreviations, whether a volume matches a claim, and what a PV's data is
 * keyed by in the simulated disks.
 */
import type { KObject } from '../api/types';
import { bytes } from '../api/quantity';
import { matches, selectorFromObject } from '../api/labels';
import { termMatches, type NodeSelectorTerm } from './nodeaffinity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** The pod index that finds every pod using a claim, keyed "namespace/claim". */
export const POD_CLAIM_INDEX = 'pvc';

/** The node the scheduler chose for a WaitForFirstConsumer claim: the provisioner makes the disk in its zone. */
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** Set on a volume or claim the PV controller (not a user) bound. */
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';

export function podClaimKeys(pod: KObject): string[] | undefined {
  const vols: Any[] = pod.spec?.volumes ?? [];
  let out: string[] | undefined;
  for (const v of vols) if (v.persistentVolumeClaim?.claimName) (out ??= []).push(`${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
  return out;
}

/** Claim names a pod mounts, with the pod volume names that mount them. */
export function podClaims(pod: KObject): { volume: string; claim: string; readOnly: boolean }[] {
  return ((pod.spec?.volumes as Any[]) ?? []).filter((v) => v.persistentVolumeClaim?.claimName).map((v) => ({ volume: v.name, claim: v.persistentVolumeClaim.claimName, readOnly: !!v.persistentVolumeClaim.readOnly }));
}

const ABBREVIATIONS: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** "RWO,RWX" as kubectl prints access modes (GetAccessModesAsString: fixed order, no duplicates). */
export function accessModesString(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'].filter((m) => set.has(m)).map((m) => ABBREVIATIONS[m]).join(',');
}

/** RWO and RWOP volumes attach to one node at a time (the attach/detach controller's rule). */
export function isSingleNodeVolume(pv: KObject): boolean {
  const modes: string[] = pv.spec?.accessModes ?? [];
  return modes.includes('ReadWriteOncePod') || (modes.includes('ReadWriteOnce') && !modes.includes('ReadWriteMany') && !modes.includes('ReadOnlyMany'));
}

export function storageRequest(pvc: KObject): number {
  return bytes(pvc.spec?.resources?.requests?.storage);
}

export function pvCapacity(pv: KObject): number {
  return bytes(pv.spec?.capacity?.storage);
}

/** The storage class a claim asks for: spec.storageClassName, else the beta annotation, else "". */
export function claimClass(pvc: KObject): string {
  return pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function volumeClass(pv: KObject): string {
  return pv.spec?.storageClassName ?? pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/** Why a volume cannot serve a claim (checkVolumeSatisfyClaim's wording), or undefined when it can. */
export function volumeMismatch(pv: KObject, pvc: KObject): string | undefined {
  if (pvCapacity(pv) < storageRequest(pvc)) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(pvc)) return 'storageClassName does not match';
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  const offered: string[] = pv.spec?.accessModes ?? [];
  for (const m of (pvc.spec?.accessModes as string[]) ?? []) if (!offered.includes(m)) return 'incompatible accessMode';
  return undefined;
}

/**
 * Whether an Available volume can satisfy a claim (findMatchingVolume's checks): same class,
 * the claim's modes all offered, enough capacity, same volume mode, the claim's selector.
 */
export function volumeMatchesClaim(pv: KObject, pvc: KObject): boolean {
  return !volumeMismatch(pv, pvc) && matches(selectorFromObject(pvc.spec?.selector), pv.metadata.labels);
}

/** A volume pre-bound to a claim (spec.claimRef) only goes to that claim. */
export function claimRefAllows(pv: KObject, pvc: KObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return true;
  if (ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== pvc.metadata.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** Whether a node satisfies a PV's required node affinity (zone topology, local volumes). */
export function nodeMatchesVolume(pv: KObject, labels: Record<string, string>, nodeName: string): boolean {
  const terms: NodeSelectorTerm[] | undefined = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  return !terms?.length || terms.some((t) => termMatches(t, { name: nodeName, labels }));
}

/** CSI volumes are attached to a node by the attach/detach controller; hostPath, local and NFS are not. */
export function isAttachable(pv: KObject): boolean {
  return !!pv.spec?.csi;
}

/**
 * Where a volume's files live in the simulation: a cloud disk by its handle (it follows the
 * pod), an NFS export by server and path (shared), a hostPath or local volume on its node.
 */
export function volumeDataKey(source: Any, nodeName: string): string | undefined {
  if (source?.csi) return `disk:${source.csi.volumeHandle}`;
  if (source?.nfs) return `nfs:${source.nfs.server}:${source.nfs.path}`;
  if (source?.hostPath) return `host:${nodeName}:${String(source.hostPath.path).replace(/\/+$/, '')}`;
  if (source?.local) return `host:${nodeName}:${String(source.local.path).replace(/\/+$/, '')}`;
  return undefined;
}
