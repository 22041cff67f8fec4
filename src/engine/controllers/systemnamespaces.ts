/**
 * The kube-apiserver's system namespaces controller (pkg/controlplane/controller/
 * systemnamespaces): once a minute it creates kube-system, kube-public and kube-node-lease if
 * they are missing. Only `default`, `kube-system` and `kube-public` are protected from deletion
 * (NamespaceLifecycle admission), so a deleted kube-node-lease comes back here, as for real.
 * Instead of a task every minute forever, a deletion schedules the check for the next minute.
 */
import type { ControllerContext } from '../client/context';
import type { KObject } from '../api/types';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const ACTOR = 'kube-apiserver';
export const RECREATED_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];
const INTERVAL_MS = 60_000;

export class SystemNamespacesController {
  private pending = false;

  constructor(private ctx: ControllerContext) {
    ctx.api.store.watch('namespaces', bound(this, this.onNamespace));
  }

  private onNamespace(type: WatchEventType, ns: KObject): void {
    if (type === 'DELETED' && RECREATED_NAMESPACES.includes(ns.metadata.name!)) this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    const { clock } = this.ctx;
    const next = Math.floor(clock.now() / INTERVAL_MS) * INTERVAL_MS + INTERVAL_MS;
    clock.at(next, ACTOR, bound(this, this.due));
  }

  private due(): void {
    this.pending = false;
    this.sync();
  }

  private sync(): void {
    const { api } = this.ctx;
    for (const name of RECREATED_NAMESPACES) {
      if (api.store.get('namespaces', undefined, name)) continue;
      try {
        api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, ACTOR);
      } catch {
        // Still terminating or created meanwhile: the next deletion brings us back.
      }
    }
    if (RECREATED_NAMESPACES.some((n) => !api.store.get('namespaces', undefined, n))) this.schedule();
  }
}

