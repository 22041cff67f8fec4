/**
 * The engine's one door: everything outside `src/engine/` (the app, the lessons, tools) uses a
 * cluster through this interface. Commands go in as the action log records them; what comes
 * out is plain data — objects as the API server returns them, events, reasons, the
 * scheduler's recorded decisions — never the store, the scheduler or a kubelet themselves.
 * (ESLint's boundaries check keeps other engine modules out of reach; this type keeps the
 * engine's parts out of reach of what the door returns.)
 */
import type { GraphImage } from '../sim/persistable';
import type { Action, ClusterOptions, CommandOutcome } from '../cluster/cluster';
import type { KubectlResult, OutputStream } from '../kubectl/context';
import type { PolicyVerdict, Protocol } from '../network/networkPolicy';
import type { KObject, ObjectRef } from '../api/types';
import type { ApiRequest } from '../api/server';
import type { EventRecord } from '../api/events';
import type { Reason } from '../client/reasons';
import type { NodeVerdict, SchedulingAttempt } from '../scheduler/scheduler';
import type { PodTraffic, TrafficSource, TrafficTarget } from '../network/traffic';
import type { NodeGroup } from '../cloud/clusterautoscaler';
import type { NodeSpec } from '../cloud/machine';
import type { ClusterNotice } from '../cluster/notices';
import type { RestRequest, RestResponse, WatchEvent } from '../rest/types';
import type { OpenedWatch } from '../rest/watch';

export interface NodeAllocation {
  milliCpu: number;
  allocatableMilliCpu: number;
  memory: number;
  allocatablePods: number;
  allocatableMemory: number;
  pods: number;
}

export interface TaskFailure {
  owner: string;
  at: number;
  error: string;
}

/** Writes a cluster as data in steps (../cluster/clusterImage.ts). */
export interface ClusterImageWriter {
  /** Writes until done (true) or until `deadline()` says stop (false: call again). */
  step(deadline?: () => boolean): boolean;
  image(): GraphImage;
}

export interface EnginePort {
  readonly options: ClusterOptions;

  // ---- commands: each one is recorded in the action log (replays and share links) ----
  kubectl(commandLine: string, options?: { stdin?: string; files?: Record<string, string>; stream?: OutputStream }): KubectlResult;
  /** Lets simulated time run; `shouldStop` lets a caller with a frame to draw stop early. Returns the milliseconds run. */
  advance(seconds: number, shouldStop?: () => boolean): number;
  /** Runs the next scheduled task, whenever it is due. */
  step(): boolean;
  stopNode(name: string): void;
  startNode(name: string): void;
  addNode(spec: NodeSpec): void;
  removeNode(name: string): void;
  startTraffic(target: TrafficTarget, rps: number): TrafficSource;
  setTraffic(id: string, rps: number): void;
  stopTraffic(id: string): void;
  enableClusterAutoscaler(group: NodeGroup): void;
  /** Answers an HTTP request of a real client (`npm run serve`); a write is recorded in the action log. */
  serve(request: RestRequest): RestResponse;
  /** How many recent changes the served API's watch cache holds per type (bounded; empty until served). */
  watchCacheSizes(): Record<string, number>;
  /** Opens a watch (`?watch=1`) for a real client; `close()` its stream when the client goes. */
  watch(request: RestRequest, send: (e: WatchEvent) => void): OpenedWatch | { error: RestResponse };
  /**
   * Carries this cluster — a replay of `actions` up to its present — forward to `until`, applying
   * only what comes after (equal, byte for byte, to rebuilding from the start). For scrubbing the
   * timeline forward while rewound. `applied`, for a copy of a live cluster (a checkpoint): how
   * many entries of `actions` it had applied.
   */
  replayTo(actions: Action[], until: number, applied?: number): void;
  /**
   * An independent copy of this cluster as it is now (a checkpoint): either may go on without
   * touching the other, exactly as a replay would. Throws (a NotForkable error) when some part
   * cannot be copied — e.g. a cluster serving real clients' watches; callers replay instead.
   */
  fork(): EnginePort;
  /**
   * Writes this cluster as data, in steps (`step(deadline)` until it says done, then `image()`),
   * to keep a checkpoint across a page reload. The cluster must stay as it is meanwhile (a
   * checkpoint does). Throws like fork for a cluster serving real clients.
   */
  imageWriter(): ClusterImageWriter;

  // ---- the history ----
  now(): number;
  actionLog(): Action[];
  /** kubectl commands run since `since` with their exit codes and output (goals check outcomes). */
  commandOutcomes(since?: number): readonly CommandOutcome[];

  // ---- reads: nothing here changes the cluster or the log ----
  /** Read-only kubectl (describe, get -o yaml) for panels: not recorded. */
  query(commandLine: string): KubectlResult;
  /** An object as the API server would return it (by resource: `pods`, `deployments` …). */
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined;
  list(resource: string, namespace?: string): KObject[];
  /** Pods bound to a node ("" for those not scheduled yet), without a walk over every pod. */
  podsOnNode(node: string): KObject[];
  nodeAllocation(name: string): NodeAllocation | undefined;
  /** Whether the node's machine is on (a stopped node's object stays until it is evicted). */
  isNodeRunning(name: string): boolean;
  /** The scheduler's last recorded attempt for a pod: where it went, or why not. */
  schedulingAttempt(namespace: string, name: string): SchedulingAttempt | undefined;
  /** The scheduler's verdict per node for a pod, asked now (filters and scores). */
  explainPod(namespace: string, name: string): NodeVerdict[] | undefined;
  events(namespace?: string): EventRecord[];
  eventsFor(ref: ObjectRef): EventRecord[];
  /** The most recent "why" records, oldest first. */
  recentReasons(limit?: number): Reason[];
  /**
   * Whether the network plugin lets pod `from` open a connection to pod `to` on `port` — the
   * NetworkPolicies' verdict as it is now, with the policies that decided it (undefined when a
   * pod does not exist).
   */
  networkVerdict(from: ObjectRef, to: ObjectRef, port: number, protocol?: Protocol): PolicyVerdict | undefined;
  /** Requests per second reaching each pod, while something sends traffic. */
  podRates(): ReadonlyMap<string, PodTraffic>;
  podRate(namespace: string, name: string): number;
  /** A file's content on the volume a claim is bound to (undefined: no such file or not bound). */
  claimFile(namespace: string, claim: string, path: string): string | undefined;
  /** Every API request as it is made (the diagram draws them); returns an unsubscribe. */
  onRequest(listener: (r: ApiRequest) => void): () => void;
  /** Why nothing is being scheduled, when that is the cluster's state (no nodes, no room). */
  notices(): ClusterNotice[];
  /** Simulated tasks that threw: always empty unless the engine has a bug. */
  taskFailures(): readonly TaskFailure[];
}
