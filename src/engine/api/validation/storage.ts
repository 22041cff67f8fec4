/**
 * Validation of PersistentVolumes, PersistentVolumeClaims and StorageClasses
 * (pkg/apis/core/validation, pkg/apis/storage/validation): the rules learners meet first.
 */
import type { KObject } from '../types';
import { parseQuantity } from '../quantity';
import { deepEqual } from '../../util/equal';
import { forbiddenField, invalidValue, required, unsupported, type Errs } from './common';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
/** The PV sources the simulator understands; the rest are refused out loud. */
const PV_SOURCES = ['hostPath', 'local', 'nfs', 'csi'];
const KNOWN_PV_SOURCES = [...PV_SOURCES, 'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'glusterfs', 'iscsi', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume'];

function validateAccessModes(modes: unknown, errs: Errs): void {
  if (!Array.isArray(modes) || modes.length === 0) {
    errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
    return;
  }
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(unsupported('spec.accessModes', m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.push(forbiddenField('spec.accessModes', 'may not use ReadWriteOncePod with other access modes'));
}

function validateStorageQuantity(value: unknown, field: string, errs: Errs): void {
  if (value === undefined || value === null || value === '') {
    errs.push(required(field));
    return;
  }
  const n = parseQuantity(value as string);
  if (n === undefined) errs.push(invalidValue(field, value, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  else if (n <= 0) errs.push(invalidValue(field, value, 'must be greater than zero'));
}

export function validatePersistentVolumeClaim(obj: KObject, errs: Errs): void {
  const spec: Any = obj.spec ?? {};
  validateAccessModes(spec.accessModes, errs);
  validateStorageQuantity(spec.resources?.requests?.storage, 'spec.resources[storage]', errs);
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(unsupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
}

/**
 * A claim's spec is fixed once created, except its size may grow (once bound) — and only a
 * volume whose class allows expansion grows (the admission check lives in the server).
 */
export function validatePersistentVolumeClaimUpdate(obj: KObject, old: KObject, errs: Errs): void {
  // Binding (setting spec.volumeName on an unbound claim) is allowed once; sizes are checked below.
  const bindable = !old.spec?.volumeName;
  const fixed = (spec: Any) => ({ ...spec, resources: { ...(spec?.resources ?? {}), requests: undefined }, volumeAttributesClassName: undefined, volumeName: bindable ? undefined : spec?.volumeName });
  const immutable = forbiddenField('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims');
  if (!deepEqual(fixed(obj.spec), fixed(old.spec))) {
    errs.push(immutable);
    return;
  }
  const before = parseQuantity(old.spec?.resources?.requests?.storage) ?? 0;
  const after = parseQuantity(obj.spec?.resources?.requests?.storage) ?? 0;
  if (after !== before && old.status?.phase !== 'Bound') errs.push(immutable);
  else if (after < before) errs.push(forbiddenField('spec.resources.requests.storage', 'field can not be less than status.capacity'));
}

export function validatePersistentVolume(obj: KObject, errs: Errs): void {
  const spec: Any = obj.spec ?? {};
  validateAccessModes(spec.accessModes, errs);
  if (!spec.capacity || typeof spec.capacity !== 'object') errs.push(required('spec.capacity'));
  else validateStorageQuantity(spec.capacity.storage, 'spec.capacity[storage]', errs);
  const sources = KNOWN_PV_SOURCES.filter((k) => spec[k] !== undefined && spec[k] !== null);
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(forbiddenField(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy !== undefined && !['Delete', 'Recycle', 'Retain'].includes(policy)) errs.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, ['Delete', 'Recycle', 'Retain']));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(unsupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path'));
  if (spec.local) {
    if (!spec.local.path) errs.push(required('spec.local.path'));
    if (!spec.nodeAffinity?.required) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (spec.nfs) {
    if (!spec.nfs.server) errs.push(required('spec.nfs.server'));
    if (!spec.nfs.path) errs.push(required('spec.nfs.path'));
  }
  if (spec.csi) {
    if (!spec.csi.driver) errs.push(required('spec.csi.driver'));
    if (!spec.csi.volumeHandle) errs.push(required('spec.csi.volumeHandle'));
  }
}

/** The volume source is fixed once created. */
export function validatePersistentVolumeUpdate(obj: KObject, old: KObject, errs: Errs): void {
  const source = (spec: Any) => Object.fromEntries(KNOWN_PV_SOURCES.map((k) => [k, spec?.[k]]));
  if (!deepEqual(source(obj.spec), source(old.spec))) errs.push(forbiddenField('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
}

/** Which of the PV's sources the simulator cannot model (refused at admission). */
export function unsupportedVolumeSource(pv: KObject): string | undefined {
  return KNOWN_PV_SOURCES.find((k) => !PV_SOURCES.includes(k) && (pv.spec as Any)?.[k] !== undefined);
}

export function validateStorageClass(obj: KObject, errs: Errs): void {
  const o: Any = obj;
  if (!o.provisioner) errs.push(required('provisioner'));
  if (o.reclaimPolicy !== undefined && !['Delete', 'Retain'].includes(o.reclaimPolicy)) errs.push(unsupported('reclaimPolicy', o.reclaimPolicy, ['Delete', 'Retain']));
  if (o.volumeBindingMode !== undefined && !['Immediate', 'WaitForFirstConsumer'].includes(o.volumeBindingMode)) errs.push(unsupported('volumeBindingMode', o.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
}

export function validateStorageClassUpdate(obj: KObject, old: KObject, errs: Errs): void {
  const o: Any = obj;
  const p: Any = old;
  if (!deepEqual(o.parameters, p.parameters)) errs.push(forbiddenField('parameters', 'updates to parameters are forbidden.'));
  if (o.provisioner !== p.provisioner) errs.push(forbiddenField('provisioner', 'updates to provisioner are forbidden.'));
  if (o.reclaimPolicy !== p.reclaimPolicy) errs.push(forbiddenField('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (o.volumeBindingMode !== p.volumeBindingMode) errs.push(invalidValue('volumeBindingMode', o.volumeBindingMode, 'field is immutable'));
}
