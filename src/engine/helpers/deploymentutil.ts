/** Deployment arithmetic (pkg/controller/deployment/util/deployment_util.go). */
import type { KObject } from '../api/types';
import { parseRfc3339 } from '../sim/clock';

export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const TEMPLATE_HASH = 'pod-template-hash';

/** intstr.GetScaledValueFromIntOrPercent: percentages scale against replicas, rounding up or down. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 forces unavailable to 1. */
export function resolveFenceposts(d: KObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function maxSurgeOf(d: KObject): number {
  if (d.spec?.strategy?.type !== 'RollingUpdate') return 0;
  return resolveFenceposts(d).maxSurge;
}

export function maxUnavailableOf(d: KObject): number {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type !== 'RollingUpdate' || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).maxUnavailable, replicas);
}

/** FNV-1a 32-bit over a canonical serialisation, standing in for controller.ComputeHash. */
export function computeTemplateHash(template: unknown, collisionCount = 0): string {
  let h = 0x811c9dc5;
  const text = canonicalJson(template) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // rand.SafeEncodeString over the decimal digits: no vowels, so the hash never spells a word.
  const alphanums = 'bcdfghjklmnpqrstvwxz2456789';
  return String(h >>> 0)
    .split('')
    .map((c) => alphanums[c.charCodeAt(0) % alphanums.length])
    .join('');
}

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A template with the pod-template-hash label removed (EqualIgnoreHash). */
export function templateWithoutHash(template: KObject['spec']): unknown {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels[TEMPLATE_HASH];
  return { ...template, metadata: { ...(template?.metadata ?? {}), labels } };
}

export function revisionOf(obj: KObject): number {
  return Number(obj.metadata.annotations?.[REVISION] ?? 0) || 0;
}

export function replicasOf(rs: KObject): number {
  return rs.spec?.replicas ?? 0;
}

/** NewRSNewReplicas (deployment_util.go), given the new ReplicaSet's current size. */
export function newRSNewReplicas(d: KObject, others: KObject[], have: number): number {
  if (d.spec.strategy?.type === 'Recreate') return d.spec.replicas;
  const current = sumReplicas(others) + have;
  const maxTotal = d.spec.replicas + maxSurgeOf(d);
  if (current >= maxTotal) return have;
  return have + Math.min(maxTotal - current, d.spec.replicas - have);
}

export function sumReplicas(rss: KObject[]): number {
  return rss.reduce((s, rs) => s + replicasOf(rs), 0);
}

export function isActive(rs: KObject): boolean {
  return replicasOf(rs) > 0;
}

/** FindActiveOrLatest (deployment_util.go): the only active ReplicaSet, or the newest when none is. */
export function findActiveOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter(isActive);
  if (active.length === 1) return active[0];
  if (active.length > 1) return undefined;
  return newRS ?? [...oldRSs].sort(byCreation).at(-1);
}

/** IsSaturated: the new ReplicaSet runs the full count, recorded and available. */
export function isSaturated(d: KObject, rs: KObject): boolean {
  const raw = rs.metadata.annotations?.[DESIRED_REPLICAS];
  if (raw === undefined || !/^-?\d+$/.test(raw)) return false;
  return replicasOf(rs) === d.spec.replicas && Number(raw) === d.spec.replicas && (rs.status?.availableReplicas ?? 0) === d.spec.replicas;
}

/**
 * GetReplicaSetProportion / getReplicaSetFraction: this ReplicaSet's share of a replica change,
 * scaled from the max-replicas it was last sized for, never past what is left to add or remove.
 */
export function replicaSetProportion(rs: KObject, d: KObject, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (d.spec.replicas === 0) fraction = -replicasOf(rs);
  else {
    let before = Number(rs.metadata.annotations?.[MAX_REPLICAS]);
    if (!Number.isInteger(before) || before === 0) before = d.status?.replicas ?? 0;
    fraction = before === 0 ? 0 : Math.round((replicasOf(rs) * (d.spec.replicas + maxSurgeOf(d))) / before) - replicasOf(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** Oldest first (ReplicaSetsByCreationTimestamp), by name when created together. */
export function byCreation(a: KObject, b: KObject): number {
  const ta = parseRfc3339(a.metadata.creationTimestamp) ?? 0;
  const tb = parseRfc3339(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : 1;
}
