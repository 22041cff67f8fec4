/**
 * The scheduler's cache (pkg/scheduler/backend/cache): per-node totals of what assigned pods
 * request, kept up to date from watches so a scheduling cycle never lists pods.
 * Pods in a terminal phase no longer hold resources (the scheduler's informer ignores them).
 */
import type { KObject } from '../api/types';
import type { ObjectStore, WatchEventType } from '../api/store';
import { bytes, milliCpu } from '../api/quantity';
import { podRequests, type NodeInfo } from './framework';
import { NodeMemos } from './memo';
import { bound } from '../sim/forkable';

export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  /** Node names in a stable order, for the rotating start index of each cycle. */
  order: string[] = [];
  /** The same nodes' infos, in the same order (no lookup by name in the hot loop). */
  ordered: NodeInfo[] = [];
  /** Assigned pods with required pod anti-affinity. */
  antiAffinityPods = 0;
  /** Nodes with at least one PreferNoSchedule taint. */
  preferNoScheduleNodes = 0;
  /** Nodes per image reference; imageVersion changes whenever these counts do. */
  readonly imageNodes = new Map<string, number>();
  imageVersion = 0;
  /** Per-node memoised verdicts and scores, by slot; cleared for a node whenever it changes. */
  readonly memos: NodeMemos;

  constructor(store: ObjectStore, scorePlugins: number) {
    this.memos = new NodeMemos(scorePlugins);
    for (const n of store.list('nodes')) this.upsertNode(n);
    for (const p of store.list('pods')) this.onPod(p, undefined);
    store.watch('nodes', bound(this, this.onNodeEvent));
    store.watch('pods', bound(this, this.onPodEvent));
  }

  private onNodeEvent(type: WatchEventType, node: KObject): void {
    if (type === 'DELETED') this.removeNode(node.metadata.name!);
    else this.upsertNode(node);
  }

  private onPodEvent(type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    this.onPod(type === 'DELETED' ? undefined : pod, old);
  }

  private upsertNode(node: KObject): void {
    const name = node.metadata.name!;
    const alloc = node.status?.allocatable ?? {};
    const existing = this.nodes.get(name);
    const info: NodeInfo = existing ?? {
      name,
      node,
      labels: {},
      taints: [],
      unschedulable: false,
      allocatableMilliCpu: 0,
      allocatableMemory: 0,
      allocatablePods: 0,
      requestedMilliCpu: 0,
      requestedMemory: 0,
      nonZeroMilliCpu: 0,
      nonZeroMemory: 0,
      podCount: 0,
      pods: new Map(),
      ownerCounts: new Map(),
      usedPorts: new Map(),
      images: new Map(),
      slot: this.ordered.length,
    };
    const prefers = (taints: { effect: string }[]) => taints.some((t) => t.effect === 'PreferNoSchedule');
    if (existing && prefers(existing.taints)) this.preferNoScheduleNodes--;
    info.node = node;
    // Prototype-free: a label key such as `constructor` must not find Object.prototype's.
    info.labels = Object.assign(Object.create(null) as Record<string, string>, node.metadata.labels);
    info.taints = node.spec?.taints ?? [];
    if (prefers(info.taints)) this.preferNoScheduleNodes++;
    this.touch(info);
    info.unschedulable = !!node.spec?.unschedulable;
    info.allocatableMilliCpu = milliCpu(alloc.cpu);
    info.allocatableMemory = bytes(alloc.memory);
    info.allocatablePods = Number(alloc.pods ?? 110);
    for (const ref of info.images.keys()) this.countImage(ref, -1);
    info.images = new Map();
    for (const img of (node.status?.images ?? []) as { names?: string[]; sizeBytes?: number }[]) for (const n of img.names ?? []) info.images.set(n, img.sizeBytes ?? 0);
    for (const ref of info.images.keys()) this.countImage(ref, 1);
    if (!existing) {
      this.nodes.set(name, info);
      this.order.push(name);
      this.ordered.push(info);
      if (info.slot >= this.memos.state.length) this.memos.reset(this.ordered.length);
    }
  }

  /** Something on the node changed: memoised results for it are void. */
  private touch(info: NodeInfo): void {
    this.memos.invalidate(info.slot);
  }

  private countImage(ref: string, delta: number): void {
    this.imageVersion++;
    const n = (this.imageNodes.get(ref) ?? 0) + delta;
    if (n <= 0) this.imageNodes.delete(ref);
    else this.imageNodes.set(ref, n);
  }

  private removeNode(name: string): void {
    for (const ref of this.nodes.get(name)?.images.keys() ?? []) this.countImage(ref, -1);
    if (this.nodes.get(name)?.taints.some((t) => t.effect === 'PreferNoSchedule')) this.preferNoScheduleNodes--;
    this.nodes.delete(name);
    this.order = this.order.filter((n) => n !== name);
    this.ordered = this.ordered.filter((n) => n.name !== name);
    // Slots follow the order: renumber and start the memos afresh.
    this.ordered.forEach((n, i) => (n.slot = i));
    this.memos.reset(this.ordered.length);
  }

  private holdsResources(pod: KObject | undefined): pod is KObject {
    return !!pod?.spec?.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
  }

  private onPod(pod: KObject | undefined, old: KObject | undefined): void {
    const was = this.holdsResources(old);
    const is = this.holdsResources(pod);
    if (was && is && old!.spec.nodeName === pod!.spec.nodeName) return;
    if (was) this.removePod(old!);
    if (is) this.addPod(pod!);
  }

  /** Assume: account for a pod on its node before the binding is observed. */
  addPod(pod: KObject): void {
    const info = this.nodes.get(pod.spec.nodeName);
    if (!info) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (info.pods.has(key)) return;
    const r = podRequests(pod);
    info.pods.set(key, r);
    info.requestedMilliCpu += r.milliCpu;
    info.requestedMemory += r.memory;
    info.nonZeroMilliCpu += r.nonZeroMilliCpu;
    info.nonZeroMemory += r.nonZeroMemory;
    info.podCount++;
    if (r.owner) info.ownerCounts.set(r.owner, (info.ownerCounts.get(r.owner) ?? 0) + 1);
    for (const hp of r.hostPorts ?? []) info.usedPorts.set(hp, (info.usedPorts.get(hp) ?? 0) + 1);
    if (r.antiAffinity) this.antiAffinityPods++;
    this.touch(info);
  }

  /** Drops an assumed pod that will not be bound after all. */
  forgetPod(pod: KObject): void {
    this.removePod(pod);
  }

  private removePod(pod: KObject): void {
    const info = this.nodes.get(pod.spec.nodeName);
    if (!info) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const r = info.pods.get(key);
    if (!r) return;
    info.pods.delete(key);
    info.requestedMilliCpu -= r.milliCpu;
    info.requestedMemory -= r.memory;
    info.nonZeroMilliCpu -= r.nonZeroMilliCpu;
    info.nonZeroMemory -= r.nonZeroMemory;
    info.podCount--;
    if (r.antiAffinity) this.antiAffinityPods--;
    this.touch(info);
    for (const hp of r.hostPorts ?? []) {
      const n = (info.usedPorts.get(hp) ?? 1) - 1;
      if (n <= 0) info.usedPorts.delete(hp);
      else info.usedPorts.set(hp, n);
    }
    if (r.owner) {
      const n = (info.ownerCounts.get(r.owner) ?? 1) - 1;
      if (n <= 0) info.ownerCounts.delete(r.owner);
      else info.ownerCounts.set(r.owner, n);
    }
  }
}

export { milliCpu, bytes };
