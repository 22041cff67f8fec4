/**
 * The port over one in-process cluster. It holds the Cluster privately and answers every
 * question with plain data, so what stands on the other side (the page today, a worker bridge
 * or the API server next) never holds the store, the scheduler or a kubelet.
 */
import { clusterImageWriter } from '../cluster/clusterImage';
import type { RestRequest, RestResponse, WatchEvent } from '../rest/types';
import type { OpenedWatch } from '../rest/watch';
import type { Action, Cluster, ClusterOptions, CommandOutcome } from '../cluster/cluster';
import { clusterNotices, type ClusterNotice } from '../cluster/notices';
import { continueReplay } from '../cluster/actionLog';
import type { KubectlResult, OutputStream } from '../kubectl/context';
import type { KObject, ObjectRef } from '../api/types';
import type { ApiRequest } from '../api/server';
import type { EventRecord } from '../api/events';
import type { Reason } from '../client/reasons';
import type { NodeVerdict, SchedulingAttempt } from '../scheduler/scheduler';
import type { PodTraffic, TrafficSource, TrafficTarget } from '../network/traffic';
import { NetworkPolicyEvaluator, peerOfPod, type PolicyVerdict, type Protocol } from '../network/networkPolicy';
import type { NodeGroup } from '../cloud/clusterautoscaler';
import type { NodeSpec } from '../cloud/machine';
import { volumeDataKey } from '../helpers/volumeutil';
import type { ClusterImageWriter, EnginePort, NodeAllocation, TaskFailure } from './enginePort';

export class ClusterPort implements EnginePort {
  readonly #c: Cluster;

  constructor(cluster: Cluster) {
    this.#c = cluster;
  }

  get options(): ClusterOptions {
    return this.#c.options;
  }

  kubectl(commandLine: string, options?: { stdin?: string; files?: Record<string, string>; stream?: OutputStream }): KubectlResult {
    return this.#c.kubectl(commandLine, options);
  }
  advance(seconds: number, shouldStop?: () => boolean): number {
    return this.#c.advance(seconds, shouldStop);
  }
  step(): boolean {
    return this.#c.step();
  }
  stopNode(name: string): void {
    this.#c.stopNode(name);
  }
  startNode(name: string): void {
    this.#c.startNode(name);
  }
  addNode(spec: NodeSpec): void {
    this.#c.addNode(spec);
  }
  removeNode(name: string): void {
    this.#c.removeNode(name);
  }
  startTraffic(target: TrafficTarget, rps: number): TrafficSource {
    return this.#c.startTraffic(target, rps);
  }
  setTraffic(id: string, rps: number): void {
    this.#c.setTraffic(id, rps);
  }
  stopTraffic(id: string): void {
    this.#c.stopTraffic(id);
  }
  enableClusterAutoscaler(group: NodeGroup): void {
    this.#c.enableClusterAutoscaler(group);
  }

  serve(request: RestRequest): RestResponse {
    return this.#c.serve(request);
  }

  watchCacheSizes(): Record<string, number> {
    return this.#c.watchCacheSizes();
  }

  watch(request: RestRequest, send: (e: WatchEvent) => void): OpenedWatch | { error: RestResponse } {
    return this.#c.watch(request, send);
  }
  fork(): EnginePort {
    return new ClusterPort(this.#c.fork());
  }
  imageWriter(): ClusterImageWriter {
    return clusterImageWriter(this.#c);
  }
  replayTo(actions: Action[], until: number, applied?: number): void {
    continueReplay(this.#c, actions, until, applied);
  }

  now(): number {
    return this.#c.now();
  }
  actionLog(): Action[] {
    return this.#c.actionLog();
  }
  commandOutcomes(since?: number): readonly CommandOutcome[] {
    return this.#c.commandOutcomes(since);
  }

  query(commandLine: string): KubectlResult {
    return this.#c.query(commandLine);
  }
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.#c.store.get(resource, namespace, name);
  }
  list(resource: string, namespace?: string): KObject[] {
    return this.#c.store.list(resource, namespace);
  }
  podsOnNode(node: string): KObject[] {
    return this.#c.store.byIndex('pods', 'nodeName', node);
  }
  nodeAllocation(name: string): NodeAllocation | undefined {
    return this.#c.nodeAllocation(name);
  }
  isNodeRunning(name: string): boolean {
    return this.#c.isNodeRunning(name);
  }
  schedulingAttempt(namespace: string, name: string): SchedulingAttempt | undefined {
    return this.#c.scheduler.lastAttempt(namespace, name);
  }
  explainPod(namespace: string, name: string): NodeVerdict[] | undefined {
    const pod = this.#c.store.get('pods', namespace, name);
    return pod && this.#c.scheduler.explain(pod);
  }
  events(namespace?: string): EventRecord[] {
    return this.#c.api.events.list(namespace);
  }
  eventsFor(ref: ObjectRef): EventRecord[] {
    return this.#c.api.events.forObject(ref);
  }
  recentReasons(limit?: number): Reason[] {
    return this.#c.reasons.recent(limit);
  }
  networkVerdict(from: ObjectRef, to: ObjectRef, port: number, protocol: Protocol = 'TCP'): PolicyVerdict | undefined {
    const a = this.#c.store.get('pods', from.namespace, from.name);
    const b = this.#c.store.get('pods', to.namespace, to.name);
    if (!a || !b) return undefined;
    return new NetworkPolicyEvaluator(this.#c.store).evaluate(peerOfPod(a), peerOfPod(b), port, protocol);
  }

  podRates(): ReadonlyMap<string, PodTraffic> {
    return this.#c.traffic.podRates();
  }
  podRate(namespace: string, name: string): number {
    return this.#c.traffic.podRate(namespace, name);
  }
  claimFile(namespace: string, claim: string, path: string): string | undefined {
    const pvName = this.#c.store.get('persistentvolumeclaims', namespace, claim)?.spec?.volumeName;
    const pv = pvName ? this.#c.store.get('persistentvolumes', undefined, pvName) : undefined;
    // A node-local volume (hostPath, local) lives on the node its affinity names.
    const node = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find((e: { key: string }) => e.key === 'kubernetes.io/hostname')?.values?.[0] ?? '';
    const key = pv ? volumeDataKey(pv.spec, node) : undefined;
    return key ? this.#c.volumeData.read(key, path) : undefined;
  }
  /** Why nothing is being scheduled, when that is the cluster's state (no nodes, no room). */
  notices(): ClusterNotice[] {
    return clusterNotices(this.#c);
  }
  onRequest(listener: (r: ApiRequest) => void): () => void {
    return this.#c.api.onRequest(listener);
  }
  taskFailures(): readonly TaskFailure[] {
    return this.#c.clock.failures;
  }
}
