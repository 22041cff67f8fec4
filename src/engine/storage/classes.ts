/**
 * The StorageClasses a new cluster comes with, served by one simulated CSI driver standing in
 * for a cloud's block disks (EBS, GCE PD, Azure Disk): `standard` (the default), `ssd` and
 * `hdd`. Like the clouds' default classes they bind WaitForFirstConsumer, so a disk is made in
 * the zone of the node its first pod is scheduled to — except `hdd`, which provisions at once
 * (Immediate) so learners can meet the other mode and its zone pitfall.
 */
import type { KObject } from '../api/types';
import { DEFAULT_CLASS_ANNOTATION } from '../api/defaultstorageclass';

export const DISK_DRIVER = 'disk.csi.wheelhouse.dev';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const REGION_LABEL = 'topology.kubernetes.io/region';
export const REGION = 'wh-central-1';
export const ZONES = ['wh-central-1a', 'wh-central-1b', 'wh-central-1c'];

/** How long the simulated cloud takes to create a disk of each type, in ms. */
export const PROVISION_MS: Record<string, number> = { balanced: 3000, ssd: 2000, hdd: 5000 };

function storageClass(name: string, type: string, mode: 'WaitForFirstConsumer' | 'Immediate', isDefault = false): KObject {
  const obj: KObject = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner: DISK_DRIVER,
    parameters: { type },
    reclaimPolicy: 'Delete',
    volumeBindingMode: mode,
    allowVolumeExpansion: true,
  };
  if (isDefault) obj.metadata.annotations = { [DEFAULT_CLASS_ANNOTATION]: 'true' };
  return obj;
}

export function builtInStorageClasses(): KObject[] {
  return [storageClass('standard', 'balanced', 'WaitForFirstConsumer', true), storageClass('ssd', 'ssd', 'WaitForFirstConsumer'), storageClass('hdd', 'hdd', 'Immediate')];
}

/** The zone of the node registered at `index` (0 is the control plane): workers go round-robin, worker-1 in the first zone. */
export function zoneForNodeIndex(index: number): string {
  return ZONES[(index + ZONES.length - 1) % ZONES.length];
}
