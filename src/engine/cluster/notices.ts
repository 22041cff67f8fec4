/**
 * What the page should say about the cluster as a whole when pods cannot run, as structured
 * notices the UI translates: no node at all (every node deleted: allowed, as for real, but
 * nothing can be scheduled), or pods left Pending because no node has room for them (a huge
 * `--replicas`). Cheap at any size: counts come from indexes, reasons from a bounded sample of
 * the scheduler's last attempts.
 */
import type { Cluster } from './cluster';

export type ClusterNotice =
  /** No Node objects at all: the scheduler answers "no nodes available to schedule pods". */
  | { key: 'noNodes'; pending: number }
  /** Pods the scheduler could not place for lack of room (Insufficient cpu/memory, Too many pods). */
  | { key: 'saturated'; pending: number; nodes: number };

/** Filter reasons that mean "full", not "does not fit this node's rules". */
const ROOM_REASONS = /^(Insufficient |Too many pods)/;
const SAMPLE = 200;

export function clusterNotices(c: Cluster): ClusterNotice[] {
  const pending = c.store.indexSize('pods', 'nodeName', '');
  const nodes = c.store.count('nodes');
  if (nodes === 0) return [{ key: 'noNodes', pending }];
  const unschedulable = c.scheduler.queue.unschedulable;
  if (unschedulable.size === 0) return [];
  let seen = 0;
  let full = 0;
  for (const key of unschedulable.keys()) {
    if (seen++ >= SAMPLE) break;
    const slash = key.indexOf('/');
    const attempt = c.scheduler.lastAttempt(key.slice(0, slash), key.slice(slash + 1));
    if (attempt && Object.keys(attempt.reasons).some((r) => ROOM_REASONS.test(r))) full++;
  }
  // Most of those that failed found every node full: the cluster is saturated.
  if (full * 2 < Math.min(seen, SAMPLE)) return [];
  return [{ key: 'saturated', pending, nodes }];
}
