/**
 * Cluster Autoscaler for one simulated cloud node group (kubernetes/autoscaler, cluster-autoscaler).
 *
 * Every scan (10 s) it looks at pods the scheduler could not place. If a fresh node of the
 * group would take them, it asks the cloud for enough nodes (bounded by the group's max) and
 * the VMs join after a provisioning delay; pods that no new node could hold, or a group at its
 * max, get NotTriggerScaleUp. A group node whose pods request under half of it for 10 minutes
 * (scale-down-unneeded-time), and whose pods all have somewhere else to go, is tainted
 * ToBeDeletedByClusterAutoscaler, drained and removed — never below the group's min, and not
 * within 10 minutes of a scale-up (scale-down-delay-after-add).
 */
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { bytes, milliCpu } from '../api/quantity';
import { podRequests } from '../scheduler/framework';
import type { ControllerContext } from '../client/context';
import type { NodeSpec } from './machine';
import { podCondition } from '../helpers/podutil';
import { bound } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const COMPONENT = 'cluster-autoscaler';
const SCAN_INTERVAL_MS = 10_000;
const UNNEEDED_TIME_MS = 600_000;
const DELAY_AFTER_ADD_MS = 600_000;
const UTILIZATION_THRESHOLD = 0.5;
const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';
const nodeType = typeForKind('Node');
const podType = typeForKind('Pod');

export interface NodeGroup {
  name: string;
  min: number;
  max: number;
  /** Shape of the machines the cloud adds (cpu cores, memory GiB). */
  cpu?: number;
  memoryGi?: number;
  /** How long a VM takes from request to a registered node. */
  provisionSeconds?: number;
}

export interface NodeHost {
  provision(spec: NodeSpec): void;
  deprovision(name: string): void;
}

export const GROUP_LABEL = 'node.wheelhouse.dev/nodegroup';

function isUnschedulable(pod: KObject): boolean {
  const c = podCondition(pod, 'PodScheduled');
  return c?.status === 'False' && c.reason === 'Unschedulable';
}

export class ClusterAutoscaler {
  private unneededSince = new Map<string, number>();
  private provisioning = 0;
  private lastScaleUp = -Infinity;

  constructor(
    private ctx: ControllerContext,
    private group: NodeGroup,
    private host: NodeHost,
  ) {
    ctx.clock.after(SCAN_INTERVAL_MS, COMPONENT, bound(this, this.scanTick));
  }

  private scanTick(): void {
    this.scan();
    this.ctx.clock.after(SCAN_INTERVAL_MS, COMPONENT, bound(this, this.scanTick));
  }

  private groupNodes(): KObject[] {
    return this.ctx.api.store.list('nodes').filter((n) => n.metadata.labels?.[GROUP_LABEL] === this.group.name);
  }

  private template(): { cpu: number; memory: number } {
    // Allocatable of a fresh node: the kubelet reserves nothing here, system pods take a little.
    return { cpu: (this.group.cpu ?? 4) * 1000 - 100, memory: (this.group.memoryGi ?? 8) * 1024 ** 3 - 150 * 1024 ** 2 };
  }

  private scan(): void {
    const { api } = this.ctx;
    // As upstream's autoscaler: the pods the scheduler has marked unschedulable (PodScheduled
    // False, reason Unschedulable), read from the API — never the scheduler's own queue.
    const pending = api.store.byIndex('pods', 'nodeName', '').filter((pod) => !pod.metadata.deletionTimestamp && isUnschedulable(pod));
    if (pending.length) this.scaleUp(pending);
    else this.scaleDown();
  }

