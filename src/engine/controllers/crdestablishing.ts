/**
 * The establishing controller (apiextensions-apiserver pkg/controller/establish): once a CRD's
 * names are accepted (Established False, Installing), it marks it Established — from then on
 * the API server serves its kinds (discovery, REST paths, kubectl).
 */
import type { KObject } from '../api/types';
import { rfc3339 } from '../sim/clock';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { crdCondition } from '../api/apiextensions/crd';
import { withCrdCondition } from './crdnaming';

const COMPONENT = 'apiextensions-establishing-controller';

export class CrdEstablishingController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'customresourcedefinitions'));
    ctx.api.store.watch('customresourcedefinitions', bound(this, this.onCrd));
  }

  private onCrd(type: WatchEventType, crd: KObject): void {
    if (type !== 'DELETED' && crdCondition(crd, 'Established')?.reason === 'Installing') this.queue.add(crd.metadata.name!);
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    const crd = api.store.get('customresourcedefinitions', undefined, name);
    if (!crd || crdCondition(crd, 'NamesAccepted')?.status !== 'True' || crdCondition(crd, 'Established')?.status === 'True') return;
    const conditions = withCrdCondition(crd, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }, rfc3339(this.ctx.clock.now()));
    api.updateStatus(api.typeOf(crd), crd, { ...crd.status, conditions }, COMPONENT);
  }
}
