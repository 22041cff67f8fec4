/**
 * ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods that
 * match the selector. Adopts matching orphans, releases pods whose labels no longer match,
 * creates in slow-start batches of at most 500 per sync (burstReplicas), and deletes the
 * least valuable pods first when there are too many. The same controller keeps the legacy
 * ReplicationControllers (pkg/controller/replication wraps it the same way): only the kind, the
 * component's name and the selector's form (a plain label map, which may change) differ.
 *
 * Over 400 lines: one controller for both kinds, with its incremental counts, its slow-start
 * batches and upstream's pod ranking (podsToDelete), which belong together.
 */
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { matches, selectorFromMap, selectorFromObject } from '../api/labels';
import { ApiError } from '../api/errors';
import { parseRfc3339 } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { WorkQueue, nsName, reportSyncError, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { persistentTable } from '../sim/persistable';
import { isPodActive, isPodAvailable, isPodReady, podCondition } from '../helpers/podutil';

const BURST_REPLICAS = 500;
/** The most pods created or deleted in one simulated millisecond (see createPods). */
const PODS_PER_MS = 64;
const podType = typeForKind('Pod');

/** What differs between the kinds this controller keeps. */
export interface ReplicaKind {
  kind: 'ReplicaSet' | 'ReplicationController';
  resource: string;
  component: string;
  /** The selector, as the label map or LabelSelector the kind has. */
  selector(obj: KObject): ReturnType<typeof selectorFromObject>;
  selectorSource(obj: KObject): object | undefined;
}

export const REPLICA_SET: ReplicaKind = persistentTable<ReplicaKind>('replicaset.kind', {
  kind: 'ReplicaSet',
  resource: 'replicasets',
  component: 'replicaset-controller',
  selector: (rs: KObject) => selectorFromObject(rs.spec?.selector),
  selectorSource: (rs: KObject) => rs.spec?.selector,
});

export const REPLICATION_CONTROLLER: ReplicaKind = persistentTable<ReplicaKind>('replicationcontroller.kind', {
  kind: 'ReplicationController',
  resource: 'replicationcontrollers',
  component: 'replication-controller',
  selector: (rc: KObject) => selectorFromMap(rc.spec?.selector),
  selectorSource: (rc: KObject) => rc.spec?.selector,
});

/** A slow-start creation in progress: what its later batches add to. */
interface CreateRun {
  uid: string;
  key: string;
  created: KObject[];
  total: number;
}

/** A deletion spread over several milliseconds. */
interface DeleteRun {
  uid: string;
  key: string;
  rs: KObject;
  victims: KObject[];
  gone: Set<KObject>;
}

/** What a ReplicaSet counts of its pods, kept up to date from the pod watch. */
interface OwnedCounts {
  active: number;
  ready: number;
  fullyLabeled: number;
  /** Set when only a full look at the pods can tell (a pod's labels stopped matching, the template changed). */
  needsScan: boolean;
}

export class ReplicaSetController {
  readonly queue: WorkQueue;
  /**
   * Per-ReplicaSet counts maintained incrementally, so a sync costs O(1) instead of a walk over
   * every pod (apps/v1 selectors are immutable, which is what makes this safe). A full walk
   * still happens when it is needed: scaling down (choosing victims), releasing or adopting
   * pods, and minReadySeconds timing.
   */
  private counts = new Map<string, OwnedCounts>();
  /** ReplicaSets (by uid) whose pods are still being created or deleted, batch by batch. */
  private busy = new Set<string>();
  /**
   * The owner references new pods share, by owner uid. Per controller, not per module: a copy
   * of the cluster may give a uid to another owner than the original does.
   */
  private ownerRefsByUid: OwnerRefCache = new Map();

  private readonly type: ReturnType<typeof typeForKind>;

  constructor(
    private ctx: ControllerContext,
    private readonly k: ReplicaKind = REPLICA_SET,
  ) {
    this.type = typeForKind(k.kind);
    this.queue = new WorkQueue(ctx.clock, k.component, 5, bound(this, this.sync), reportSyncError(ctx, k.component, k.resource));
    const store = ctx.api.store;
    store.watch(k.resource, bound(this, this.onReplicaSet));
    store.watch('pods', bound(this, this.onPod));
  }

  private onReplicaSet(type: WatchEventType, rs: KObject, old: KObject | undefined): void {
    if (type === 'DELETED') this.counts.delete(rs.metadata.uid!);
    // (A ReplicationController's selector may change too: then only a full look can tell.)
    else if (old && (rs.spec?.template !== old.spec?.template || rs.spec?.selector !== old.spec?.selector)) this.markScan(rs.metadata.uid!);
    this.queue.add(nsName(rs.metadata.namespace, rs.metadata.name!));
  }

  private matcher(rs: KObject, which: 'selector' | 'template') {
    return labelMatcherFor(which === 'selector' ? this.k.selectorSource(rs) : rs.spec?.template?.metadata?.labels, which === 'selector' ? () => this.k.selector(rs) : selectorFromMap);
  }

  private markScan(uid: string): void {
    const c = this.counts.get(uid);
    if (c) c.needsScan = true;
  }

  /** A pod's part in its controlling ReplicaSet's counts. */
  private tally(pod: KObject, sign: 1 | -1): void {
    const ref = controllerOf(pod);
    if (ref?.kind !== this.k.kind) return;
    const c = this.counts.get(ref.uid);
    if (!c || !isPodActive(pod)) return;
    const rs = this.ctx.api.store.getByUid(ref.uid);
    if (!rs) return;
    if (!this.matcher(rs, 'selector')(pod.metadata.labels)) c.needsScan = true;
    c.active += sign;
    if (isPodReady(pod)) c.ready += sign;
    if (this.matcher(rs, 'template')(pod.metadata.labels)) c.fullyLabeled += sign;
  }

  private onPod(type: string, pod: KObject, old: KObject | undefined): void {
    // Only changes a ReplicaSet acts on or counts wake it (a binding, say, changes nothing).
    if (type === 'MODIFIED' && old && !relevantToReplicaSet(pod, old)) return;
    if (old && type !== 'ADDED') this.tally(old, -1);
    if (type !== 'DELETED') this.tally(pod, 1);
    const ref = controllerOf(pod);
    if (ref?.kind === this.k.kind) this.queue.add(nsName(pod.metadata.namespace, ref.name));
    const oldRef = old && controllerOf(old);
    if (oldRef?.kind === this.k.kind && oldRef.uid !== ref?.uid) this.queue.add(nsName(old!.metadata.namespace, oldRef.name));
    if (!ref && type !== 'DELETED' && isPodActive(pod)) {
      // An orphan: any ReplicaSet in its namespace whose selector matches may adopt it.
      for (const rs of this.ctx.api.store.list(this.k.resource, pod.metadata.namespace)) {
        if (matches(this.k.selector(rs), pod.metadata.labels)) this.queue.add(nsName(rs.metadata.namespace, rs.metadata.name!));
      }
    }
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.ctx.api.store.get(this.k.resource, ns, name);
    if (!rs) return;
    const c = this.counts.get(rs.metadata.uid!);
    const replicas = rs.spec?.replicas ?? 1;
    if (this.busy.has(rs.metadata.uid!)) {
      // Creates or deletes still under way: count, change nothing (the last batch syncs again).
      if (c) this.writeStatus(rs, { replicas: c.active, fullyLabeled: c.fullyLabeled, ready: c.ready, available: c.ready });
      return;
    }
    const orphans = this.ctx.api.store.indexSize('pods', 'orphan', ns ?? '') > 0;
    if (c && !c.needsScan && !orphans && !(rs.spec?.minReadySeconds > 0) && c.active <= replicas) {
      // Fast path: nothing to release, adopt or delete; new pods reach the counts through the watch.
      if (!rs.metadata.deletionTimestamp && c.active < replicas) this.createPods(rs, Math.min(replicas - c.active, BURST_REPLICAS));
      this.writeStatus(rs, { replicas: c.active, fullyLabeled: c.fullyLabeled, ready: c.ready, available: c.ready });
      return;
    }
    this.fullSync(rs, ns);
  }

  private fullSync(rs: KObject, ns: string | undefined): void {
    const { api } = this.ctx;
    const selector = this.k.selector(rs);
    const selected = this.matcher(rs, 'selector');
    const owned: KObject[] = [];
    for (const pod of api.store.dependents(rs.metadata.uid!)) {
      // (a snapshot of the owner index: adopt/release below change it while we look)
      if (pod.kind !== 'Pod' || controllerOf(pod)?.uid !== rs.metadata.uid) continue;
      if (!selected(pod.metadata.labels)) {
        this.release(pod, rs);
        continue;
      }
      owned.push(pod);
    }
    if (!rs.metadata.deletionTimestamp) {
      for (const orphan of api.store.byIndex('pods', 'orphan', ns ?? '')) {
        if (isPodActive(orphan) && matches(selector, orphan.metadata.labels)) {
          const adopted = this.adopt(orphan, rs);
          if (adopted) owned.push(adopted);
        }
      }
    }
    let active = owned.filter(isPodActive);
    if (!rs.metadata.deletionTimestamp) {
      const diff = active.length - (rs.spec?.replicas ?? 1);
      if (diff < 0) active = active.concat(this.createPods(rs, Math.min(-diff, BURST_REPLICAS)));
      else if (diff > 0) active = this.deletePods(rs, active, Math.min(diff, BURST_REPLICAS));
    }
    this.updateStatus(rs, active);
  }

  private adopt(pod: KObject, rs: KObject): KObject | undefined {
    return this.ctx.api.mutate(podType, pod.metadata.namespace, pod.metadata.name!, this.k.component, (p) =>
      controllerOf(p) ? undefined : { ...p, metadata: { ...p.metadata, ownerReferences: [...(p.metadata.ownerReferences ?? []), ownerRefTo(rs)] } },
    );
  }

  private release(pod: KObject, rs: KObject): void {
    this.ctx.api.mutate(podType, pod.metadata.namespace, pod.metadata.name!, this.k.component, (p) => {
      const refs = (p.metadata.ownerReferences ?? []).filter((o) => o.uid !== rs.metadata.uid);
      const metadata: KObject['metadata'] = { ...p.metadata, ownerReferences: refs };
      if (refs.length === 0) delete metadata.ownerReferences;
      return { ...p, metadata };
    });
  }

  /**
   * Slow start: batches of 1, 2, 4 … so a broken template fails fast instead of 500 times. Like
   * the real controller's requests, the batches take time: one simulated millisecond each, and no
   * more than PODS_PER_MS in one. (Made all at one instant, 500 pods were 50 ms of work the
   * browser could not break up, a frame missed at every large scale-up.) Until the last batch is
   * made, the ReplicaSet's syncs only report status — client-go's "expectations" — so no pod is
   * created twice; then it syncs again.
   */
  private createPods(rs: KObject, count: number): KObject[] {
    const run: CreateRun = { uid: rs.metadata.uid!, key: nsName(rs.metadata.namespace, rs.metadata.name!), created: [], total: 0 };
    if (!this.createBatch(run, rs, 1) || count === 1) {
      this.createDone(run, rs);
      return run.created.slice();
    }
    const first = run.created.slice();
    this.busy.add(run.uid);
    this.ctx.clock.after(1, this.k.component, bound(this, this.createNext, run, count - 1, 2));
    return first;
  }

  private createBatch(run: CreateRun, current: KObject, size: number): boolean {
    for (let i = 0; i < size; i++) {
      try {
        const pod = this.ctx.api.create(podFromTemplate(current, this.ownerRefsByUid), this.k.component);
        if (run.created.length < 20) run.created.push(pod);
        run.total++;
        this.ctx.api.event(current, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, this.k.component);
      } catch (err) {
        const msg = err instanceof ApiError ? err.message : String(err);
        this.ctx.api.event(current, 'Warning', 'FailedCreate', `Error creating: ${msg}`, this.k.component);
        return false;
      }
    }
    return true;
  }

  private createDone(run: CreateRun, current: KObject): void {
    this.busy.delete(run.uid);
    if (run.total) this.ctx.reasons.record(this.k.component, 'replicaset.createdPods', { count: run.total, replicas: current.spec?.replicas ?? 1 }, [refOf(current), ...run.created.map(refOf)]);
  }

  private createNext(run: CreateRun, remaining: number, batch: number): void {
    const current = this.ctx.api.store.getByUid(run.uid);
    // Deleted meanwhile: the rest is not made (the garbage collector takes what was).
    if (!current || current.metadata.deletionTimestamp) {
      this.busy.delete(run.uid);
      return;
    }
    const n = Math.min(batch, remaining, PODS_PER_MS);
    if (!this.createBatch(run, current, n) || remaining === n) {
      this.createDone(run, current);
      this.queue.add(run.key);
      return;
    }
    this.ctx.clock.after(1, this.k.component, bound(this, this.createNext, run, remaining - n, batch * 2));
  }

  /**
   * Deletes the least valuable pods: at most PODS_PER_MS in a simulated millisecond, like the
   * creates (a rollout's first step deletes hundreds at once), the ReplicaSet busy until the last.
   * Returns the pods still active once this millisecond's batch is gone.
   */
  private deletePods(rs: KObject, active: KObject[], count: number): KObject[] {
    const run: DeleteRun = { uid: rs.metadata.uid!, key: nsName(rs.metadata.namespace, rs.metadata.name!), rs, victims: podsToDelete(active, count), gone: new Set<KObject>() };
    this.ctx.reasons.record(this.k.component, 'replicaset.deletedPods', { count: run.victims.length, replicas: rs.spec?.replicas ?? 1 }, [refOf(rs), ...run.victims.slice(0, 20).map(refOf)]);
    this.deleteBatch(run, 0);
    if (run.victims.length > PODS_PER_MS) {
      this.busy.add(run.uid);
      this.ctx.clock.after(1, this.k.component, bound(this, this.deleteNext, run, PODS_PER_MS));
    }
    return active.filter((p) => !run.gone.has(p));
  }

  private deleteBatch(run: DeleteRun, from: number): void {
    for (const pod of run.victims.slice(from, from + PODS_PER_MS)) {
      try {
        this.ctx.api.delete(podType, pod.metadata.namespace, pod.metadata.name!, this.k.component);
        this.ctx.api.event(run.rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, this.k.component);
        run.gone.add(pod);
      } catch {
        // already gone: nothing to do
      }
    }
  }

  private deleteNext(run: DeleteRun, from: number): void {
    this.deleteBatch(run, from);
    if (from + PODS_PER_MS < run.victims.length) this.ctx.clock.after(1, this.k.component, bound(this, this.deleteNext, run, from + PODS_PER_MS));
    else {
      this.busy.delete(run.uid);
      this.queue.add(run.key);
    }
  }

  private writeStatus(rs: KObject, n: { replicas: number; fullyLabeled: number; ready: number; available: number }): void {
    const status: Record<string, unknown> = { replicas: n.replicas };
    if (n.fullyLabeled) status.fullyLabeledReplicas = n.fullyLabeled;
    if (n.ready) status.readyReplicas = n.ready;
    if (n.available) status.availableReplicas = n.available;
    status.observedGeneration = rs.metadata.generation ?? 1;
    if (rs.status?.conditions) status.conditions = rs.status.conditions;
    if (!deepEqual(status, rs.status)) {
      const current = this.ctx.api.store.get(this.k.resource, rs.metadata.namespace, rs.metadata.name!);
      if (current) this.ctx.api.updateStatus(this.type, current, status, this.k.component);
    }
  }

  private updateStatus(rs: KObject, active: KObject[]): void {
    const now = this.ctx.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const fullyLabeledMatch = this.matcher(rs, 'template');
    let ready = 0;
    let available = 0;
    let fullyLabeled = 0;
    let waitingForAvailable = false;
    for (const pod of active) {
      if (fullyLabeledMatch(pod.metadata.labels)) fullyLabeled++;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
        else waitingForAvailable = true;
      }
    }
    // The walk just counted everything: the incremental counts restart from it.
    this.counts.set(rs.metadata.uid!, { active: active.length, ready, fullyLabeled, needsScan: false });
    this.writeStatus(rs, { replicas: active.length, fullyLabeled, ready, available });
    if (waitingForAvailable) {
      let earliest = Infinity;
      for (const p of active) {
        if (!isPodReady(p)) continue;
        const at = (parseRfc3339(podCondition(p, 'Ready')?.lastTransitionTime) ?? now) + minReady * 1000;
        if (at > now && at < earliest) earliest = at;
      }
      this.queue.addAfter(nsName(rs.metadata.namespace, rs.metadata.name!), Math.max(1000, earliest - now + 1000));
    }
  }
}

