/**
 * What the kubelet reports about its node: the Lease it renews every 10 s (the node's
 * heartbeat), Ready again when the node controller had marked a running node Unknown, the
 * conditions a healthy kubelet posts, and the images it holds (node.status.images).
 */
import type { KObject } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339 } from '../sim/clock';
import type { ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import { COMPONENT } from './podWorker';
import { bound } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const nodeType = typeForKind('Node');
const leaseType = typeForKind('Lease');

export function renewLease(ctx: ControllerContext, nodeName: string): void {
  const { api, clock } = ctx;
  const now = rfc3339(clock.now());
  // tryUpdateNodeStatus (every 10 s): if the node controller marked this running node Unknown
  // (e.g. its Lease went with a deleted kube-node-lease), the status differs: post Ready again.
  const node = api.store.get('nodes', undefined, nodeName);
  const ready = (node?.status?.conditions ?? []).find((c: Any) => c.type === 'Ready');
  if (node && ready && ready.status !== 'True') {
    api.updateStatus(nodeType, node, { ...node.status, conditions: readyConditions(now, now) }, COMPONENT, nodeName);
    api.event(node, 'Normal', 'NodeReady', `Node ${nodeName} status is now: NodeReady`, COMPONENT, nodeName);
  }
  const existing = api.store.get('leases', 'kube-node-lease', nodeName);
  if (!existing) {
    const node = api.store.get('nodes', undefined, nodeName);
    const lease: KObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: nodeName, namespace: 'kube-node-lease', ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid! }] : undefined },
      spec: { holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: now.replace('Z', '.000000Z') },
    };
    if (!lease.metadata.ownerReferences) delete lease.metadata.ownerReferences;
    try {
      api.create(lease, COMPONENT, { node: nodeName });
    } catch {
      // kube-node-lease deleted or terminating: the lease controller retries at the next renewal.
    }
    return;
  }
  api.mutate(leaseType, 'kube-node-lease', nodeName, COMPONENT, (l) => ({ ...l, spec: { ...l.spec, renewTime: now.replace('Z', '.000000Z') } }), nodeName);
}

/** The node conditions a healthy kubelet posts. */
export function readyConditions(heartbeat: string, transition: string): Any[] {
  const c = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: heartbeat, lastTransitionTime: transition, message, reason, status, type });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** node.status.images: a newly pulled image shows up with the next status report (the 50 largest). */
export class NodeImageStatus {
  private sizes = new Map<string, { digest: string; size: number }>();
  private task: ScheduledTask | undefined;

  constructor(
    private ctx: ControllerContext,
    private nodeName: string,
    private owner: string,
  ) {}

  note(ref: string, digestRef: string, size: number): void {
    if (this.sizes.has(ref)) return;
    this.sizes.set(ref, { digest: digestRef, size });
    if (this.task) return;
    this.task = this.ctx.clock.after(1_000, this.owner, bound(this, this.report));
  }

  private report(): void {
    this.task = undefined;
    const images = [...this.sizes].map(([name, v]) => ({ names: [v.digest, name], sizeBytes: v.size })).sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 50);
    const node: KObject | undefined = this.ctx.api.store.get('nodes', undefined, this.nodeName);
    if (node) this.ctx.api.updateStatus(nodeType, node, { ...node.status, images }, COMPONENT, this.nodeName);
  }

  /** The machine stopped: the pending report goes with it. */
  cancel(): void {
    this.ctx.clock.cancel(this.task);
    this.task = undefined;
  }
}
