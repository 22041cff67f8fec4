/**
 * The simulated cloud-disk CSI driver's controller side (external-provisioner and the cloud's
 * disk API). It takes claims the PV controller handed to it, creates a disk in the right zone
 * — the selected node's zone for WaitForFirstConsumer, any allowed zone for Immediate — and a
 * PersistentVolume pre-bound to the claim; it deletes the disk (and its data) when a Released
 * volume's policy is Delete and no node has it attached.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { bytes } from '../api/quantity';
import { nsName, splitKey, WorkQueue, type ControllerContext } from '../client/context';
import { DISK_DRIVER, PROVISION_MS, ZONE_LABEL, ZONES } from './classes';
import { PROVISIONED_BY, STORAGE_PROVISIONER } from './pvcontroller';
import { SELECTED_NODE } from '../helpers/volumeutil';
import { claimClass, storageRequest, volumeDataKey } from '../helpers/volumeutil';
import type { VolumeData } from './volumeData';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** The event source the provisioner reports as (driver_pod_identity, as external-provisioner does). */
export const PROVISIONER_IDENTITY = `${DISK_DRIVER}_csi-disk-controller-0`;
export const PROVISIONER_FINALIZER = 'external-provisioner.volume.kubernetes.io/finalizer';
const GiB = 1024 ** 3;
const DELETE_MS = 1500;
const pvType = typeForKind('PersistentVolume');

export class DiskProvisioner {
  private claims: WorkQueue;
  /** Claims with a disk being made, so a resync does not order a second one. */
  private inFlight = new Set<string>();
  private deleting = new Set<string>();
  private resizing = new Set<string>();

  constructor(
    private ctx: ControllerContext,
    private data: VolumeData,
  ) {
    this.claims = new WorkQueue(ctx.clock, PROVISIONER_IDENTITY, 10, bound(this, this.syncClaim));
    const store = ctx.api.store;
    store.watch('persistentvolumeclaims', bound(this, this.onClaim));
    store.watch('persistentvolumes', bound(this, this.onVolume));
    // A disk still attached somewhere cannot be deleted yet: retry once attachments go.
    store.watch('volumeattachments', bound(this, this.onAttachment));
  }

  private onClaim(type: WatchEventType, pvc: KObject): void {
    if (type !== 'DELETED' && pvc.metadata.annotations?.[STORAGE_PROVISIONER] === DISK_DRIVER) this.claims.add(nsName(pvc.metadata.namespace, pvc.metadata.name!));
    if (type !== 'DELETED' && pvc.status?.phase === 'Bound' && bytes(pvc.spec?.resources?.requests?.storage) > bytes(pvc.status?.capacity?.storage)) this.resize(pvc);
  }

  private onVolume(type: WatchEventType, pv: KObject): void {
    if (type !== 'DELETED' && pv.status?.phase === 'Released') this.maybeDelete(pv.metadata.name!);
  }

  private onAttachment(type: WatchEventType, va: KObject): void {
    if (type === 'DELETED') {
      const pv = this.ctx.api.store.get('persistentvolumes', undefined, va.spec?.source?.persistentVolumeName);
      if (pv?.status?.phase === 'Released') this.maybeDelete(pv.metadata.name!);
    }
  }

