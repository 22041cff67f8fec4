/**
 * The CRD finalizer (apiextensions-apiserver pkg/controller/finalizer): a CRD being deleted
 * keeps its `customresourcecleanup.apiextensions.k8s.io` finalizer until every object of its
 * kind is gone; it deletes them, then lets the CRD go (and with it the type from discovery).
 */
import type { KObject } from '../api/types';
import { rfc3339 } from '../sim/clock';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { CRD_CLEANUP_FINALIZER, servedTypesOf } from '../api/apiextensions/crd';
import { withCrdCondition } from './crdnaming';

const COMPONENT = 'apiextensions-crd-finalizer';
const RECHECK_MS = 1000;

export class CrdFinalizerController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'customresourcedefinitions'));
    ctx.api.store.watch('customresourcedefinitions', bound(this, this.onCrd));
  }

  private onCrd(type: WatchEventType, crd: KObject): void {
    if (type !== 'DELETED' && crd.metadata.deletionTimestamp && crd.metadata.finalizers?.includes(CRD_CLEANUP_FINALIZER)) this.queue.add(crd.metadata.name!);
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    let crd = api.store.get('customresourcedefinitions', undefined, name);
    if (!crd?.metadata.deletionTimestamp || !crd.metadata.finalizers?.includes(CRD_CLEANUP_FINALIZER)) return;
    const crdType = api.typeOf(crd);
    const now = rfc3339(this.ctx.clock.now());
    crd = this.setTerminating(crd, 'True', 'InstanceDeletionInProgress', 'CustomResource deletion is in progress', now);
    // Every version shares one storage: the preferred type reaches all the objects.
    const type = servedTypesOf(crd)[0];
    const objects = type ? api.store.list(type.resource) : [];
    for (const obj of objects) {
      if (obj.metadata.deletionTimestamp) continue;
      try {
        api.delete(type!, obj.metadata.namespace, obj.metadata.name!, COMPONENT, { propagationPolicy: 'Background' });
      } catch {
        // gone already
      }
    }
    if (type && api.store.count(type.resource) > 0) {
      // Finalizers of their own hold some objects: look again later.
      this.queue.addAfter(name, RECHECK_MS);
      return;
    }
    crd = this.setTerminating(crd, 'False', 'InstanceDeletionCompleted', 'removed all instances', now);
    api.mutate(crdType, undefined, name, COMPONENT, (c: KObject) => ({ ...c, metadata: { ...c.metadata, finalizers: (c.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER) } }));
  }

  private setTerminating(crd: KObject, status: string, reason: string, message: string, now: string): KObject {
    const conditions = withCrdCondition(crd, { type: 'Terminating', status, reason, message }, now);
    return this.ctx.api.updateStatus(this.ctx.api.typeOf(crd), crd, { ...crd.status, conditions }, COMPONENT);
  }
}
