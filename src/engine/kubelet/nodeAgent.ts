/**
 * The kubelet process on one node, as an XState v5 machine. While Running it renews the
 * node's Lease every 10 s (the heartbeat the node lifecycle controller watches); Stopped is a
 * dead machine; Booting is the time a restarted machine takes before its kubelet registers
 * again; Removed is a machine that left the cluster for good.
 *
 * Like the pod worker and container machines it is data, not an actor: the kubelet keeps the
 * snapshot and carries out the actions the pure `transition` returns. Its delays are the
 * kubelet's own clock tasks, which send LEASE_DUE / BOOTED back (an actor's scheduler would
 * hold closures, and a copy of the cluster cannot rebuild those). The actions are listed in
 * the order XState's actor performed them, so leases are renewed at the same instants.
 */
import { persistent } from '../sim/persistable';
import { initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { immutable } from '../sim/forkable';

export const LEASE_RENEW_MS = 10_000;
export const BOOT_MS = 8_000;

export type NodeAgentEvent = { type: 'STOP' } | { type: 'START' } | { type: 'LEASE_DUE' } | { type: 'BOOTED' } | { type: 'REMOVE' };

/** What the kubelet does for the machine: its hooks, and its one pending timer (lease renewal or boot). */
export type NodeAgentAction = 'renewLease' | 'onStarted' | 'onStopped' | 'scheduleLease' | 'scheduleBoot' | 'cancelTimer';

const noop = () => {};

export const nodeAgentMachine = setup({
  types: { events: {} as NodeAgentEvent },
  actions: { renewLease: noop, onStarted: noop, onStopped: noop, scheduleLease: noop, scheduleBoot: noop, cancelTimer: noop },
}).createMachine({
  id: 'kubelet',
  initial: 'Running',
  states: {
    Running: {
      // Re-entered on every renewal: renew, then schedule the next (the first at start).
      entry: ['renewLease', 'scheduleLease'],
      exit: 'cancelTimer',
      on: { LEASE_DUE: { target: 'Running', reenter: true }, STOP: 'Stopped', REMOVE: 'Removed' },
    },
    Stopped: {
      entry: 'onStopped',
      on: { START: 'Booting', REMOVE: 'Removed' },
    },
    Booting: {
      entry: 'scheduleBoot',
      exit: 'cancelTimer',
      on: { BOOTED: { target: 'Running', actions: 'onStarted' }, STOP: 'Stopped', REMOVE: 'Removed' },
    },
    Removed: {},
  },
});
// Snapshots of it are kept as their state and context in a checkpoint kept as data, and resolved on it again.
persistent('kubelet.nodeAgentMachine', nodeAgentMachine);


export type NodeAgentSnapshot = SnapshotFrom<typeof nodeAgentMachine>;
export type NodeAgentState = 'Running' | 'Stopped' | 'Booting' | 'Removed';

interface Step {
  snapshot: NodeAgentSnapshot;
  actions: readonly NodeAgentAction[];
}

const actionTypes = (actions: readonly { type: string }[]): readonly NodeAgentAction[] => immutable(actions.map((a) => a.type as NodeAgentAction));

// A pure memo of immutable values: the machine has four snapshots and its events carry nothing.
let start: Step | undefined;
const next = new WeakMap<NodeAgentSnapshot, Map<NodeAgentEvent['type'], Step>>();

/** A kubelet just started: Running, with the actions of entering it (renew the Lease now, schedule the next). */
export function startNodeAgent(): Step {
  if (!start) {
    const [snapshot, actions] = initialTransition(nodeAgentMachine);
    start = immutable({ snapshot: immutable(snapshot), actions: actionTypes(actions) });
  }
  return start;
}

/** The machine's next snapshot on `event`, and the actions to carry out, in order. */
export function sendNodeAgent(s: NodeAgentSnapshot, event: NodeAgentEvent): Step {
  let byEvent = next.get(s);
  if (!byEvent) next.set(s, (byEvent = new Map()));
  let step = byEvent.get(event.type);
  if (!step) {
    const [snapshot, actions] = transition(nodeAgentMachine, s, event);
    byEvent.set(event.type, (step = immutable({ snapshot: immutable(snapshot), actions: actionTypes(actions) })));
  }
  return step;
}

export function nodeAgentState(s: NodeAgentSnapshot): NodeAgentState {
  return s.value as NodeAgentState;
}
