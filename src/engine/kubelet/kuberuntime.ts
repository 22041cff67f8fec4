/**
 * The container runtime manager (upstream's kuberuntime): pulls images one at a time
 * (serializeImagePulls) with ImagePullBackOff, builds each container's environment when it is
 * created (CreateContainerConfigError while a source is missing), starts it, and restarts it
 * after it exits with the real back-off: the first restart at once, then 10 s doubling to
 * 5 min, reset after 10 min of good running.
 */
import { persistentTable } from '../sim/persistable';
import { bytes } from '../api/quantity';
import { goDuration } from '../util/goduration';
import { parseImage } from '../util/imageref';
import { send } from './containerMachine';
import { resolveImage, type PullResult } from './images';
import { bound, immutable } from '../sim/forkable';
import { imageReason } from './genericImages';
import { runOf } from './runtime';
import { envConfigError, referencedSources, snapshotSources, storeLookup } from './configSources';
import { startProbes, stopProbes, type ProberHost } from './prober';
import type { NodeImageStatus } from './nodeStatus';
import { COMPONENT, isTerminating, podRef, type ContainerRuntime, type PodWorker } from './podWorker';

const INITIAL_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 300_000;
/** A container that ran this long without trouble starts its back-off afresh. */
const BACKOFF_RESET_MS = 600_000;
const REGISTRY_LATENCY_MS = 400;
const BANDWIDTH_BYTES_PER_MS = 40_000; // 40 MB/s
const IMAGE_PULL_BACKOFF_MS = 10_000;
/** A pod whose container config could not be built is synced again after this (pod worker back-off). */
const CONFIG_RETRY_MS = 10_000;

export interface RuntimeHost extends ProberHost {
  /** Images on this node (by reference). */
  readonly images: Set<string>;
  /** When the node's single image-pull queue is free again. */
  pullQueueFreeAt: number;
  readonly imageStatus: NodeImageStatus;
  maybeFinishTermination(w: PodWorker): void;
}

export function pullAndStart(k: RuntimeHost, w: PodWorker, c: ContainerRuntime): void {
  c.busy = true;
  const image = String(c.spec.image ?? '');
  const policy = c.spec.imagePullPolicy ?? 'IfNotPresent';
  const present = k.images.has(c.imageRef);
  if (policy === 'Never' && !present) {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    k.event(w, 'Warning', 'ErrImageNeverPull', msg, c);
    c.snapshot = send(c.snapshot, { type: 'PULL_FAILED', message: msg });
    c.busy = false;
    k.markDirty(w);
    return;
  }
  if (policy !== 'Always' && present) {
    k.event(w, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, c);
    k.ctx.reasons.record(COMPONENT, 'kubelet.imagePresent', { image, container: c.spec.name }, [podRef(w)], k.nodeName);
    k.after(w, 50, bound(runtimeTasks, runtimeTasks.createAndStart, k, w, c));
    return;
  }
  const requested = k.ctx.clock.now();
  k.event(w, 'Normal', 'Pulling', `Pulling image "${image}"`, c);
  k.ctx.reasons.record(COMPONENT, 'kubelet.pullingImage', { image, container: c.spec.name, cached: present }, [podRef(w)], k.nodeName);
  const result = resolveImage(image);
  const verdict = imageReason(result.verdict, c.spec, parseImage(image));
  if (verdict) k.ctx.reasons.record(COMPONENT, verdict.key, { image, container: c.spec.name, ...verdict.params }, [podRef(w)], k.nodeName);
  // Pulls on one node run one at a time (serializeImagePulls): later ones wait their turn.
  const startAt = Math.max(requested, k.pullQueueFreeAt);
  const jitter = 0.85 + k.ctx.rng.next() * 0.3;
  const pullMs = !result.ok ? REGISTRY_LATENCY_MS : present ? Math.round(REGISTRY_LATENCY_MS * jitter) : Math.round((REGISTRY_LATENCY_MS + result.image.sizeBytes / BANDWIDTH_BYTES_PER_MS) * jitter);
  k.pullQueueFreeAt = startAt + pullMs;
  k.after(w, startAt + pullMs - requested, bound(runtimeTasks, runtimeTasks.pulled, k, w, c, image, result, pullMs, startAt, requested));
}

