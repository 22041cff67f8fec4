/** Pod predicates the controllers share (pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go). */
import type { KObject } from '../api/types';
import { controllerOf } from '../api/types';
import type { ObjectStore } from '../api/store';
import { parseRfc3339 } from '../sim/clock';

/** The objects of `kind` whose controller is `owner` (via the store's owner index, no scan). */
export function controlledBy(store: ObjectStore, owner: KObject, kind: string): KObject[] {
  return store.dependents(owner.metadata.uid!).filter((o) => o.kind === kind && controllerOf(o)?.uid === owner.metadata.uid);
}

export function isPodActive(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function podCondition(pod: KObject, type: string): { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}

export function isPodReady(pod: KObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds: what "available" means to ReplicaSets and Deployments. */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = parseRfc3339(ready.lastTransitionTime) ?? now;
  return since + minReadySeconds * 1000 <= now;
}
