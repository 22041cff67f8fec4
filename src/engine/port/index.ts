/**
 * The Wheelhouse engine: a simulated Kubernetes v1.32 cluster in pure TypeScript. It runs the
 * same in Node, a Web Worker and the page; time only moves when `advance` is called.
 */
import { Cluster, type ClusterOptions } from '../cluster/cluster';
import { replayCluster, type Action } from '../cluster/actionLog';

export { applyAction } from '../cluster/actionLog';
export { NotForkable } from '../sim/forkable';
export { NotPersistable, type GraphImage } from '../sim/persistable';
import type { GraphImage } from '../sim/persistable';
import { clusterFromImage } from '../cluster/clusterImage';
import { ClusterPort } from './clusterPort';
import type { EnginePort } from './enginePort';

export type { EnginePort, ClusterImageWriter, NodeAllocation, TaskFailure } from './enginePort';
export { DEFAULT_START, type CommandOutcome } from '../cluster/cluster';
export type { Action, ClusterOptions } from '../cluster/cluster';
export type { NodeSpec } from '../cluster/nodes';
export type { KubectlResult, OutputStream } from '../kubectl/context';
export type { KObject, ObjectRef } from '../api/types';
export type { Reason, ReasonKey } from '../client/reasons';
export { REASON_KEYS } from '../client/reasons';
export type { EventRecord } from '../api/events';
export type { ApiRequest } from '../api/server';
export type { SchedulingAttempt, NodeVerdict } from '../scheduler/scheduler';
export type { TrafficSource, TrafficTarget, PodTraffic } from '../network/traffic';
export type { PolicyVerdict } from '../network/networkPolicy';
export type { NodeGroup } from '../cloud/clusterautoscaler';
export { podStatusReason, podReady, podRestarts } from '../kubectl/printers/podstatus';
export { nodeStatus, nodeRoles } from '../kubectl/printers/columns';
export { humanDuration } from '../kubectl/duration';
export { VERBS } from '../kubectl';
export { RESOURCE_TYPES } from '../api/registry';
export { parseSelector, matches as selectorMatches, SelectorParseError, type Selector } from '../api/labels';
export type { ClusterNotice } from '../cluster/notices';
export type { RestRequest, RestResponse, WatchEvent, WatchStream } from '../rest/types';
export type { OpenedWatch } from '../rest/watch';
export { RestApi } from '../rest/restApi';
export { EXEC_CONTENT_TYPE, type ExecAnswer } from '../rest/subresources';
export { MAX_BODY_BYTES } from '../rest/body';
export { WATCH_CACHE_CAPACITY } from '../rest/watchCache';

/** Creates a cluster: one control-plane node and `workers` worker nodes (3 by default). */
export function createCluster(options: ClusterOptions = {}): EnginePort {
  return new ClusterPort(new Cluster(options));
}

/**
 * The cluster a kept image was written from (EnginePort.imageWriter). Throws when the image is
 * damaged or was written by another build (its classes or constants are unknown here).
 */
export function restoreCluster(image: GraphImage): EnginePort {
  return new ClusterPort(clusterFromImage(image));
}

/** The cluster a log of actions leads to (up to `until`, simulated time): replays are byte-exact. */
export function rebuildCluster(options: ClusterOptions, actions: Action[], until?: number): EnginePort {
  return new ClusterPort(replayCluster(options, actions, until));
}
