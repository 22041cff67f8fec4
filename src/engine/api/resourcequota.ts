/**
 * The ResourceQuota admission plugin (plugin/pkg/admission/resourcequota): a create that
 * would take a namespace past a quota's hard limits is refused, a pod that does not declare
 * a resource its quota limits is refused, and an admitted object is charged to
 * status.used at once — so a burst of creates cannot slip past together.
 */
import type { KObject } from './types';
import type { ObjectStore } from './store';
import { qualifiedResource, type ResourceType } from './registry';
import { forbidden } from './errors';
import { COMPUTE_RESOURCES, formatQuantity, objectUsage, quotaAmount } from './quotaUsage';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface QuotaCharge {
  quota: KObject;
  used: Record<string, string>;
}

const pretty = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',');

/** Returns the status.used updates to write once the object is stored, or throws 403. */
export function admitQuotas(store: ObjectStore, type: ResourceType, obj: KObject): QuotaCharge[] {
  if (!type.namespaced) return [];
  const quotas = store.list('resourcequotas', obj.metadata.namespace);
  if (!quotas.length) return [];
  const usage = objectUsage(type, obj);
  const what = `${qualifiedResource(type)} "${obj.metadata.name}"`;
  const charges: QuotaCharge[] = [];
  for (const q of quotas) {
    const hard: Record<string, unknown> = q.spec?.hard ?? {};
    const relevant = Object.keys(hard).filter((r) => r in usage || (type.kind === 'Pod' && COMPUTE_RESOURCES.includes(r)));
    if (!relevant.length) continue;
    if (!q.status?.hard) throw forbidden(`${what} is forbidden: status unknown for quota: ${q.metadata.name}, resources: ${relevant.sort().join(',')}`);
    if (type.kind === 'Pod') {
      const missing = relevant.filter((r) => COMPUTE_RESOURCES.includes(r)).sort().map((r) => {
        const [kind, res] = r.includes('.') ? r.split('.') : ['requests', r];
        const names = (obj.spec?.containers ?? []).filter((c: Any) => c.resources?.[kind]?.[res] === undefined).map((c: Any) => c.name);
        return names.length ? `${r} for: ${names.join(',')}` : '';
      }).filter(Boolean);
      if (missing.length) throw forbidden(`${what} is forbidden: failed quota: ${q.metadata.name}: must specify ${missing.join('; ')}`);
    }
    const usedNow: Record<string, unknown> = q.status?.used ?? {};
    const requested = new Map<string, string>();
    const used = new Map<string, string>();
    const limited = new Map<string, string>();
    const next: Record<string, string> = { ...(q.status?.used ?? {}) };
    for (const r of relevant) {
      const add = usage[r] ?? 0;
      const before = quotaAmount(r, usedNow[r] ?? '0');
      const after = before + add;
      next[r] = formatQuantity(r, after);
      if (add > 0 && after > quotaAmount(r, hard[r])) {
        requested.set(r, formatQuantity(r, add));
        used.set(r, formatQuantity(r, before));
        limited.set(r, String(hard[r]));
      }
    }
    if (requested.size) throw forbidden(`${what} is forbidden: exceeded quota: ${q.metadata.name}, requested: ${pretty(requested)}, used: ${pretty(used)}, limited: ${pretty(limited)}`);
    charges.push({ quota: q, used: next });
  }
  return charges;
}

/** Quota scopes select pods by phase, priority or QoS; the simulator does not evaluate them yet. */
export function refuseUnsupportedQuota(quota: KObject): void {
  if (quota.spec?.scopes?.length || quota.spec?.scopeSelector) {
    throw forbidden(`resourcequotas "${quota.metadata.name}" is forbidden: quota scopes (spec.scopes, spec.scopeSelector) are not supported by this simulator yet; remove them to count every object in the namespace`);
  }
}
