/**
 * The action log: everything a learner (or a lesson, or a share link) did to a cluster, in
 * order. The engine is deterministic, so the log is the cluster — replaying it gives the very
 * same objects, events and timings (rewind, reload, share links and lesson starts rely on it).
 */
import type { NodeSpec } from '../cloud/machine';
import type { TrafficTarget } from '../network/traffic';
import type { NodeGroup } from '../cloud/clusterautoscaler';
import { Cluster, type ClusterOptions } from './cluster';

export type Action =
  | { type: 'kubectl'; at: number; command: string; stdin?: string; files?: Record<string, string> }
  | { type: 'advance'; at: number; seconds: number }
  | { type: 'stopNode'; at: number; name: string }
  | { type: 'startNode'; at: number; name: string }
  | { type: 'addNode'; at: number; spec: NodeSpec }
  | { type: 'removeNode'; at: number; name: string }
  | { type: 'startTraffic'; at: number; target: TrafficTarget; rps: number }
  | { type: 'setTraffic'; at: number; id: string; rps: number }
  | { type: 'stopTraffic'; at: number; id: string }
  | { type: 'enableClusterAutoscaler'; at: number; group: NodeGroup };

/**
 * Rebuilds a cluster from its options and action log, up to simulated time `until` (all of it
 * by default). Deterministic: the same options and actions give the same cluster.
 */
export function replayCluster(options: ClusterOptions, actions: Action[], until = Infinity): Cluster {
  const c = new Cluster(options);
  for (const a of actions) {
    if (a.at > until) break;
    switch (a.type) {
      case 'kubectl':
        c.kubectl(a.command, { stdin: a.stdin, files: a.files });
        break;
      case 'advance': {
        const end = Math.min(a.at + a.seconds * 1000, until);
        const seconds = (end - c.now()) / 1000;
        if (seconds >= 0) c.advance(seconds);
        break;
      }
      case 'stopNode':
        c.stopNode(a.name);
        break;
      case 'startNode':
        c.startNode(a.name);
        break;
      case 'addNode':
        c.addNode(a.spec);
        break;
      case 'removeNode':
        c.removeNode(a.name);
        break;
      case 'startTraffic':
        c.startTraffic(a.target, a.rps);
        break;
      case 'setTraffic':
        c.setTraffic(a.id, a.rps);
        break;
      case 'stopTraffic':
        c.stopTraffic(a.id);
        break;
      case 'enableClusterAutoscaler':
        c.enableClusterAutoscaler(a.group);
        break;
    }
  }
  if (Number.isFinite(until) && c.now() < until) c.advance((until - c.now()) / 1000);
  return c;
}
