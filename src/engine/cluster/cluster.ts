/**
 * A whole simulated cluster: the store and API server, the control loops, the scheduler, one
 * kubelet per node and the simulated clock that drives them. Everything a learner does goes
 * through the public methods and is appended to the action log, so `replayCluster` can
 * rebuild the cluster as it was at any earlier moment.
 *
 * Over 400 lines on purpose: the constructor wires every part in one place (about a hundred
 * lines, the assembly read in order), and each learner action is a short method that logs
 * itself; the kubelets' glue is in ./kubeletFleet.ts and ./nodeServer.ts, kubectl's pod access
 * in ./podKubectl.ts.
 */
import type { KObject } from '../api/types';
import { ObjectStore } from '../api/store';
import { ApiServer } from '../api/server';
import { RESOURCE_TYPES, qualifiedResource, typeForKind } from '../api/registry';
import { controllerOf } from '../api/types';
import { SimClock } from '../sim/clock';
import { bound, forkGraph, NotForkable } from '../sim/forkable';
import { persistentTable } from '../sim/persistable';
import { Rng } from '../sim/rng';
import { ReasonLog } from '../client/reasons';
import type { ControllerContext } from '../client/context';
import { DeploymentController } from '../controllers/deployment';
import { REPLICATION_CONTROLLER, ReplicaSetController } from '../controllers/replicaset';
import { GarbageCollector } from '../controllers/garbagecollector';
import { NamespaceController } from '../controllers/namespace';
import { SystemNamespacesController } from '../controllers/systemnamespaces';
import { NodeLifecycleController } from '../controllers/nodelifecycle';
import { TaintEvictionController } from '../controllers/tainteviction';
import { PodGarbageCollector } from '../controllers/podgc';
import { Scheduler } from '../scheduler/scheduler';
import { Kubelet } from '../kubelet/kubelet';
import { nodeObject, podCidrPrefix, internalIP, type NodeSpec } from './nodes';
import { SYSTEM_NAMESPACES, kubernetesEndpoints, controlPlanePods, coreDnsDeployment, kubeDnsService, metricsServerDeployment, kubeProxyDaemonSet, kubernetesService, namespaceObject, serviceAccount } from './system';
import { DaemonSetController } from '../controllers/daemonset';
import { JobController } from '../controllers/job';
import { CronJobController } from '../controllers/cronjob';
import { TtlAfterFinishedController } from '../controllers/ttlafterfinished';
import { StatefulSetController } from '../controllers/statefulset';
import { EndpointsController } from '../controllers/endpoints';
import { ResourceQuotaController } from '../controllers/resourcequota';
import { MetricsServer } from '../metrics/metricsServer';
import { POD_LABEL_INDEX, podLabelKeys } from '../helpers/backends';
import { ClusterAutoscaler, type NodeGroup } from '../cloud/clusterautoscaler';
import { IngressNginxController, nginxIngressClass } from '../network/ingress';
import { HorizontalPodAutoscalerController } from '../controllers/hpa/controller';
import { TrafficModel, type TrafficSource, type TrafficTarget } from '../network/traffic';
import { RootCaCertPublisher } from '../controllers/rootcacertpublisher';
import { ServiceAccountsController } from '../controllers/serviceaccount';
import { DisruptionController } from '../controllers/disruption';
import { ClusterRoleAggregationController } from '../controllers/clusterroleaggregation';
import { CrdNamingController } from '../controllers/crdnaming';
import { CrdEstablishingController } from '../controllers/crdestablishing';
import { CrdFinalizerController } from '../controllers/crdfinalizer';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from '../api/auth/bootstrapPolicy';
import { recordAuthorization } from './authorizationReasons';
import { EndpointSliceController } from '../controllers/endpointslice';
import { CloudServiceController } from '../cloud/servicecontroller';
import { runKubectl, type KubectlResult } from '../kubectl';
import { systemPriorityClasses } from '../api/priority';
import type { OutputStream } from '../kubectl/context';
import { POD_CLAIM_INDEX, podClaimKeys } from '../helpers/volumeutil';
import { VolumeData } from '../storage/volumeData';
import { PersistentVolumeController } from '../storage/pvcontroller';
import { AttachDetachController } from '../storage/attachdetach';
import { PvcProtectionController, PvProtectionController } from '../storage/protection';
import { DiskProvisioner } from '../storage/provisioner';
import { builtInStorageClasses } from '../storage/classes';
import { LoadGenerators } from '../network/loadGenerators';
import { nodeServerFor } from './nodeServer';
import type { NodeServer } from '../api/subresources';
import type { AuthorizationRecord } from '../api/auth/authorizingApi';
import { kubectlInPod } from './podKubectl';
import { KubeletFleet } from './kubeletFleet';
import { RestApi } from '../rest/restApi';
import { openWatch, type OpenedWatch } from '../rest/watch';
import type { RestRequest, RestResponse, WatchEvent } from '../rest/types';

