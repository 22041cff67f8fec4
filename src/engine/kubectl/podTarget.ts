/**
 * POD or TYPE/NAME, as logs and exec take it: a pod by name, or the pods a workload or Service
 * selects — running and ready ones first, then the oldest (the order AttachablePodForObject picks
 * from).
 */
import type { KObject } from '../api/types';
import { controllerOf } from '../api/types';
import { notFound } from '../api/errors';
import { matches, selectorFromMap, selectorFromObject } from '../api/labels';
import { KubectlError } from './args';
import { namespaceOf, type VerbContext } from './context';
import { resolveType } from './resources';

const SELECTING = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Service']);

function rank(p: KObject): number {
  const ready = (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True') ? 2 : 0;
  return ready + (p.status?.phase === 'Running' ? 1 : 0);
}

export function podsForTarget(ctx: VerbContext, target: string): KObject[] {
  const ns = namespaceOf(ctx);
  const api = ctx.cluster.api;
  const slash = target.indexOf('/');
  if (slash < 0) {
    const pod = api.tryGet(resolveType('pods'), ns, target);
    if (!pod) throw notFound('pods', target);
    return [pod];
  }
  const type = resolveType(target.slice(0, slash));
  const name = target.slice(slash + 1);
  // kubectl's own words (polymorphichelpers.SelectorsForObject), Go type names and all.
  const goType = `*${type.version}.${type.kind}`;
  if (type.kind !== 'Pod' && !SELECTING.has(type.kind)) throw new KubectlError(`error: cannot attach to ${goType}: selector for ${goType} not implemented`);
  const obj = api.tryGet(type, ns, name);
  if (!obj) throw notFound(type.group ? `${type.resource}.${type.group}` : type.resource, name);
  if (type.kind === 'Pod') return [obj];
  const sel = type.kind === 'Service' ? selectorFromMap(obj.spec?.selector) : selectorFromObject(obj.spec?.selector);
  return api
    .list(resolveType('pods'), ns)
    .filter((p) => matches(sel, p.metadata.labels) && !p.metadata.deletionTimestamp && (type.kind !== 'ReplicaSet' || controllerOf(p)?.uid === obj.metadata.uid))
    .sort((a, b) => rank(b) - rank(a) || (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
}
