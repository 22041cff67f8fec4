/**
 * A container's lifecycle as an XState v5 machine whose states carry Kubernetes' own names
 * (core/v1 ContainerState: Waiting with a reason, Running, Terminated with a reason).
 *
 * The machine is data: the kubelet keeps each container's snapshot and advances it with the
 * pure `transition` function, and decides *when* events happen on the simulated clock. No
 * actor per container, so 150,000 pods cost only their snapshots.
 *
 *   Waiting.ContainerCreating ──PULL_FAILED──▶ Waiting.ErrImagePull ──BACKOFF──▶ Waiting.ImagePullBackOff
 *        │  ▲                                         └──────────RETRY──────────────┘ (back to ContainerCreating)
 *     STARTED └──────────────RESTART──────────────┐
 *        ▼                                         │
 *     Running ──EXITED──▶ Terminated ──CRASH_BACKOFF──▶ Waiting.CrashLoopBackOff
 */
import { persistent } from '../sim/persistable';
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { immutable } from '../sim/forkable';

export interface ContainerContext {
  restartCount: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  terminatedReason?: string;
  waitingMessage?: string;
  containerId?: string;
  /** The previous termination, shown as lastState. */
  last?: { exitCode: number; reason: string; startedAt?: number; finishedAt: number; containerId?: string };
}

export type ContainerEvent =
  | { type: 'PULL_FAILED'; message: string }
  | { type: 'BACKOFF'; message: string }
  | { type: 'RETRY' }
  | { type: 'CONFIG_ERROR'; message: string }
  | { type: 'STARTED'; at: number; containerId: string }
  | { type: 'EXITED'; at: number; exitCode: number; reason: string }
  | { type: 'CRASH_BACKOFF'; message: string }
  | { type: 'RESTART' };

export const containerMachine = setup({
  types: { context: {} as ContainerContext, events: {} as ContainerEvent },
}).createMachine({
  id: 'container',
  initial: 'Waiting',
  context: { restartCount: 0 },
  states: {
    Waiting: {
      initial: 'ContainerCreating',
      states: {
        ContainerCreating: {
          on: {
            PULL_FAILED: { target: 'ErrImagePull', actions: assign({ waitingMessage: ({ event }) => event.message }) },
            CONFIG_ERROR: { target: 'CreateContainerConfigError', actions: assign({ waitingMessage: ({ event }) => event.message }) },
          },
        },
        ErrImagePull: {
          on: { BACKOFF: { target: 'ImagePullBackOff', actions: assign({ waitingMessage: ({ event }) => event.message }) } },
        },
        ImagePullBackOff: {},
        CreateContainerConfigError: {},
        CrashLoopBackOff: {},
      },
      on: {
        RETRY: { target: '.ContainerCreating', actions: assign({ waitingMessage: undefined }) },
        STARTED: {
          target: 'Running',
          actions: assign({ startedAt: ({ event }) => event.at, containerId: ({ event }) => event.containerId, waitingMessage: undefined, finishedAt: undefined, exitCode: undefined, terminatedReason: undefined }),
        },
      },
    },
    Running: {
      on: {
        EXITED: {
          target: 'Terminated',
          actions: assign({ finishedAt: ({ event }) => event.at, exitCode: ({ event }) => event.exitCode, terminatedReason: ({ event }) => event.reason }),
        },
      },
    },
    Terminated: {
      on: {
        CRASH_BACKOFF: {
          target: 'Waiting.CrashLoopBackOff',
          actions: assign(({ context, event }) => ({ ...archive(context), waitingMessage: event.message })),
        },
        RESTART: { target: 'Waiting.ContainerCreating', actions: assign(({ context }) => archive(context)) },
      },
    },
  },
});
// Snapshots of it are kept as their state and context in a checkpoint kept as data, and resolved on it again.
persistent('kubelet.containerMachine', containerMachine);


/** Moves the finished run into lastState and counts the restart. */
function archive(c: ContainerContext): Partial<ContainerContext> {
  return {
    restartCount: c.restartCount + 1,
    last: { exitCode: c.exitCode ?? 0, reason: c.terminatedReason ?? 'Completed', startedAt: c.startedAt, finishedAt: c.finishedAt ?? 0, containerId: c.containerId },
    startedAt: undefined,
  };
}

export type ContainerSnapshot = SnapshotFrom<typeof containerMachine>;

// A pure memo of an immutable value (XState never changes a snapshot in place).
let initial: ContainerSnapshot | undefined;

/**
 * A container that is about to be created. Snapshots are immutable, so all share the first one,
 * and so do copies of the cluster.
 */
export function newContainer(): ContainerSnapshot {
  initial ??= immutable(initialTransition(containerMachine)[0]);
  return initial;
}

export function send(s: ContainerSnapshot, event: ContainerEvent): ContainerSnapshot {
  return immutable(transition(containerMachine, s, event)[0]);
}

/** `Waiting`, `Running` or `Terminated`, and the Waiting reason if any. */
export function stateOf(s: ContainerSnapshot): { state: 'Waiting' | 'Running' | 'Terminated'; reason?: string } {
  const v = s.value;
  if (typeof v === 'string') return { state: v as 'Running' | 'Terminated' };
  return { state: 'Waiting', reason: Object.values(v)[0] as string };
}
