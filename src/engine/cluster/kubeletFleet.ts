/**
 * The nodes' kubelets, and the watches that feed them: each kubelet sees the pods bound to its
 * node (a field selector on spec.nodeName), and reports its node turning (un)schedulable. A pod
 * sync that throws is retried with the kubelet's back-off and never stops the others.
 */
import type { KObject } from '../api/types';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import type { ControllerContext } from '../client/context';
import type { VolumeData } from '../storage/volumeData';
import { Kubelet } from '../kubelet/kubelet';

/** pod_workers.go: a failed sync is retried after the kubelet's back-off period. */
const KUBELET_BACKOFF_MS = 10_000;

export class KubeletFleet {
  constructor(
    private ctx: ControllerContext,
    private volumeData: VolumeData,
    readonly kubelets: Map<string, Kubelet>,
  ) {
    const store = ctx.api.store;
    // The kubelets' pod watch, dispatched by node (a field selector on spec.nodeName).
    store.watch('pods', bound(this, this.onPod));
    // The kubelet reports its node becoming (un)schedulable as an event.
    store.watch('nodes', bound(this, this.onNode));
  }

  private onPod(type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    const node = pod.spec?.nodeName;
    if (old?.spec?.nodeName && old.spec.nodeName !== node) this.kubelets.get(old.spec.nodeName)?.podRemoved(old);
    if (!node) return;
    const kubelet = this.kubelets.get(node);
    if (!kubelet) return;
    if (type === 'DELETED') kubelet.podRemoved(pod);
    else this.syncPodSoon(kubelet, node, pod, 10, 0);
  }

  private onNode(type: WatchEventType, node: KObject, old: KObject | undefined): void {
    if (type !== 'MODIFIED' || !old || !!node.spec?.unschedulable === !!old.spec?.unschedulable) return;
    if (!this.kubelets.get(node.metadata.name!)?.isRunning) return;
    const status = node.spec?.unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
    this.ctx.api.event(node, 'Normal', status, `Node ${node.metadata.name} status is now: ${status}`, 'kubelet', node.metadata.name);
  }

  add(name: string, cidrPrefix: string): Kubelet {
    const k = new Kubelet(this.ctx, name, cidrPrefix, this.volumeData);
    this.kubelets.set(name, k);
    return k;
  }

  /** The machine is gone: its kubelet stops for good. */
  remove(name: string): void {
    this.kubelets.get(name)?.dispose();
    this.kubelets.delete(name);
  }

  /**
   * The kubelet's pod worker for one pod. A sync that throws is retried after the kubelet's
   * back-off period (10 s, pod_workers.go) with a Warning FailedSync event on the pod, and never
   * reaches the clock: one pod the kubelet cannot handle must not stop it handling the others.
   */
  private syncPodSoon(kubelet: Kubelet, node: string, pod: KObject, delayMs: number, failures: number): void {
    this.ctx.clock.after(delayMs, `kubelet/${node}`, bound(this, this.syncPodNow, kubelet, node, pod, failures));
  }

  private syncPodNow(kubelet: Kubelet, node: string, pod: KObject, failures: number): void {
    const current = this.ctx.api.store.get('pods', pod.metadata.namespace, pod.metadata.name!);
    if (!current || current.metadata.uid !== pod.metadata.uid || this.kubelets.get(node) !== kubelet) return;
    try {
      kubelet.syncPod(current);
    } catch (e) {
      this.ctx.clock.noteContained(`kubelet/${node}`, e);
      const message = e instanceof Error ? e.message : String(e);
      this.ctx.api.event(current, 'Warning', 'FailedSync', `Error syncing pod, skipping: ${message}`, 'kubelet', node);
      // At most one retry in flight per failure chain; a newer watch event starts its own.
      if (failures < 1000) this.syncPodSoon(kubelet, node, current, KUBELET_BACKOFF_MS, failures + 1);
    }
  }
}