/** Whether a pod update can change what its ReplicaSet does or reports. */
function relevantToReplicaSet(pod: KObject, old: KObject): boolean {
  return (
    pod.metadata.labels !== old.metadata.labels ||
    pod.metadata.ownerReferences !== old.metadata.ownerReferences ||
    pod.metadata.deletionTimestamp !== old.metadata.deletionTimestamp ||
    pod.status?.phase !== old.status?.phase ||
    isPodReady(pod) !== isPodReady(old) ||
    podCondition(pod, 'Ready')?.lastTransitionTime !== podCondition(old, 'Ready')?.lastTransitionTime
  );
}

// Module-wide, shared by copies of the cluster: a pure memo keyed by immutable stored objects.
const matcherCache = new WeakMap<object, (labels: Record<string, string> | undefined) => boolean>();

/**
 * A memoised matcher for a selector or a template's labels, by the object that holds it (stored
 * objects are replaced, never changed, so a changed selector is a new key). No selector matches
 * nothing; no template labels leave a pod "fully labeled".
 */
function labelMatcherFor(source: object | undefined, toSelector: (source: Record<string, string>) => ReturnType<typeof selectorFromObject>) {
  if (!source) return () => toSelector === selectorFromMap;
  let m = matcherCache.get(source);
  if (!m) {
    m = labelMatcher(toSelector(source as Record<string, string>));
    matcherCache.set(source, m);
  }
  return m;
}

