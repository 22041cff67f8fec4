/**
 * Deployment controller (pkg/controller/deployment): owns one ReplicaSet per pod template.
 * A template change creates a new ReplicaSet and moves replicas over — RollingUpdate within
 * maxSurge/maxUnavailable, or Recreate — while a replica change alone scales proportionally.
 *
 * Over 400 lines on purpose: one sync loop (upstream's sync.go, rolling.go, recreate.go and
 * progress.go share state within a sync), read top to bottom as the controller acts.
 */
import { controlledBy } from '../helpers/podutil';
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339, parseRfc3339 } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { WorkQueue, nsName, reportSyncError, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { ownerRefTo } from './replicaset';
import {
  DESIRED_REPLICAS, MAX_REPLICAS, REVISION, TEMPLATE_HASH, byCreation, computeTemplateHash, findActiveOrLatest, isActive, isSaturated, maxSurgeOf, maxUnavailableOf, newRSNewReplicas, replicaSetProportion, replicasOf, revisionOf, sumReplicas, templateWithoutHash,
} from '../helpers/deploymentutil';

const COMPONENT = 'deployment-controller';
const rsType = typeForKind('ReplicaSet');
const deployType = typeForKind('Deployment');

interface Condition { type: string; status: string; lastUpdateTime: string; lastTransitionTime: string; reason: string; message: string }

export class DeploymentController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'deployments'));
    const store = ctx.api.store;
    store.watch('deployments', bound(this, this.onDeployment));
    store.watch('replicasets', bound(this, this.onReplicaSet));
    // deletePod (deployment_controller.go): a Recreate rollout waits for the old pods to be gone,
    // so the last pod of an old ReplicaSet leaving wakes its Deployment.
    store.watch('pods', bound(this, this.onPod));
  }

  private onDeployment(_t: WatchEventType, d: KObject): void {
    this.queue.add(nsName(d.metadata.namespace, d.metadata.name!));
  }

  private onReplicaSet(_t: WatchEventType, rs: KObject, old: KObject | undefined): void {
    const ref = controllerOf(rs) ?? (old && controllerOf(old));
    if (ref?.kind === 'Deployment') this.queue.add(nsName(rs.metadata.namespace, ref.name));
  }

  private onPod(t: WatchEventType, pod: KObject): void {
    if (t !== 'DELETED') return;
    const store = this.ctx.api.store;
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = store.get('replicasets', pod.metadata.namespace, rsRef.name);
    const dRef = rs && controllerOf(rs);
    if (dRef?.kind !== 'Deployment') return;
    const d = store.get('deployments', pod.metadata.namespace, dRef.name);
    if (d?.spec?.strategy?.type === 'Recreate') this.queue.add(nsName(pod.metadata.namespace, dRef.name));
  }

  /**
   * syncDeployment (deployment_controller.go): a paused Deployment or a replica change only
   * scales (sync.go sync/scale); otherwise the strategy rolls (rolling.go, recreate.go).
   * Each branch acts once and returns; the ReplicaSet watch brings the next step.
   */
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
      this.scale(d, newRS, oldRSs);
      this.cleanup(d, oldRSs);
      this.syncStatus(d, newRS, oldRSs, 'paused');
      return;
    }
    // isScalingEvent looks at every active ReplicaSet, the new one may not exist yet: a single
    // apply that changes replicas and the template first scales the old ReplicaSet to the new
    // count (FindActiveOrLatest), and only the next sync starts the rollout.
    if (this.isScalingEvent(d, newRS, oldRSs)) {
      this.scale(d, newRS, oldRSs);
      this.syncStatus(d, newRS, oldRSs, 'scaling');
      return;
    }
    if (d.spec.strategy?.type === 'Recreate') this.rolloutRecreate(d, newRS, oldRSs, owned);
    else this.rolloutRolling(d, newRS, oldRSs, owned);
  }

  /** rolloutRolling (rolling.go): scale the new ReplicaSet up, else the old ones down, else clean up. */
  private rolloutRolling(d: KObject, newRS: KObject | undefined, oldRSs: KObject[], owned: KObject[]): void {
    if (!newRS) {
      newRS = this.createNewReplicaSet(d, owned, newRSNewReplicas(d, oldRSs, 0));
      if (!newRS) return;
      this.syncStatus(d, newRS, oldRSs, 'rollout');
      return;
    }
    const all = [...oldRSs, newRS];
    if (this.reconcileNewReplicaSet(d, all, newRS) || this.reconcileOldReplicaSets(d, all, oldRSs.filter(isActive), newRS)) {
      this.syncStatus(d, newRS, oldRSs, 'rollout');
      return;
    }
    if (this.deploymentComplete(d)) this.cleanup(d, oldRSs);
    this.syncStatus(d, newRS, oldRSs, 'rollout');
  }

  /**
   * rolloutRecreate (recreate.go): scale every old ReplicaSet to zero, wait until none of their
   * pods is still running (terminating ones included), then create or scale the new one.
   */
  private rolloutRecreate(d: KObject, newRS: KObject | undefined, oldRSs: KObject[], owned: KObject[]): void {
    let scaledDown = false;
    for (const rs of oldRSs.filter(isActive)) scaledDown = this.scaleAndRecord(d, rs, 0) || scaledDown;
    if (scaledDown || this.oldPodsRunning(newRS, oldRSs)) {
      this.syncStatus(d, newRS, oldRSs, 'rollout');
      return;
    }
    if (!newRS) {
      newRS = this.createNewReplicaSet(d, owned, d.spec.replicas);
      if (!newRS) return;
    } else if (replicasOf(newRS) !== d.spec.replicas) {
      newRS = this.scaleReplicaSet(d, newRS, d.spec.replicas);
    }
    if (this.deploymentComplete(d)) this.cleanup(d, oldRSs);
    this.syncStatus(d, newRS, oldRSs, 'rollout');
  }

  /** oldPodsRunning (recreate.go): any pod of an old ReplicaSet not yet Succeeded/Failed, or counted in its status. */
  private oldPodsRunning(newRS: KObject | undefined, oldRSs: KObject[]): boolean {
    const store = this.ctx.api.store;
    for (const rs of oldRSs) {
      const fresh = store.get('replicasets', rs.metadata.namespace, rs.metadata.name!) ?? rs;
      if ((fresh.status?.replicas ?? 0) > 0) return true;
      if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
      const pods = controlledBy(store, rs, 'Pod');
      if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
    }
    return false;
  }

  /** DeploymentComplete (deployment_util.go), on the status as last written. */
  private deploymentComplete(d: KObject): boolean {
    const cur = this.ctx.api.store.get('deployments', d.metadata.namespace, d.metadata.name!) ?? d;
    const s = cur.status ?? {};
    const r = cur.spec.replicas;
    return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (cur.metadata.generation ?? 0);
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

  /** reconcileNewReplicaSet (rolling.go): shrink to replicas, or grow as far as maxSurge allows. */
  private reconcileNewReplicaSet(d: KObject, all: KObject[], newRS: KObject): boolean {
    const have = replicasOf(newRS);
    if (have === d.spec.replicas) return false;
    if (have > d.spec.replicas) return this.scaleAndRecord(d, newRS, d.spec.replicas);
    const others = all.filter((rs) => rs !== newRS);
    return this.scaleAndRecord(d, newRS, newRSNewReplicas(d, others, have));
  }

  /**
   * reconcileOldReplicaSets (rolling.go): maxScaledDown = allPods − minAvailable − newRS's
   * unavailable pods; unhealthy old replicas go first (cleanupUnhealthyReplicas, they cost no
   * availability), then available ones while more than minAvailable stay available.
   */
  private reconcileOldReplicaSets(d: KObject, all: KObject[], activeOld: KObject[], newRS: KObject): boolean {
    if (sumReplicas(activeOld) === 0) return false;
    const minAvailable = d.spec.replicas - maxUnavailableOf(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = sumReplicas(all) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;

    let cleaned = 0;
    const olds = [...activeOld].sort(byCreation);
    for (let i = 0; i < olds.length && cleaned < maxScaledDown; i++) {
      const rs = olds[i];
      const available = rs.status?.availableReplicas ?? 0;
      if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
      const down = Math.min(maxScaledDown - cleaned, replicasOf(rs) - available);
      olds[i] = this.scaleReplicaSet(d, rs, replicasOf(rs) - down);
      cleaned += down;
    }

    // scaleDownOldReplicaSetsForRollingUpdate
    const availableNow = [...olds, newRS].reduce((s, rs) => s + (rs.status?.availableReplicas ?? 0), 0);
    let scaled = 0;
    if (availableNow > minAvailable) {
      const total = availableNow - minAvailable;
      for (const rs of olds) {
        if (scaled >= total) break;
        if (replicasOf(rs) === 0) continue;
        const down = Math.min(replicasOf(rs), total - scaled);
        this.scaleReplicaSet(d, rs, replicasOf(rs) - down);
        scaled += down;
      }
    }
    return cleaned + scaled > 0;
  }

  /** isScalingEvent (sync.go): an active ReplicaSet annotated with another desired-replicas. */
  private isScalingEvent(d: KObject, newRS: KObject | undefined, oldRSs: KObject[]): boolean {
    for (const rs of [...oldRSs, newRS]) {
      if (!rs || !isActive(rs)) continue;
      const raw = rs.metadata.annotations?.[DESIRED_REPLICAS];
      if (raw === undefined || !/^-?\d+$/.test(raw)) continue;
      if (Number(raw) !== d.spec.replicas) return true;
    }
    return false;
  }

  /**
   * scale (sync.go): one active ReplicaSet (or none: the newest) takes the whole count; a
   * saturated new ReplicaSet takes over from the old ones; otherwise, in a rolling update, the
   * change is spread over the active ReplicaSets in proportion to their size
   * (GetReplicaSetProportion), leftovers to the largest. Every active ReplicaSet is rewritten so
   * its desired/max-replicas annotations record the new size, even if its count stays.
   */
  private scale(d: KObject, newRS: KObject | undefined, oldRSs: KObject[]): void {
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) !== d.spec.replicas) this.scaleReplicaSet(d, activeOrLatest, d.spec.replicas);
      return;
    }
    if (newRS && isSaturated(d, newRS)) {
      for (const rs of oldRSs.filter(isActive)) this.scaleReplicaSet(d, rs, 0);
      return;
    }
    const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter(isActive);
    if (d.spec.strategy?.type !== 'RollingUpdate') {
      // Upstream returns here without touching the annotations, so a Deployment switched to
      // Recreate mid-rollout (two active ReplicaSets) and resized in the same edit stays a
      // "scaling event" forever. Deliberate deviation: record the new size on the active
      // ReplicaSets (counts unchanged) so the Recreate rollout takes over and finishes.
      for (const rs of active) this.scaleReplicaSet(d, rs, replicasOf(rs));
      return;
    }
    const current = sumReplicas(active);
    const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurgeOf(d) : 0;
    const toAdd = allowed - current;
    // ReplicaSetsBySizeNewer when growing, BySizeOlder when shrinking.
    const ordered = [...active].sort((a, b) =>
      replicasOf(a) !== replicasOf(b) ? replicasOf(b) - replicasOf(a) : toAdd > 0 ? byCreation(b, a) : byCreation(a, b),
    );
    let added = 0;
    const sizes = new Map<KObject, number>();
    for (const rs of ordered) {
      if (toAdd === 0) {
        sizes.set(rs, replicasOf(rs));
        continue;
      }
      const part = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs, replicasOf(rs) + part);
      added += part;
    }
    if (toAdd !== 0 && ordered.length) sizes.set(ordered[0], Math.max(0, sizes.get(ordered[0])! + toAdd - added));
    for (const rs of ordered) this.scaleReplicaSet(d, rs, sizes.get(rs)!);
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

  /** scaleReplicaSetAndRecordEvent: only a change of size is written (annotations ride along). */
  private scaleAndRecord(d: KObject, rs: KObject, replicas: number): boolean {
    if (replicasOf(rs) === replicas) return false;
    this.scaleReplicaSet(d, rs, replicas);
    return true;
  }

  /**
   * cleanupDeployment (sync.go): keep revisionHistoryLimit old ReplicaSets; the oldest revisions
   * beyond that go, but never one that still has (or wants) pods.
   */
  private cleanup(d: KObject, oldRSs: KObject[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const alive = oldRSs
      .map((rs) => this.ctx.api.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!))
      .filter((x): x is KObject => !!x && !x.metadata.deletionTimestamp)
      .sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    const excess = alive.length - limit;
    for (let i = 0; i < excess; i++) {
      const rs = alive[i];
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.ctx.api.delete(rsType, rs.metadata.namespace, rs.metadata.name!, COMPONENT);
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