export interface ClusterOptions {
  seed?: number;
  /** Number of worker nodes (default 3), named worker-1 … worker-N. */
  workers?: number;
  /** Extra or custom worker nodes (labels such as disktype=ssd, capacity). */
  nodes?: NodeSpec[];
  /** Simulated seconds the cluster has already been running when handed over (default 300). */
  bootSeconds?: number;
  /** Simulated wall-clock start, ms since epoch. */
  startTime?: number;
  /** Skip kube-proxy and CoreDNS (benchmarks of bare control-plane throughput). */
  minimal?: boolean;
  /** Install the metrics-server add-on (default true), so `kubectl top` and HPAs work. */
  metricsServer?: boolean;
}

import type { Action } from './actionLog';
export type { Action } from './actionLog';

export { DEFAULT_START } from '../sim/start';
import { DEFAULT_START } from '../sim/start';
/** kubectl verbs that change nothing: `query` runs only these. */
const READ_ONLY_VERBS = new Set(['get', 'describe', 'explain', 'top', 'logs', 'api-resources', 'api-versions', 'version', 'cluster-info', 'auth']);

/** A command the learner ran, and its result. */
export interface CommandOutcome {
  at: number;
  /** Without the leading `kubectl`. */
  command: string;
  exitCode: number;
  /** The first few thousand characters of its output (an HTTP body, a file's text …). */
  stdout: string;
}
const MAX_OUTCOMES = 200;
const OUTCOME_STDOUT_CHARS = 4096;
/** How often a blocking kubectl command (wait) looks again, in simulated ms. */
const WAIT_POLL_MS = 100;

/** The store indexes the cluster keeps on pods (module functions: a checkpoint kept as data names them). */
const podIndexes = persistentTable('cluster.podIndexes', {
  labelKeys: podLabelKeys,
  claimKeys: podClaimKeys,
  nodeName: (p: KObject) => p.spec?.nodeName ?? '',
  orphan: (p: KObject) => (controllerOf(p) ? undefined : p.metadata.namespace),
  sameLabels: (p: KObject, old: KObject) => p.metadata.labels === old.metadata.labels,
  sameVolumes: (p: KObject, old: KObject) => p.spec?.volumes === old.spec?.volumes,
  sameOwners: (p: KObject, old: KObject) => p.metadata.ownerReferences === old.metadata.ownerReferences,
});

export class Cluster {
  readonly clock: SimClock;
  readonly rng: Rng;
  private readonly kubeProxyChoice: Rng;
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly reasons: ReasonLog;
  readonly scheduler: Scheduler;
  readonly kubelets = new Map<string, Kubelet>();
  readonly options: ClusterOptions;
  /** kube-proxy's view of Service traffic: load sources and per-pod request rates. */
  readonly traffic: TrafficModel;
  /** What is written on volumes (cloud disks, NFS exports, node directories). */
  readonly volumeData = new VolumeData();
  /** The Metrics API (`kubectl top`, the HPA). */
  readonly metrics: MetricsServer;
  private autoscaler: ClusterAutoscaler | undefined;
  private log: Action[] = [];
  /** What the learner's recent commands answered (bounded): lesson goals check outcomes, not keystrokes. */
  private outcomes: CommandOutcome[] = [];
  private nodeCount = 0;
  private fleet: KubeletFleet;
  private ctx: ControllerContext;
  /** Created at construction time; each controller holds its own watches. */
  readonly controllers: Record<string, unknown>;

