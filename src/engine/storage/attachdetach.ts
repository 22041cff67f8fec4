/**
 * The attach/detach controller (pkg/controller/volume/attachdetach) with the CSI external
 * attacher folded in: a cloud disk is attached to every node that runs a pod using it, through
 * a VolumeAttachment object, and detached when no pod there needs it any more.
 *
 * ReadWriteOnce disks attach to one node at a time: a pod scheduled elsewhere gets
 * "Multi-Attach error" events until the disk is free. A node that stopped answering keeps its
 * disks while its pods still exist (they stay Terminating); once they are gone, the disk is
 * force-detached after maxWaitForUnmountDuration (6 min), as the controller does when it cannot
 * know whether the node still writes to it.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import type { ScheduledTask } from '../sim/clock';
import { WorkQueue, type ControllerContext } from '../client/context';
import { DISK_DRIVER } from './classes';
import { POD_CLAIM_INDEX, isAttachable, isSingleNodeVolume, nodeMatchesVolume, podClaimKeys } from '../helpers/volumeutil';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'attachdetach-controller';
const MAX_WAIT_FOR_UNMOUNT_MS = 6 * 60_000;
const RETRY_MS = 10_000;
const vaType = typeForKind('VolumeAttachment');

/** VolumeAttachment names are "csi-" and a hash of volume, driver and node, so each pair has one. */
export function attachmentName(pvName: string, nodeName: string): string {
  const text = `${pvName}${DISK_DRIVER}${nodeName}`;
  let out = '';
  for (let i = 0; i < 8; i++) {
    let h = 0x811c9dc5 ^ i;
    for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return `csi-${out}`;
}

function nodeReady(node: KObject | undefined): boolean {
  return !!node?.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

/** A pod keeps its volumes until it has finished or is gone from the API. */
function podNeedsVolumes(pod: KObject): boolean {
  return !!pod.spec?.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export class AttachDetachController {
  private queue: WorkQueue;
  /** VolumeAttachment name → when its node stopped needing it while unreachable. */
  private undesiredSince = new Map<string, number>();
  private pendingOps = new Map<string, ScheduledTask>();
  private retries = new Map<string, ScheduledTask>();

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync));
    const store = ctx.api.store;
    store.watch('pods', bound(this, this.onPod));
    store.watch('persistentvolumeclaims', bound(this, this.onClaim));
    store.watch('persistentvolumes', bound(this, this.onVolume));
    store.watch('volumeattachments', bound(this, this.onAttachment));
    store.watch('nodes', bound(this, this.onNode));
  }

  private queueClaim(key: string): void {
    const i = key.indexOf('/');
    const pvc = this.ctx.api.store.get('persistentvolumeclaims', key.slice(0, i), key.slice(i + 1));
    if (pvc?.spec?.volumeName) this.queue.add(pvc.spec.volumeName);
  }

  private onPod(_t: WatchEventType, pod: KObject, old: KObject | undefined): void {
    for (const key of podClaimKeys(pod) ?? []) this.queueClaim(key);
    if (old && old.spec?.nodeName !== pod.spec?.nodeName) for (const key of podClaimKeys(old) ?? []) this.queueClaim(key);
  }

  private onClaim(_t: WatchEventType, pvc: KObject): void {
    if (pvc.spec?.volumeName) this.queue.add(pvc.spec.volumeName);
  }

  private onVolume(_t: WatchEventType, pv: KObject): void {
    this.queue.add(pv.metadata.name!);
  }

  private onAttachment(type: WatchEventType, va: KObject): void {
    if (type === 'DELETED') this.queue.add(va.spec.source.persistentVolumeName);
  }

  private onNode(type: WatchEventType, node: KObject, old: KObject | undefined): void {
    if (type === 'MODIFIED' && nodeReady(node) === nodeReady(old)) return;
    for (const va of this.ctx.api.store.list('volumeattachments')) if (va.spec.nodeName === node.metadata.name) this.queue.add(va.spec.source.persistentVolumeName);
  }

  private attachmentsOf(pvName: string): KObject[] {
    return this.ctx.api.store.list('volumeattachments').filter((va) => va.spec?.source?.persistentVolumeName === pvName);
  }

  /** Pods that need the volume, by node. */
  private desired(pv: KObject): Map<string, KObject[]> {
    const out = new Map<string, KObject[]>();
    const ref = pv.spec?.claimRef;
    if (!ref?.name) return out;
    const pvc = this.ctx.api.store.get('persistentvolumeclaims', ref.namespace, ref.name);
    if (!pvc || pvc.spec?.volumeName !== pv.metadata.name) return out;
    for (const pod of this.ctx.api.store.byIndex('pods', POD_CLAIM_INDEX, `${ref.namespace}/${ref.name}`)) {
      if (!podNeedsVolumes(pod)) continue;
      const list = out.get(pod.spec.nodeName) ?? [];
      list.push(pod);
      out.set(pod.spec.nodeName, list);
    }
    return out;
  }

  private sync(pvName: string): void {
    const { api, clock } = this.ctx;
    const pv = api.store.get('persistentvolumes', undefined, pvName);
    const want = pv && isAttachable(pv) ? this.desired(pv) : new Map<string, KObject[]>();
    const existing = this.attachmentsOf(pvName);
    // Detach where no pod needs the disk.
    for (const va of existing) {
      const node = va.spec.nodeName as string;
      if (want.has(node)) {
        this.undesiredSince.delete(va.metadata.name!);
        continue;
      }
      if (this.pendingOps.has(va.metadata.name!)) continue;
      const nodeObj = api.store.get('nodes', undefined, node);
      if (nodeObj && !nodeReady(nodeObj)) {
        const since = this.undesiredSince.get(va.metadata.name!) ?? clock.now();
        this.undesiredSince.set(va.metadata.name!, since);
        if (clock.now() - since < MAX_WAIT_FOR_UNMOUNT_MS) {
          this.retryAt(pvName, since + MAX_WAIT_FOR_UNMOUNT_MS);
          continue;
        }
      }
      this.detach(va);
    }
    if (!pv) return;
    // Attach where pods need it.
    for (const [node, pods] of want) {
      if (existing.some((va) => va.spec.nodeName === node)) continue;
      const nodeObj = api.store.get('nodes', undefined, node);
      if (!nodeObj) continue;
      const elsewhere = this.attachmentsOf(pvName).filter((va) => va.spec.nodeName !== node);
      if (isSingleNodeVolume(pv) && elsewhere.length) {
        this.multiAttachError(pv, pods, elsewhere.map((va) => va.spec.nodeName as string), want);
        this.retryAt(pvName, clock.now() + RETRY_MS);
        continue;
      }
      if (!nodeMatchesVolume(pv, nodeObj.metadata.labels ?? {}, node)) {
        const msg = `AttachVolume.Attach failed for volume "${pvName}" : rpc error: code = InvalidArgument desc = disk ${pv.spec.csi.volumeHandle} cannot be attached to node ${node}: they are in different zones`;
        for (const pod of pods) api.event(pod, 'Warning', 'FailedAttachVolume', msg, COMPONENT);
        this.retryAt(pvName, clock.now() + RETRY_MS);
        continue;
      }
      this.attach(pv, node, pods);
    }
  }

  private retryAt(pvName: string, at: number): void {
    const prev = this.retries.get(pvName);
    if (prev && !prev.cancelled && prev.at <= at) return;
    if (prev) this.ctx.clock.cancel(prev);
    this.retries.set(pvName, this.ctx.clock.at(at, COMPONENT, bound(this, this.retry, pvName)));
  }

  private retry(pvName: string): void {
    this.retries.delete(pvName);
    this.queue.add(pvName);
  }

  private multiAttachError(pv: KObject, pods: KObject[], otherNodes: string[], want: Map<string, KObject[]>): void {
    const ns = pods[0].metadata.namespace;
    const users = otherNodes.flatMap((n) => want.get(n) ?? []);
    const sameNs = users.filter((p) => p.metadata.namespace === ns).map((p) => p.metadata.name!);
    let detail: string;
    if (sameNs.length) detail = `Volume is already used by pod(s) ${sameNs.join(', ')}`;
    else if (users.length) detail = `Volume is already used by ${users.length} pod(s) in different namespaces`;
    else detail = "Volume is already exclusively attached to one node and can't be attached to another";
    for (const pod of pods) {
      this.ctx.api.event(pod, 'Warning', 'FailedAttachVolume', `Multi-Attach error for volume "${pv.metadata.name}" ${detail}`, COMPONENT);
      this.ctx.reasons.record(COMPONENT, 'volume.multiAttach', { volume: pv.metadata.name!, node: pod.spec.nodeName, otherNodes: otherNodes.join(', ') }, [refOf(pod), refOf(pv)]);
    }
  }

  private attach(pv: KObject, node: string, pods: KObject[]): void {
    const { api, clock, rng } = this.ctx;
    const name = attachmentName(pv.metadata.name!, node);
    api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name }, spec: { attacher: DISK_DRIVER, nodeName: node, source: { persistentVolumeName: pv.metadata.name } }, status: { attached: false } }, COMPONENT);
    // The cloud API takes a second or three to attach a disk.
    const task = clock.after(1000 + rng.int(2000), COMPONENT, bound(this, this.attached, pv, node, pods, name));
    this.pendingOps.set(name, task);
  }

  private attached(pv: KObject, node: string, pods: KObject[], name: string): void {
    const { api } = this.ctx;
    this.pendingOps.delete(name);
    const va = api.store.get('volumeattachments', undefined, name);
    if (!va) return;
    api.updateStatus(vaType, va, { attached: true }, 'csi-attacher');
    const users = api.store.byIndex('pods', POD_CLAIM_INDEX, `${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}`).filter((p) => p.spec?.nodeName === node && podNeedsVolumes(p));
    for (const pod of users.length ? users : pods) api.event(pod, 'Normal', 'SuccessfulAttachVolume', `AttachVolume.Attach succeeded for volume "${pv.metadata.name}"`, COMPONENT);
    this.ctx.reasons.record(COMPONENT, 'volume.attached', { volume: pv.metadata.name!, node }, [refOf(pv), ...users.map(refOf)]);
    this.queue.add(pv.metadata.name!);
  }

  private detach(va: KObject): void {
    const { clock, rng } = this.ctx;
    const name = va.metadata.name!;
    const pending = this.pendingOps.get(name);
    if (pending) clock.cancel(pending);
    const task = clock.after(1000 + rng.int(1000), COMPONENT, bound(this, this.detached, name));
    this.pendingOps.set(name, task);
  }

  private detached(name: string): void {
    const { api } = this.ctx;
    this.pendingOps.delete(name);
    this.undesiredSince.delete(name);
    const current = api.store.get('volumeattachments', undefined, name);
    if (!current) return;
    // Someone may need it again on this very node: then keep it.
    const pv = api.store.get('persistentvolumes', undefined, current.spec.source.persistentVolumeName);
    if (pv && this.desired(pv).has(current.spec.nodeName)) return;
    api.delete(vaType, undefined, name, COMPONENT);
    this.ctx.reasons.record(COMPONENT, 'volume.detached', { volume: current.spec.source.persistentVolumeName, node: current.spec.nodeName }, pv ? [refOf(pv)] : []);
  }
}
