/**
 * Node lifecycle controller (pkg/controller/nodelifecycle): every 5 s it checks each node's
 * heartbeat (its Lease in kube-node-lease). After --node-monitor-grace-period (50 s since
 * v1.32) without one, the node's conditions become Unknown, its pods NotReady, and it is
 * tainted `node.kubernetes.io/unreachable` (NoSchedule and NoExecute). A node whose kubelet
 * reports NotReady gets the `not-ready` taints instead. Taints go once the node is Ready.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { parseRfc3339, rfc3339 } from '../sim/clock';
import { contained, type ControllerContext } from '../client/context';
import { bound } from '../sim/forkable';

const COMPONENT = 'node-controller';
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
const nodeType = typeForKind('Node');
const podType = typeForKind('Pod');

export class NodeLifecycleController {
  constructor(private ctx: ControllerContext) {
    ctx.clock.after(NODE_MONITOR_PERIOD_MS, COMPONENT, bound(this, this.tick));
  }

  private tick(): void {
    this.ctx.clock.after(NODE_MONITOR_PERIOD_MS, COMPONENT, bound(this, this.tick));
    contained(this.ctx.clock, COMPONENT, () => this.monitor());
  }

  /** monitorNodeHealth */
  monitor(): void {
    const { api, clock } = this.ctx;
    const now = clock.now();
    for (const node of api.store.list('nodes')) {
      const name = node.metadata.name!;
      const lease = api.store.get('leases', 'kube-node-lease', name);
      const ready = readyCondition(node);
      const heartbeat = Math.max(parseRfc3339(lease?.spec?.renewTime) ?? 0, parseRfc3339(ready?.lastHeartbeatTime) ?? 0);
      const created = parseRfc3339(node.metadata.creationTimestamp) ?? now;
      const lost = heartbeat === 0 ? now - created > 60_000 : now - heartbeat > NODE_MONITOR_GRACE_MS;
      if (lost && ready?.status !== 'Unknown') this.markUnknown(node, now);
      this.reconcileTaints(name);
    }
  }

  private markUnknown(node: KObject, now: number): void {
    const { api } = this.ctx;
    const ts = rfc3339(now);
    const conditions = (node.status?.conditions ?? []).map((c: Record<string, string>) =>
      c.status === 'Unknown'
        ? c
        : { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: ts },
    );
    const current = api.store.get('nodes', undefined, node.metadata.name!)!;
    api.updateStatus(nodeType, current, { ...current.status, conditions }, COMPONENT);
    api.event(node, 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`, COMPONENT);
    this.ctx.reasons.record(COMPONENT, 'nodelifecycle.nodeUnreachable', { graceSeconds: NODE_MONITOR_GRACE_MS / 1000 }, [refOf(node)]);
    // MarkPodsNotReady: the pods' Ready condition turns False so Services stop sending them traffic.
    for (const pod of api.store.byIndex('pods', 'nodeName', node.metadata.name!)) {
      const conds = pod.status?.conditions ?? [];
      if (!conds.some((c: Record<string, string>) => c.type === 'Ready' && c.status === 'True')) continue;
      api.updateStatus(podType, pod, { ...pod.status, conditions: conds.map((c: Record<string, string>) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: ts } : c)) }, COMPONENT);
      api.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready', COMPONENT);
    }
  }

  /** Keeps the node's condition taints in line with its Ready condition. */
  private reconcileTaints(name: string): void {
    const { api, clock } = this.ctx;
    const node = api.store.get('nodes', undefined, name);
    if (!node) return;
    const ready = readyCondition(node);
    const want = ready?.status === 'Unknown' ? UNREACHABLE : ready?.status === 'False' ? NOT_READY : undefined;
    const taints: Record<string, string>[] = node.spec?.taints ?? [];
    const managed = (t: Record<string, string>) => t.key === UNREACHABLE || t.key === NOT_READY;
    const keep = taints.filter((t) => !managed(t) || t.key === want);
    const next = [...keep];
    if (want) {
      for (const effect of ['NoSchedule', 'NoExecute']) {
        if (!next.some((t) => t.key === want && t.effect === effect)) {
          next.push(effect === 'NoExecute' ? { key: want, effect, timeAdded: rfc3339(clock.now()) } : { key: want, effect });
          this.ctx.reasons.record(COMPONENT, 'nodelifecycle.taintAdded', { key: want, effect }, [refOf(node)]);
        }
      }
    }
    if (next.length === taints.length && next.every((t, i) => t === taints[i])) return;
    if (!want && taints.some(managed)) this.ctx.reasons.record(COMPONENT, 'nodelifecycle.taintRemoved', {}, [refOf(node)]);
    api.mutate(nodeType, undefined, name, COMPONENT, (cur) => {
      const spec = { ...cur.spec, taints: next };
      if (next.length === 0) delete spec.taints;
      return { ...cur, spec };
    });
  }
}

export function readyCondition(node: KObject): Record<string, string> | undefined {
  return (node.status?.conditions ?? []).find((c: Record<string, string>) => c.type === 'Ready');
}
