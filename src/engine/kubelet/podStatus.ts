/**
 * Builds a pod's status from the kubelet's view of its containers, the way the kubelet's
 * status manager does (pkg/kubelet/kubelet_pods.go generateAPIPodStatus): phase, the five
 * conditions in their usual order, and a ContainerStatus per container.
 */
import { rfc3339 } from '../sim/clock';
import { stateOf, type ContainerSnapshot } from './containerMachine';

export interface ContainerView {
  name: string;
  snapshot: ContainerSnapshot;
  imageRef: string;
  imageID: string;
  ready: boolean;
  started: boolean;
  /** Will be restarted after it exits (restartPolicy, or a sidecar). */
  willRestart: boolean;
  sidecar: boolean;
}

export interface PodView {
  init: ContainerView[];
  app: ContainerView[];
  /** Ephemeral containers (kubectl debug), reported apart: status.ephemeralContainerStatuses. */
  ephemeral?: ContainerView[];
  initDone: boolean;
  sandboxReady: boolean;
  podIP?: string;
  hostIP: string;
  startTime: number;
  terminating: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function containerState(c: ContainerView): Any {
  const s = stateOf(c.snapshot);
  const ctx = c.snapshot.context;
  if (s.state === 'Running') return { running: { startedAt: rfc3339(ctx.startedAt!) } };
  if (s.state === 'Terminated') {
    return { terminated: { containerID: ctx.containerId, exitCode: ctx.exitCode, finishedAt: rfc3339(ctx.finishedAt!), reason: ctx.terminatedReason, startedAt: rfc3339(ctx.startedAt ?? ctx.finishedAt!) } };
  }
  const waiting: Any = { reason: s.reason === 'ContainerCreating' && c.sidecar === false && c.imageID === '' ? 'ContainerCreating' : s.reason };
  if (ctx.waitingMessage) waiting.message = ctx.waitingMessage;
  return { waiting };
}

function lastState(c: ContainerView): Any {
  const l = c.snapshot.context.last;
  if (!l) return {};
  return { terminated: { containerID: l.containerId, exitCode: l.exitCode, finishedAt: rfc3339(l.finishedAt), reason: l.reason, startedAt: rfc3339(l.startedAt ?? l.finishedAt) } };
}

function containerStatus(c: ContainerView, podInitializing: boolean, ephemeral = false): Any {
  const state = containerState(c);
  if (podInitializing && state.waiting?.reason === 'ContainerCreating') state.waiting.reason = 'PodInitializing';
  const out: Any = {};
  if (c.snapshot.context.containerId && !state.waiting) out.containerID = c.snapshot.context.containerId;
  else if (c.snapshot.context.last?.containerId) out.containerID = c.snapshot.context.last.containerId;
  out.image = c.imageRef;
  out.imageID = c.imageID;
  out.lastState = lastState(c);
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.snapshot.context.restartCount;
  // The prober sets `started` for regular and init containers only.
  if (!ephemeral) out.started = c.started;
  out.state = state;
  return out;
}

function hasEverStarted(c: ContainerView): boolean {
  const s = stateOf(c.snapshot).state;
  return s !== 'Waiting' || c.snapshot.context.restartCount > 0;
}

export function podPhase(v: PodView): string {
  if (!v.initDone) {
    const failedInit = v.init.some((c) => !c.sidecar && stateOf(c.snapshot).state === 'Terminated' && (c.snapshot.context.exitCode ?? 0) !== 0 && !c.willRestart);
    return failedInit ? 'Failed' : 'Pending';
  }
  const states = v.app.map((c) => stateOf(c.snapshot).state);
  const allDone = v.app.every((c, i) => states[i] === 'Terminated' && !c.willRestart);
  if (allDone) return v.app.every((c) => (c.snapshot.context.exitCode ?? 0) === 0) ? 'Succeeded' : 'Failed';
  if (v.app.every(hasEverStarted)) return 'Running';
  return 'Pending';
}

export function buildPodStatus(v: PodView, previous: Any, now: number): Any {
  const phase = podPhase(v);
  const prevConds: Any[] = previous?.conditions ?? [];
  // A condition keeps its lastTransitionTime until its status flips.
  const t = (type: string, status: string) => {
    const prev = prevConds.find((c) => c.type === type);
    return prev && prev.status === status ? prev.lastTransitionTime : rfc3339(now);
  };
  const unready = v.app.filter((c) => !c.ready).map((c) => c.name);
  const incompleteInit = v.initDone ? [] : v.init.filter((c) => !(c.sidecar ? c.started : stateOf(c.snapshot).state === 'Terminated' && c.snapshot.context.exitCode === 0)).map((c) => c.name);
  const sidecarsUnready = v.init.filter((c) => c.sidecar && !c.ready).map((c) => c.name);
  const allUnready = [...sidecarsUnready, ...unready];
  const done = phase === 'Succeeded' || phase === 'Failed';
  const cond = (type: string, ok: boolean, reason?: string, message?: string): Any => {
    const c: Any = { lastProbeTime: null, lastTransitionTime: t(type, ok ? 'True' : 'False'), status: ok ? 'True' : 'False', type };
    if (!ok && reason) {
      c.message = message;
      c.reason = reason;
    }
    return c;
  };
  const readyReason = done ? 'PodCompleted' : 'ContainersNotReady';
  const readyMsg = done ? undefined : `containers with unready status: [${allUnready.join(' ')}]`;
  const scheduled = (previous?.conditions ?? []).find((c: Any) => c.type === 'PodScheduled');
  const conditions = [
    cond('PodReadyToStartContainers', v.sandboxReady),
    cond('Initialized', v.initDone, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`),
    cond('Ready', !done && allUnready.length === 0, readyReason, readyMsg),
    cond('ContainersReady', !done && allUnready.length === 0, readyReason, readyMsg),
    scheduled ?? { lastProbeTime: null, lastTransitionTime: rfc3339(v.startTime), status: 'True', type: 'PodScheduled' },
  ];
  if (done) {
    conditions[1] = { ...conditions[1], status: 'True', lastTransitionTime: t('Initialized', 'True') };
    delete conditions[1].reason;
    delete conditions[1].message;
  }
  // kubelet: with init containers, every container's default waiting reason is PodInitializing.
  const hasInit = v.init.length > 0;
  const status: Any = { conditions, containerStatuses: v.app.map((c) => containerStatus(c, hasInit)) };
  if (v.ephemeral?.length) status.ephemeralContainerStatuses = v.ephemeral.map((c) => containerStatus(c, false, true));
  status.hostIP = v.hostIP;
  status.hostIPs = [{ ip: v.hostIP }];
  if (hasInit) status.initContainerStatuses = v.init.map((c) => containerStatus(c, true));
  status.phase = phase;
  if (v.podIP) {
    status.podIP = v.podIP;
    status.podIPs = [{ ip: v.podIP }];
  }
  status.qosClass = previous?.qosClass;
  status.startTime = rfc3339(v.startTime);
  return status;
}
