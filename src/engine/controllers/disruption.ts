/**
 * Disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status —
 * how many of its pods are healthy, how many must stay, and so how many may be disrupted now.
 * The eviction API reads that number and takes one from it for each pod it lets go (recording
 * the pod in disruptedPods until its deletion is seen, so two evictions cannot spend the same
 * disruption).
 */
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { matches, selectorFromObject } from '../api/labels';
import { rfc3339 } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { isPodReady } from '../helpers/podutil';
import { WorkQueue, nsName, reportSyncError, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'disruption-controller';
const pdbType = typeForKind('PodDisruptionBudget');
/** An eviction the controller has not seen carried out within this long no longer counts (DeletionTimeout). */
const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

export interface BudgetNumbers {
  expectedPods: number;
  desiredHealthy: number;
}

/** intstr.GetScaledValueFromIntOrPercent, rounding up: `50%` of 3 is 2. */
export function scaledValue(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) throw new Error(`invalid value for IntOrString: invalid value "${value}"`);
  return Math.ceil((Number(m[1]) * total) / 100);
}

/**
 * getExpectedPodCount: how many pods the budget is about and how many must stay healthy. With
 * maxUnavailable or a percentage, the pods' controllers' scale counts (a Deployment's replicas,
 * not the pods that happen to exist); with an integer minAvailable, the pods themselves.
 */
export function budgetNumbers(pdb: KObject, pods: KObject[], scaleOf: (pod: KObject) => { uid: string; replicas: number } | undefined): BudgetNumbers {
  const { minAvailable, maxUnavailable } = (pdb.spec ?? {}) as { minAvailable?: number | string; maxUnavailable?: number | string };
  const expectedScale = () => {
    const seen = new Map<string, number>();
    for (const pod of pods) {
      const scale = scaleOf(pod);
      if (!scale) throw new Error(`found no controllers for pod "${pod.metadata.name}"`);
      seen.set(scale.uid, scale.replicas);
    }
    return [...seen.values()].reduce((a, b) => a + b, 0);
  };
  if (maxUnavailable !== undefined) {
    const expected = expectedScale();
    return { expectedPods: expected, desiredHealthy: Math.max(0, expected - scaledValue(maxUnavailable, expected)) };
  }
  if (typeof minAvailable === 'number') return { expectedPods: pods.length, desiredHealthy: minAvailable };
  if (typeof minAvailable === 'string') {
    const expected = expectedScale();
    return { expectedPods: expected, desiredHealthy: scaledValue(minAvailable, expected) };
  }
  return { expectedPods: 0, desiredHealthy: 0 };
}

