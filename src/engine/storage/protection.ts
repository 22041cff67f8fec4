/**
 * Storage object in-use protection (pkg/controller/volume/pvcprotection, pvprotection): the
 * API server puts a finalizer on every claim and volume; these controllers lift it only when
 * deleting is safe — a claim once no live pod uses it, a volume once it is no longer Bound. Until
 * then the object shows as Terminating, which is what a learner sees after deleting a claim
 * that a running pod still mounts.
 */
import type { KObject } from '../api/types';
import { WorkQueue, nsName, splitKey, type ControllerContext } from '../client/context';
import { POD_CLAIM_INDEX, podClaimKeys } from '../helpers/volumeutil';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

/** A pod still needs its claims unless it has finished (Succeeded/Failed). */
function podNeedsClaims(pod: KObject): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export class PvcProtectionController {
  private queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'pvc-protection-controller', 5, bound(this, this.sync));
    const store = ctx.api.store;
    store.watch('persistentvolumeclaims', bound(this, this.onClaim));
    store.watch('pods', bound(this, this.onPod));
  }

  private onClaim(type: WatchEventType, pvc: KObject): void {
    if (type !== 'DELETED' && pvc.metadata.deletionTimestamp) this.queue.add(nsName(pvc.metadata.namespace, pvc.metadata.name!));
  }

  private onPod(type: WatchEventType, pod: KObject): void {
    if (type !== 'DELETED' && podNeedsClaims(pod)) return;
    for (const key of podClaimKeys(pod) ?? []) this.queue.add(key);
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api } = this.ctx;
    const pvc = api.store.get('persistentvolumeclaims', ns, name);
    if (!pvc?.metadata.deletionTimestamp || !pvc.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    if (api.store.byIndex('pods', POD_CLAIM_INDEX, key).some(podNeedsClaims)) return;
    api.update({ ...pvc, metadata: { ...pvc.metadata, finalizers: pvc.metadata.finalizers.filter((f) => f !== PVC_PROTECTION) } }, 'pvc-protection-controller');
  }
}

export class PvProtectionController {
  private queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'pv-protection-controller', 5, bound(this, this.sync));
    ctx.api.store.watch('persistentvolumes', bound(this, this.onVolume));
  }

  private onVolume(type: WatchEventType, pv: KObject): void {
    if (type !== 'DELETED' && pv.metadata.deletionTimestamp) this.queue.add(pv.metadata.name!);
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    const pv = api.store.get('persistentvolumes', undefined, name);
    if (!pv?.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION)) return;
    if (pv.status?.phase === 'Bound') return;
    api.update({ ...pv, metadata: { ...pv.metadata, finalizers: pv.metadata.finalizers.filter((f) => f !== PV_PROTECTION) } }, 'pv-protection-controller');
  }
}
