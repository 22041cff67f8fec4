/**
 * The Eviction API (POST pods/{name}/eviction, pkg/registry/core/pod/storage/eviction.go): a
 * pod is deleted only if the PodDisruptionBudget that covers it allows one more disruption; the
 * budget's disruptionsAllowed is taken down by one and the pod noted in disruptedPods, so the
 * next eviction sees it spent before the disruption controller has looked again.
 */
import type { KObject } from './types';
import { ApiError, notFound } from './errors';
import { matches, selectorFromObject, type LabelSelector } from './labels';
import type { ResourceType } from './registry';
import { rfc3339 } from '../sim/clock';

/** What eviction needs of the API server (it is one of its subresources). */
export interface EvictionHost {
  tryGet(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined;
  list(type: ResourceType, namespace?: string): KObject[];
  updateStatus(type: ResourceType, current: KObject, status: unknown, actor: string): KObject;
  delete(type: ResourceType, namespace: string | undefined, name: string, actor: string, opts: { gracePeriodSeconds?: number; dryRun?: boolean }): KObject;
  now(): number;
}

export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

function tooManyRequests(cause: string): ApiError {
  return new ApiError('TooManyRequests', 429, EVICTION_REFUSED, { causes: [{ field: '', reason: 'DisruptionBudget', message: cause }] });
}

/** podutil.IsPodReady (the API server's own copy: the API layer sits beneath the helpers). */
const isPodReady = (pod: KObject) => ((pod.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === 'Ready' && c.status === 'True');

/** canIgnorePDB: a pod already going, finished or never started disrupts nothing. */
function canIgnoreBudget(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || phase === undefined;
}

export function evictPod(api: EvictionHost, types: { pods: ResourceType; budgets: ResourceType }, namespace: string, name: string, actor: string, opts: { gracePeriodSeconds?: number; dryRun?: boolean } = {}): KObject {
  const pod = api.tryGet(types.pods, namespace, name);
  if (!pod) throw notFound('pods', name);
  const remove = () => api.delete(types.pods, namespace, name, actor, opts);
  if (canIgnoreBudget(pod)) return remove();
  // A budget with no selector, or an empty one, covers no pod here ("it should match nothing, not everything").
  const budgets = api.list(types.budgets, namespace).filter((b) => {
    const sel = b.spec?.selector as LabelSelector | undefined;
    const empty = !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
    return !empty && matches(selectorFromObject(sel), pod.metadata.labels);
  });
  if (budgets.length === 0) return remove();
  if (budgets.length > 1) throw new ApiError('InternalError', 500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = budgets[0];
  const status = (pdb.status ?? {}) as { observedGeneration?: number; disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; disruptedPods?: Record<string, string> };
  // An unready pod adds nothing to the budget: it may go while the budget is met (IfHealthyBudget).
  if (!isPodReady(pod) && (status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) return remove();
  // checkAndDecrement.
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  if ((status.disruptionsAllowed ?? 0) <= 0) throw tooManyRequests(`The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`);
  if (opts.dryRun) return remove();
  const allowed = (status.disruptionsAllowed ?? 0) - 1;
  const conditions = ((pdb.status?.conditions ?? []) as { type: string; status: string; reason?: string; lastTransitionTime?: string }[]).map((c) =>
    c.type === 'DisruptionAllowed' && allowed === 0 && c.status !== 'False' ? { ...c, status: 'False', reason: 'InsufficientPods', lastTransitionTime: rfc3339(api.now()) } : c,
  );
  api.updateStatus(types.budgets, pdb, { ...pdb.status, disruptionsAllowed: allowed, disruptedPods: { ...(status.disruptedPods ?? {}), [name]: rfc3339(api.now()) }, conditions }, 'kube-apiserver');
  return remove();
}