function pulled(k: RuntimeHost, w: PodWorker, c: ContainerRuntime, image: string, result: PullResult, pullMs: number, startAt: number, requested: number): void {
  if (isTerminating(w)) return;
  if (!result.ok) {
    k.event(w, 'Warning', 'Failed', `Failed to pull image "${image}": ${result.error}`, c);
    k.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', c);
    c.snapshot = send(c.snapshot, { type: 'PULL_FAILED', message: result.error });
    k.markDirty(w);
    k.after(w, 1_000, bound(runtimeTasks, runtimeTasks.imagePullBackOff, k, w, c, image));
    return;
  }
  k.images.add(c.imageRef);
  c.imageID = `${result.image.repository}@${result.image.digest}`;
  k.imageStatus.note(c.imageRef, c.imageID, result.image.sizeBytes);
  c.pullBackoffMs = 0;
  const took = goDuration(pullMs);
  const total = goDuration(startAt + pullMs - requested);
  k.event(w, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${total} including waiting). Image size: ${result.image.sizeBytes} bytes.`, c);
  createAndStart(k, w, c);
}

function imagePullBackOff(k: RuntimeHost, w: PodWorker, c: ContainerRuntime, image: string): void {
  c.pullBackoffMs = c.pullBackoffMs ? Math.min(MAX_BACKOFF_MS, c.pullBackoffMs * 2) : IMAGE_PULL_BACKOFF_MS;
  k.event(w, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, c);
  k.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', c);
  c.snapshot = send(c.snapshot, { type: 'BACKOFF', message: `Back-off pulling image "${image}"` });
  k.markDirty(w);
  k.after(w, c.pullBackoffMs, bound(runtimeTasks, runtimeTasks.retryCreate, k, w, c));
}

/** The back-off after a failed pull or a missing config source is over: ContainerCreating again. */
function retryCreate(k: RuntimeHost, w: PodWorker, c: ContainerRuntime): void {
  c.snapshot = send(c.snapshot, { type: 'RETRY' });
  c.busy = false;
  k.markDirty(w);
  k.startContainers(w);
}

function createAndStart(k: RuntimeHost, w: PodWorker, c: ContainerRuntime): void {
  if (isTerminating(w)) return;
  // generateContainerConfig: the environment is built now, from what the API holds now.
  const pod = k.ctx.api.store.get('pods', w.namespace, w.name);
  const refs = pod ? referencedSources(pod, c.spec) : [];
  if (pod && refs.length) {
    const lookup = storeLookup(k.ctx.api.store, w.namespace);
    const error = envConfigError(c.spec, w.namespace, lookup);
    if (error) {
      k.event(w, 'Warning', 'Failed', `Error: ${error}`, c);
      k.ctx.reasons.record(COMPONENT, 'kubelet.containerConfigError', { container: c.spec.name, message: error }, [podRef(w)], k.nodeName);
      c.snapshot = send(c.snapshot, { type: 'CONFIG_ERROR', message: error });
      k.markDirty(w);
      k.after(w, CONFIG_RETRY_MS, bound(runtimeTasks, runtimeTasks.retryCreate, k, w, c));
      return;
    }
    c.sources = snapshotSources(refs, lookup);
  } else c.sources = undefined;
  if (!c.imageID) c.imageID = `${c.imageRef.replace(/:[^:/]+$/, '')}@sha256:${k.ctx.rng.hex(64)}`;
  k.images.add(c.imageRef);
  k.event(w, 'Normal', 'Created', `Created container: ${c.spec.name}`, c);
  k.after(w, 60 + Math.floor(k.ctx.rng.next() * 60), bound(runtimeTasks, runtimeTasks.started, k, w, c));
}

function started(k: RuntimeHost, w: PodWorker, c: ContainerRuntime): void {
  if (isTerminating(w)) return;
  const now = k.ctx.clock.now();
  c.snapshot = send(c.snapshot, { type: 'STARTED', at: now, containerId: `containerd://${k.ctx.rng.hex(64)}` });
  c.busy = false;
  c.layer = undefined;
  c.lastRestartAt = now;
  // Runs are replaced, never changed in place, so copies of the cluster share them.
  c.logs.push(immutable({ startedAt: now, program: c.program }));
  if (c.logs.length > 2) c.logs.shift();
  k.event(w, 'Normal', 'Started', `Started container ${c.spec.name}`, c);
  k.ctx.reasons.record(COMPONENT, 'kubelet.startedContainer', { container: c.spec.name, restartCount: c.snapshot.context.restartCount }, [podRef(w)], k.nodeName);
  if ((!c.init || c.sidecar) && !c.ephemeral) startProbes(k, w, c);
  if (c.init && !c.sidecar) c.started = true;
  const run = runOf(c.program);
  const memoryLimit = bytes(c.spec.resources?.limits?.memory);
  if (memoryLimit > 0 && c.program.memoryBytes > memoryLimit) {
    // The kernel's OOM killer ends a container that allocates past its cgroup limit.
    k.after(w, 1_000, bound(runtimeTasks, runtimeTasks.onExit, k, w, c, 137, 'OOMKilled'));
  } else if (run.exitAfterMs !== undefined) k.after(w, run.exitAfterMs, bound(runtimeTasks, runtimeTasks.onExit, k, w, c, run.exitCode));
  k.markDirty(w);
  if (c.sidecar) k.startContainers(w);
}

