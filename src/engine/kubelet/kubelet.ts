/**
 * The kubelet of one node. It runs the pods bound to its node: creates the pod sandbox (and
 * its IP), pulls images one at a time (serializeImagePulls), creates and starts containers,
 * restarts them with the real back-off (10 s doubling to 5 min, reset after 10 min of good
 * running), stops them gracefully on deletion and reports pod status at PLEG-like one-second
 * boundaries. Each container's state is an XState snapshot (./containerMachine); the kubelet
 * process itself is an actor (./nodeAgent) that renews the node's Lease.
 */
import type { AnyActorRef } from 'xstate';
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { bytes } from '../api/quantity';
import { rfc3339, type ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import { deepEqual } from '../util/equal';
import { newContainer, send, stateOf, type ContainerSnapshot } from './containerMachine';
import { resolveImage } from './images';
import { imageRef, parseImage } from '../util/imageref';
import { goDuration } from '../util/goduration';
import { imageReason } from './genericImages';
import { logsOf, probeResult, programFor, runOf, type ContainerProgram, type ProbeSpec } from './runtime';
import type { LogQuery } from './process';
import { envConfigError, mountedFiles, referencedSources, snapshotSources, storeLookup, volumeMountError, type ConfigLookup } from './configSources';
import type { ExecTarget, WritableFiles } from './exec';
import type { VolumeData } from '../storage/volumeData';
import { isAttachable, podClaims, volumeDataKey } from '../helpers/volumeutil';
import { attachmentName } from '../storage/attachdetach';
import { buildPodStatus, podPhase, type ContainerView } from './podStatus';
import { startNodeAgent } from './nodeAgent';

const podType = typeForKind('Pod');
const nodeType = typeForKind('Node');
const leaseType = typeForKind('Lease');
export const COMPONENT = 'kubelet';

const INITIAL_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 300_000;
/** A container that ran this long without trouble starts its back-off afresh. */
const BACKOFF_RESET_MS = 600_000;
const REGISTRY_LATENCY_MS = 400;
const BANDWIDTH_BYTES_PER_MS = 40_000; // 40 MB/s
const IMAGE_PULL_BACKOFF_MS = 10_000;
/** A pod whose container config could not be built is synced again after this (pod worker back-off). */
const CONFIG_RETRY_MS = 10_000;
/** WaitForAttachAndMount gives up (and reports) after 2m3s (podAttachAndMountTimeout); it checks every second. */
const MOUNT_TIMEOUT_MS = 123_000;
const MOUNT_POLL_MS = 1000;
/** The volume manager retries a failed mount after 500 ms, doubling up to 2m2s (exponentialbackoff). */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** Mounted ConfigMaps and Secrets are refreshed on the kubelet's periodic sync (syncFrequency 1m). */
const SYNC_FREQUENCY_MS = 60_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

interface ContainerRuntime {
  spec: Any;
  init: boolean;
  sidecar: boolean;
  snapshot: ContainerSnapshot;
  program: ContainerProgram;
  imageRef: string;
  imageID: string;
  ready: boolean;
  started: boolean;
  busy: boolean;
  backoffMs: number;
  pullBackoffMs: number;
  lastRestartAt?: number;
  logs: { startedAt: number; program: ContainerProgram; finishedAt?: number }[];
  /** Probe state for the current run (reset on each start). */
  probes: ProbeState;
  /** The ConfigMaps and Secrets this run was created from (env and subPath files are fixed). */
  sources?: ConfigLookup;
  /** Files this run wrote outside any volume: its writable layer, gone when the container restarts. */
  layer?: Map<string, string>;
}

interface ProbeState {
  /**
   * The next tick of each probe worker (startup, readiness, liveness): one pending task per
   * probe, replaced on every tick — a tick that ran is released, so a long-lived pod holds three
   * timers at most, not one per period it has lived.
   */
  timers: Map<string, ScheduledTask>;
  /** On hold after a kill, until the container restarts (the prober's onHold). */
  stopped: boolean;
  startupDone: boolean;
  readySuccesses: number;
  readyFailures: number;
  liveFailures: number;
  startupFailures: number;
}

const freshProbes = (): ProbeState => ({ timers: new Map(), stopped: false, startupDone: false, readySuccesses: 0, readyFailures: 0, liveFailures: 0, startupFailures: 0 });

interface PodWorker {
  key: string;
  uid: string;
  namespace: string;
  name: string;
  restartPolicy: string;
  grace: number;
  containers: ContainerRuntime[];
  sandboxReady: boolean;
  podIP?: string;
  startTime: number;
  terminating: boolean;
  hostNetwork: boolean;
  /** Once every init container has succeeded the pod stays Initialized. */
  initialized: boolean;
  timers: Set<ScheduledTask>;
  /** The volume manager's latest copy of the ConfigMaps and Secrets mounted as volumes. */
  volumeSources?: ConfigLookup;
  mountBackoffMs: number;
  /** emptyDir contents by "volume/relative path": they outlive container restarts, not the pod. */
  emptyDirs: Map<string, string>;
  /** Persistent volumes mounted for the pod: pod volume name → the key of the volume's data. */
  volumeKeys?: Map<string, string>;
  /** When the volume manager started waiting for attach and mount (its 2m3s timeout runs from there). */
  mountWaitStart?: number;
}

/** A container that is running now, as cAdvisor sees it (for metrics). */
export interface RunningContainer {
  namespace: string;
  pod: string;
  container: string;
  program: ContainerProgram;
  spec: Any;
  startedAt: number;
}

export class Kubelet {
  readonly actor: AnyActorRef;
  private workers = new Map<string, PodWorker>();
  private images = new Set<string>();
  private pullQueueFreeAt = 0;
  private dirty = new Set<string>();
  private flushTask: ScheduledTask | undefined;
  private usedIPs = new Set<number>();
  private imagesTask: ScheduledTask | undefined;
  private imageSizes = new Map<string, { digest: string; size: number }>();
  private nextIP = 2;
  private running = true;
  private owner: string;

  constructor(
    private ctx: ControllerContext,
    readonly nodeName: string,
    private cidrPrefix: string,
    private volumeData: VolumeData,
  ) {
    this.owner = `kubelet/${nodeName}`;
    this.actor = startNodeAgent(ctx.clock, nodeName, {
      renewLease: () => this.renewLease(),
      onStarted: () => this.boot(),
      onStopped: () => this.halt(),
    });
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Images this node has pulled (node.status.images, and ImageLocality later). */
  cachedImages(): string[] {
    return [...this.images];
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  /** Stops the actor for good (node removed from the cluster). */
  dispose(): void {
    this.halt();
    this.actor.stop();
  }

  private after(worker: PodWorker | undefined, ms: number, run: () => void): ScheduledTask {
    const task = this.ctx.clock.after(ms, this.owner, () => {
      worker?.timers.delete(task);
      run();
    });
    worker?.timers.add(task);
    return task;
  }

  private event(worker: PodWorker, type: 'Normal' | 'Warning', reason: string, message: string, container?: ContainerRuntime): void {
    const fieldPath = container ? `spec.${container.init ? 'initContainers' : 'containers'}{${container.spec.name}}` : undefined;
    this.ctx.api.event({ apiVersion: 'v1', kind: 'Pod', name: worker.name, namespace: worker.namespace, uid: worker.uid }, type, reason, message, COMPONENT, this.nodeName, fieldPath);
  }

  // ---- node lifecycle -------------------------------------------------------------------

  private renewLease(): void {
    const { api, clock } = this.ctx;
    const now = rfc3339(clock.now());
    // tryUpdateNodeStatus (every 10 s): if the node controller marked this running node Unknown
    // (e.g. its Lease went with a deleted kube-node-lease), the status differs: post Ready again.
    const node = api.store.get('nodes', undefined, this.nodeName);
    const ready = (node?.status?.conditions ?? []).find((c: Any) => c.type === 'Ready');
    if (node && ready && ready.status !== 'True') {
      api.updateStatus(nodeType, node, { ...node.status, conditions: readyConditions(now, now) }, COMPONENT, this.nodeName);
      api.event(node, 'Normal', 'NodeReady', `Node ${this.nodeName} status is now: NodeReady`, COMPONENT, this.nodeName);
    }
    const existing = api.store.get('leases', 'kube-node-lease', this.nodeName);
    if (!existing) {
      const node = api.store.get('nodes', undefined, this.nodeName);
      const lease: KObject = {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.nodeName, namespace: 'kube-node-lease', ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid! }] : undefined },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: 40, renewTime: now.replace('Z', '.000000Z') },
      };
      if (!lease.metadata.ownerReferences) delete lease.metadata.ownerReferences;
      try {
        api.create(lease, COMPONENT, { node: this.nodeName });
      } catch {
        // kube-node-lease deleted or terminating: the lease controller retries at the next renewal.
      }
      return;
    }
    api.mutate(leaseType, 'kube-node-lease', this.nodeName, COMPONENT, (l) => ({ ...l, spec: { ...l.spec, renewTime: now.replace('Z', '.000000Z') } }), this.nodeName);
  }

  /** A newly pulled image shows up in node.status.images with the next status report. */
  private noteImage(ref: string, digestRef: string, size: number): void {
    if (this.imageSizes.has(ref)) return;
    this.imageSizes.set(ref, { digest: digestRef, size });
    if (this.imagesTask) return;
    this.imagesTask = this.ctx.clock.after(1_000, this.owner, () => {
      this.imagesTask = undefined;
      const images = [...this.imageSizes].map(([name, v]) => ({ names: [v.digest, name], sizeBytes: v.size })).sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 50);
      const node = this.ctx.api.store.get('nodes', undefined, this.nodeName);
      if (node) this.ctx.api.updateStatus(nodeType, node, { ...node.status, images }, COMPONENT, this.nodeName);
    });
  }

  private halt(): void {
    this.running = false;
    for (const w of this.workers.values()) for (const t of w.timers) this.ctx.clock.cancel(t);
    this.ctx.clock.cancel(this.flushTask);
    this.flushTask = undefined;
    this.ctx.clock.cancel(this.imagesTask);
    this.imagesTask = undefined;
    this.dirty.clear();
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
    if (pod.metadata.deletionTimestamp && !worker.terminating) this.terminate(worker, pod);
  }

  podRemoved(pod: KObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const w = this.workers.get(key);
    if (w && w.uid === pod.metadata.uid) this.forget(w);
  }

  private forget(w: PodWorker): void {
    for (const t of w.timers) this.ctx.clock.cancel(t);
    this.workers.delete(w.key);
    this.dirty.delete(w.key);
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
      const ref = imageRef(parseImage(String(c.image ?? '')));
      return {
        spec: c,
        init,
        sidecar: init && c.restartPolicy === 'Always',
        snapshot,
        program: programFor(c),
        imageRef: ref,
        imageID: prev?.imageID ?? '',
        ready: false,
        started: false,
        busy: false,
        backoffMs: prev?.backoffMs ?? 0,
        pullBackoffMs: 0,
        logs: prev?.logs ?? [],
        probes: freshProbes(),
      };
    };
    for (const c of spec.initContainers ?? []) containers.push(mk(c, true));
    for (const c of spec.containers ?? []) containers.push(mk(c, false));
    const worker: PodWorker = {
      key: `${pod.metadata.namespace}/${pod.metadata.name}`,
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      restartPolicy: spec.restartPolicy ?? 'Always',
      grace: spec.terminationGracePeriodSeconds ?? 30,
      containers,
      sandboxReady: false,
      startTime: revived?.startTime ?? this.ctx.clock.now(),
      terminating: false,
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
    this.mountVolumes(worker, pod, () => {
      // RunPodSandbox: network namespace and IP from this node's pod CIDR.
      this.after(worker, 300 + Math.floor(this.ctx.rng.next() * 500), () => {
        worker.sandboxReady = true;
        // hostNetwork pods share the node's network namespace, and so its IP.
        worker.podIP = worker.hostNetwork ? this.nodeIP() : this.allocateIP();
        this.markDirty(worker);
        this.startContainers(worker);
      });
    });
    return worker;
  }

  /**
   * WaitForAttachAndMount: persistent volumes must be bound and, for cloud disks, attached to
   * this node by the attach/detach controller. The volume manager checks every second; every
   * 2m3s without success it reports FailedMount and keeps waiting.
   */
  private mountPersistentVolumes(w: PodWorker, pod: KObject, then: () => void): void {
    const claims = podClaims(pod);
    if (!claims.length) return then();
    const store = this.ctx.api.store;
    const keys = new Map<string, string>();
    const unattached: string[] = [];
    const failed: string[] = [];
    let failure = '';
    for (const { volume, claim } of claims) {
      const pvc = store.get('persistentvolumeclaims', w.namespace, claim);
      const pv = pvc?.spec?.volumeName && pvc.status?.phase === 'Bound' ? store.get('persistentvolumes', undefined, pvc.spec.volumeName) : undefined;
      if (!pv) {
        failed.push(volume);
        failure ||= `error processing PVC ${w.namespace}/${claim}: ${pvc ? 'PVC is not bound' : `persistentvolumeclaim "${claim}" not found`}`;
        continue;
      }
      if (isAttachable(pv) && !store.get('volumeattachments', undefined, attachmentName(pv.metadata.name!, this.nodeName))?.status?.attached) {
        unattached.push(volume);
        continue;
      }
      keys.set(volume, volumeDataKey(pv.spec, this.nodeName)!);
    }
    if (!unattached.length && !failed.length) {
      w.volumeKeys = keys;
      w.mountWaitStart = undefined;
      return then();
    }
    const now = this.ctx.clock.now();
    w.mountWaitStart ??= now;
    if (now - w.mountWaitStart >= MOUNT_TIMEOUT_MS) {
      const unmounted = claims.map((c) => c.volume).filter((v) => !keys.has(v)).sort();
      const message = `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(' ')}], unattached volumes=[${unattached.sort().join(' ')}], failed to process volumes=[${failed.sort().join(' ')}]: ${failure || 'context deadline exceeded'}`;
      this.event(w, 'Warning', 'FailedMount', message);
      this.ctx.reasons.record(COMPONENT, 'kubelet.failedMount', { message }, [podRef(w)], this.nodeName);
      w.mountWaitStart = now;
    }
    this.after(w, MOUNT_POLL_MS, () => {
      const current = this.ctx.api.store.get('pods', w.namespace, w.name);
      if (current && current.metadata.uid === w.uid && !w.terminating) this.mountPersistentVolumes(w, current, then);
    });
  }

  /** Sets up configMap/secret/projected volumes, retrying with back-off while a source is missing. */
  private mountVolumes(w: PodWorker, pod: KObject, then: () => void): void {
    this.mountPersistentVolumes(w, pod, () => this.mountConfigVolumes(w, pod, then));
  }

  private mountConfigVolumes(w: PodWorker, pod: KObject, then: () => void): void {
    const volumeRefs = referencedSources(pod);
    if (!volumeRefs.length) return then();
    const lookup = storeLookup(this.ctx.api.store, w.namespace);
    const error = volumeMountError(pod, lookup);
    if (error) {
      this.event(w, 'Warning', 'FailedMount', error);
      this.ctx.reasons.record(COMPONENT, 'kubelet.failedMount', { message: error }, [podRef(w)], this.nodeName);
      w.mountBackoffMs = w.mountBackoffMs ? Math.min(MOUNT_RETRY_MAX_MS, w.mountBackoffMs * 2) : MOUNT_RETRY_INITIAL_MS;
      this.after(w, w.mountBackoffMs, () => {
        const current = this.ctx.api.store.get('pods', w.namespace, w.name);
        if (current && current.metadata.uid === w.uid && !w.terminating) this.mountConfigVolumes(w, current, then);
      });
      return;
    }
    w.volumeSources = snapshotSources(volumeRefs, lookup);
    // Later edits reach the files on a periodic sync; pods are spread over the period.
    const resync = () => {
      const current = this.ctx.api.store.get('pods', w.namespace, w.name);
      if (current) w.volumeSources = snapshotSources(referencedSources(current), storeLookup(this.ctx.api.store, w.namespace));
      this.after(w, SYNC_FREQUENCY_MS, resync);
    };
    this.after(w, Math.floor(this.ctx.rng.next() * SYNC_FREQUENCY_MS), resync);
    then();
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

  private initDone(w: PodWorker): boolean {
    if (!w.initialized) w.initialized = w.containers.every((c) => !c.init || (c.sidecar ? c.started : stateOf(c.snapshot).state === 'Terminated' && c.snapshot.context.exitCode === 0));
    return w.initialized;
  }

  /** computePodActions: start the next init container, or every app container that is not running. */
  private startContainers(w: PodWorker): void {
    if (w.terminating || !w.sandboxReady) return;
    const pendingInit = this.initDone(w) ? undefined : w.containers.find((c) => c.init && !(c.sidecar ? c.started : stateOf(c.snapshot).state === 'Terminated' && c.snapshot.context.exitCode === 0));
    if (pendingInit) {
      if (!pendingInit.busy && stateOf(pendingInit.snapshot).reason === 'ContainerCreating') this.pullAndStart(w, pendingInit);
      return;
    }
    for (const c of w.containers) {
      if (c.init || c.busy) continue;
      if (stateOf(c.snapshot).reason === 'ContainerCreating') this.pullAndStart(w, c);
    }
  }

  private pullAndStart(w: PodWorker, c: ContainerRuntime): void {
    c.busy = true;
    const image = String(c.spec.image ?? '');
    const policy = c.spec.imagePullPolicy ?? 'IfNotPresent';
    const present = this.images.has(c.imageRef);
    if (policy === 'Never' && !present) {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      this.event(w, 'Warning', 'ErrImageNeverPull', msg, c);
      c.snapshot = send(c.snapshot, { type: 'PULL_FAILED', message: msg });
      c.busy = false;
      this.markDirty(w);
      return;
    }
    if (policy !== 'Always' && present) {
      this.event(w, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, c);
      this.ctx.reasons.record(COMPONENT, 'kubelet.imagePresent', { image, container: c.spec.name }, [podRef(w)], this.nodeName);
      this.after(w, 50, () => this.createAndStart(w, c));
      return;
    }
    const requested = this.ctx.clock.now();
    this.event(w, 'Normal', 'Pulling', `Pulling image "${image}"`, c);
    this.ctx.reasons.record(COMPONENT, 'kubelet.pullingImage', { image, container: c.spec.name, cached: present }, [podRef(w)], this.nodeName);
    const result = resolveImage(image);
    const verdict = imageReason(result.verdict, c.spec, parseImage(image));
    if (verdict) this.ctx.reasons.record(COMPONENT, verdict.key, { image, container: c.spec.name, ...verdict.params }, [podRef(w)], this.nodeName);
    // Pulls on one node run one at a time (serializeImagePulls): later ones wait their turn.
    const startAt = Math.max(requested, this.pullQueueFreeAt);
    const jitter = 0.85 + this.ctx.rng.next() * 0.3;
    const pullMs = !result.ok ? REGISTRY_LATENCY_MS : present ? Math.round(REGISTRY_LATENCY_MS * jitter) : Math.round((REGISTRY_LATENCY_MS + result.image.sizeBytes / BANDWIDTH_BYTES_PER_MS) * jitter);
    this.pullQueueFreeAt = startAt + pullMs;
    this.after(w, startAt + pullMs - requested, () => {
      if (w.terminating) return;
      if (!result.ok) {
        this.event(w, 'Warning', 'Failed', `Failed to pull image "${image}": ${result.error}`, c);
        this.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', c);
        c.snapshot = send(c.snapshot, { type: 'PULL_FAILED', message: result.error });
        this.markDirty(w);
        this.after(w, 1_000, () => this.imagePullBackOff(w, c, image));
        return;
      }
      this.images.add(c.imageRef);
      c.imageID = `${result.image.repository}@${result.image.digest}`;
      this.noteImage(c.imageRef, c.imageID, result.image.sizeBytes);
      c.pullBackoffMs = 0;
      const took = goDuration(pullMs);
      const total = goDuration(startAt + pullMs - requested);
      this.event(w, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${total} including waiting). Image size: ${result.image.sizeBytes} bytes.`, c);
      this.createAndStart(w, c);
    });
  }

  private imagePullBackOff(w: PodWorker, c: ContainerRuntime, image: string): void {
    c.pullBackoffMs = c.pullBackoffMs ? Math.min(MAX_BACKOFF_MS, c.pullBackoffMs * 2) : IMAGE_PULL_BACKOFF_MS;
    this.event(w, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, c);
    this.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', c);
    c.snapshot = send(c.snapshot, { type: 'BACKOFF', message: `Back-off pulling image "${image}"` });
    this.markDirty(w);
    this.after(w, c.pullBackoffMs, () => {
      c.snapshot = send(c.snapshot, { type: 'RETRY' });
      c.busy = false;
      this.markDirty(w);
      this.startContainers(w);
    });
  }

  private createAndStart(w: PodWorker, c: ContainerRuntime): void {
    if (w.terminating) return;
    // generateContainerConfig: the environment is built now, from what the API holds now.
    const pod = this.ctx.api.store.get('pods', w.namespace, w.name);
    const refs = pod ? referencedSources(pod, c.spec) : [];
    if (pod && refs.length) {
      const lookup = storeLookup(this.ctx.api.store, w.namespace);
      const error = envConfigError(c.spec, w.namespace, lookup);
      if (error) {
        this.event(w, 'Warning', 'Failed', `Error: ${error}`, c);
        this.ctx.reasons.record(COMPONENT, 'kubelet.containerConfigError', { container: c.spec.name, message: error }, [podRef(w)], this.nodeName);
        c.snapshot = send(c.snapshot, { type: 'CONFIG_ERROR', message: error });
        this.markDirty(w);
        this.after(w, CONFIG_RETRY_MS, () => {
          c.snapshot = send(c.snapshot, { type: 'RETRY' });
          c.busy = false;
          this.markDirty(w);
          this.startContainers(w);
        });
        return;
      }
      c.sources = snapshotSources(refs, lookup);
    } else c.sources = undefined;
    if (!c.imageID) c.imageID = `${c.imageRef.replace(/:[^:/]+$/, '')}@sha256:${this.ctx.rng.hex(64)}`;
    this.images.add(c.imageRef);
    this.event(w, 'Normal', 'Created', `Created container: ${c.spec.name}`, c);
    this.after(w, 60 + Math.floor(this.ctx.rng.next() * 60), () => {
      if (w.terminating) return;
      const now = this.ctx.clock.now();
      c.snapshot = send(c.snapshot, { type: 'STARTED', at: now, containerId: `containerd://${this.ctx.rng.hex(64)}` });
      c.busy = false;
      c.layer = undefined;
      c.lastRestartAt = now;
      c.logs.push({ startedAt: now, program: c.program });
      if (c.logs.length > 2) c.logs.shift();
      this.event(w, 'Normal', 'Started', `Started container ${c.spec.name}`, c);
      this.ctx.reasons.record(COMPONENT, 'kubelet.startedContainer', { container: c.spec.name, restartCount: c.snapshot.context.restartCount }, [podRef(w)], this.nodeName);
      if (!c.init || c.sidecar) this.startProbes(w, c);
      if (c.init && !c.sidecar) c.started = true;
      const run = runOf(c.program);
      const memoryLimit = bytes(c.spec.resources?.limits?.memory);
      if (memoryLimit > 0 && c.program.memoryBytes > memoryLimit) {
        // The kernel's OOM killer ends a container that allocates past its cgroup limit.
        this.after(w, 1_000, () => this.onExit(w, c, 137, 'OOMKilled'));
      } else if (run.exitAfterMs !== undefined) this.after(w, run.exitAfterMs, () => this.onExit(w, c, run.exitCode));
      this.markDirty(w);
      if (c.sidecar) this.startContainers(w);
    });
  }

  private onExit(w: PodWorker, c: ContainerRuntime, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): void {
    const now = this.ctx.clock.now();
    c.snapshot = send(c.snapshot, { type: 'EXITED', at: now, exitCode, reason });
    c.ready = false;
    this.stopProbes(c);
    const last = c.logs[c.logs.length - 1];
    if (last) last.finishedAt = now;
    this.ctx.reasons.record(COMPONENT, 'kubelet.containerExited', { container: c.spec.name, exitCode, reason }, [podRef(w)], this.nodeName);
    this.markDirty(w);
    if (w.terminating) return this.maybeFinishTermination(w);
    if (c.init && !c.sidecar && exitCode === 0) {
      this.startContainers(w);
      return;
    }
    const restart = c.sidecar || w.restartPolicy === 'Always' || (w.restartPolicy === 'OnFailure' && exitCode !== 0);
    if (!restart) return;
    this.restartWithBackoff(w, c);
  }

  /** kubelet doBackOff: the first restart is immediate; later ones wait 10 s, 20 s … 5 min. */
  private restartWithBackoff(w: PodWorker, c: ContainerRuntime): void {
    const now = this.ctx.clock.now();
    if (c.lastRestartAt !== undefined && now - c.lastRestartAt >= BACKOFF_RESET_MS) c.backoffMs = 0;
    if (c.backoffMs === 0) {
      c.backoffMs = INITIAL_BACKOFF_MS;
      c.snapshot = send(c.snapshot, { type: 'RESTART' });
      this.ctx.reasons.record(COMPONENT, 'kubelet.restartingContainer', { container: c.spec.name, backoffSeconds: 0 }, [podRef(w)], this.nodeName);
      this.after(w, 10, () => this.startContainers(w));
      return;
    }
    const delay = c.backoffMs;
    const seconds = delay / 1000;
    const podDesc = `${w.name}_${w.namespace}(${w.uid})`;
    c.snapshot = send(c.snapshot, { type: 'CRASH_BACKOFF', message: `back-off ${goDuration(delay)} restarting failed container=${c.spec.name} pod=${podDesc}` });
    this.event(w, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podDesc}`, c);
    this.ctx.reasons.record(COMPONENT, 'kubelet.restartingContainer', { container: c.spec.name, backoffSeconds: seconds }, [podRef(w)], this.nodeName);
    this.markDirty(w);
    this.after(w, delay, () => {
      c.backoffMs = Math.min(MAX_BACKOFF_MS, c.backoffMs * 2);
      c.snapshot = send(c.snapshot, { type: 'RETRY' });
      this.markDirty(w);
      this.startContainers(w);
    });
  }

  // ---- probes -------------------------------------------------------------------------

  /**
   * Starts the container's probe workers. Like the kubelet's prober, each probe ticks every
   * periodSeconds from the moment its worker starts and does nothing until initialDelaySeconds
   * have passed since the container started; readiness and liveness wait for the startup probe.
   * A container without a readiness probe is ready as soon as it has started.
   */
  private startProbes(w: PodWorker, c: ContainerRuntime): void {
    c.probes = freshProbes();
    const spec = c.spec;
    c.probes.startupDone = !spec.startupProbe;
    c.started = !spec.startupProbe;
    c.ready = !spec.readinessProbe && c.probes.startupDone;
    const startedAt = this.ctx.clock.now();
    const ps = c.probes;
    const tick = (kind: 'startup' | 'readiness' | 'liveness', probe: Any) => {
      const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
      const run = () => {
        if (ps.stopped || w.terminating || stateOf(c.snapshot).state !== 'Running') return;
        const elapsed = this.ctx.clock.now() - startedAt;
        const gated = kind !== 'startup' && !c.probes.startupDone;
        if (!gated && elapsed >= (probe.initialDelaySeconds ?? 0) * 1000 && !(kind === 'startup' && c.probes.startupDone)) this.runProbe(w, c, kind, probe, elapsed);
        if (!ps.stopped && stateOf(c.snapshot).state === 'Running') ps.timers.set(kind, this.after(w, period, run));
      };
      run();
    };
    if (spec.startupProbe) tick('startup', spec.startupProbe);
    if (spec.readinessProbe) tick('readiness', spec.readinessProbe);
    if (spec.livenessProbe) tick('liveness', spec.livenessProbe);
  }

  private stopProbes(c: ContainerRuntime): void {
    c.probes.stopped = true;
    for (const t of c.probes.timers.values()) this.ctx.clock.cancel(t);
    c.probes.timers.clear();
  }

  private runProbe(w: PodWorker, c: ContainerRuntime, kind: 'startup' | 'readiness' | 'liveness', probe: Any, elapsed: number): void {
    const named: Record<string, number> = {};
    for (const p of c.spec.ports ?? []) if (p.name) named[p.name] = p.containerPort;
    const result = probeResult(c.program, probe as ProbeSpec, named, w.podIP ?? '', elapsed);
    const ps = c.probes;
    const label = kind.charAt(0).toUpperCase() + kind.slice(1);
    if (!result.ok) this.event(w, 'Warning', 'Unhealthy', `${label} probe failed: ${result.output}`, c);
    if (kind === 'readiness') {
      if (result.ok) {
        ps.readyFailures = 0;
        ps.readySuccesses++;
        if (!c.ready && ps.readySuccesses >= (probe.successThreshold ?? 1)) {
          c.ready = true;
          this.markDirty(w);
        }
      } else {
        ps.readySuccesses = 0;
        ps.readyFailures++;
        if (c.ready && ps.readyFailures >= (probe.failureThreshold ?? 3)) {
          c.ready = false;
          this.markDirty(w);
        }
      }
      return;
    }
    if (kind === 'startup') {
      if (result.ok) {
        ps.startupDone = true;
        c.started = true;
        if (!c.spec.readinessProbe) c.ready = true;
        this.markDirty(w);
        return;
      }
      ps.startupFailures++;
      if (ps.startupFailures >= (probe.failureThreshold ?? 3)) this.killForProbe(w, c, 'startup', probe);
      return;
    }
    if (result.ok) ps.liveFailures = 0;
    else if (++ps.liveFailures >= (probe.failureThreshold ?? 3)) this.killForProbe(w, c, 'liveness', probe);
  }

  /** A failed liveness or startup probe: the kubelet kills the container; restartPolicy decides what follows. */
  private killForProbe(w: PodWorker, c: ContainerRuntime, kind: string, probe: Any): void {
    this.stopProbes(c);
    this.event(w, 'Normal', 'Killing', `Container ${c.spec.name} failed ${kind} probe, will be restarted`, c);
    const grace = probe.terminationGracePeriodSeconds ?? w.grace;
    const stopMs = c.program.sigtermMs;
    if (stopMs !== undefined && stopMs < grace * 1000) this.after(w, stopMs, () => this.onExit(w, c, 0));
    else this.after(w, grace * 1000, () => this.onExit(w, c, 137, 'Error'));
  }

  /** Graceful termination: SIGTERM now, SIGKILL when the grace period runs out. */
  private terminate(w: PodWorker, pod: KObject): void {
    w.terminating = true;
    const grace = pod.metadata.deletionGracePeriodSeconds ?? w.grace;
    for (const t of [...w.timers]) this.ctx.clock.cancel(t);
    w.timers.clear();
    this.ctx.reasons.record(COMPONENT, 'kubelet.killingPod', { gracePeriodSeconds: grace }, [refOf(pod)], this.nodeName);
    for (const c of w.containers) {
      if (stateOf(c.snapshot).state !== 'Running') continue;
      this.event(w, 'Normal', 'Killing', `Stopping container ${c.spec.name}`, c);
      const stopMs = c.program.sigtermMs;
      if (stopMs !== undefined && stopMs < grace * 1000) this.after(w, stopMs, () => this.onExit(w, c, 0));
      else this.after(w, grace * 1000, () => this.onExit(w, c, 137, 'Error'));
    }
    this.maybeFinishTermination(w);
  }

  private maybeFinishTermination(w: PodWorker): void {
    if (w.containers.some((c) => stateOf(c.snapshot).state === 'Running')) return;
    // Report the final container states, then remove the pod object (grace period 0).
    this.after(w, 100, () => {
      const pod = this.ctx.api.store.get('pods', w.namespace, w.name);
      if (pod && pod.metadata.uid === w.uid) {
        this.writeStatus(w, pod);
        this.deletePodObject(pod);
      }
      this.forget(w);
    });
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

  private markDirty(w: PodWorker): void {
    this.dirty.add(w.key);
    if (this.flushTask) return;
    // PLEG relists once a second: status changes within a second are reported together.
    const now = this.ctx.clock.now();
    const at = Math.floor(now / 1000) * 1000 + 1000;
    this.flushTask = this.ctx.clock.at(at, this.owner, () => this.flush());
  }

  private flush(): void {
    this.flushTask = undefined;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      const w = this.workers.get(key);
      if (!w) continue;
      const [ns, name] = key.split('/');
      const pod = this.ctx.api.store.get('pods', ns, name);
      if (!pod || pod.metadata.uid !== w.uid) continue;
      this.writeStatus(w, pod);
    }
  }

  private view(w: PodWorker): ContainerView[] {
    return w.containers.map((c) => ({
      name: c.spec.name,
      snapshot: c.snapshot,
      imageRef: c.imageRef,
      imageID: c.imageID,
      ready: c.ready,
      started: c.started && stateOf(c.snapshot).state === 'Running',
      willRestart: !w.terminating && (c.sidecar || w.restartPolicy === 'Always' || (w.restartPolicy === 'OnFailure' && (c.snapshot.context.exitCode ?? 0) !== 0)),
      sidecar: c.sidecar,
    }));
  }

  private writeStatus(w: PodWorker, pod: KObject): void {
    const views = this.view(w);
    const hostIP = this.nodeIP();
    const podView = {
      init: views.filter((_, i) => w.containers[i].init),
      app: views.filter((_, i) => !w.containers[i].init),
      initDone: this.initDone(w),
      sandboxReady: w.sandboxReady && !(w.terminating && w.containers.every((c) => stateOf(c.snapshot).state !== 'Running')),
      podIP: w.podIP,
      hostIP,
      startTime: w.startTime,
      terminating: w.terminating,
    };
    const status = buildPodStatus(podView, pod.status, this.ctx.clock.now());
    if (deepEqual(status, pod.status)) return;
    this.ctx.api.updateStatus(podType, pod, status, COMPONENT, this.nodeName);
  }

  // ---- reads for kubectl logs / exec ----------------------------------------------------

  logs(namespace: string, name: string, container: string | undefined, previous: boolean, query: LogQuery = {}): { lines: string[] } | { error: string } {
    const w = this.workers.get(`${namespace}/${name}`);
    if (!w) return { lines: [] };
    const c = container ? w.containers.find((x) => x.spec.name === container) : w.containers.find((x) => !x.init);
    if (!c) return { error: `container ${container} is not valid for pod ${name}` };
    const runs = c.logs;
    const run = previous ? runs[runs.length - 2] : runs[runs.length - 1];
    if (!run) {
      if (previous) return { error: `previous terminated container "${c.spec.name}" in pod "${name}" not found` };
      const reason = stateOf(c.snapshot).reason ?? 'ContainerCreating';
      return { error: `container "${c.spec.name}" in pod "${name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : reason}` };
    }
    const until = run.finishedAt ?? this.ctx.clock.now();
    return { lines: logsOf(run.program, run.startedAt, until, name, query) };
  }

  /** The running container a `kubectl exec` reaches, with how long it has been running. */
  runningContainer(namespace: string, name: string, container: string): ExecTarget | { error: string } {
    const w = this.workers.get(`${namespace}/${name}`);
    const c = w?.containers.find((x) => x.spec.name === container);
    const pod = this.ctx.api.store.get('pods', namespace, name);
    if (!w || !c || !pod) return { error: `container ${container} is not valid for pod ${name}` };
    if (stateOf(c.snapshot).state !== 'Running') return { error: `unable to upgrade connection: container not found ("${container}")` };
    const now = this.ctx.clock.now();
    const startedAt = c.snapshot.context.startedAt ?? now;
    const live = storeLookup(this.ctx.api.store, namespace);
    const atStart = c.sources ?? live;
    const files = mountedFiles(pod, c.spec, w.volumeSources ?? live, atStart);
    return { program: c.program, spec: c.spec, runningFor: now - startedAt, startedAt, envSources: atStart, files, writable: this.writableFiles(w, c, pod, files) };
  }

  /**
   * Where a container's writes land: the deepest mount holding the path — an emptyDir (kept for
   * the pod's life), a persistent volume or hostPath directory (kept beyond it), a read-only
   * mount — or else its own writable layer (lost when it restarts).
   */
  private writableFiles(w: PodWorker, c: ContainerRuntime, pod: KObject, mounted: Record<string, string>): WritableFiles {
    const volumes = new Map<string, Any>((pod.spec?.volumes ?? []).map((v: Any) => [v.name, v]));
    type Place = { files: Map<string, string>; key: string } | { readonly: true };
    const mounts = ((c.spec.volumeMounts as Any[]) ?? [])
      .map((m) => ({ path: String(m.mountPath).replace(/\/+$/, ''), m, v: volumes.get(m.name) }))
      .sort((a, b) => b.path.length - a.path.length)
      .map((x) => {
        // Where the mount's files live: the pod's emptyDir store, or a volume's own files.
        let files: Map<string, string> | undefined;
        let prefix = '';
        if (x.v?.emptyDir) {
          files = w.emptyDirs;
          prefix = `${x.m.name}/`;
        } else if (x.v?.hostPath) files = this.volumeData.files(volumeDataKey(x.v, this.nodeName)!);
        else if (x.v?.persistentVolumeClaim && w.volumeKeys?.has(x.m.name)) files = this.volumeData.files(w.volumeKeys.get(x.m.name)!);
        const readOnly = !!x.m.readOnly || !!x.v?.persistentVolumeClaim?.readOnly || !files;
        return { ...x, files, prefix, readOnly };
      });
    const locate = (path: string): Place => {
      const mount = mounts.find((x) => path === x.path || path.startsWith(`${x.path}/`));
      if (!mount) return { files: (c.layer ??= new Map()), key: path };
      if (mount.readOnly || !mount.files) return { readonly: true };
      return { files: mount.files, key: `${mount.prefix}${path.slice(mount.path.length + 1)}` };
    };
    return {
      read: (path) => {
        const at = locate(path);
        return 'files' in at ? at.files.get(at.key) : undefined;
      },
      write: (path, content, append) => {
        const at = locate(path);
        if (!('files' in at) || mounted[path] !== undefined) return 'Read-only file system';
        at.files.set(at.key, (append ? (at.files.get(at.key) ?? '') : '') + content);
        return undefined;
      },
      list: (dir) => {
        const out: string[] = [];
        for (const path of [...(c.layer?.keys() ?? [])]) if (path.startsWith(dir)) out.push(path.slice(dir.length).split('/')[0]);
        for (const x of mounts) {
          if (!x.files) continue;
          for (const key of x.files.keys()) {
            if (!key.startsWith(x.prefix)) continue;
            const full = `${x.path}/${key.slice(x.prefix.length)}`;
            if (full.startsWith(dir)) out.push(full.slice(dir.length).split('/')[0]);
          }
        }
        return out;
      },
    };
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
    const views = this.view(w);
    return podPhase({ init: views.filter((_, i) => w.containers[i].init), app: views.filter((_, i) => !w.containers[i].init), initDone: this.initDone(w), sandboxReady: w.sandboxReady, hostIP: '', startTime: w.startTime, terminating: w.terminating });
  }

  workerCount(): number {
    return this.workers.size;
  }
}

function podRef(w: PodWorker) {
  return { kind: 'Pod', namespace: w.namespace, name: w.name, uid: w.uid };
}

/** The node conditions a healthy kubelet posts. */
export function readyConditions(heartbeat: string, transition: string): Any[] {
  const c = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: heartbeat, lastTransitionTime: transition, message, reason, status, type });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}