  private syncClaim(key: string): void {
    const [ns, name] = splitKey(key);
    const { api } = this.ctx;
    const pvc = api.store.get('persistentvolumeclaims', ns, name);
    if (!pvc || pvc.spec?.volumeName || pvc.metadata.deletionTimestamp || this.inFlight.has(pvc.metadata.uid!)) return;
    if (api.store.get('persistentvolumes', undefined, `pvc-${pvc.metadata.uid}`)) return;
    const sc = api.store.get('storageclasses', undefined, claimClass(pvc));
    if (!sc || sc.provisioner !== DISK_DRIVER) return;
    const selected = pvc.metadata.annotations?.[SELECTED_NODE];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !selected) return;
    const zone = this.chooseZone(sc, selected);
    if (!zone) {
      api.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": rpc error: code = ResourceExhausted desc = no zone in the class's allowedTopologies is served by this region`, PROVISIONER_IDENTITY);
      return;
    }
    const modes: string[] = pvc.spec?.accessModes ?? [];
    if (modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany')) {
      // Block disks attach to one machine: like EBS or PD, the driver refuses shared modes.
      api.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": rpc error: code = InvalidArgument desc = Volume capabilities MULTI_NODE_MULTI_WRITER not supported. Only AccessModes [ReadWriteOnce ReadWriteOncePod] supported.`, PROVISIONER_IDENTITY);
      return;
    }
    api.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${name}"`, PROVISIONER_IDENTITY);
    this.inFlight.add(pvc.metadata.uid!);
    const type = String((sc.parameters as Any)?.type ?? 'balanced');
    this.ctx.clock.after(PROVISION_MS[type] ?? 3000, PROVISIONER_IDENTITY, bound(this, this.provisioned, pvc, ns, name, sc, zone, type));
  }

  private provisioned(pvc: KObject, ns: string, name: string, sc: KObject, zone: string, type: string): void {
    const { api } = this.ctx;
    this.inFlight.delete(pvc.metadata.uid!);
    const current = api.store.get('persistentvolumeclaims', ns, name);
    if (!current || current.metadata.uid !== pvc.metadata.uid || current.spec?.volumeName) return;
    const pv = api.create(this.volumeFor(current, sc, zone), PROVISIONER_IDENTITY);
    api.event(current, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, PROVISIONER_IDENTITY);
    this.ctx.reasons.record(PROVISIONER_IDENTITY, 'volume.provisioned', { volume: pv.metadata.name!, zone, type, size: pv.spec.capacity.storage }, [refOf(current), refOf(pv)]);
  }

  /** The selected node's zone; for Immediate binding, a zone the class allows, picked at random. */
  private chooseZone(sc: KObject, selectedNode: string | undefined): string | undefined {
    if (selectedNode) return this.ctx.api.store.get('nodes', undefined, selectedNode)?.metadata.labels?.[ZONE_LABEL] ?? ZONES[0];
    const allowed = new Set<string>();
    for (const term of (sc.allowedTopologies as Any[]) ?? []) {
      for (const e of term.matchLabelExpressions ?? []) if (e.key === ZONE_LABEL) for (const v of e.values ?? []) allowed.add(v);
    }
    const candidates = allowed.size ? ZONES.filter((z) => allowed.has(z)) : ZONES;
    return candidates.length ? candidates[this.ctx.rng.int(candidates.length)] : undefined;
  }

  private volumeFor(pvc: KObject, sc: KObject, zone: string): KObject {
    // Cloud disks come in whole GiB, at least one: a 500Mi claim gets a 1Gi disk.
    const gib = Math.max(1, Math.ceil(storageRequest(pvc) / GiB));
    const modes: string[] = pvc.spec?.accessModes ?? ['ReadWriteOnce'];
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: `pvc-${pvc.metadata.uid}`,
        annotations: { [PROVISIONED_BY]: DISK_DRIVER },
        finalizers: [PROVISIONER_FINALIZER],
      },
      spec: {
        accessModes: modes,
        capacity: { storage: `${gib}Gi` },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
        csi: { driver: DISK_DRIVER, fsType: 'ext4', volumeAttributes: { type: String((sc.parameters as Any)?.type ?? 'balanced') }, volumeHandle: `vol-${this.ctx.rng.hex(17)}` },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] }] } },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
      },
    };
  }

  /**
   * external-resizer, then the kubelet's NodeExpandVolume: the disk grows in the cloud, the PV
   * shows the new size, and once the file system on the node has grown, so does the claim.
   */
  private resize(pvc: KObject): void {
    const { api, clock } = this.ctx;
    const pv = api.store.get('persistentvolumes', undefined, pvc.spec.volumeName);
    if (!pv || pv.spec?.csi?.driver !== DISK_DRIVER || this.resizing.has(pv.metadata.name!)) return;
    this.resizing.add(pv.metadata.name!);
    const size = `${Math.max(1, Math.ceil(bytes(pvc.spec.resources.requests.storage) / GiB))}Gi`;
    api.event(pvc, 'Normal', 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`, 'external-resizer disk.csi.wheelhouse.dev');
    clock.after(2000, PROVISIONER_IDENTITY, bound(this, this.resized, pvc, pv, size));
  }

  private resized(pvc: KObject, pv: KObject, size: string): void {
    const { api } = this.ctx;
    this.resizing.delete(pv.metadata.name!);
    const currentPv = api.store.get('persistentvolumes', undefined, pv.metadata.name!);
    const claim = api.store.get('persistentvolumeclaims', pvc.metadata.namespace, pvc.metadata.name!);
    if (!currentPv || !claim) return;
    api.update({ ...currentPv, spec: { ...currentPv.spec, capacity: { ...currentPv.spec.capacity, storage: size } } }, 'external-resizer');
    const node = api.store.list('volumeattachments').find((va) => va.spec.source.persistentVolumeName === pv.metadata.name)?.spec.nodeName;
    if (node) api.event(claim, 'Normal', 'FileSystemResizeSuccessful', `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}" ${node}`, 'kubelet');
    else api.event(claim, 'Normal', 'VolumeResizeSuccessful', `resize volume "${pv.metadata.name}" by resizer "${DISK_DRIVER}" succeeded`, 'external-resizer disk.csi.wheelhouse.dev');
    api.updateStatus(typeForKind('PersistentVolumeClaim'), claim, { ...claim.status, capacity: { ...claim.status.capacity, storage: size } }, 'external-resizer');
  }

  /** Delete policy: once no node has the disk attached, delete it in the cloud, then the PV. */
  private maybeDelete(name: string): void {
    const { api } = this.ctx;
    const pv = api.store.get('persistentvolumes', undefined, name);
    if (!pv || pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (pv.metadata.annotations?.[PROVISIONED_BY] !== DISK_DRIVER || this.deleting.has(name)) return;
    if (api.store.list('volumeattachments').some((va) => va.spec?.source?.persistentVolumeName === name)) return;
    this.deleting.add(name);
    this.ctx.clock.after(DELETE_MS, PROVISIONER_IDENTITY, bound(this, this.deleteDisk, name, pv));
  }

  private deleteDisk(name: string, pv: KObject): void {
    const { api } = this.ctx;
    this.deleting.delete(name);
    const current = api.store.get('persistentvolumes', undefined, name);
    if (!current || current.metadata.uid !== pv.metadata.uid) return;
    const key = volumeDataKey(current.spec, '');
    if (key) this.data.erase(key);
    this.ctx.reasons.record(PROVISIONER_IDENTITY, 'volume.deleted', { volume: name }, [refOf(current)]);
    const unfinalized = api.update({ ...current, metadata: { ...current.metadata, finalizers: (current.metadata.finalizers ?? []).filter((f) => f !== PROVISIONER_FINALIZER) } }, PROVISIONER_IDENTITY);
    try {
      api.delete(pvType, undefined, unfinalized.metadata.name!, PROVISIONER_IDENTITY);
    } catch {
      // deleted meanwhile
    }
  }
}

