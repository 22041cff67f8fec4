/**
 * The action log: everything a learner (or a lesson, or a share link) did to a cluster, in
 * order. The engine is deterministic, so the log is the cluster — replaying it gives the very
 * same objects, events and timings (rewind, reload, share links and lesson starts rely on it).
 */
import type { NodeSpec } from '../cloud/machine';
import type { TrafficTarget } from '../network/traffic';
import type { NodeGroup } from '../cloud/clusterautoscaler';
import { Cluster, type ClusterOptions } from './cluster';
import type { RestRequest } from '../rest/types';

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
  | { type: 'enableClusterAutoscaler'; at: number; group: NodeGroup }
  /** A request a real client (kubectl, client-go…) sent to `npm run serve` that changed the cluster. */
  | { type: 'api'; at: number; request: RestRequest };

/**
 * Rebuilds a cluster from its options and action log, up to simulated time `until` (all of it
 * by default). Deterministic: the same options and actions give the same cluster.
 */
export function replayCluster(options: ClusterOptions, actions: Action[], until = Infinity): Cluster {
  return replayFrom(new Cluster(options), actions, -Infinity, until);
}

/**
 * Carries a cluster that is itself a replay of `actions` up to its present forward to `until`:
 * what comes after its present is applied, and an advance it stopped in the middle of goes on.
 * The result equals `replayCluster(options, actions, until)` byte for byte (the clock runs the
 * same tasks whether an advance runs in one piece or two), so scrubbing forward on the
 * timeline replays only the difference.
 */
export function continueReplay(c: Cluster, actions: Action[], until: number, applied?: number): Cluster {
  if (until < c.now()) throw new Error(`cannot continue a replay backwards (from ${c.now()} to ${until})`);
  return replayFrom(c, actions, c.now(), until, applied);
}

/**
 * Applies the actions after `from` (advances: the part after it), up to `until`. `applied`,
 * when known (a checkpoint copied from a live cluster counts the entries it had), says which
 * were done already; without it, everything at or before `from` was (a replay that stopped at
 * `from` applied all of that instant's actions).
 */
function replayFrom(c: Cluster, actions: Action[], from: number, until: number, applied?: number): Cluster {
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (a.at > until) break;
    if (a.type === 'advance') {
      const end = Math.min(a.at + a.seconds * 1000, until);
      const seconds = (end - c.now()) / 1000;
      if (seconds >= 0 && end > from) c.advance(seconds);
      continue;
    }
    // Done already: what happened at or before the present of the cluster being continued.
    if (applied !== undefined ? i < applied : a.at <= from) continue;
    applyAction(c, a);
  }
  if (Number.isFinite(until) && c.now() < until) c.advance((until - c.now()) / 1000);
  return c;
}

/** What an action is applied to: a cluster, or the engine's port over one. */
export interface ActionTarget {
  kubectl(commandLine: string, options?: { stdin?: string; files?: Record<string, string> }): unknown;
  stopNode(name: string): void;
  startNode(name: string): void;
  addNode(spec: NodeSpec): void;
  removeNode(name: string): void;
  startTraffic(target: TrafficTarget, rps: number): unknown;
  setTraffic(id: string, rps: number): void;
  stopTraffic(id: string): void;
  enableClusterAutoscaler(group: NodeGroup): void;
  serve(request: RestRequest): unknown;
}

/** Does again what a recorded action did (advances are the caller's: how far depends on the replay). */
export function applyAction(c: ActionTarget, a: Exclude<Action, { type: 'advance' }>): void {
  switch (a.type) {
    case 'kubectl':
      c.kubectl(a.command, { stdin: a.stdin, files: a.files });
      break;
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
    case 'api':
      c.serve(a.request);
      break;
  }
}