export class DisruptionController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 10, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'poddisruptionbudgets'));
    const store = ctx.api.store;
    store.watch('poddisruptionbudgets', bound(this, this.onBudget));
    // A pod's change concerns the budgets that select it (before or after the change).
    store.watch('pods', bound(this, this.onPod));
    // A controller's scale is part of a budget's arithmetic: its namespace's budgets look again.
    for (const resource of ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']) {
      store.watch(resource, bound(this, this.onScaleOwner));
    }
  }

  private onBudget(type: WatchEventType, pdb: KObject): void {
    if (type !== 'DELETED') this.queue.add(nsName(pdb.metadata.namespace, pdb.metadata.name!));
  }

  private onPod(_type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    for (const pdb of this.ctx.api.store.list('poddisruptionbudgets', pod.metadata.namespace)) {
      const sel = selectorFromObject(pdb.spec?.selector);
      if (matches(sel, pod.metadata.labels) || (old && matches(sel, old.metadata.labels))) this.queue.add(nsName(pdb.metadata.namespace, pdb.metadata.name!));
    }
  }

  private onScaleOwner(_type: WatchEventType, obj: KObject): void {
    for (const pdb of this.ctx.api.store.list('poddisruptionbudgets', obj.metadata.namespace)) this.queue.add(nsName(pdb.metadata.namespace, pdb.metadata.name!));
  }

  /** The scale of the controller that owns a pod (a ReplicaSet's Deployment, a StatefulSet), as finders in disruption.go. */
  private scaleOf(pod: KObject): { uid: string; replicas: number } | undefined {
    const store = this.ctx.api.store;
    const ref = controllerOf(pod);
    if (!ref) return undefined;
    const ns = pod.metadata.namespace;
    if (ref.kind === 'ReplicaSet') {
      const rs = store.get('replicasets', ns, ref.name);
      if (!rs || rs.metadata.uid !== ref.uid) return undefined;
      const dref = controllerOf(rs);
      if (dref?.kind === 'Deployment') {
        const d = store.get('deployments', ns, dref.name);
        if (!d || d.metadata.uid !== dref.uid) return undefined;
        return { uid: d.metadata.uid!, replicas: d.spec?.replicas ?? 1 };
      }
      return { uid: rs.metadata.uid!, replicas: rs.spec?.replicas ?? 1 };
    }
    if (ref.kind === 'ReplicationController') {
      const rc = store.get('replicationcontrollers', ns, ref.name);
      if (!rc || rc.metadata.uid !== ref.uid) return undefined;
      return { uid: rc.metadata.uid!, replicas: rc.spec?.replicas ?? 1 };
    }
    if (ref.kind === 'StatefulSet') {
      const sts = store.get('statefulsets', ns, ref.name);
      if (!sts || sts.metadata.uid !== ref.uid) return undefined;
      return { uid: sts.metadata.uid!, replicas: sts.spec?.replicas ?? 1 };
    }
    return undefined;
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api } = this.ctx;
    const pdb = api.store.get('poddisruptionbudgets', ns, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const now = this.ctx.clock.now();
    // LabelSelectorAsSelector: no selector selects nothing; an empty one, every pod of the namespace.
    const sel = selectorFromObject(pdb.spec?.selector);
    const pods = pdb.spec?.selector ? api.store.list('pods', ns).filter((p) => matches(sel, p.metadata.labels)) : [];
    if (pods.length === 0) api.event(pdb, 'Normal', 'NoPods', 'No matching pods found', COMPONENT);
    const previous = pdb.status ?? {};
    let numbers: BudgetNumbers;
    try {
      numbers = budgetNumbers(pdb, pods, (p) => this.scaleOf(p));
    } catch (e) {
      // failSafe: nothing may be disrupted while the budget cannot be worked out.
      api.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${(e as Error).message}`, COMPONENT);
      this.write(pdb, { ...previous, observedGeneration: pdb.metadata.generation, disruptionsAllowed: 0 }, 'False', 'SyncFailed', now);
      return;
    }
    // buildDisruptedPodMap: evicted pods not yet seen going, within the deletion timeout.
    const recorded = (previous.disruptedPods ?? {}) as Record<string, string>;
    const disrupted: Record<string, string> = {};
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const at = Object.hasOwn(recorded, pod.metadata.name!) ? recorded[pod.metadata.name!] : undefined;
      if (at && Date.parse(at) + DELETION_TIMEOUT_MS > now) disrupted[pod.metadata.name!] = at;
    }
    const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && !Object.hasOwn(disrupted, p.metadata.name!) && isPodReady(p)).length;
    const allowed = Math.max(0, currentHealthy - numbers.desiredHealthy);
    const status = {
      observedGeneration: pdb.metadata.generation,
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy,
      desiredHealthy: numbers.desiredHealthy,
      expectedPods: numbers.expectedPods,
    };
    this.write(pdb, status, allowed > 0 ? 'True' : 'False', allowed > 0 ? 'SufficientPods' : 'InsufficientPods', now);
    // "Why?": when the budget starts or stops allowing evictions (a drain waits, or may go on).
    const before = previous.disruptionsAllowed as number | undefined;
    if (before === undefined || (before > 0) !== (allowed > 0)) {
      this.ctx.reasons.record(COMPONENT, allowed > 0 ? 'disruption.allowed' : 'disruption.noneAllowed', { current: currentHealthy, desired: numbers.desiredHealthy, allowed }, [refOf(pdb)]);
    }
  }

  private write(pdb: KObject, status: Record<string, unknown>, conditionStatus: 'True' | 'False', reason: string, now: number): void {
    const old = ((pdb.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime?: string }[]).find((c) => c.type === 'DisruptionAllowed');
    const condition = {
      type: 'DisruptionAllowed',
      status: conditionStatus,
      observedGeneration: pdb.metadata.generation,
      lastTransitionTime: old && old.status === conditionStatus && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now),
      reason,
      message: '',
    };
    const next = { ...status, conditions: [condition] };
    if (!deepEqual(next, pdb.status)) this.ctx.api.updateStatus(pdbType, pdb, next, COMPONENT);
  }
}
