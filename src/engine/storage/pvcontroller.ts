/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume): binds claims to
 * volumes and keeps both phases true.
 *
 * A Pending claim is matched to the smallest Available volume that satisfies it (class, access
 * modes, size, selector) — unless its class binds WaitForFirstConsumer, in which case it waits
 * until the scheduler has picked a node for its first pod. With no volume to take, a class with
 * a provisioner gets the claim handed over (the storage-provisioner annotation); with no class
 * there is nothing to do but say so. A volume whose claim is gone is Released and then kept
 * (Retain) or deleted by its provisioner (Delete).
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { deepEqual } from '../util/equal';
import { WorkQueue, nsName, splitKey, type ControllerContext } from '../client/context';
import { claimClass, claimRefAllows, pvCapacity, volumeMatchesClaim, volumeMismatch } from '../helpers/volumeutil';
import { BOUND_BY_CONTROLLER, SELECTED_NODE } from '../helpers/volumeutil';
import { rfc3339 } from '../sim/clock';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const COMPONENT = 'persistentvolume-controller';
/** The controller resyncs claims and volumes every 15 s (--pvclaimbinder-sync-period). */
const RESYNC_MS = 15_000;
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

const pvcType = typeForKind('PersistentVolumeClaim');
const pvType = typeForKind('PersistentVolume');

export class PersistentVolumeController {
  private claims: WorkQueue;
  private volumes: WorkQueue;
  /** Claims still Pending and volumes not Bound: the resync visits only these. */
  private pendingClaims = new Set<string>();
  private unsettledVolumes = new Set<string>();