  constructor(options: ClusterOptions = {}) {
    this.options = options;
    const start = options.startTime ?? DEFAULT_START;
    this.clock = new SimClock(start);
    this.rng = new Rng(options.seed ?? 1);
    // kube-proxy's random picks draw from their own sequence: a request never shifts the names the cluster makes next.
    this.kubeProxyChoice = new Rng(((options.seed ?? 1) ^ 0x6b707279) >>> 0);
    this.store = new ObjectStore(bound(this, this.qualifiedResource));
    // Unscheduled pods under "" (no node has that name): the pending ones without a walk over all.
    this.store.addIndex('pods', 'nodeName', podIndexes.nodeName);
    // Pods are updated many times each (status, binding): the indexes below skip recomputing
    // their keys when the part they read is the very same object as before.
    this.store.addIndex('pods', POD_LABEL_INDEX, podLabelKeys, podIndexes.sameLabels);
    this.store.addIndex('pods', POD_CLAIM_INDEX, podClaimKeys, podIndexes.sameVolumes);
    this.store.addIndex('pods', 'orphan', podIndexes.orphan, podIndexes.sameOwners);
    this.api = new ApiServer(this.store, this.clock, this.rng);
    this.reasons = new ReasonLog(bound(this.clock, this.clock.now));
    this.ctx = { api: this.api, clock: this.clock, rng: this.rng, reasons: this.reasons };
    this.api.onAuthorization(bound(this, this.noteAuthorization));
    this.metrics = new MetricsServer({
      store: this.store,
      clock: this.clock,
      runningContainers: bound(this, this.runningContainers),
      podRps: bound(this, this.podRate),
    });
    this.traffic = new TrafficModel(this.store, this.clock, options.seed ?? 1, bound(this, this.isNodeRunning), this.reasons);
    this.api.serveSubresources({ node: bound(this, this.nodeServer), metrics: this.metrics });

    for (const ns of SYSTEM_NAMESPACES) this.api.create(namespaceObject(ns), 'kube-apiserver');
    // The API server's post-start hook: the system PriorityClasses exist before any pod is admitted.
    for (const pc of systemPriorityClasses()) this.api.create(pc, 'kube-apiserver');
    this.api.create(kubernetesService(), 'kube-apiserver');
    // The API server's RBAC bootstrap (and kubeadm's binding for its admin), before any client.
    for (const obj of [...bootstrapClusterRoles(), ...bootstrapClusterRoleBindings()]) this.api.create(obj, 'kube-apiserver');

    this.controllers = {
      deployment: new DeploymentController(this.ctx),
      replicaset: new ReplicaSetController(this.ctx),
      replication: new ReplicaSetController(this.ctx, REPLICATION_CONTROLLER),
      daemonset: new DaemonSetController(this.ctx),
      job: new JobController(this.ctx),
      cronjob: new CronJobController(this.ctx),
      ttlafterfinished: new TtlAfterFinishedController(this.ctx),
      statefulset: new StatefulSetController(this.ctx),
      endpoints: new EndpointsController(this.ctx),
      endpointslice: new EndpointSliceController(this.ctx),
      cloudservice: new CloudServiceController(this.ctx),
      garbagecollector: new GarbageCollector(this.ctx),
      namespace: new NamespaceController(this.ctx),
      systemnamespaces: new SystemNamespacesController(this.ctx),
      nodelifecycle: new NodeLifecycleController(this.ctx),
      tainteviction: new TaintEvictionController(this.ctx),
      podgc: new PodGarbageCollector(this.ctx),
      resourcequota: new ResourceQuotaController(this.ctx),
      rootcacertpublisher: new RootCaCertPublisher(this.ctx),
      serviceaccount: new ServiceAccountsController(this.ctx),
      disruption: new DisruptionController(this.ctx),
      clusterroleaggregation: new ClusterRoleAggregationController(this.ctx),
      crdnaming: new CrdNamingController(this.ctx),
      crdestablishing: new CrdEstablishingController(this.ctx),
      crdfinalizer: new CrdFinalizerController(this.ctx),
      persistentvolume: new PersistentVolumeController(this.ctx),
      attachdetach: new AttachDetachController(this.ctx),
      pvcprotection: new PvcProtectionController(this.ctx),
      pvprotection: new PvProtectionController(this.ctx),
      diskprovisioner: new DiskProvisioner(this.ctx, this.volumeData),
    };
    this.controllers.ingressnginx = new IngressNginxController(this.ctx);
    this.controllers.horizontalpodautoscaler = new HorizontalPodAutoscalerController(this.ctx, this.metrics, this.traffic);
    this.scheduler = new Scheduler(this.ctx);
    this.controllers.loadgenerators = new LoadGenerators(this.store, this.traffic);

    this.fleet = new KubeletFleet(this.ctx, this.volumeData, this.kubelets);

    const cp: NodeSpec = { name: 'control-plane', role: 'control-plane' };
    const workers: NodeSpec[] = options.nodes ?? Array.from({ length: options.workers ?? 3 }, (_, i) => ({ name: `worker-${i + 1}` }));
    this.registerNode(cp);
    for (const w of workers) this.registerNode({ role: 'worker', ...w });
    const hostIP = internalIP(0);
    for (const pod of controlPlanePods('control-plane', hostIP)) this.api.create(pod, 'kubelet');
    for (const obj of kubernetesEndpoints(hostIP)) this.api.create(obj, 'kube-apiserver');
    if (!options.minimal) {
      // The add-ons' own accounts first (kubeadm and the metrics-server manifest create them).
      for (const name of ['kube-proxy', 'coredns', ...(options.metricsServer !== false ? ['metrics-server'] : [])]) this.api.create(serviceAccount(name, 'kube-system'), 'kubeadm');
      this.api.create(kubeProxyDaemonSet(), 'kubeadm');
      this.api.create(coreDnsDeployment(), 'kubeadm');
      this.api.create(kubeDnsService(), 'kubeadm');
      if (options.metricsServer !== false) this.api.create(metricsServerDeployment(), 'kubectl');
      this.api.create(nginxIngressClass(), 'kubectl');
      for (const sc of builtInStorageClasses()) this.api.create(sc, 'kubectl');
    }
    const boot = options.bootSeconds ?? 300;
    const quiet = this.reasons.enabled;
    this.reasons.enabled = false;
    this.clock.runUntil(this.clock.now() + boot * 1000);
    this.reasons.enabled = quiet;
  }