  private fitsTemplate(pod: KObject): boolean {
    const t = this.template();
    const r = podRequests(pod);
    if (r.milliCpu > t.cpu || r.memory > t.memory) return false;
    const selector: Record<string, string> = pod.spec?.nodeSelector ?? {};
    const labels: Record<string, string> = { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', [GROUP_LABEL]: this.group.name };
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
  }

  private scaleUp(pending: KObject[]): void {
    const { api } = this.ctx;
    const fitting = pending.filter((p) => this.fitsTemplate(p));
    for (const p of pending) if (!fitting.includes(p)) api.event(p, 'Normal', 'NotTriggerScaleUp', `pod didn't trigger scale-up: 1 node(s) didn't match Pod's node affinity/selector or had insufficient resources for a new node of group ${this.group.name}`, COMPONENT);
    if (!fitting.length) return;
    // First-fit packing of the pending pods onto fresh nodes, minus what is already on its way.
    const t = this.template();
    const bins: { cpu: number; memory: number }[] = [];
    for (const p of fitting) {
      const r = podRequests(p);
      let bin = bins.find((b) => b.cpu >= r.milliCpu && b.memory >= r.memory);
      if (!bin) bins.push((bin = { ...t }));
      bin.cpu -= r.milliCpu;
      bin.memory -= r.memory;
    }
    const current = this.groupNodes().length + this.provisioning;
    const wanted = Math.max(0, bins.length - this.provisioning);
    if (wanted === 0) return;
    const room = this.group.max - current;
    if (room <= 0) {
      for (const p of fitting) api.event(p, 'Normal', 'NotTriggerScaleUp', `pod didn't trigger scale-up: 1 max node group size reached`, COMPONENT);
      return;
    }
    const add = Math.min(wanted, room);
    const target = current + add;
    for (const p of fitting) api.event(p, 'Normal', 'TriggeredScaleUp', `pod triggered scale-up: [{${this.group.name} ${current}->${target} (max: ${this.group.max})}]`, COMPONENT);
    this.ctx.reasons.record(COMPONENT, 'autoscaler.scaleUp', { group: this.group.name, from: current, to: target, pending: fitting.length }, fitting.slice(0, 20).map(refOf));
    this.lastScaleUp = this.ctx.clock.now();
    for (let i = 0; i < add; i++) {
      this.provisioning++;
      const delay = (this.group.provisionSeconds ?? 60) * 1000 + Math.floor(this.ctx.rng.next() * 15_000);
      const name = `${this.group.name}-${this.ctx.rng.nameSuffix()}`;
      this.ctx.clock.after(delay, COMPONENT, bound(this, this.provisioned, name));
    }
  }

  private provisioned(name: string): void {
    this.provisioning--;
    this.host.provision({ name, role: 'worker', cpu: this.group.cpu ?? 4, memoryGi: this.group.memoryGi ?? 8, labels: { [GROUP_LABEL]: this.group.name } });
  }

  private scaleDown(): void {
    const { api, clock } = this.ctx;
    const now = clock.now();
    // Nodes already on their way out neither count toward min nor get picked again.
    const nodes = this.groupNodes().filter((n) => !(n.spec?.taints ?? []).some((t: Any) => t.key === TO_BE_DELETED_TAINT));
    const live = new Set(nodes.map((n) => n.metadata.name!));
    for (const name of this.unneededSince.keys()) if (!live.has(name)) this.unneededSince.delete(name);
    if (now - this.lastScaleUp < DELAY_AFTER_ADD_MS) return;
    let count = nodes.length;
    for (const node of nodes) {
      const name = node.metadata.name!;
      if (count <= this.group.min) break;
      const pods = api.store.byIndex('pods', 'nodeName', name).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      const movable = pods.filter((p) => controllerOf(p)?.kind !== 'DaemonSet');
      const alloc = node.status?.allocatable ?? {};
      const cpu = movable.reduce((s, p) => s + podRequests(p).milliCpu, 0) / Math.max(1, milliCpu(alloc.cpu));
      const mem = movable.reduce((s, p) => s + podRequests(p).memory, 0) / Math.max(1, bytes(alloc.memory));
      // Only pods a controller will recreate can be moved; a bare pod pins its node.
      const blocked = movable.some((p) => !controllerOf(p) || p.metadata.namespace === 'kube-system');
      if (Math.max(cpu, mem) >= UTILIZATION_THRESHOLD || blocked) {
        this.unneededSince.delete(name);
        continue;
      }
      const since = this.unneededSince.get(name) ?? now;
      this.unneededSince.set(name, since);
      if (now - since < UNNEEDED_TIME_MS) continue;
      this.removeNode(node, movable);
      this.unneededSince.delete(name);
      count--;
    }
  }

  private removeNode(node: KObject, pods: KObject[]): void {
    const { api } = this.ctx;
    const name = node.metadata.name!;
    const taints: Any[] = [...(node.spec?.taints ?? []), { key: TO_BE_DELETED_TAINT, value: String(Math.floor(this.ctx.clock.now() / 1000)), effect: 'NoSchedule' }];
    api.mutate(nodeType, undefined, name, COMPONENT, (n) => ({ ...n, spec: { ...n.spec, taints } }));
    api.event(node, 'Normal', 'ScaleDown', 'marked the node as toBeDeleted/unschedulable', COMPONENT);
    for (const p of pods) {
      api.event(p, 'Normal', 'ScaleDown', `deleting pod for node scale down`, COMPONENT);
      try {
        api.delete(podType, p.metadata.namespace, p.metadata.name!, COMPONENT);
      } catch {
        // already gone
      }
    }
    this.ctx.reasons.record(COMPONENT, 'autoscaler.scaleDown', { node: name, group: this.group.name }, [refOf(node)]);
    // The VM goes once its pods have had their grace period.
    this.ctx.clock.after(35_000, COMPONENT, bound(this, this.deprovision, name));
  }

  private deprovision(name: string): void {
    this.host.deprovision(name);
  }
}
