/**
 * The kubelet of one node: its pod workers (admit, sandbox and IP, start in order, graceful
 * termination) and the node's life (boot after a stop, halt). The rest is split as upstream's
 * kubelet is: volumeManager (attach, mount, config sources), kuberuntime (image pulls, create,
 * start, restart back-off), prober (startup/readiness/liveness), statusManager (PLEG-paced pod
 * status), nodeStatus (Lease, conditions, images), streaming (logs and exec). Each pod worker's
 * lifecycle (./podWorkerMachine) and each container's state (./containerMachine) is an XState
 * snapshot, and so is the kubelet process itself (./nodeAgent), which renews the node's Lease.
 *
 * Over 400 lines on purpose: a pod worker's steps (admit, sandbox and IP, start in order,
 * graceful termination) are one sequence, kept together to read in order as upstream's
 * kubelet.go and pod_workers.go keep them; every other job is in the files named above.
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339, type ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import { newContainer, send, stateOf } from './containerMachine';
import { imageRef, parseImage } from '../util/imageref';
import { programFor, type ContainerProgram } from './runtime';
import type { LogQuery } from './process';
import type { ExecTarget } from './exec';
import type { VolumeData } from '../storage/volumeData';
import { podPhase } from './podStatus';
import { BOOT_MS, LEASE_RENEW_MS, sendNodeAgent, startNodeAgent, type NodeAgentAction, type NodeAgentEvent, type NodeAgentSnapshot } from './nodeAgent';
import { bound, immutableData } from '../sim/forkable';
import { COMPONENT, containerViews, freshProbes, initDone, isTerminating, sandboxReady, type ContainerRuntime, type KubeletHost, type PodWorker } from './podWorker';
import { newPodWorker, podWorkerState, sendPod, type PodWorkerState } from './podWorkerMachine';
import { mountVolumes } from './volumeManager';
import { onExit, pullAndStart, type RuntimeHost } from './kuberuntime';
import { StatusManager } from './statusManager';
import { NodeImageStatus, readyConditions, renewLease } from './nodeStatus';
import { containerLogs, execTarget, type StreamingHost } from './streaming';

export { COMPONENT } from './podWorker';
export { readyConditions } from './nodeStatus';

const podType = typeForKind('Pod');
const nodeType = typeForKind('Node');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** A container that is running now, as cAdvisor sees it (for metrics). */
export interface RunningContainer {
  namespace: string;
  pod: string;
  container: string;
  program: ContainerProgram;
  spec: Any;
  startedAt: number;
}

export class Kubelet implements KubeletHost, RuntimeHost, StreamingHost {
  /** The kubelet process's machine (./nodeAgent), and its one pending timer: the next lease renewal, or the end of a boot. */
  private agent: NodeAgentSnapshot;
  private agentTimer: ScheduledTask | undefined;
  private workers = new Map<string, PodWorker>();
  /** Images on this node, by reference (the runtime's image store). */
  readonly images = new Set<string>();
  /** When the node's single image-pull queue is free again (serializeImagePulls). */
  pullQueueFreeAt = 0;
  private usedIPs = new Set<number>();
  private nextIP = 2;
  private running = true;
  private owner: string;
  private status: StatusManager;
  readonly imageStatus: NodeImageStatus;