export function onExit(k: RuntimeHost, w: PodWorker, c: ContainerRuntime, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): void {
  const now = k.ctx.clock.now();
  c.snapshot = send(c.snapshot, { type: 'EXITED', at: now, exitCode, reason });
  c.ready = false;
  stopProbes(k, c);
  const last = c.logs[c.logs.length - 1];
  if (last) c.logs[c.logs.length - 1] = immutable({ ...last, finishedAt: now });
  k.ctx.reasons.record(COMPONENT, 'kubelet.containerExited', { container: c.spec.name, exitCode, reason }, [podRef(w)], k.nodeName);
  k.markDirty(w);
  if (isTerminating(w)) return k.maybeFinishTermination(w);
  // kubelet: "Ephemeral containers are never restarted".
  if (c.ephemeral) return;
  if (c.init && !c.sidecar && exitCode === 0) {
    k.startContainers(w);
    return;
  }
  const restart = c.sidecar || w.restartPolicy === 'Always' || (w.restartPolicy === 'OnFailure' && exitCode !== 0);
  if (!restart) return;
  restartWithBackoff(k, w, c);
}

/** kubelet doBackOff: the first restart is immediate; later ones wait 10 s, 20 s … 5 min. */
function restartWithBackoff(k: RuntimeHost, w: PodWorker, c: ContainerRuntime): void {
  const now = k.ctx.clock.now();
  if (c.lastRestartAt !== undefined && now - c.lastRestartAt >= BACKOFF_RESET_MS) c.backoffMs = 0;
  if (c.backoffMs === 0) {
    c.backoffMs = INITIAL_BACKOFF_MS;
    c.snapshot = send(c.snapshot, { type: 'RESTART' });
    k.ctx.reasons.record(COMPONENT, 'kubelet.restartingContainer', { container: c.spec.name, backoffSeconds: 0 }, [podRef(w)], k.nodeName);
    k.after(w, 10, bound(k, k.startContainers, w));
    return;
  }
  const delay = c.backoffMs;
  const seconds = delay / 1000;
  const podDesc = `${w.name}_${w.namespace}(${w.uid})`;
  c.snapshot = send(c.snapshot, { type: 'CRASH_BACKOFF', message: `back-off ${goDuration(delay)} restarting failed container=${c.spec.name} pod=${podDesc}` });
  k.event(w, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podDesc}`, c);
  k.ctx.reasons.record(COMPONENT, 'kubelet.restartingContainer', { container: c.spec.name, backoffSeconds: seconds }, [podRef(w)], k.nodeName);
  k.markDirty(w);
  k.after(w, delay, bound(runtimeTasks, runtimeTasks.crashBackOffDone, k, w, c));
}

function crashBackOffDone(k: RuntimeHost, w: PodWorker, c: ContainerRuntime): void {
  c.backoffMs = Math.min(MAX_BACKOFF_MS, c.backoffMs * 2);
  c.snapshot = send(c.snapshot, { type: 'RETRY' });
  k.markDirty(w);
  k.startContainers(w);
}

// The runtime's timers call these through an object, not closures, so a copy of the cluster can rebuild them.
const runtimeTasks = persistentTable('kubelet.runtimeTasks', { createAndStart, pulled, imagePullBackOff, retryCreate, started, onExit, crashBackOffDone });
