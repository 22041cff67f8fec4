/**
 * Garbage collector (pkg/controller/garbagecollector): deletes dependents whose owners are
 * gone (background cascading), deletes dependents before their owner under the
 * `foregroundDeletion` finalizer, and strips owner references under the `orphan` finalizer.
 */
import type { KObject, OwnerReference } from '../api/types';
import { refOf } from '../api/types';
import { WorkQueue, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'garbage-collector-controller';
const WATCHED = ['endpoints', 'endpointslices', 'pods', 'replicasets', 'replicationcontrollers', 'poddisruptionbudgets', 'deployments', 'daemonsets', 'jobs', 'cronjobs', 'statefulsets', 'services', 'configmaps', 'secrets', 'namespaces', 'nodes', 'leases'];

export class GarbageCollector {
  /** Keys are owner uids (deleted or finalizing) or `dangling:<dependent uid>`. */
  readonly queue: WorkQueue;
  private deletedOwners = new Set<string>();

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 20, bound(this, this.process));
    for (const resource of WATCHED) {
      ctx.api.store.watch(resource, bound(this, this.onObject));
    }
  }

  private onObject(type: WatchEventType, obj: KObject): void {
    if (type === 'DELETED') {
      if (this.ctx.api.store.dependentCount(obj.metadata.uid!)) {
        this.deletedOwners.add(obj.metadata.uid!);
        this.queue.add(obj.metadata.uid!);
      }
      return;
    }
    const f = obj.metadata.finalizers;
    if (obj.metadata.deletionTimestamp && (f?.includes('foregroundDeletion') || f?.includes('orphan'))) this.queue.add(obj.metadata.uid!);
    if (type === 'ADDED' && obj.metadata.ownerReferences?.length) this.queue.add(`dangling:${obj.metadata.uid}`);
  }

  private process(key: string): void {
    if (key.startsWith('dangling:')) return this.checkDangling(key.slice('dangling:'.length));
    const store = this.ctx.api.store;
    const owner = store.getByUid(key);
    const dependents = store.dependents(key);
    if (!owner || this.deletedOwners.has(key)) {
      this.deletedOwners.delete(key);
      for (const dep of dependents) this.collect(dep, key);
      return;
    }
    const finalizers = owner.metadata.finalizers ?? [];
    if (finalizers.includes('orphan')) {
      for (const dep of dependents) this.removeOwnerRef(dep, key);
      this.removeFinalizer(owner, 'orphan');
    } else if (finalizers.includes('foregroundDeletion')) {
      const blocking = dependents.filter((d) => d.metadata.ownerReferences?.some((o) => o.uid === key && o.blockOwnerDeletion));
      for (const dep of dependents) {
        if (!dep.metadata.deletionTimestamp) this.deleteDependent(dep, owner, 'Foreground');
      }
      if (blocking.length === 0) this.removeFinalizer(owner, 'foregroundDeletion');
      else this.queue.addAfter(key, 1000);
    }
  }

  /** A dependent whose owner is gone: delete it, unless another owner still lives. */
  private collect(dep: KObject, ownerUid: string): void {
    const others = (dep.metadata.ownerReferences ?? []).filter((o) => o.uid !== ownerUid && this.ownerExists(o));
    if (others.length > 0) {
      this.removeOwnerRef(dep, ownerUid);
      return;
    }
    this.deleteDependent(dep, undefined, 'Background');
  }

  private checkDangling(uid: string): void {
    const obj = this.ctx.api.store.getByUid(uid);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length > 0 && refs.every((o) => !this.ownerExists(o, obj.metadata.namespace))) this.deleteDependent(obj, undefined, 'Background');
  }

  private ownerExists(ref: OwnerReference, namespace?: string): boolean {
    const live = this.ctx.api.store.getByUid(ref.uid);
    if (live) return !this.deletedOwners.has(ref.uid);
    const type = this.ctx.api.types.resolveKind(ref.apiVersion, ref.kind);
    // An owner of a kind this server does not serve cannot be checked: leave the dependent alone.
    if (!type) return true;
    void namespace;
    return false;
  }

  private deleteDependent(dep: KObject, owner: KObject | undefined, policy: 'Background' | 'Foreground'): void {
    try {
      const type = this.ctx.api.typeOf(dep);
      this.ctx.api.delete(type, dep.metadata.namespace, dep.metadata.name!, COMPONENT, { propagationPolicy: policy, uid: dep.metadata.uid });
      this.ctx.reasons.record(COMPONENT, 'garbagecollector.deletingDependent', { policy }, owner ? [refOf(dep), refOf(owner)] : [refOf(dep)]);
    } catch {
      // gone already, or changed uid: nothing to collect
    }
  }

  private removeOwnerRef(dep: KObject, ownerUid: string): void {
    this.ctx.api.mutate(this.ctx.api.typeOf(dep), dep.metadata.namespace, dep.metadata.name!, COMPONENT, (cur) => {
      const refs = (cur.metadata.ownerReferences ?? []).filter((o) => o.uid !== ownerUid);
      if (refs.length === (cur.metadata.ownerReferences ?? []).length) return undefined;
      const metadata: KObject['metadata'] = { ...cur.metadata, ownerReferences: refs };
      if (refs.length === 0) delete metadata.ownerReferences;
      return { ...cur, metadata };
    });
    this.ctx.reasons.record(COMPONENT, 'garbagecollector.orphaningDependent', {}, [refOf(dep)]);
  }

  private removeFinalizer(owner: KObject, finalizer: string): void {
    this.ctx.api.mutate(this.ctx.api.typeOf(owner), owner.metadata.namespace, owner.metadata.name!, COMPONENT, (cur) => {
      const finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
      const metadata: KObject['metadata'] = { ...cur.metadata, finalizers };
      if (finalizers.length === 0) delete metadata.finalizers;
      return { ...cur, metadata };
    });
  }
}