  constructor(private ctx: ControllerContext) {
    this.claims = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.syncClaim));
    this.volumes = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.syncVolume));
    const store = ctx.api.store;
    store.watch('persistentvolumeclaims', bound(this, this.onClaim));
    store.watch('persistentvolumes', bound(this, this.onVolume));
    store.watch('storageclasses', bound(this, this.requeuePendingClaims));
    ctx.clock.after(RESYNC_MS, COMPONENT, bound(this, this.resync));
  }

  private onClaim(type: WatchEventType, pvc: KObject): void {
    const key = nsName(pvc.metadata.namespace, pvc.metadata.name!);
    if (type === 'DELETED') {
      this.pendingClaims.delete(key);
      if (pvc.spec?.volumeName) this.volumes.add(pvc.spec.volumeName);
      return;
    }
    this.claims.add(key);
  }

  private onVolume(type: WatchEventType, pv: KObject): void {
    const ref = pv.spec?.claimRef;
    if (type === 'DELETED') {
      this.unsettledVolumes.delete(pv.metadata.name!);
      if (ref?.name) this.claims.add(nsName(ref.namespace, ref.name));
      return;
    }
    this.volumes.add(pv.metadata.name!);
    // A new or freed volume may be what a waiting claim needs.
    if (pv.status?.phase === 'Available') for (const key of this.pendingClaims) this.claims.add(key);
    if (ref?.name) this.claims.add(nsName(ref.namespace, ref.name));
  }

  private requeuePendingClaims(): void {
    for (const key of this.pendingClaims) this.claims.add(key);
  }

  private resync(): void {
    for (const key of this.pendingClaims) this.claims.add(key);
    for (const name of this.unsettledVolumes) this.volumes.add(name);
    this.ctx.clock.after(RESYNC_MS, COMPONENT, bound(this, this.resync));
  }

  // ---- claims ------------------------------------------------------------------------------

  private syncClaim(key: string): void {
    const [ns, name] = splitKey(key);
    const store = this.ctx.api.store;
    const pvc = store.get('persistentvolumeclaims', ns, name);
    if (!pvc) return;
    if (pvc.spec?.volumeName) {
      this.pendingClaims.delete(key);
      this.syncBoundClaim(pvc);
      return;
    }
    this.pendingClaims.add(key);
    this.setClaimPhase(pvc, 'Pending');
    this.bindUnboundClaim(pvc);
  }

  private bindUnboundClaim(pvc: KObject): void {
    const { api } = this.ctx;
    const className = claimClass(pvc);
    const sc = className ? api.store.get('storageclasses', undefined, className) : undefined;
    const delayed = sc?.volumeBindingMode === 'WaitForFirstConsumer';
    const selectedNode = pvc.metadata.annotations?.[SELECTED_NODE];
    const volume = this.findVolumeFor(pvc);
    // A volume provisioned for this very claim (claimRef with its uid) binds whatever the mode.
    const preBound = volume?.spec?.claimRef?.uid === pvc.metadata.uid;
    if (volume && (!delayed || preBound)) {
      this.bind(volume, pvc);
      return;
    }
    if (delayed && !selectedNode) {
      // The scheduler chooses the volume (or the zone to provision in) with the pod's node.
      api.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', COMPONENT);
      return;
    }
    if (!className) {
      api.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', COMPONENT);
      return;
    }
    if (!sc) {
      api.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`, COMPONENT);
      return;
    }
    if (sc.provisioner === NO_PROVISIONER) {
      api.event(pvc, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${NO_PROVISIONER}`, COMPONENT);
      return;
    }
    // Hand the claim to the external provisioner named by the class.
    const annotations = pvc.metadata.annotations ?? {};
    if (annotations[STORAGE_PROVISIONER] !== sc.provisioner) {
      const current = api.store.get('persistentvolumeclaims', pvc.metadata.namespace, pvc.metadata.name!)!;
      api.update({ ...current, metadata: { ...current.metadata, annotations: { ...(current.metadata.annotations ?? {}), [BETA_STORAGE_PROVISIONER]: String(sc.provisioner), [STORAGE_PROVISIONER]: String(sc.provisioner) } } }, COMPONENT);
    }
    api.event(pvc, 'Normal', 'ExternalProvisioning', `waiting for a volume to be created, either by external provisioner "${sc.provisioner}" or manually created by system administrator`, COMPONENT);
  }

  /** findBestMatchForClaim: a volume pre-bound to the claim, else the smallest Available match. */
  findVolumeFor(pvc: KObject): KObject | undefined {
    let best: KObject | undefined;
    for (const pv of this.ctx.api.store.list('persistentvolumes')) {
      if (pv.metadata.deletionTimestamp) continue;
      const ref = pv.spec?.claimRef;
      if (ref) {
        if (claimRefAllows(pv, pvc) && volumeMatchesClaim(pv, pvc)) return pv;
        continue;
      }
      if (pv.status?.phase !== 'Available' || !volumeMatchesClaim(pv, pvc)) continue;
      if (!best || pvCapacity(pv) < pvCapacity(best)) best = pv;
    }
    return best;
  }

  private syncBoundClaim(pvc: KObject): void {
    const { api } = this.ctx;
    const pv = api.store.get('persistentvolumes', undefined, pvc.spec.volumeName);
    if (!pv) {
      if (pvc.status?.phase === 'Bound') {
        this.setClaimPhase(pvc, 'Lost');
        api.event(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', COMPONENT);
      } else if (pvc.status?.phase !== 'Lost') this.setClaimPhase(pvc, 'Pending');
      return;
    }
    const ref = pv.spec?.claimRef;
    if (!ref) {
      // The user named the volume in the claim: bind the volume to it (if it fits).
      const mismatch = volumeMismatch(pv, pvc);
      if (!mismatch) this.bind(pv, pvc);
      else api.event(pvc, 'Warning', 'FailedBinding', `Cannot bind to requested volume "${pv.metadata.name}": ${mismatch}`, COMPONENT);
      return;
    }
    if (ref.name === pvc.metadata.name && ref.namespace === pvc.metadata.namespace && (!ref.uid || ref.uid === pvc.metadata.uid)) {
      this.bind(pv, pvc);
      return;
    }
    api.event(pvc, 'Warning', 'FailedBinding', 'volume "' + pv.metadata.name + '" already bound to a different claim.', COMPONENT);
    this.setClaimPhase(pvc, 'Pending');
  }

  /** Writes both sides of the binding (volume first, as the controller does), then both phases. */
  bind(pv: KObject, pvc: KObject): void {
    const { api } = this.ctx;
    let volume = pv;
    const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
    if (!pv.spec?.claimRef?.uid) {
      const annotations = { ...(pv.metadata.annotations ?? {}) };
      if (!pv.spec?.claimRef) annotations[BOUND_BY_CONTROLLER] = 'yes';
      volume = api.update({ ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pv.spec, claimRef } }, COMPONENT);
    }
    volume = this.setVolumePhase(volume, 'Bound');
    let claim = pvc;
    if (claim.spec?.volumeName !== volume.metadata.name || claim.metadata.annotations?.[BIND_COMPLETED] !== 'yes') {
      const annotations: Record<string, string> = { ...(claim.metadata.annotations ?? {}), [BIND_COMPLETED]: 'yes' };
      if (!claim.spec?.volumeName) annotations[BOUND_BY_CONTROLLER] = 'yes';
      claim = api.update({ ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...claim.spec, volumeName: volume.metadata.name } }, COMPONENT);
    }
    const status = { phase: 'Bound', accessModes: volume.spec?.accessModes, capacity: volume.spec?.capacity };
    if (!deepEqual(claim.status, status)) {
      if (claim.status?.phase !== 'Bound') this.ctx.reasons.record(COMPONENT, 'volume.bound', { claim: claim.metadata.name!, volume: volume.metadata.name! }, [refOf(claim), refOf(volume)]);
      api.updateStatus(pvcType, claim, status, COMPONENT);
    }
    this.pendingClaims.delete(nsName(claim.metadata.namespace, claim.metadata.name!));
  }

  private setClaimPhase(pvc: KObject, phase: string): void {
    if (pvc.status?.phase === phase) return;
    const status: Any = { phase };
    this.ctx.api.updateStatus(pvcType, pvc, status, COMPONENT);
  }

  // ---- volumes -----------------------------------------------------------------------------

  private syncVolume(name: string): void {
    const { api } = this.ctx;
    const pv = api.store.get('persistentvolumes', undefined, name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      this.unsettledVolumes.add(name);
      this.setVolumePhase(pv, 'Available');
      return;
    }
    const claim = api.store.get('persistentvolumeclaims', ref.namespace, ref.name);
    const claimGone = !claim || (ref.uid && claim.metadata.uid !== ref.uid);
    if (!claimGone) {
      if (claim.spec?.volumeName === name) {
        this.unsettledVolumes.delete(name);
        this.setVolumePhase(pv, 'Bound');
      } else {
        // Pre-bound (by a user or a provisioner) and waiting for the claim to take it.
        this.unsettledVolumes.add(name);
        this.setVolumePhase(pv, 'Available');
      }
      return;
    }
    if (!ref.uid && pv.status?.phase !== 'Bound' && pv.status?.phase !== 'Released') {
      // Pre-bound to a claim that does not exist yet.
      this.unsettledVolumes.add(name);
      this.setVolumePhase(pv, 'Available');
      return;
    }
    // The claim is gone: the volume is Released and its reclaim policy decides.
    this.unsettledVolumes.delete(name);
    if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
      this.setVolumePhase(pv, 'Released');
      this.ctx.reasons.record(COMPONENT, 'volume.released', { volume: name, claim: `${ref.namespace}/${ref.name}`, policy: pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain' }, [refOf(pv)]);
    }
    const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    if (policy === 'Delete' && !pv.metadata.annotations?.[PROVISIONED_BY] && pv.status?.phase !== 'Failed') {
      // Only a provisioner can delete what it made; nothing in-tree deletes hand-made volumes here.
      const failed = this.setVolumePhase(pv, 'Failed', `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`);
      api.event(failed, 'Warning', 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`, COMPONENT);
    }
    if (policy === 'Recycle' && pv.status?.phase !== 'Failed') {
      const failed = this.setVolumePhase(pv, 'Failed', 'Recycle is deprecated and not supported by this cluster\'s volume plugins');
      api.event(failed, 'Warning', 'VolumeFailedRecycle', `No recycler plugin found for the volume!`, COMPONENT);
    }
  }

  private setVolumePhase(pv: KObject, phase: string, message?: string): KObject {
    const now = rfc3339(this.ctx.clock.now());
    if (pv.status?.phase === phase && pv.status?.message === message) return pv;
    const status: Any = { phase, lastPhaseTransitionTime: pv.status?.phase === phase ? pv.status.lastPhaseTransitionTime : now };
    if (message) status.message = message;
    const current = this.ctx.api.store.get('persistentvolumes', undefined, pv.metadata.name!) ?? pv;
    return this.ctx.api.updateStatus(pvType, current, status, COMPONENT);
  }
}
