/**
 * ServiceAccounts controller (pkg/controller/serviceaccount): every namespace has a `default`
 * ServiceAccount, and gets it back if it is deleted — the account a pod runs as when its spec
 * names none.
 */
import type { KObject } from '../api/types';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'serviceaccount-controller';
export const DEFAULT_SERVICE_ACCOUNT = 'default';

export class ServiceAccountsController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 20, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'namespaces'));
    const store = ctx.api.store;
    store.watch('namespaces', bound(this, this.onNamespace));
    store.watch('serviceaccounts', bound(this, this.onServiceAccount));
    for (const ns of store.list('namespaces')) this.queue.add(ns.metadata.name!);
  }

  private onNamespace(type: WatchEventType, ns: KObject): void {
    if (type !== 'DELETED' && !ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name!);
  }

  private onServiceAccount(type: WatchEventType, sa: KObject): void {
    if (type === 'DELETED' && sa.metadata.name === DEFAULT_SERVICE_ACCOUNT) this.queue.add(sa.metadata.namespace!);
  }

  private sync(ns: string): void {
    const { api } = this.ctx;
    const namespace = api.store.get('namespaces', undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (api.store.get('serviceaccounts', ns, DEFAULT_SERVICE_ACCOUNT)) return;
    const sa: KObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: ns } };
    try {
      api.create(sa, COMPONENT);
    } catch {
      // A quota on serviceaccounts may refuse it, as on a real cluster.
    }
  }
}