  constructor(
    readonly ctx: ControllerContext,
    readonly nodeName: string,
    private cidrPrefix: string,
    readonly volumeData: VolumeData,
  ) {
    this.owner = `kubelet/${nodeName}`;
    this.status = new StatusManager(ctx, nodeName, this.owner, bound(this, this.worker), bound(this, this.nodeIP));
    this.imageStatus = new NodeImageStatus(ctx, nodeName, this.owner);
    const { snapshot, actions } = startNodeAgent();
    this.agent = snapshot;
    this.agentActions(actions);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Images this node has pulled (node.status.images, and ImageLocality later). */
  cachedImages(): string[] {
    return [...this.images];
  }

  stop(): void {
    this.sendAgent({ type: 'STOP' });
  }

  start(): void {
    this.sendAgent({ type: 'START' });
  }

  /** Stops the kubelet for good (node removed from the cluster). */
  dispose(): void {
    this.halt();
    this.sendAgent({ type: 'REMOVE' });
  }

  private sendAgent(event: NodeAgentEvent): void {
    const { snapshot, actions } = sendNodeAgent(this.agent, event);
    this.agent = snapshot;
    this.agentActions(actions);
  }

  private agentActions(actions: readonly NodeAgentAction[]): void {
    for (const action of actions) {
      switch (action) {
        case 'renewLease':
          renewLease(this.ctx, this.nodeName);
          break;
        case 'onStarted':
          this.boot();
          break;
        case 'onStopped':
          this.halt();
          break;
        case 'scheduleLease':
          this.agentTimer = this.ctx.clock.after(LEASE_RENEW_MS, this.owner, bound(this, this.agentTimerDue, { type: 'LEASE_DUE' }));
          break;
        case 'scheduleBoot':
          this.agentTimer = this.ctx.clock.after(BOOT_MS, this.owner, bound(this, this.agentTimerDue, { type: 'BOOTED' }));
          break;
        case 'cancelTimer':
          this.ctx.clock.cancel(this.agentTimer);
          this.agentTimer = undefined;
          break;
      }
    }
  }

  private agentTimerDue(event: NodeAgentEvent): void {
    this.agentTimer = undefined;
    this.sendAgent(event);
  }

  after(worker: PodWorker | undefined, ms: number, run: () => void): ScheduledTask {
    if (!worker) return this.ctx.clock.after(ms, this.owner, run);
    const task = this.ctx.clock.after(ms, this.owner, run);
    // The task must know itself (to leave the worker's timers when it runs): its run is set once it exists.
    task.run = bound(this, this.workerTimerDue, worker, task, run);
    worker.timers.add(task);
    return task;
  }

  private workerTimerDue(worker: PodWorker, task: ScheduledTask, run: () => void): void {
    worker.timers.delete(task);
    run();
  }

  event(worker: PodWorker, type: 'Normal' | 'Warning', reason: string, message: string, container?: ContainerRuntime): void {
    const fieldPath = container ? `spec.${container.ephemeral ? 'ephemeralContainers' : container.init ? 'initContainers' : 'containers'}{${container.spec.name}}` : undefined;
    this.ctx.api.event({ apiVersion: 'v1', kind: 'Pod', name: worker.name, namespace: worker.namespace, uid: worker.eventUid }, type, reason, message, COMPONENT, this.nodeName, fieldPath);
  }

  // ---- node lifecycle -------------------------------------------------------------------



  private halt(): void {
    this.running = false;
    for (const w of this.workers.values()) for (const t of w.timers) this.ctx.clock.cancel(t);
    this.status.clear();
    this.imageStatus.cancel();
    this.pullQueueFreeAt = 0;
    this.ctx.reasons.record(COMPONENT, 'kubelet.stopped', {}, [{ kind: 'Node', name: this.nodeName }], this.nodeName);
  }

  /** The machine came back: post Ready, then take over the pods still bound here. */
  private boot(): void {
    const { api, clock } = this.ctx;
    this.running = true;
    const stoppedWorkers = [...this.workers.values()];
    this.workers.clear();
    this.usedIPs.clear();
    const node = api.store.get('nodes', undefined, this.nodeName);
    if (node) {
      const ts = rfc3339(clock.now());
      api.event(node, 'Normal', 'Starting', 'Starting kubelet.', COMPONENT, this.nodeName);
      api.updateStatus(nodeType, node, { ...node.status, conditions: readyConditions(ts, ts) }, COMPONENT, this.nodeName);
      api.event(node, 'Normal', 'NodeReady', `Node ${this.nodeName} status is now: NodeReady`, COMPONENT, this.nodeName);
    }
    this.ctx.reasons.record(COMPONENT, 'kubelet.started', {}, [{ kind: 'Node', name: this.nodeName }], this.nodeName);
    for (const pod of api.store.byIndex('pods', 'nodeName', this.nodeName)) {
      const previous = stoppedWorkers.find((w) => w.uid === pod.metadata.uid);
      this.syncPod(pod, previous);
    }
  }

  // ---- pod sync -------------------------------------------------------------------------

  /** Called for every change of a pod bound to this node. */
  syncPod(pod: KObject, revived?: PodWorker): void {
    if (!this.running) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    let worker = this.workers.get(key);
    if (worker && worker.uid !== pod.metadata.uid) {
      this.forget(worker);
      worker = undefined;
    }
    if (!worker) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
        if (pod.metadata.deletionTimestamp) this.deletePodObject(pod);
        return;
      }
      if (pod.metadata.deletionTimestamp && revived) {
        // The machine died with this pod terminating: its containers are already gone.
        this.deletePodObject(pod);
        return;
      }
      worker = this.admit(pod, revived);
    }
    if (pod.metadata.deletionTimestamp && !isTerminating(worker)) this.terminate(worker, pod);
    else this.addEphemeralContainers(worker, pod);
  }

  /** Ephemeral containers added through pods/ephemeralcontainers since the worker last looked: created and started now. */
  private addEphemeralContainers(w: PodWorker, pod: KObject): void {
    const added = ((pod.spec?.ephemeralContainers ?? []) as Any[]).filter((ec) => !w.containers.some((c) => c.ephemeral && c.spec.name === ec.name));
    if (!added.length || isTerminating(w)) return;
    for (const ec of added) w.containers.push(this.containerRuntime(ec, false, true));
    this.markDirty(w);
    this.startContainers(w);
  }

  podRemoved(pod: KObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const w = this.workers.get(key);
    if (w && w.uid === pod.metadata.uid) this.forget(w);
  }

  private forget(w: PodWorker): void {
    for (const t of w.timers) this.ctx.clock.cancel(t);
    this.workers.delete(w.key);
    this.status.forget(w.key);
    if (w.podIP && !w.hostNetwork) this.usedIPs.delete(Number(w.podIP.split('.')[3]));
  }

  private admit(pod: KObject, revived?: PodWorker): PodWorker {
    const spec = pod.spec ?? {};
    const containers: ContainerRuntime[] = [];
    const mk = (c: Any, init: boolean): ContainerRuntime => {
      const prev = revived?.containers.find((x) => x.spec.name === c.name && x.init === init);
      let snapshot = newContainer();
      if (prev) {
        // The node went down under a running container: it ended with the machine.
        snapshot = prev.snapshot;
        const st = stateOf(snapshot).state;
        if (st === 'Running') snapshot = send(snapshot, { type: 'EXITED', at: this.ctx.clock.now(), exitCode: 255, reason: 'Unknown' });
        if (stateOf(snapshot).state === 'Terminated') snapshot = send(snapshot, { type: 'RESTART' });
        else snapshot = send(snapshot, { type: 'RETRY' });
      }
      return { ...this.containerRuntime(c, init, false), snapshot, imageID: prev?.imageID ?? '', backoffMs: prev?.backoffMs ?? 0, logs: prev?.logs ?? [] };
    };
    for (const c of spec.initContainers ?? []) containers.push(mk(c, true));
    for (const c of spec.containers ?? []) containers.push(mk(c, false));
    // An ephemeral container that ended with the machine is not started again.
    for (const ec of spec.ephemeralContainers ?? []) {
      const prev = revived?.containers.find((x) => x.ephemeral && x.spec.name === ec.name);
      const c = this.containerRuntime(ec, false, true);
      if (prev) {
        c.snapshot = stateOf(prev.snapshot).state === 'Running' ? send(prev.snapshot, { type: 'EXITED', at: this.ctx.clock.now(), exitCode: 255, reason: 'Unknown' }) : prev.snapshot;
        c.imageID = prev.imageID;
        c.logs = prev.logs;
      }
      containers.push(c);
    }
    const worker: PodWorker = {
      key: `${pod.metadata.namespace}/${pod.metadata.name}`,
      uid: pod.metadata.uid!,
      eventUid: pod.metadata.annotations?.['kubernetes.io/config.mirror'] ?? pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      restartPolicy: spec.restartPolicy ?? 'Always',
      grace: spec.terminationGracePeriodSeconds ?? 30,
      containers,
      startTime: revived?.startTime ?? this.ctx.clock.now(),
      lifecycle: newPodWorker(),
      hostNetwork: !!spec.hostNetwork,
      initialized: false,
      timers: new Set(),
      mountBackoffMs: 0,
      // A node that reboots under a pod keeps the pod's emptyDir on disk.
      emptyDirs: revived?.emptyDirs ?? new Map(),
    };
    this.workers.set(worker.key, worker);
    this.markDirty(worker);
    // WaitForAttachAndMount comes first: without its volumes the pod gets no sandbox.
    mountVolumes(this, worker, pod, bound(this, this.volumesReady, worker));
    return worker;
  }

  private volumesReady(worker: PodWorker): void {
    worker.lifecycle = sendPod(worker.lifecycle, { type: 'VOLUMES_READY' });
    // RunPodSandbox: network namespace and IP from this node's pod CIDR.
    this.after(worker, 300 + Math.floor(this.ctx.rng.next() * 500), bound(this, this.sandboxCreated, worker));
  }

  private sandboxCreated(worker: PodWorker): void {
    worker.lifecycle = sendPod(worker.lifecycle, { type: 'SANDBOX_READY' });
    // hostNetwork pods share the node's network namespace, and so its IP.
    worker.podIP = worker.hostNetwork ? this.nodeIP() : this.allocateIP();
    this.markDirty(worker);
    this.startContainers(worker);
  }




  private containerRuntime(c: Any, init: boolean, ephemeral: boolean): ContainerRuntime {
    return {
      // A part of the stored pod, never changed: copies of the cluster (checkpoints) share it.
      spec: immutableData(c),
      init,
      sidecar: init && c.restartPolicy === 'Always',
      ...(ephemeral ? { ephemeral } : {}),
      snapshot: newContainer(),
      program: programFor(c),
      imageRef: imageRef(parseImage(String(c.image ?? ''))),
      imageID: '',
      ready: false,
      started: false,
      busy: false,
      backoffMs: 0,
      pullBackoffMs: 0,
      logs: [],
      probes: freshProbes(),
    };
  }

  private nodeIP(): string {
    return this.ctx.api.store.get('nodes', undefined, this.nodeName)?.status?.addresses?.find((a: Any) => a.type === 'InternalIP')?.address ?? '';
  }

  private allocateIP(): string {
    for (let i = 0; i < 253; i++) {
      const host = ((this.nextIP - 2 + i) % 253) + 2;
      if (!this.usedIPs.has(host)) {
        this.usedIPs.add(host);
        this.nextIP = host + 1;
        return `${this.cidrPrefix}.${host}`;
      }
    }
    return `${this.cidrPrefix}.254`;
  }

  /** computePodActions: start the next init container, or every app container that is not running. */
  startContainers(w: PodWorker): void {
    if (isTerminating(w) || !sandboxReady(w)) return;
    // computePodActions: ephemeral containers may start before initialization is complete.
    for (const c of w.containers) if (c.ephemeral && !c.busy && stateOf(c.snapshot).reason === 'ContainerCreating') pullAndStart(this, w, c);
    const pendingInit = initDone(w) ? undefined : w.containers.find((c) => c.init && !(c.sidecar ? c.started : stateOf(c.snapshot).state === 'Terminated' && c.snapshot.context.exitCode === 0));
    if (pendingInit) {
      if (!pendingInit.busy && stateOf(pendingInit.snapshot).reason === 'ContainerCreating') pullAndStart(this, w, pendingInit);
      return;
    }
    for (const c of w.containers) {
      if (c.init || c.busy || c.ephemeral) continue;
      if (stateOf(c.snapshot).reason === 'ContainerCreating') pullAndStart(this, w, c);
    }
  }






  // ---- probes -------------------------------------------------------------------------





  /** Graceful termination: SIGTERM now, SIGKILL when the grace period runs out. */
  private terminate(w: PodWorker, pod: KObject): void {
    w.lifecycle = sendPod(w.lifecycle, { type: 'TERMINATE' });
    const grace = pod.metadata.deletionGracePeriodSeconds ?? w.grace;
    for (const t of [...w.timers]) this.ctx.clock.cancel(t);
    w.timers.clear();
    this.ctx.reasons.record(COMPONENT, 'kubelet.killingPod', { gracePeriodSeconds: grace }, [refOf(pod)], this.nodeName);
    for (const c of w.containers) {
      if (stateOf(c.snapshot).state !== 'Running') continue;
      this.event(w, 'Normal', 'Killing', `Stopping container ${c.spec.name}`, c);
      const stopMs = c.program.sigtermMs;
      if (stopMs !== undefined && stopMs < grace * 1000) this.after(w, stopMs, bound(this, this.onExit, w, c, 0));
      else this.after(w, grace * 1000, bound(this, this.onExit, w, c, 137, 'Error'));
    }
    this.maybeFinishTermination(w);
  }

  markDirty(w: PodWorker): void {
    this.status.markDirty(w);
  }

  onExit(w: PodWorker, c: ContainerRuntime, exitCode: number, reason?: string): void {
    onExit(this, w, c, exitCode, reason);
  }

  maybeFinishTermination(w: PodWorker): void {
    if (w.containers.some((c) => stateOf(c.snapshot).state === 'Running')) return;
    // Report the final container states, then remove the pod object (grace period 0).
    this.after(w, 100, bound(this, this.finishTermination, w));
  }

  private finishTermination(w: PodWorker): void {
    // Every container has stopped: TerminatedPod.
    if (podWorkerState(w.lifecycle) === 'Terminating') w.lifecycle = sendPod(w.lifecycle, { type: 'STOPPED' });
    const pod = this.ctx.api.store.get('pods', w.namespace, w.name);
    if (pod && pod.metadata.uid === w.uid) {
      this.status.writeStatus(w, pod);
      this.deletePodObject(pod);
    }
    this.forget(w);
  }

  private deletePodObject(pod: KObject): void {
    try {
      this.ctx.api.delete(podType, pod.metadata.namespace, pod.metadata.name!, COMPONENT, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
      this.ctx.reasons.record(COMPONENT, 'kubelet.podDeleted', {}, [refOf(pod)], this.nodeName);
    } catch {
      // already gone
    }
  }

  // ---- status ---------------------------------------------------------------------------





  // ---- reads for kubectl logs / exec ----------------------------------------------------




  worker(key: string): PodWorker | undefined {
    return this.workers.get(key);
  }

  /** Where this node's worker for a pod is in its lifecycle (undefined: no worker here). */
  podWorkerState(namespace: string, name: string): PodWorkerState | undefined {
    const w = this.workers.get(`${namespace}/${name}`);
    return w && podWorkerState(w.lifecycle);
  }

  // ---- reads for kubectl logs / exec (the API server proxies them here) ------------------

  logs(namespace: string, name: string, container: string | undefined, previous: boolean, query: LogQuery = {}): { lines: string[] } | { error: string } {
    return containerLogs(this, namespace, name, container, previous, query);
  }

  /** The running container a `kubectl exec` reaches, with how long it has been running. */
  runningContainer(namespace: string, name: string, container: string): ExecTarget | { error: string } {
    return execTarget(this, namespace, name, container);
  }

  runningContainers(): RunningContainer[] {
    const out: RunningContainer[] = [];
    if (!this.running) return out;
    for (const w of this.workers.values()) {
      for (const c of w.containers) {
        if (stateOf(c.snapshot).state !== 'Running') continue;
        out.push({ namespace: w.namespace, pod: w.name, container: c.spec.name, program: c.program, spec: c.spec, startedAt: c.snapshot.context.startedAt ?? 0 });
      }
    }
    return out;
  }

  podPhaseOf(namespace: string, name: string): string | undefined {
    const w = this.workers.get(`${namespace}/${name}`);
    if (!w) return undefined;
    const views = containerViews(w);
    return podPhase({ init: views.filter((_, i) => w.containers[i].init), app: views.filter((_, i) => !w.containers[i].init && !w.containers[i].ephemeral), initDone: initDone(w), sandboxReady: sandboxReady(w), hostIP: '', startTime: w.startTime, terminating: isTerminating(w) });
  }

  workerCount(): number {
    return this.workers.size;
  }
}