export function ownerRefTo(owner: KObject) {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

type OwnerRefCache = Map<string, { generation: number | undefined; refs: KObject['metadata']['ownerReferences'] }>;

/**
 * The pod a ReplicaSet stamps out: template labels/annotations, generateName `<rs>-`, a
 * controller ref. Labels, annotations, owner references and the spec are shared with the
 * template (stored objects are immutable), so thousands of replicas cost little memory.
 */
export function podFromTemplate(owner: KObject, ownerRefsByUid: OwnerRefCache): KObject {
  const template = owner.spec?.template ?? {};
  const metadata: KObject['metadata'] = { generateName: `${owner.metadata.name}-`, namespace: owner.metadata.namespace };
  if (template.metadata?.labels) metadata.labels = template.metadata.labels;
  if (template.metadata?.annotations) metadata.annotations = template.metadata.annotations;
  let cached = ownerRefsByUid.get(owner.metadata.uid!);
  if (!cached || cached.refs![0].name !== owner.metadata.name) {
    cached = { generation: owner.metadata.generation, refs: [ownerRefTo(owner)] };
    if (ownerRefsByUid.size > 10_000) ownerRefsByUid.clear();
    ownerRefsByUid.set(owner.metadata.uid!, cached);
  }
  metadata.ownerReferences = cached.refs;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec };
}

