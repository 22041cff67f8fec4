/**
 * ResourceQuota controller (pkg/controller/resourcequota): keeps each quota's status —
 * `hard` copied from spec, `used` recounted from what the namespace holds. Admission charges
 * new objects at once; this loop gives usage back when objects go away or pods finish
 * (replenishment), and counts what existed before the quota did.
 */
import type { KObject } from '../api/types';
import { RESOURCE_TYPES, typeForKind } from '../api/registry';
import { formatQuantity, objectUsage, podCounts } from '../api/quotaUsage';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'resourcequota-controller';
const quotaType = typeForKind('ResourceQuota');
/** Kinds whose objects a quota can count (quota-able core kinds and count/<resource>). */
const COUNTED = RESOURCE_TYPES.filter((t) => t.namespaced && !['events', 'bindings', 'leases', 'endpoints', 'endpointslices'].includes(t.resource));

export class ResourceQuotaController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'namespaces'));
    const store = ctx.api.store;
    store.watch('resourcequotas', bound(this, this.onQuota));
    for (const t of COUNTED) {
      if (t.resource === 'resourcequotas') continue;
      store.watch(t.resource, bound(this, this.onCounted, t.resource));
    }
  }

  private onQuota(type: WatchEventType, q: KObject, old: KObject | undefined): void {
    if (type === 'DELETED' || (old && deepEqual(q.spec, old.spec))) return;
    this.queue.add(q.metadata.namespace!);
  }

  private onCounted(resource: string, type: WatchEventType, obj: KObject, old: KObject | undefined): void {
    if (type === 'DELETED') this.replenish(obj.metadata.namespace);
    // A pod that finished no longer uses its quota.
    else if (resource === 'pods' && type === 'MODIFIED' && old && podCounts(old) && !podCounts(obj)) this.replenish(obj.metadata.namespace);
  }

  private replenish(ns: string | undefined): void {
    if (ns && this.ctx.api.store.list('resourcequotas', ns).length) this.queue.add(ns);
  }

  private sync(ns: string): void {
    const { api } = this.ctx;
    for (const q of api.store.list('resourcequotas', ns)) {
      const hard: Record<string, string> = q.spec?.hard ?? {};
      const totals: Record<string, number> = Object.fromEntries(Object.keys(hard).map((r) => [r, 0]));
      for (const t of COUNTED) {
        const wanted = Object.keys(hard).some((r) => r === t.resource || r === `count/${t.group ? `${t.resource}.${t.group}` : t.resource}` || (t.kind === 'Pod' && /^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$/.test(r)) || (t.kind === 'Service' && r.startsWith('services.')));
        if (!wanted) continue;
        for (const obj of api.store.list(t.resource, ns)) {
          if (t.kind === 'Pod' && !podCounts(obj)) continue;
          const usage = objectUsage(t, obj as KObject);
          for (const r of Object.keys(hard)) if (usage[r]) totals[r] += usage[r];
        }
      }
      const used = Object.fromEntries(Object.keys(hard).sort().map((r) => [r, formatQuantity(r, totals[r])]));
      const status = { hard: { ...hard }, used };
      if (deepEqual(q.status, status)) continue;
      api.updateStatus(quotaType, q, status, COMPONENT);
    }
  }
}
