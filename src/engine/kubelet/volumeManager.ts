/**
 * The kubelet's volume manager: before a pod gets a sandbox its volumes must be ready —
 * persistent volumes bound and (cloud disks) attached to this node, configMap/secret/projected
 * sources present. It retries as upstream does (every second for attach and mount, reporting
 * FailedMount every 2m3s; back-off for missing sources) and refreshes mounted ConfigMaps and
 * Secrets on the periodic sync.
 */
import { persistentTable } from '../sim/persistable';
import { ROOT_CA_CONFIGMAP } from '../api/admission';
import type { KObject } from '../api/types';
import { isAttachable, podClaims, volumeDataKey } from '../helpers/volumeutil';
import { attachmentName } from '../storage/attachdetach';
import { referencedSources, snapshotSources, storeLookup, volumeMountError } from './configSources';
import { COMPONENT, isTerminating, podRef, type KubeletHost, type PodWorker } from './podWorker';
import { bound } from '../sim/forkable';

/** WaitForAttachAndMount gives up (and reports) after 2m3s (podAttachAndMountTimeout); it checks every second. */
const MOUNT_TIMEOUT_MS = 123_000;
const MOUNT_POLL_MS = 1000;
/** The volume manager retries a failed mount after 500 ms, doubling up to 2m2s (exponentialbackoff). */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** Mounted ConfigMaps and Secrets are refreshed on the kubelet's periodic sync (syncFrequency 1m). */
const SYNC_FREQUENCY_MS = 60_000;

/**
 * WaitForAttachAndMount: persistent volumes must be bound and, for cloud disks, attached to
 * this node by the attach/detach controller. The volume manager checks every second; every
 * 2m3s without success it reports FailedMount and keeps waiting.
 */
function mountPersistentVolumes(k: KubeletHost, w: PodWorker, pod: KObject, then: () => void): void {
  const claims = podClaims(pod);
  if (!claims.length) return then();
  const store = k.ctx.api.store;
  const keys = new Map<string, string>();
  const unattached: string[] = [];
  const failed: string[] = [];
  let failure = '';
  for (const { volume, claim } of claims) {
    const pvc = store.get('persistentvolumeclaims', w.namespace, claim);
    const pv = pvc?.spec?.volumeName && pvc.status?.phase === 'Bound' ? store.get('persistentvolumes', undefined, pvc.spec.volumeName) : undefined;
    if (!pv) {
      failed.push(volume);
      failure ||= `error processing PVC ${w.namespace}/${claim}: ${pvc ? 'PVC is not bound' : `persistentvolumeclaim "${claim}" not found`}`;
      continue;
    }
    if (isAttachable(pv) && !store.get('volumeattachments', undefined, attachmentName(pv.metadata.name!, k.nodeName))?.status?.attached) {
      unattached.push(volume);
      continue;
    }
    keys.set(volume, volumeDataKey(pv.spec, k.nodeName)!);
  }
  if (!unattached.length && !failed.length) {
    w.volumeKeys = keys;
    w.mountWaitStart = undefined;
    return then();
  }
  const now = k.ctx.clock.now();
  w.mountWaitStart ??= now;
  if (now - w.mountWaitStart >= MOUNT_TIMEOUT_MS) {
    const unmounted = claims.map((c) => c.volume).filter((v) => !keys.has(v)).sort();
    const message = `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(' ')}], unattached volumes=[${unattached.sort().join(' ')}], failed to process volumes=[${failed.sort().join(' ')}]: ${failure || 'context deadline exceeded'}`;
    k.event(w, 'Warning', 'FailedMount', message);
    k.ctx.reasons.record(COMPONENT, 'kubelet.failedMount', { message }, [podRef(w)], k.nodeName);
    w.mountWaitStart = now;
  }
  k.after(w, MOUNT_POLL_MS, bound(volumeTasks, volumeTasks.retryPersistentVolumes, k, w, then));
}

function retryPersistentVolumes(k: KubeletHost, w: PodWorker, then: () => void): void {
  const current = k.ctx.api.store.get('pods', w.namespace, w.name);
  if (current && current.metadata.uid === w.uid && !isTerminating(w)) mountPersistentVolumes(k, w, current, then);
}

/**
 * Sets up configMap/secret/projected volumes, retrying with back-off while a source is missing.
 * `then` outlives the call (it runs from a retry timer): a bound call, not a closure.
 */
export function mountVolumes(k: KubeletHost, w: PodWorker, pod: KObject, then: () => void): void {
  mountPersistentVolumes(k, w, pod, bound(volumeTasks, volumeTasks.mountConfigVolumes, k, w, pod, then));
}

function mountConfigVolumes(k: KubeletHost, w: PodWorker, pod: KObject, then: () => void): void {
  const volumeRefs = referencedSources(pod);
  if (!volumeRefs.length) return then();
  const lookup = storeLookup(k.ctx.api.store, w.namespace);
  const error = volumeMountError(pod, lookup);
  if (error) {
    k.event(w, 'Warning', 'FailedMount', error);
    k.ctx.reasons.record(COMPONENT, 'kubelet.failedMount', { message: error }, [podRef(w)], k.nodeName);
    w.mountBackoffMs = w.mountBackoffMs ? Math.min(MOUNT_RETRY_MAX_MS, w.mountBackoffMs * 2) : MOUNT_RETRY_INITIAL_MS;
    k.after(w, w.mountBackoffMs, bound(volumeTasks, volumeTasks.retryConfigVolumes, k, w, then));
    return;
  }
  w.volumeSources = snapshotSources(volumeRefs, lookup);
  // Only the ServiceAccount token volume's CA bundle: the root-ca publisher keeps it as it is, so
  // there is nothing to follow — and 150,000 pods each re-reading it every minute would cost the
  // clock more than everything else they do.
  if (volumeRefs.every(([kind, name]) => kind === 'configmaps' && name === ROOT_CA_CONFIGMAP)) return then();
  // Later edits reach the files on a periodic sync; pods are spread over the period.
  k.after(w, Math.floor(k.ctx.rng.next() * SYNC_FREQUENCY_MS), bound(volumeTasks, volumeTasks.resyncSources, k, w));
  then();
}

function retryConfigVolumes(k: KubeletHost, w: PodWorker, then: () => void): void {
  const current = k.ctx.api.store.get('pods', w.namespace, w.name);
  if (current && current.metadata.uid === w.uid && !isTerminating(w)) mountConfigVolumes(k, w, current, then);
}

function resyncSources(k: KubeletHost, w: PodWorker): void {
  const current = k.ctx.api.store.get('pods', w.namespace, w.name);
  if (current) w.volumeSources = snapshotSources(referencedSources(current), storeLookup(k.ctx.api.store, w.namespace));
  k.after(w, SYNC_FREQUENCY_MS, bound(volumeTasks, volumeTasks.resyncSources, k, w));
}

// The volume manager's timers and continuations call this object, not closures, so a copy of the cluster can rebuild them.
const volumeTasks = persistentTable('kubelet.volumeTasks', { mountConfigVolumes, retryPersistentVolumes, retryConfigVolumes, resyncSources });
