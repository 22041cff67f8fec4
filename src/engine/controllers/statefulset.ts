/**
 * StatefulSet controller (pkg/controller/statefulset): pods with stable names <set>-0 … <set>-N-1
 * and stable hostnames. OrderedReady (the default) creates them one at a time, each waiting for
 * the one before to be Running and Ready, and removes them from the highest ordinal down;
 * Parallel does both at once. RollingUpdate replaces pods from the highest ordinal down to
 * the partition, one at a time. volumeClaimTemplates become per-pod claims named
 * <claim>-<set>-<ordinal>, created before the pod and kept (by default) when the pod or the set
 * goes, so a replacement pod finds its data again.
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
import { computeTemplateHash } from '../helpers/deploymentutil';

const COMPONENT = 'statefulset-controller';
const podType = typeForKind('Pod');
const stsType = typeForKind('StatefulSet');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function ordinalOf(set: KObject, pod: KObject): number {
  const m = new RegExp(`^${set.metadata.name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod.metadata.name!);
  return m ? Number(m[1]) : -1;
}

export class StatefulSetController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'statefulsets'));
    const store = ctx.api.store;
    store.watch('statefulsets', bound(this, this.onStatefulSet));
    store.watch('pods', bound(this, this.onPod));
  }

  private onStatefulSet(type: WatchEventType, s: KObject): void {
    if (type !== 'DELETED') this.queue.add(nsName(s.metadata.namespace, s.metadata.name!));
  }

  private onPod(_t: WatchEventType, pod: KObject, old: KObject | undefined): void {
    const ref = controllerOf(pod) ?? (old && controllerOf(old));
    if (ref?.kind === 'StatefulSet') this.queue.add(nsName(pod.metadata.namespace, ref.name));
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api, clock } = this.ctx;
    const set = api.store.get('statefulsets', ns, name);
    if (!set || set.metadata.deletionTimestamp) return;
    const replicas: number = set.spec.replicas ?? 1;
    const revision = `${set.metadata.name}-${computeTemplateHash(set.spec.template)}`;
    const parallel = set.spec.podManagementPolicy === 'Parallel';
    const pods = new Map<number, KObject>();
    for (const p of controlledBy(api.store, set, 'Pod')) {
      const ord = ordinalOf(set, p);
      if (ord >= 0) pods.set(ord, p);
    }
    const healthy = (p: KObject | undefined) => !!p && isPodActive(p) && p.status?.phase === 'Running' && isPodReady(p);

    // Failed pods are recreated.
    for (const [ord, p] of pods) {
      if (p.status?.phase === 'Failed' && !p.metadata.deletionTimestamp) {
        this.deletePod(set, p);
        pods.delete(ord);
      }
    }
    // Create missing ordinals below replicas.
    for (let ord = 0; ord < replicas; ord++) {
      const p = pods.get(ord);
      if (p) {
        if (!parallel && !healthy(p)) break; // OrderedReady waits for each pod in turn
        continue;
      }
      // A pod with this name still terminating must go first (stable identity).
      if (api.store.get('pods', ns, `${set.metadata.name}-${ord}`)) {
        if (!parallel) break;
        continue;
      }
      this.createPod(set, ord, revision);
      if (!parallel) break;
    }
    // Remove ordinals at or above replicas, highest first; OrderedReady one at a time once the rest are healthy.
    const excess = [...pods.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
    for (const ord of excess) {
      const p = pods.get(ord)!;
      if (p.metadata.deletionTimestamp) {
        if (!parallel) break;
        continue;
      }
      if (!parallel && [...pods.entries()].some(([o, q]) => o < ord && !healthy(q))) break;
      this.releaseClaimsOnScaleDown(set, p);
      this.deletePod(set, p);
      if (!parallel) break;
    }
    // RollingUpdate: from the highest ordinal down to the partition, one pod at a time.
    const strategy = set.spec.updateStrategy ?? { type: 'RollingUpdate' };
    if (strategy.type !== 'OnDelete') {
      const partition = strategy.rollingUpdate?.partition ?? 0;
      const inRange = [...pods.entries()].filter(([o]) => o < replicas).sort((a, b) => b[0] - a[0]);
      const allHealthy = inRange.every(([, p]) => healthy(p)) && inRange.length === replicas;
      if (allHealthy) {
        const stale = inRange.find(([o, p]) => o >= partition && p.metadata.labels?.['controller-revision-hash'] !== revision);
        if (stale) this.deletePod(set, stale[1]);
      }
    }
    this.updateStatus(set, revision, clock.now());
  }

  /**
   * createPersistentVolumeClaims: each template becomes the claim <template>-<set>-<ordinal>,
   * made once and kept across pod replacements (that is what gives a replica its own data).
   * Returns false when a claim cannot be used yet (being deleted, or creation failed).
   */
  private ensureClaims(set: KObject, podName: string): boolean {
    const { api } = this.ctx;
    const ns = set.metadata.namespace;
    for (const t of (set.spec.volumeClaimTemplates as Any[]) ?? []) {
      const claimName = `${t.metadata?.name}-${podName}`;
      const existing = api.store.get('persistentvolumeclaims', ns, claimName);
      if (existing) {
        if (existing.metadata.deletionTimestamp) {
          api.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} failed error: pvc ${claimName} is being deleted`, COMPONENT);
          return false;
        }
        continue;
      }
      const claim: KObject = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: claimName, namespace: ns, labels: { ...(t.metadata?.labels ?? {}), ...(set.spec.selector?.matchLabels ?? {}) } },
        spec: { ...t.spec },
      };
      if (t.metadata?.annotations) claim.metadata.annotations = t.metadata.annotations;
      // whenDeleted: Delete — the claims belong to the set and go with it (garbage collector).
      if (set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') claim.metadata.ownerReferences = [ownerRefTo(set)];
      try {
        api.create(claim, COMPONENT);
        api.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${set.metadata.name} success`, COMPONENT);
      } catch (e) {
        api.event(set, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
        return false;
      }
    }
    return true;
  }

  /** whenScaled: Delete — a pod removed by scaling down takes its claims with it. */
  private releaseClaimsOnScaleDown(set: KObject, pod: KObject): void {
    if (set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete') return;
    const { api } = this.ctx;
    for (const t of (set.spec.volumeClaimTemplates as Any[]) ?? []) {
      const claim = api.store.get('persistentvolumeclaims', set.metadata.namespace, `${t.metadata?.name}-${pod.metadata.name}`);
      if (!claim || claim.metadata.ownerReferences?.some((r) => r.uid === pod.metadata.uid)) continue;
      const ref = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name!, uid: pod.metadata.uid!, controller: false, blockOwnerDeletion: true };
      api.update({ ...claim, metadata: { ...claim.metadata, ownerReferences: [...(claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid), ref] } }, COMPONENT);
    }
  }

  private createPod(set: KObject, ord: number, revision: string): void {
    const template = set.spec.template;
    const name = `${set.metadata.name}-${ord}`;
    if (!this.ensureClaims(set, name)) return;
    const claims: Any[] = set.spec.volumeClaimTemplates ?? [];
    const volumes = [...(template.spec.volumes ?? []).filter((v: Any) => !claims.some((c) => c.metadata?.name === v.name)), ...claims.map((c) => ({ name: c.metadata.name, persistentVolumeClaim: { claimName: `${c.metadata.name}-${name}` } }))];
    const spec: Any = { ...template.spec, hostname: name };
    if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
    if (volumes.length) spec.volumes = volumes;
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: set.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), 'apps.kubernetes.io/pod-index': String(ord), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name },
        ownerReferences: [ownerRefTo(set)],
      },
      spec,
    };
    if (template.metadata?.annotations) pod.metadata.annotations = template.metadata.annotations;
    try {
      this.ctx.api.create(pod, COMPONENT);
      this.ctx.api.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
      this.ctx.reasons.record(COMPONENT, 'statefulset.createdPod', { ordinal: ord, replicas: set.spec.replicas ?? 1 }, [refOf(set), { kind: 'Pod', namespace: set.metadata.namespace, name }]);
    } catch (e) {
      this.ctx.api.event(set, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
    }
  }

  private deletePod(set: KObject, pod: KObject): void {
    try {
      this.ctx.api.delete(podType, pod.metadata.namespace, pod.metadata.name!, COMPONENT);
      this.ctx.api.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
    } catch {
      // already gone
    }
  }

  private updateStatus(set: KObject, revision: string, now: number): void {
    const pods = controlledBy(this.ctx.api.store, set, 'Pod').filter(isPodActive);
    const updated = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision);
    const ready = pods.filter(isPodReady);
    const currentRevision = updated.length === pods.length ? revision : (set.status?.currentRevision ?? revision);
    const status: Record<string, unknown> = {
      availableReplicas: pods.filter((p) => isPodAvailable(p, set.spec.minReadySeconds ?? 0, now)).length,
      collisionCount: 0,
      currentReplicas: currentRevision === revision ? updated.length : pods.length - updated.length,
      currentRevision,
      observedGeneration: set.metadata.generation,
      readyReplicas: ready.length,
      replicas: pods.length,
      updateRevision: revision,
      updatedReplicas: updated.length,
    };
    if (!status.readyReplicas) delete status.readyReplicas;
    if (!deepEqual(status, set.status)) {
      const current = this.ctx.api.store.get('statefulsets', set.metadata.namespace, set.metadata.name!);
      if (current) this.ctx.api.updateStatus(stsType, current, status, COMPONENT);
    }
  }
}
