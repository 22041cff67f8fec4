/**
 * Deployment controller (pkg/controller/deployment): owns one ReplicaSet per pod template.
 * A template change creates a new ReplicaSet and moves replicas over — RollingUpdate within
 * maxSurge/maxUnavailable, or Recreate — while a replica change alone scales proportionally.
 */
import { controlledBy } from './podutil';
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339, parseRfc3339 } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { WorkQueue, nsName, reportSyncError, splitKey, type ControllerContext } from './context';
import { ownerRefTo } from './replicaset';
import {
  DESIRED_REPLICAS, MAX_REPLICAS, REVISION, TEMPLATE_HASH, computeTemplateHash, maxSurgeOf, maxUnavailableOf, replicasOf, revisionOf, templateWithoutHash,
} from './deploymentutil';

const COMPONENT = 'deployment-controller';
const rsType = typeForKind('ReplicaSet');
const deployType = typeForKind('Deployment');

interface Condition { type: string; status: string; lastUpdateTime: string; lastTransitionTime: string; reason: string; message: string }

export class DeploymentController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, (key) => this.sync(key), reportSyncError(ctx, COMPONENT, 'deployments'));
    const store = ctx.api.store;
    store.watch('deployments', (_t, d) => this.queue.add(nsName(d.metadata.namespace, d.metadata.name!)));
    store.watch('replicasets', (_t, rs, old) => {
      const ref = controllerOf(rs) ?? (old && controllerOf(old));
      if (ref?.kind === 'Deployment') this.queue.add(nsName(rs.metadata.namespace, ref.name));
    });
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const d = this.ctx.api.store.get('deployments', ns, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const owned = controlledBy(this.ctx.api.store, d, 'ReplicaSet');
    const template = templateWithoutHash(d.spec.template);
    let newRS = owned.find((rs) => deepEqual(templateWithoutHash(rs.spec?.template), template));
    const oldRSs = owned.filter((rs) => rs !== newRS).sort(byCreation);

    if (newRS) newRS = this.ensureLatestRevision(d, newRS, oldRSs);
    if (d.spec.paused) {
      this.scaleIfNeeded(d, newRS, oldRSs);
      this.syncStatus(d, newRS, oldRSs, 'paused');
      return;
    }
    if (newRS && this.isScalingEvent(d, newRS, oldRSs)) {
      this.scale(d, newRS, oldRSs);
      this.syncStatus(d, newRS, oldRSs, 'scaling');
      return;
    }
    if (d.spec.strategy?.type === 'Recreate') {
      const oldActive = oldRSs.some((rs) => replicasOf(rs) > 0 || (rs.status?.replicas ?? 0) > 0);
      for (const rs of oldRSs) if (replicasOf(rs) > 0) this.scaleReplicaSet(d, rs, 0);
      if (!oldActive) {
        newRS ??= this.createNewReplicaSet(d, owned, d.spec.replicas);
        if (!newRS) return;
        if (replicasOf(newRS) !== d.spec.replicas) newRS = this.scaleReplicaSet(d, newRS, d.spec.replicas);
      }
    } else {
      if (!newRS) {
        newRS = this.createNewReplicaSet(d, owned, this.newReplicasCount(d, undefined, oldRSs));
        if (!newRS) return;
      } else if (replicasOf(newRS) !== d.spec.replicas) {
        const target = replicasOf(newRS) > d.spec.replicas ? d.spec.replicas : this.newReplicasCount(d, newRS, oldRSs);
        if (target !== replicasOf(newRS)) newRS = this.scaleReplicaSet(d, newRS, target);
      }
      this.reconcileOldReplicaSets(d, newRS, oldRSs);
    }
    this.cleanup(d, oldRSs);
    this.syncStatus(d, newRS, oldRSs, 'rollout');
  }

  /**
   * A rollback makes an old ReplicaSet current again: it takes the next revision number
   * (so `rollout history` lists 2, 3 after undoing from 2 to 1), as getNewReplicaSet does.
   */
  private ensureLatestRevision(d: KObject, newRS: KObject, oldRSs: KObject[]): KObject {
    const maxOld = Math.max(0, ...oldRSs.map(revisionOf));
    if (revisionOf(newRS) > maxOld) {
      if (d.metadata.annotations?.[REVISION] !== String(revisionOf(newRS))) {
        this.ctx.api.mutate(deployType, d.metadata.namespace, d.metadata.name!, COMPONENT, (cur) => ({ ...cur, metadata: { ...cur.metadata, annotations: { ...(cur.metadata.annotations ?? {}), [REVISION]: String(revisionOf(newRS)) } } }));
      }
      return newRS;
    }
    const revision = String(maxOld + 1);
    const updated = this.ctx.api.mutate(rsType, newRS.metadata.namespace, newRS.metadata.name!, COMPONENT, (cur) => ({ ...cur, metadata: { ...cur.metadata, annotations: { ...(cur.metadata.annotations ?? {}), [REVISION]: revision } } })) ?? newRS;
    this.ctx.api.mutate(deployType, d.metadata.namespace, d.metadata.name!, COMPONENT, (cur) => ({ ...cur, metadata: { ...cur.metadata, annotations: { ...(cur.metadata.annotations ?? {}), [REVISION]: revision } } }));
    return updated;
  }

  /** NewRSNewReplicas: grow the new ReplicaSet as far as maxSurge allows. */
  private newReplicasCount(d: KObject, newRS: KObject | undefined, oldRSs: KObject[]): number {
    const current = oldRSs.reduce((s, rs) => s + replicasOf(rs), newRS ? replicasOf(newRS) : 0);
    const maxTotal = d.spec.replicas + maxSurgeOf(d);
    const have = newRS ? replicasOf(newRS) : 0;
    if (current >= maxTotal) return have;
    return have + Math.min(maxTotal - current, d.spec.replicas - have);
  }

  /** reconcileOldReplicaSets: shrink old ReplicaSets while keeping minAvailable pods available. */
  private reconcileOldReplicaSets(d: KObject, newRS: KObject, oldRSs: KObject[]): void {
    const oldCount = oldRSs.reduce((s, rs) => s + replicasOf(rs), 0);
    if (oldCount === 0) return;
    const all = [...oldRSs, newRS];
    const allCount = all.reduce((s, rs) => s + replicasOf(rs), 0);
    const minAvailable = d.spec.replicas - maxUnavailableOf(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    let maxScaledDown = allCount - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // First remove old pods that are not available anyway: they cost no availability.
    for (const rs of oldRSs) {
      if (maxScaledDown <= 0) break;
      const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
      if (unhealthy <= 0 || replicasOf(rs) === 0) continue;
      const down = Math.min(maxScaledDown, unhealthy);
      this.scaleReplicaSet(d, rs, replicasOf(rs) - down);
      maxScaledDown -= down;
    }
    const fresh = oldRSs.map((rs) => this.ctx.api.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!) ?? rs);
    const available = [...fresh, newRS].reduce((s, rs) => s + (rs.status?.availableReplicas ?? 0), 0);
    if (available <= minAvailable) return;
    let total = available - minAvailable;
    for (const rs of fresh) {
      if (total <= 0) break;
      if (replicasOf(rs) === 0) continue;
      const down = Math.min(replicasOf(rs), total);
      this.scaleReplicaSet(d, rs, replicasOf(rs) - down);
      total -= down;
    }
  }

  private isScalingEvent(d: KObject, newRS: KObject, oldRSs: KObject[]): boolean {
    for (const rs of [newRS, ...oldRSs]) {
      if (replicasOf(rs) === 0) continue;
      const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS]);
      if (!Number.isNaN(desired) && desired !== d.spec.replicas) return true;
    }
    return false;
  }

  private scaleIfNeeded(d: KObject, newRS: KObject | undefined, oldRSs: KObject[]): void {
    if (newRS && this.isScalingEvent(d, newRS, oldRSs)) this.scale(d, newRS, oldRSs);
  }

  /** Proportional scaling (sync.go scale): spread a replica change over the active ReplicaSets. */
  private scale(d: KObject, newRS: KObject, oldRSs: KObject[]): void {
    const active = [newRS, ...oldRSs].filter((rs) => replicasOf(rs) > 0);
    if (active.length <= 1) {
      const only = active[0] ?? newRS;
      if (replicasOf(only) !== d.spec.replicas) this.scaleReplicaSet(d, only, d.spec.replicas);
      return;
    }
    const allowed = d.spec.replicas + maxSurgeOf(d);
    const current = active.reduce((s, rs) => s + replicasOf(rs), 0);
    const toAdd = allowed - current;
    if (toAdd === 0) return;
    const ordered = [...active].sort((a, b) =>
      replicasOf(a) !== replicasOf(b) ? replicasOf(b) - replicasOf(a) : toAdd > 0 ? byCreation(b, a) : byCreation(a, b),
    );
    let added = 0;
    const targets = new Map<KObject, number>();
    for (const rs of ordered) {
      let part = 0;
      if (toAdd !== added) {
        const annotatedMax = Number(rs.metadata.annotations?.[MAX_REPLICAS]) || current;
        const fraction = d.spec.replicas === 0 ? -replicasOf(rs) : Math.round((replicasOf(rs) * allowed) / annotatedMax) - replicasOf(rs);
        part = toAdd > 0 ? Math.min(fraction, toAdd - added) : Math.max(fraction, toAdd - added);
      }
      added += part;
      targets.set(rs, replicasOf(rs) + part);
    }
    if (added !== toAdd && ordered.length) targets.set(ordered[0], (targets.get(ordered[0]) ?? 0) + (toAdd - added));
    for (const [rs, n] of targets) this.scaleReplicaSet(d, rs, Math.max(0, n));
  }

  private createNewReplicaSet(d: KObject, owned: KObject[], replicas: number): KObject | undefined {
    const collisionCount = d.status?.collisionCount ?? 0;
    const hash = computeTemplateHash(d.spec.template, collisionCount);
    const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), [TEMPLATE_HASH]: hash };
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels,
        annotations: { [DESIRED_REPLICAS]: String(d.spec.replicas), [MAX_REPLICAS]: String(d.spec.replicas + maxSurgeOf(d)), [REVISION]: String(revision) },
        ownerReferences: [ownerRefTo(d)],
      },
      spec: {
        replicas,
        minReadySeconds: d.spec.minReadySeconds,
        selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), [TEMPLATE_HASH]: hash } },
        template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } },
      },
    };
    if (rs.spec.minReadySeconds === undefined) delete rs.spec.minReadySeconds;
    const existing = this.ctx.api.store.get('replicasets', d.metadata.namespace, rs.metadata.name!);
    if (existing) {
      // getNewReplicaSet: a ReplicaSet of that name that is not ours (say, the previous
      // Deployment's, still being deleted) is a hash collision: bump collisionCount and retry.
      const ours = existing.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller);
      if (ours && !existing.metadata.deletionTimestamp) return existing;
      const current = this.ctx.api.store.get('deployments', d.metadata.namespace, d.metadata.name!);
      if (current) this.ctx.api.updateStatus(deployType, current, { ...current.status, collisionCount: collisionCount + 1 }, COMPONENT);
      // The status write requeues the Deployment; the next sync hashes with the new count.
      return undefined;
    }
    const created = this.ctx.api.create(rs, COMPONENT);
    this.ctx.api.mutate(deployType, d.metadata.namespace, d.metadata.name!, COMPONENT, (cur) =>
      cur.metadata.annotations?.[REVISION] === String(revision) ? undefined : { ...cur, metadata: { ...cur.metadata, annotations: { ...(cur.metadata.annotations ?? {}), [REVISION]: String(revision) } } },
    );
    this.ctx.reasons.record(COMPONENT, 'deployment.createdReplicaSet', { revision, replicas }, [refOf(d), refOf(created)]);
    if (replicas > 0) this.ctx.api.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`, COMPONENT);
    return created;
  }

  private scaleReplicaSet(d: KObject, rs: KObject, replicas: number): KObject {
    const from = replicasOf(rs);
    const annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(d.spec.replicas), [MAX_REPLICAS]: String(d.spec.replicas + maxSurgeOf(d)) };
    const updated =
      this.ctx.api.mutate(rsType, rs.metadata.namespace, rs.metadata.name!, COMPONENT, (cur) =>
        cur.spec.replicas === replicas && deepEqual(cur.metadata.annotations, annotations) ? undefined : { ...cur, metadata: { ...cur.metadata, annotations }, spec: { ...cur.spec, replicas } },
      ) ?? rs;
    if (from !== replicas) {
      const dir = replicas > from ? 'up' : 'down';
      this.ctx.api.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${dir} replica set ${rs.metadata.name} from ${from} to ${replicas}`, COMPONENT);
      this.ctx.reasons.record(COMPONENT, 'deployment.scaledReplicaSet', { from, to: replicas }, [refOf(d), refOf(rs)]);
    }
    return updated;
  }

  /** Keeps at most revisionHistoryLimit old ReplicaSets that have scaled to zero. */
  private cleanup(d: KObject, oldRSs: KObject[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const fresh = oldRSs.map((rs) => this.ctx.api.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!)).filter((x): x is KObject => !!x);
    const idle = fresh.filter((rs) => replicasOf(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp);
    const excess = idle.length - limit;
    for (let i = 0; i < excess; i++) {
      try {
        this.ctx.api.delete(rsType, idle[i].metadata.namespace, idle[i].metadata.name!, COMPONENT);
      } catch {
        // already deleted
      }
    }
  }

  private syncStatus(d: KObject, newRS: KObject | undefined, oldRSs: KObject[], mode: 'rollout' | 'scaling' | 'paused'): void {
    const store = this.ctx.api.store;
    const all = [newRS, ...oldRSs].filter((x): x is KObject => !!x).map((rs) => store.get('replicasets', rs.metadata.namespace, rs.metadata.name!) ?? rs);
    const fresh = newRS && store.get('replicasets', newRS.metadata.namespace, newRS.metadata.name!);
    const sum = (f: string) => all.reduce((s, rs) => s + (rs.status?.[f] ?? 0), 0);
    const current = store.get('deployments', d.metadata.namespace, d.metadata.name!) ?? d;
    const replicas = current.spec.replicas;
    const available = sum('availableReplicas');
    const status: Record<string, unknown> = { observedGeneration: current.metadata.generation };
    const total = sum('replicas');
    if (total) status.replicas = total;
    const updated = fresh?.status?.replicas ?? 0;
    if (updated) status.updatedReplicas = updated;
    if (sum('readyReplicas')) status.readyReplicas = sum('readyReplicas');
    if (available) status.availableReplicas = available;
    if (replicas - available > 0) status.unavailableReplicas = replicas - available;
    if (current.status?.collisionCount) status.collisionCount = current.status.collisionCount;

    const now = this.ctx.clock.now();
    const ts = rfc3339(now);
    const conds: Condition[] = [...(current.status?.conditions ?? [])];
    const setCond = (c: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>) => {
      const i = conds.findIndex((x) => x.type === c.type);
      const prev = conds[i];
      if (prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message) return;
      const next: Condition = { ...c, lastUpdateTime: ts, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : ts };
      if (i >= 0) conds[i] = next;
      else conds.push(next);
    };
    const minAvailable = replicas - maxUnavailableOf(current);
    if (available >= minAvailable) setCond({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    else setCond({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });

    const rsName = fresh?.metadata.name ?? '';
    const complete = !!fresh && updated === replicas && available >= replicas && total === replicas && (fresh.status?.replicas ?? 0) === replicas;
    const progressing = conds.find((c) => c.type === 'Progressing');
    if (mode === 'paused') {
      setCond({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    } else if (complete) {
      setCond({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
    } else if (fresh) {
      const aboutThisRS = !!progressing?.message.includes(`"${rsName}"`);
      const deadline = (current.spec.progressDeadlineSeconds ?? 600) * 1000;
      const last = parseRfc3339(progressing?.lastUpdateTime) ?? now;
      const moved = !deepEqual(progressOf(status), progressOf(current.status ?? {}));
      if (!aboutThisRS) {
        setCond({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` });
      } else if (progressing?.reason === 'ProgressDeadlineExceeded' && !moved) {
        // stays failed until something moves again
      } else if (moved) {
        const i = conds.findIndex((c) => c.type === 'Progressing');
        const msg = `ReplicaSet "${rsName}" is progressing.`;
        conds[i] = { ...conds[i], status: 'True', reason: 'ReplicaSetUpdated', message: msg, lastUpdateTime: ts, lastTransitionTime: conds[i].status === 'True' ? conds[i].lastTransitionTime : ts };
        this.queue.addAfter(nsName(d.metadata.namespace, d.metadata.name!), deadline + 1);
      } else if (now - last >= deadline) {
        setCond({ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` });
      } else {
        this.queue.addAfter(nsName(d.metadata.namespace, d.metadata.name!), last + deadline - now + 1);
      }
    }
    // Available is listed before Progressing, as the controller first writes them.
    conds.sort((a, b) => (a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0));
    status.conditions = conds;
    if (!deepEqual(status, current.status)) this.ctx.api.updateStatus(deployType, current, status, COMPONENT);
  }
}

function progressOf(s: Record<string, unknown>) {
  return { r: s.replicas, u: s.updatedReplicas, a: s.availableReplicas, rd: s.readyReplicas };
}

function byCreation(a: KObject, b: KObject): number {
  const ta = parseRfc3339(a.metadata.creationTimestamp) ?? 0;
  const tb = parseRfc3339(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : 1;
}
