/**
 * Namespace controller (pkg/controller/namespace): when a namespace is deleted it stays
 * Terminating while everything in it is deleted, then its `kubernetes` finalizer is removed
 * and it disappears.
 */
import { RESOURCE_TYPES, typeForKind } from '../api/registry';
import { refOf } from '../api/types';
import { WorkQueue, reportSyncError, type ControllerContext } from './context';

const COMPONENT = 'namespace-controller';
const nsType = typeForKind('Namespace');

export class NamespaceController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 10, (name) => this.sync(name), reportSyncError(ctx, COMPONENT, 'namespaces'));
    ctx.api.store.watch('namespaces', (type, ns) => {
      if (type !== 'DELETED' && ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name!);
    });
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    const ns = api.store.get('namespaces', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const type of RESOURCE_TYPES) {
      if (!type.namespaced || !type.verbs.includes('list')) continue;
      for (const obj of api.store.list(type.resource, name)) {
        remaining++;
        if (!obj.metadata.deletionTimestamp) {
          try {
            api.delete(type, name, obj.metadata.name!, COMPONENT, { propagationPolicy: 'Background' });
          } catch {
            // already gone
          }
        }
      }
    }
    for (const e of api.events.list(name)) api.events.delete(name, e.name);
    if (remaining > 0) {
      this.ctx.reasons.record(COMPONENT, 'namespace.deletingContent', { remaining }, [refOf(ns)]);
      this.queue.addAfter(name, 2000);
      return;
    }
    api.mutate(nsType, undefined, name, COMPONENT, (cur) => ({ ...cur, spec: { ...cur.spec, finalizers: [] } }));
  }
}
