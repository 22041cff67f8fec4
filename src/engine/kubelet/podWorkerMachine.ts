/**
 * A pod worker's lifecycle as an XState v5 machine — upstream's pod_workers.go runs a pod
 * through SyncPod, then TerminatingPod, then TerminatedPod; within SyncPod the kubelet first
 * waits for the pod's volumes (WaitForAttachAndMount), then creates its sandbox, then starts its
 * containers in order:
 *
 *   WaitingForVolumes ──VOLUMES_READY──▶ CreatingSandbox ──SANDBOX_READY──▶ Running
 *          └─────────────────────TERMINATE (from any of them)──────────────────┴──▶ Terminating ──STOPPED──▶ Terminated
 *
 * Like the container machine it is data: each worker keeps a snapshot, advanced with the pure
 * `transition`, and the kubelet decides when on the simulated clock.
 */
import { persistent } from '../sim/persistable';
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { immutable } from '../sim/forkable';

export type PodWorkerEvent = { type: 'VOLUMES_READY' } | { type: 'SANDBOX_READY' } | { type: 'TERMINATE' } | { type: 'STOPPED' };

export const podWorkerMachine = setup({
  types: { context: {} as { sandboxReady: boolean }, events: {} as PodWorkerEvent },
}).createMachine({
  id: 'podWorker',
  initial: 'WaitingForVolumes',
  context: { sandboxReady: false },
  states: {
    WaitingForVolumes: { on: { VOLUMES_READY: 'CreatingSandbox', TERMINATE: 'Terminating' } },
    CreatingSandbox: { on: { SANDBOX_READY: { target: 'Running', actions: assign({ sandboxReady: true }) }, TERMINATE: 'Terminating' } },
    Running: { on: { TERMINATE: 'Terminating' } },
    Terminating: { on: { STOPPED: 'Terminated' } },
    Terminated: { type: 'final' },
  },
});
// Snapshots of it are kept as their state and context in a checkpoint kept as data, and resolved on it again.
persistent('kubelet.podWorkerMachine', podWorkerMachine);


export type PodWorkerSnapshot = SnapshotFrom<typeof podWorkerMachine>;
export type PodWorkerState = 'WaitingForVolumes' | 'CreatingSandbox' | 'Running' | 'Terminating' | 'Terminated';

// `initial` and `next` are pure memos of immutable values: a copy of the cluster shares them.
let initial: PodWorkerSnapshot | undefined;

/** A pod just admitted. Snapshots are immutable, so every new worker shares the first one (and so do copies of the cluster). */
export function newPodWorker(): PodWorkerSnapshot {
  initial ??= immutable(initialTransition(podWorkerMachine)[0]);
  return initial;
}

/**
 * The machine has a handful of snapshots and its events carry nothing, so each transition is
 * computed once and shared: 150,000 pods walk the same few snapshot objects (XState's
 * `transition` per pod and event was a quarter of a 30,000-pod rollout's time).
 */
const next = new WeakMap<PodWorkerSnapshot, Map<PodWorkerEvent['type'], PodWorkerSnapshot>>();

export function sendPod(s: PodWorkerSnapshot, event: PodWorkerEvent): PodWorkerSnapshot {
  let byEvent = next.get(s);
  if (!byEvent) next.set(s, (byEvent = new Map()));
  let to = byEvent.get(event.type);
  if (!to) byEvent.set(event.type, (to = immutable(transition(podWorkerMachine, s, event)[0])));
  return to;
}

export function podWorkerState(s: PodWorkerSnapshot): PodWorkerState {
  return s.value as PodWorkerState;
}
