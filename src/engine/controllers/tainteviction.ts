/**
 * Taint eviction controller (pkg/controller/tainteviction): pods on a node with a NoExecute
 * taint they do not tolerate are deleted — at once, or after the toleration's
 * tolerationSeconds (300 s for the not-ready/unreachable tolerations every pod gets).
 * Removing the taint in time cancels the eviction.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { parseRfc3339, type ScheduledTask } from '../sim/clock';
import { contained, nsName, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { tolerates, type Taint, type Toleration } from '../helpers/taints';

const COMPONENT = 'taint-eviction-controller';
const podType = typeForKind('Pod');

export class TaintEvictionController {
  /** pod key → pending eviction */
  private pending = new Map<string, ScheduledTask>();

  constructor(private ctx: ControllerContext) {
    const store = ctx.api.store;
    store.watch('nodes', bound(this, this.onNode));
    store.watch('pods', bound(this, this.onPod));
  }

  private onNode(type: WatchEventType, node: KObject, old: KObject | undefined): void {
    if (type === 'DELETED') return;
    const a = noExecute(node);
    const b = old ? noExecute(old) : [];
    if (JSON.stringify(a) !== JSON.stringify(b)) this.ctx.clock.after(1, COMPONENT, bound(this, this.handleNodeContained, node.metadata.name!));
  }

  private onPod(type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    const key = nsName(pod.metadata.namespace, pod.metadata.name!);
    if (type === 'DELETED' || pod.metadata.deletionTimestamp) {
      this.cancel(key, false);
      return;
    }
    if (pod.spec?.nodeName && pod.spec.nodeName !== old?.spec?.nodeName) {
      const node = this.ctx.api.store.get('nodes', undefined, pod.spec.nodeName);
      if (node && noExecute(node).length) this.handlePod(pod, noExecute(node));
    }
  }

  private handleNodeContained(name: string): void {
    contained(this.ctx.clock, COMPONENT, () => this.handleNode(name));
  }

  private evictContained(key: string): void {
    contained(this.ctx.clock, COMPONENT, () => this.evict(key));
  }

  private handleNode(name: string): void {
    const node = this.ctx.api.store.get('nodes', undefined, name);
    const taints = node ? noExecute(node) : [];
    for (const pod of this.ctx.api.store.byIndex('pods', 'nodeName', name)) {
      if (!pod.metadata.deletionTimestamp) this.handlePod(pod, taints);
    }
  }

  private handlePod(pod: KObject, taints: Taint[]): void {
    const key = nsName(pod.metadata.namespace, pod.metadata.name!);
    if (taints.length === 0) {
      this.cancel(key, true, pod);
      return;
    }
    const tolerations: Toleration[] = pod.spec?.tolerations ?? [];
    let minSeconds = Infinity;
    for (const taint of taints) {
      const matching = tolerations.filter((t) => tolerates(t, taint));
      if (matching.length === 0) {
        minSeconds = 0;
        break;
      }
      for (const t of matching) if (t.tolerationSeconds !== undefined) minSeconds = Math.min(minSeconds, Math.max(0, t.tolerationSeconds));
    }
    if (minSeconds === Infinity) {
      this.cancel(key, true, pod);
      return;
    }
    if (this.pending.has(key)) return;
    const added = Math.max(...taints.map((t) => parseRfc3339(t.timeAdded) ?? this.ctx.clock.now()));
    const at = Math.max(this.ctx.clock.now(), added + minSeconds * 1000);
    const task = this.ctx.clock.at(at, COMPONENT, bound(this, this.evictContained, key));
    this.pending.set(key, task);
  }

  private cancel(key: string, announce: boolean, pod?: KObject): void {
    const task = this.pending.get(key);
    if (!task) return;
    this.ctx.clock.cancel(task);
    this.pending.delete(key);
    if (announce && pod) this.ctx.api.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, COMPONENT);
  }

  private evict(key: string): void {
    this.pending.delete(key);
    const [ns, name] = key.split('/');
    const pod = this.ctx.api.store.get('pods', ns, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.ctx.api.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, COMPONENT);
    this.ctx.reasons.record(COMPONENT, 'taintmanager.evictingPod', { node: pod.spec?.nodeName ?? '' }, [refOf(pod)]);
    try {
      this.ctx.api.delete(podType, ns, name, COMPONENT);
    } catch {
      // gone meanwhile
    }
  }
}

function noExecute(node: KObject): Taint[] {
  return (node.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute');
}