  // ---- what the parts built above call back (bound calls: a copy of the cluster rebuilds them) ----

  private qualifiedResource(resource: string): string {
    const t = RESOURCE_TYPES.find((x) => x.resource === resource) ?? this.api?.types.customTypes().find((x) => x.resource === resource);
    return t ? qualifiedResource(t) : resource;
  }

  private noteAuthorization(r: AuthorizationRecord): void {
    recordAuthorization(this.reasons, r);
  }

  private runningContainers(): Map<string, ReturnType<Kubelet['runningContainers']>> {
    return new Map([...this.kubelets].map(([name, k]) => [name, k.runningContainers()]));
  }

  private podRate(namespace: string, name: string): number {
    return this.traffic.podRate(namespace, name);
  }

  /** The kubelet's API (logs, exec, port-forward) as the API server reaches it. */
  private nodeServer(name: string): NodeServer | undefined {
    const k = this.kubelets.get(name);
    return k && nodeServerFor(k, { store: this.store, kubelets: this.kubelets, now: () => this.clock.now(), reasons: this.reasons, kubectl: (pod, words) => kubectlInPod(this, pod, words), endpointChoice: this.kubeProxyChoice });
  }

  private deprovisionNode(name: string): void {
    if (this.kubelets.get(name)) this.destroyNode(name, 'cloud-node-lifecycle-controller');
  }

  private registerNode(spec: NodeSpec): KObject {
    const index = this.nodeCount++;
    const node = this.api.create(nodeObject(spec, index, this.clock.now()), 'kubelet');
    this.fleet.add(spec.name, podCidrPrefix(index));
    return node;
  }

  // ---- the public contract ----------------------------------------------------------------

  now(): number {
    return this.clock.now();
  }

  kubectl(commandLine: string, options: { stdin?: string; files?: Record<string, string>; stream?: OutputStream } = {}): KubectlResult {
    const action: Action = { type: 'kubectl', at: this.now(), command: commandLine };
    if (options.stdin !== undefined) action.stdin = options.stdin;
    if (options.files) action.files = options.files;
    this.log.push(action);
    const result = runKubectl(this, commandLine, options);
    this.outcomes.push({ at: action.at, command: commandLine.replace(/^\s*kubectl\s+/, '').trim(), exitCode: result.exitCode, stdout: result.stdout.slice(0, OUTCOME_STDOUT_CHARS) });
    if (this.outcomes.length > MAX_OUTCOMES) this.outcomes.splice(0, this.outcomes.length - MAX_OUTCOMES);
    return result;
  }

