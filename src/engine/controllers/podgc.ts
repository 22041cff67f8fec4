/**
 * Pod garbage collector (pkg/controller/podgc): force-deletes pods bound to nodes that no
 * longer exist, and unscheduled pods that are already terminating.
 */
import type { KObject } from '../api/types';
import { typeForKind } from '../api/registry';
import { contained, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'pod-garbage-collector';
const podType = typeForKind('Pod');
const GC_PERIOD_MS = 20_000;

export class PodGarbageCollector {
  private deletedNodes = new Set<string>();

  constructor(private ctx: ControllerContext) {
    ctx.api.store.watch('nodes', bound(this, this.onNode));
    ctx.clock.after(GC_PERIOD_MS, COMPONENT, bound(this, this.tick));
  }

  private onNode(type: WatchEventType, node: KObject): void {
    if (type === 'DELETED') {
      this.deletedNodes.add(node.metadata.name!);
      // podgc waits 40 s (quarantine) before treating a missing node's pods as orphans.
      this.ctx.clock.after(40_000, COMPONENT, bound(this, this.gcOrphans));
    } else {
      this.deletedNodes.delete(node.metadata.name!);
    }
  }

  private tick(): void {
    this.ctx.clock.after(GC_PERIOD_MS, COMPONENT, bound(this, this.tick));
    contained(this.ctx.clock, COMPONENT, () => this.gcOrphans());
  }

  private gcOrphans(): void {
    const { api } = this.ctx;
    for (const nodeName of [...this.deletedNodes]) {
      if (api.store.get('nodes', undefined, nodeName)) {
        this.deletedNodes.delete(nodeName);
        continue;
      }
      for (const pod of api.store.byIndex('pods', 'nodeName', nodeName)) {
        api.event(pod, 'Normal', 'PodGCOrphaned', 'Deleting orphaned pod', COMPONENT);
        try {
          api.delete(podType, pod.metadata.namespace, pod.metadata.name!, COMPONENT, { gracePeriodSeconds: 0 });
        } catch {
          // already gone
        }
      }
      if (api.store.indexSize('pods', 'nodeName', nodeName) === 0) this.deletedNodes.delete(nodeName);
    }
  }
}
