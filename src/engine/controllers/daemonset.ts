/**
 * DaemonSet controller (pkg/controller/daemon): one pod on every node the DaemonSet's pods
 * fit (node selector, node affinity, taints), created with node affinity for that node so the
 * default scheduler binds it there; pods on nodes that no longer qualify are deleted. Updates
 * roll one node at a time (RollingUpdate, maxUnavailable 1) or wait for deletion (OnDelete).
 */
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, nsName, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { ownerRefTo } from './replicaset';
import { controlledBy, isPodActive, isPodAvailable, isPodReady } from '../helpers/podutil';
import { computeTemplateHash, scaledValue } from '../helpers/deploymentutil';
import { tolerates, type Taint, type Toleration } from '../helpers/taints';
import { termMatches } from '../helpers/nodeaffinity';

const COMPONENT = 'daemonset-controller';
const podType = typeForKind('Pod');
const dsType = typeForKind('DaemonSet');

/** Tolerations the DaemonSet controller adds to every daemon pod (pkg/controller/daemon/util). */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export class DaemonSetController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'daemonsets'));
    const store = ctx.api.store;
    store.watch('daemonsets', bound(this, this.onDaemonSet));
    store.watch('pods', bound(this, this.onPod));
    // A node joining, leaving or changing labels/taints changes where daemons belong.
    store.watch('nodes', bound(this, this.onNode));
  }

  private onDaemonSet(_t: WatchEventType, ds: KObject): void {
    this.queue.add(nsName(ds.metadata.namespace, ds.metadata.name!));
  }

  private onPod(type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    const ref = controllerOf(pod) ?? (old && controllerOf(old));
    if (ref?.kind !== 'DaemonSet') return;
    if (type === 'MODIFIED' && old && pod.status?.phase === old.status?.phase && isPodReady(pod) === isPodReady(old) && pod.metadata.deletionTimestamp === old.metadata.deletionTimestamp && pod.spec?.nodeName === old.spec?.nodeName) return;
    this.queue.add(nsName(pod.metadata.namespace, ref.name));
  }

  private onNode(type: WatchEventType, node: KObject, old: KObject | undefined): void {
    if (type === 'MODIFIED' && old && node.metadata.labels === old.metadata.labels && deepEqual(node.spec?.taints, old.spec?.taints)) return;
    const store = this.ctx.api.store;
    for (const ns of store.namespacesOf('daemonsets')) for (const ds of store.list('daemonsets', ns)) this.queue.add(nsName(ns, ds.metadata.name!));
  }

  /** Whether a daemon pod of this DaemonSet should run on the node (nodeShouldRunDaemonPod). */
  private shouldRun(ds: KObject, node: KObject): boolean {
    const spec = ds.spec?.template?.spec ?? {};
    for (const [k, v] of Object.entries((spec.nodeSelector as Record<string, string>) ?? {})) if (node.metadata.labels?.[k] !== v) return false;
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (terms) {
      const info = { name: node.metadata.name!, labels: node.metadata.labels ?? {} };
      if (!terms.some((t: Parameters<typeof termMatches>[0]) => termMatches(t, info))) return false;
    }
    const tolerations: Toleration[] = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS];
    for (const taint of (node.spec?.taints ?? []) as Taint[]) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!tolerations.some((t) => tolerates(t, taint))) return false;
    }
    return true;
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api } = this.ctx;
    const ds = api.store.get('daemonsets', ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = computeTemplateHash(ds.spec.template);
    const pods = controlledBy(api.store, ds, 'Pod').filter(isPodActive);
    const byNode = new Map<string, KObject[]>();
    for (const p of pods) {
      const node = daemonNodeOf(p);
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node)!.push(p);
    }
    const nodes = api.store.list('nodes');
    let desired = 0;
    let created = 0;
    let misscheduled = 0;
    for (const node of nodes) {
      const nodeName = node.metadata.name!;
      const here = byNode.get(nodeName) ?? [];
      byNode.delete(nodeName);
      if (this.shouldRun(ds, node)) {
        desired++;
        if (here.length === 0) {
          this.createDaemonPod(ds, nodeName, hash);
          created++;
        } else if (here.length > 1) {
          for (const extra of here.slice(1)) this.deletePod(ds, extra);
        }
      } else {
        for (const p of here) {
          misscheduled++;
          this.deletePod(ds, p);
        }
      }
    }
    // Pods whose node is gone.
    for (const rest of byNode.values()) for (const p of rest) this.deletePod(ds, p);
    if (ds.spec.updateStrategy?.type !== 'OnDelete') this.rollingUpdate(ds, pods, hash, desired);
    this.updateStatus(ds, hash, desired, misscheduled);
    if (created) this.ctx.reasons.record(COMPONENT, 'daemonset.createdPods', { count: created, desired }, [refOf(ds)]);
  }

  private createDaemonPod(ds: KObject, nodeName: string, hash: string): void {
    const template = ds.spec.template;
    const spec = {
      ...template.spec,
      // The default scheduler binds daemon pods, steered by this affinity (ScheduleDaemonSetPods).
      affinity: {
        ...(template.spec.affinity ?? {}),
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } },
      },
      tolerations: mergeTolerations(template.spec.tolerations ?? [], DAEMON_TOLERATIONS),
    };
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
        ownerReferences: [ownerRefTo(ds)],
      },
      spec,
    };
    try {
      const created = this.ctx.api.create(pod, COMPONENT);
      this.ctx.api.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
    } catch (e) {
      this.ctx.api.event(ds, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
    }
  }

  private deletePod(ds: KObject, pod: KObject): void {
    try {
      this.ctx.api.delete(podType, pod.metadata.namespace, pod.metadata.name!, COMPONENT);
      this.ctx.api.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
    } catch {
      // already gone
    }
  }

  /** RollingUpdate: replace out-of-date pods, at most maxUnavailable of them at a time. */
  private rollingUpdate(ds: KObject, pods: KObject[], hash: string, desired: number): void {
    const maxUnavailable = Math.max(1, scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true));
    const now = this.ctx.clock.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    let unavailable = pods.filter((p) => !isPodAvailable(p, minReady, now)).length;
    for (const p of pods) {
      if (p.metadata.labels?.['controller-revision-hash'] === hash) continue;
      if (!isPodAvailable(p, minReady, now)) {
        this.deletePod(ds, p);
        continue;
      }
      if (unavailable >= maxUnavailable) break;
      this.deletePod(ds, p);
      unavailable++;
    }
  }

  private updateStatus(ds: KObject, hash: string, desired: number, misscheduled: number): void {
    const now = this.ctx.clock.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    const pods = controlledBy(this.ctx.api.store, ds, 'Pod').filter(isPodActive);
    const scheduled = pods.filter((p) => p.spec?.nodeName);
    const status: Record<string, unknown> = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: scheduled.filter(isPodReady).length,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: scheduled.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
    };
    const available = scheduled.filter((p) => isPodAvailable(p, minReady, now)).length;
    if (available) status.numberAvailable = available;
    if (desired - available > 0) status.numberUnavailable = desired - available;
    if (!deepEqual(status, ds.status)) {
      const current = this.ctx.api.store.get('daemonsets', ds.metadata.namespace, ds.metadata.name!);
      if (current) this.ctx.api.updateStatus(dsType, current, status, COMPONENT);
    }
  }
}

/** The node a daemon pod is for: its binding, or the node its affinity names. */
function daemonNodeOf(pod: KObject): string {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const term = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
  return term?.matchFields?.find((f: { key: string }) => f.key === 'metadata.name')?.values?.[0] ?? '';
}

function mergeTolerations(own: Toleration[], extra: Toleration[]): Toleration[] {
  const out = [...own];
  for (const t of extra) if (!out.some((o) => o.key === t.key && o.effect === t.effect)) out.push(t);
  return out;
}