  /**
   * Answers an HTTP request of a real client (src/server): one that changed the cluster is
   * recorded in the log, so rewinds and share links replay it as the request it was.
   */
  serve(request: RestRequest): RestResponse {
    if (RestApi.changes(request)) {
      const copy: RestRequest = { ...request };
      this.log.push({ type: 'api', at: this.now(), request: copy });
    }
    return this.restApi().handle(request);
  }

  /** `kubectl get --raw PATH`: one GET through the REST layer, as the admin; only reads, so not logged. */
  rawGet(path: string, query?: string): RestResponse {
    return this.restApi().handle({ method: 'GET', path, ...(query ? { query } : {}), accept: 'application/json', userAgent: 'kubectl' });
  }

  /** Opens a watch for a real client; events arrive through `send` as the cluster changes. Not logged: it only reads. */
  watch(request: RestRequest, send: (e: WatchEvent) => void): OpenedWatch | { error: RestResponse } {
    return openWatch(this.restApi(), request, send);
  }

  /** The watch cache's fill per type (empty until the cluster is served). */
  watchCacheSizes(): Record<string, number> {
    return this.rest?.cache.sizes() ?? {};
  }

  private rest: RestApi | undefined;

  /** Made on first use: only a served cluster pays for the watch cache. */
  private restApi(): RestApi {
    this.rest ??= new RestApi(this.api);
    return this.rest;
  }

  /**
   * The kubectl commands run since `since` (simulated ms) and what they answered: exit code and
   * the start of their output. Rebuilt by a replay, as the commands run again.
   */
  commandOutcomes(since = 0): readonly CommandOutcome[] {
    return this.outcomes.filter((o) => o.at >= since);
  }

  /**
   * Runs a read-only kubectl command (get, describe, explain, top, logs …) without recording it:
   * what the UI's panels use to show an object, so looking never changes the replayable history.
   */
  query(commandLine: string): KubectlResult {
    const verb = commandLine.trim().split(/\s+/).find((w, i) => i > 0 || w !== 'kubectl');
    if (!verb || !READ_ONLY_VERBS.has(verb)) return { exitCode: 1, stdout: '', stderr: `error: "${verb ?? ''}" changes the cluster; run it with kubectl() instead` };
    return runKubectl(this, commandLine, {});
  }

  /** What the scheduler has accounted on a node: requests against allocatable (capacity bars). */
  nodeAllocation(name: string): { milliCpu: number; allocatableMilliCpu: number; memory: number; allocatableMemory: number; pods: number; allocatablePods: number } | undefined {
    const info = this.scheduler.cache.nodes.get(name);
    if (!info) return undefined;
    return { milliCpu: info.requestedMilliCpu, allocatableMilliCpu: info.allocatableMilliCpu, memory: info.requestedMemory, allocatableMemory: info.allocatableMemory, pods: info.podCount, allocatablePods: info.allocatablePods };
  }

  /**
   * Moves simulated time forward. `shouldStop` (asked between milliseconds) lets the page stop
   * early to draw a frame; the log records only the time actually covered, so replays match.
   * Returns the simulated seconds covered.
   */
  advance(seconds: number, shouldStop?: () => boolean): number {
    if (!(seconds >= 0) || !Number.isFinite(seconds)) return 0;
    const start = this.now();
    // The simulation counts whole milliseconds, so replays land on exactly the same instants.
    this.clock.runUntil(start + Math.round(seconds * 1000), shouldStop);
    const covered = (this.now() - start) / 1000;
    // Consecutive advances merge into one entry, so a running clock keeps the log short.
    const last = this.log[this.log.length - 1];
    if (last?.type === 'advance' && Math.round(last.at + last.seconds * 1000) === start) last.seconds = Math.round((last.seconds + covered) * 1000) / 1000;
    else if (covered > 0 || seconds === 0) this.log.push({ type: 'advance', at: start, seconds: covered });
    return covered;
  }

  /**
   * Lets simulated time pass while a kubectl command blocks (kubectl wait), checking `done`
   * every WAIT_POLL_MS — as a watch would see the change — until it holds or `timeoutMs` have
   * passed. Not logged as an advance: the command is in the log, and replaying it waits the same.
   */
  waitFor(done: () => boolean, timeoutMs: number): boolean {
    const deadline = this.now() + Math.max(0, Math.round(timeoutMs));
    for (;;) {
      if (done()) return true;
      if (this.now() >= deadline) return false;
      this.clock.runUntil(Math.min(deadline, this.now() + WAIT_POLL_MS));
    }
  }

