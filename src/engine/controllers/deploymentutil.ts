/** Deployment arithmetic (pkg/controller/deployment/util/deployment_util.go). */
import type { KObject } from '../api/types';

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
