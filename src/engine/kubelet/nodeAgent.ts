/**
 * The kubelet process on one node, as an XState v5 actor running on the simulated clock.
 * While Running it renews the node's Lease every 10 s (the heartbeat the node lifecycle
 * controller watches); Stopped is a dead machine; Booting is the time a restarted machine
 * takes before its kubelet registers again.
 */
import { createActor, setup, type AnyActorRef } from 'xstate';
import type { SimClock, ScheduledTask } from '../sim/clock';

export const LEASE_RENEW_MS = 10_000;
export const BOOT_MS = 8_000;

export interface NodeAgentHooks {
  renewLease(): void;
  onStarted(): void;
  onStopped(): void;
}

export const nodeAgentMachine = setup({
  types: { events: {} as { type: 'STOP' } | { type: 'START' } },
  actions: {
    renewLease: () => {},
    onStarted: () => {},
    onStopped: () => {},
  },
  delays: { leaseRenew: LEASE_RENEW_MS, boot: BOOT_MS },
}).createMachine({
  id: 'kubelet',
  initial: 'Running',
  states: {
    Running: {
      entry: 'renewLease',
      after: { leaseRenew: { target: 'Running', reenter: true } },
      on: { STOP: 'Stopped' },
    },
    Stopped: {
      entry: 'onStopped',
      on: { START: 'Booting' },
    },
    Booting: {
      after: { boot: { target: 'Running', actions: 'onStarted' } },
      on: { STOP: 'Stopped' },
    },
  },
});

/** XState's clock interface backed by the simulation's event queue. */
export function simClockFor(clock: SimClock, owner: string) {
  return {
    setTimeout: (fn: (...args: unknown[]) => void, ms: number) => clock.after(ms, owner, () => fn()),
    clearTimeout: (task: unknown) => clock.cancel(task as ScheduledTask),
  };
}

export function startNodeAgent(clock: SimClock, nodeName: string, hooks: NodeAgentHooks): AnyActorRef {
  const machine = nodeAgentMachine.provide({
    actions: { renewLease: () => hooks.renewLease(), onStarted: () => hooks.onStarted(), onStopped: () => hooks.onStopped() },
  });
  const actor = createActor(machine, { clock: simClockFor(clock, `kubelet/${nodeName}`) });
  actor.start();
  return actor;
}