/** Label matching memoised on the labels object: replicas share their template's labels. */
function labelMatcher(selector: ReturnType<typeof selectorFromObject>) {
  let lastLabels: unknown;
  let lastResult = false;
  return (labels: Record<string, string> | undefined) => {
    if (labels === lastLabels && labels !== undefined) return lastResult;
    lastLabels = labels;
    lastResult = matches(selector, labels);
    return lastResult;
  };
}

/**
 * Which pods to delete first (controller.ActivePodsWithRanks): unscheduled before scheduled,
 * pending before running, not ready before ready, crowded nodes first, recently ready first,
 * more restarts first, newest first.
 */
export function podsToDelete(active: KObject[], count: number): KObject[] {
  const perNode = new Map<string, number>();
  for (const p of active) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  // Each pod's ranking keys, worked out once (a sort compares thousands of pairs; parsing
  // timestamps in the comparator made scaling down 3,000 pods a 45 ms task).
  const keyed = active.map((p) => {
    const ready = isPodReady(p) ? 1 : 0;
    return {
      p,
      scheduled: p.spec?.nodeName ? 1 : 0,
      phase: PHASE_RANK[p.status?.phase as string] ?? 0,
      ready,
      onNode: perNode.get(p.spec?.nodeName ?? '') ?? 0,
      readySince: ready ? (parseRfc3339(podCondition(p, 'Ready')?.lastTransitionTime) ?? 0) : 0,
      restarts: (p.status?.containerStatuses ?? []).reduce((s: number, c: { restartCount?: number }) => s + (c.restartCount ?? 0), 0),
      created: parseRfc3339(p.metadata.creationTimestamp) ?? 0,
      name: p.metadata.name!,
    };
  });
  keyed.sort((a, b) => {
    if (a.scheduled !== b.scheduled) return a.scheduled - b.scheduled;
    if (a.phase !== b.phase) return a.phase - b.phase;
    if (a.ready !== b.ready) return a.ready - b.ready;
    if (a.onNode !== b.onNode) return b.onNode - a.onNode;
    if (a.ready && a.readySince !== b.readySince) return b.readySince - a.readySince;
    if (a.restarts !== b.restarts) return b.restarts - a.restarts;
    if (a.created !== b.created) return b.created - a.created;
    return a.name < b.name ? 1 : -1;
  });
  return keyed.slice(0, count).map((k) => k.p);
}