  /** Runs the next scheduled task only (the UI's "step one reconcile"). Returns false when idle. */
  step(): boolean {
    const next = this.clock.nextAt();
    if (next === undefined) return false;
    // Recorded as an advance to that instant so a replay lands on the same state.
    this.advance(Math.max(0, (next - this.now()) / 1000));
    return true;
  }

  stopNode(name: string): void {
    const k = this.requireKubelet(name);
    this.log.push({ type: 'stopNode', at: this.now(), name });
    k.stop();
  }

  startNode(name: string): void {
    const k = this.requireKubelet(name);
    this.log.push({ type: 'startNode', at: this.now(), name });
    k.start();
  }

  addNode(spec: NodeSpec): void {
    if (this.kubelets.has(spec.name)) throw new Error(`node ${spec.name} already exists`);
    this.log.push({ type: 'addNode', at: this.now(), spec });
    this.registerNode({ role: 'worker', ...spec });
  }

  /** The machine leaves the cluster: its kubelet stops and its Node object is deleted. */
  removeNode(name: string): void {
    this.requireKubelet(name);
    this.log.push({ type: 'removeNode', at: this.now(), name });
    this.destroyNode(name, 'kubectl');
  }

  /** The machine is gone: its kubelet stops for good and its Node object is deleted. */
  private destroyNode(name: string, actor: string): void {
    this.fleet.remove(name);
    try {
      this.api.delete(typeForKind('Node'), undefined, name, actor);
    } catch {
      // already gone
    }
  }

  /** Sends `rps` requests per second at a Service, NodePort or LoadBalancer until stopped. */
  startTraffic(target: TrafficTarget, rps: number): TrafficSource {
    const source = this.traffic.start(target, rps);
    this.log.push({ type: 'startTraffic', at: this.now(), target, rps });
    return source;
  }

  setTraffic(id: string, rps: number): void {
    this.traffic.setRate(id, rps);
    this.log.push({ type: 'setTraffic', at: this.now(), id, rps });
  }

  stopTraffic(id: string): void {
    this.traffic.stop(id);
    this.log.push({ type: 'stopTraffic', at: this.now(), id });
  }

  /**
   * Turns on the Cluster Autoscaler for a cloud node group: pending pods bring new nodes (after
   * the VMs boot), idle group nodes are drained and removed after 10 minutes.
   */
  enableClusterAutoscaler(group: NodeGroup): void {
    if (this.autoscaler) throw new Error('the cluster autoscaler is already running');
    if (!(group.min >= 0) || !(group.max >= group.min) || group.max > 1000) throw new Error(`node group bounds must satisfy 0 <= min <= max <= 1000, not min ${group.min}, max ${group.max}`);
    this.log.push({ type: 'enableClusterAutoscaler', at: this.now(), group });
    this.autoscaler = new ClusterAutoscaler(this.ctx, group, { provision: bound(this, this.registerNode), deprovision: bound(this, this.deprovisionNode) });
  }

  isNodeRunning(name: string): boolean {
    return this.kubelets.get(name)?.isRunning ?? false;
  }

  private requireKubelet(name: string): Kubelet {
    const k = this.kubelets.get(name);
    if (!k) throw new Error(`no node named ${name}`);
    return k;
  }

  /**
   * An independent copy of this cluster at this instant (a checkpoint): advancing either one
   * never touches the other, and both go on exactly as a replay of the same log would. Throws
   * NotForkable when some part of the engine keeps a closure a copy cannot rebuild.
   */
  fork(): Cluster {
    return forkGraph(this, { replace: this.copyReplacements() });
  }

  /**
   * What a copy of this cluster (in memory, or kept as data) gets instead of what this one has:
   * empty lists for the page's subscribers, which belong to this cluster alone.
   */
  copyReplacements(): Map<object, unknown> {
    // A served cluster's watch cache holds real clients' open watches: those cannot be copied.
    if (this.rest) throw new NotForkable('Cluster.rest (the watches of real clients)');
    return new Map<object, unknown>([...this.api.subscriberLists(), this.reasons.subscriberList()].map((list) => [list, []]));
  }

  /** Everything done so far, in order: the input to replayCluster. */
  actionLog(): Action[] {
    return this.log.map((a) => ({ ...a }));
  }
}
