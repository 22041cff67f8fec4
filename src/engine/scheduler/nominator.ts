/**
 * The PodNominator (pkg/scheduler/backend/queue/nominator.go): pods waiting for a node that
 * preemption is emptying for them (status.nominatedNodeName). Filtering other pods counts them
 * on that node when they are of equal or higher priority, so a lower-priority pod cannot take
 * the room freed for them.
 */
import type { KObject } from '../api/types';
import { podRequests, type PodRequests } from './framework';

export class PodNominator {
  /** node → pod key → the nominated pod's requests. */
  private byNode = new Map<string, Map<string, PodRequests>>();
  private nodeOf = new Map<string, string>();

  get size(): number {
    return this.nodeOf.size;
  }

  /** Follows a pod: nominated while it waits with status.nominatedNodeName, forgotten once bound or gone. */
  update(key: string, pod: KObject | undefined, waiting: boolean): void {
    const node: string | undefined = waiting ? pod?.status?.nominatedNodeName || undefined : undefined;
    const before = this.nodeOf.get(key);
    if (before === node) return;
    if (before) {
      const pods = this.byNode.get(before)!;
      pods.delete(key);
      if (pods.size === 0) this.byNode.delete(before);
      this.nodeOf.delete(key);
    }
    if (node && pod) {
      let pods = this.byNode.get(node);
      if (!pods) this.byNode.set(node, (pods = new Map()));
      pods.set(key, podRequests(pod));
      this.nodeOf.set(key, node);
    }
  }

  has(node: string): boolean {
    return this.byNode.has(node);
  }

  /** The pods nominated to a node with priority at least `atLeast`, the asking pod itself left out. */
  nominatedOn(node: string, atLeast: number, except: string): PodRequests[] {
    const pods = this.byNode.get(node);
    if (!pods) return [];
    const out: PodRequests[] = [];
    for (const [key, r] of pods) if (key !== except && r.priority >= atLeast) out.push(r);
    return out;
  }

  /** Keys of pods nominated to a node below a priority (their nomination is cleared when a higher pod preempts there). */
  lowerThan(node: string, priority: number): string[] {
    const out: string[] = [];
    for (const [key, r] of this.byNode.get(node) ?? []) if (r.priority < priority) out.push(key);
    return out;
  }
}
