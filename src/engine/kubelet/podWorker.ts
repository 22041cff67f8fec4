/**
 * A pod worker: the kubelet's state for one pod on its node (upstream's podWorkers and the
 * runtime's view of its containers), and what the kubelet's managers — volumes, prober,
 * runtime, status — need of the kubelet that owns them.
 */
import type { ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import type { ContainerSnapshot } from './containerMachine';
import { stateOf } from './containerMachine';
import type { ContainerProgram } from './runtime';
import type { ConfigLookup } from './configSources';
import type { ContainerView } from './podStatus';
import { podWorkerState, type PodWorkerSnapshot } from './podWorkerMachine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export const COMPONENT = 'kubelet';

export interface ContainerRuntime {
  spec: Any;
  init: boolean;
  sidecar: boolean;
  /** Added later through pods/ephemeralcontainers (kubectl debug): never restarted, never ready, outside the pod's phase. */
  ephemeral?: boolean;
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

export interface ProbeState {
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

export const freshProbes = (): ProbeState => ({ timers: new Map(), stopped: false, startupDone: false, readySuccesses: 0, readyFailures: 0, liveFailures: 0, startupFailures: 0 });

export interface PodWorker {
  key: string;
  uid: string;
  /**
   * The uid its events name: a static pod's own (its manifest's hash, which the mirror pod
   * carries as kubernetes.io/config.mirror), not the mirror pod's, as the real kubelet records them.
   */
  eventUid: string;
  namespace: string;
  name: string;
  restartPolicy: string;
  grace: number;
  containers: ContainerRuntime[];
  podIP?: string;
  startTime: number;
  /** Where the worker is in the pod's lifecycle (./podWorkerMachine). */
  lifecycle: PodWorkerSnapshot;
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

/** What the kubelet's managers use of the kubelet: its clock and API, timers owned by a pod, events, status reports. */
export interface KubeletHost {
  readonly ctx: ControllerContext;
  readonly nodeName: string;
  /** A timer owned by the pod's worker (cancelled with it), or by the kubelet when `worker` is undefined. */
  after(worker: PodWorker | undefined, ms: number, run: () => void): ScheduledTask;
  event(worker: PodWorker, type: 'Normal' | 'Warning', reason: string, message: string, container?: ContainerRuntime): void;
  /** The pod's status changed: reported with the next PLEG relist. */
  markDirty(worker: PodWorker): void;
  /** computePodActions: start whatever the pod should run next. */
  startContainers(worker: PodWorker): void;
}

/** Being stopped, or stopped: nothing new starts for this pod. */
export function isTerminating(w: PodWorker): boolean {
  const state = podWorkerState(w.lifecycle);
  return state === 'Terminating' || state === 'Terminated';
}

/** The pod's sandbox (network namespace, IP) exists. */
export function sandboxReady(w: PodWorker): boolean {
  return w.lifecycle.context.sandboxReady;
}

export function podRef(w: PodWorker) {
  return { kind: 'Pod', namespace: w.namespace, name: w.name, uid: w.uid };
}

/** Once every init container has succeeded (or, for a sidecar, started) the pod stays Initialized. */
export function initDone(w: PodWorker): boolean {
  if (!w.initialized) w.initialized = w.containers.every((c) => !c.init || (c.sidecar ? c.started : stateOf(c.snapshot).state === 'Terminated' && c.snapshot.context.exitCode === 0));
  return w.initialized;
}

/** The containers as the status manager reports them. */
export function containerViews(w: PodWorker): ContainerView[] {
  return w.containers.map((c) => ({
    name: c.spec.name,
    snapshot: c.snapshot,
    imageRef: c.imageRef,
    imageID: c.imageID,
    ready: c.ready,
    started: c.started && stateOf(c.snapshot).state === 'Running',
    willRestart: !isTerminating(w) && (c.sidecar || w.restartPolicy === 'Always' || (w.restartPolicy === 'OnFailure' && (c.snapshot.context.exitCode ?? 0) !== 0)),
    sidecar: c.sidecar,
  }));
}
