/**
 * Namespace controller (pkg/controller/namespace/deletion, namespaced_resources_deleter.go):
 * a namespace being deleted stays Terminating while everything in it is deleted; once nothing
 * is left, the controller removes its `kubernetes` finalizer through the finalize subresource
 * and deletes the namespace for good. While content remains, the namespace's status says so
 * (NamespaceContentRemaining / NamespaceFinalizersRemaining conditions) and it is checked again.
 */
import { qualifiedResource, typeForKind } from '../api/registry';
import { refOf, type KObject } from '../api/types';
import { rfc3339 } from '../sim/clock';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'namespace-controller';
const nsType = typeForKind('Namespace');
/** The finalizer the namespace controller owns (v1.FinalizerKubernetes). */
const FINALIZER = 'kubernetes';
/** How soon to look again while content remains (the deleter's estimate for pods is their grace period). */
const RECHECK_MS = 2000;

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export class NamespaceController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 10, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'namespaces'));
    ctx.api.store.watch('namespaces', bound(this, this.onNamespace));
  }

  private onNamespace(type: WatchEventType, ns: KObject): void {
    if (type !== 'DELETED' && ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name!);
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    const ns = api.store.get('namespaces', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const remaining = new Map<string, number>();
    const withFinalizers = new Map<string, number>();
    for (const type of api.types.all()) {
      // A custom type is listed once, under its first (preferred) version.
      if (!type.namespaced || !type.verbs.includes('list') || (type.custom && api.types.resolveName(`${type.resource}.${type.group}`) !== type)) continue;
      for (const obj of api.store.list(type.resource, name)) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          api.delete(type, name, obj.metadata.name!, COMPONENT, { propagationPolicy: 'Background' });
        } catch {
          // already gone
        }
      }
      // What the deletes left behind (graceful pods, objects held by finalizers).
      for (const obj of api.store.list(type.resource, name)) {
        const resource = qualifiedResource(type);
        remaining.set(resource, (remaining.get(resource) ?? 0) + 1);
        for (const f of obj.metadata.finalizers ?? []) withFinalizers.set(f, (withFinalizers.get(f) ?? 0) + 1);
      }
    }
    for (const e of api.events.list(name)) api.events.delete(name, e.name);
    if (remaining.size > 0) {
      const count = [...remaining.values()].reduce((a, b) => a + b, 0);
      this.ctx.reasons.record(COMPONENT, 'namespace.deletingContent', { remaining: count }, [refOf(ns)]);
      this.setConditions(ns, remaining, withFinalizers);
      this.queue.addAfter(name, RECHECK_MS);
      return;
    }
    // Nothing left: drop our finalizer (the finalize subresource), then the final delete.
    const finalizers: string[] = ns.spec?.finalizers ?? [];
    if (finalizers.includes(FINALIZER)) api.finalizeNamespace(name, finalizers.filter((f) => f !== FINALIZER), COMPONENT);
    const current = api.store.get('namespaces', undefined, name);
    if (current && (current.spec?.finalizers ?? []).length === 0) api.delete(nsType, undefined, name, COMPONENT, { uid: current.metadata.uid });
  }

  /** The conditions `kubectl describe namespace` shows while deletion waits on content. */
  private setConditions(ns: KObject, remaining: Map<string, number>, withFinalizers: Map<string, number>): void {
    const now = rfc3339(this.ctx.clock.now());
    const content = [...remaining].sort(([a], [b]) => (a < b ? -1 : 1));
    const fins = [...withFinalizers].sort(([a], [b]) => (a < b ? -1 : 1));
    const wanted: Omit<Condition, 'lastTransitionTime'>[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${content.map(([r, n]) => `${r} has ${n} resource instances`).join(', ')}` },
      fins.length
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${fins.map(([f, n]) => `${f} in ${n} resource instances`).join(', ')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const old: Condition[] = ns.status?.conditions ?? [];
    const conditions: Condition[] = wanted.map((w) => {
      const prev = old.find((c) => c.type === w.type);
      const same = prev && prev.status === w.status && prev.reason === w.reason && prev.message === w.message;
      return same ? prev : { ...w, lastTransitionTime: prev && prev.status === w.status ? prev.lastTransitionTime : now };
    });
    if (old.length === conditions.length && conditions.every((c, i) => c === old[i])) return;
    this.ctx.api.updateStatus(nsType, ns, { ...ns.status, conditions }, COMPONENT);
  }
}
