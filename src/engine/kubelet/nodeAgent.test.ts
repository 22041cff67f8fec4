import { describe, expect, it } from 'vitest';
import { isImmutable } from '../sim/forkable';
import { nodeAgentState, sendNodeAgent, startNodeAgent, type NodeAgentEvent, type NodeAgentSnapshot } from './nodeAgent';

/** Walks the machine through `events`, listing each step's state and actions. */
function walk(events: NodeAgentEvent['type'][]): string[] {
  const start = startNodeAgent();
  let s: NodeAgentSnapshot = start.snapshot;
  const out = [`start → ${nodeAgentState(s)}: ${start.actions.join(' ')}`];
  for (const type of events) {
    const step = sendNodeAgent(s, { type } as NodeAgentEvent);
    s = step.snapshot;
    out.push(`${type} → ${nodeAgentState(s)}: ${step.actions.join(' ')}`);
  }
  return out;
}

describe('node agent machine', () => {
  // The order the XState actor ran them in: a renewal's timer is scheduled after the renewal itself.
  it('renews the Lease at start and on every renewal, and boots into Running', () => {
    expect(walk(['LEASE_DUE', 'START', 'STOP', 'STOP', 'START', 'STOP', 'START', 'BOOTED', 'LEASE_DUE'])).toEqual([
      'start → Running: renewLease scheduleLease',
      'LEASE_DUE → Running: cancelTimer renewLease scheduleLease',
      'START → Running: ',
      'STOP → Stopped: cancelTimer onStopped',
      'STOP → Stopped: ',
      'START → Booting: scheduleBoot',
      'STOP → Stopped: cancelTimer onStopped',
      'START → Booting: scheduleBoot',
      'BOOTED → Running: cancelTimer onStarted renewLease scheduleLease',
      'LEASE_DUE → Running: cancelTimer renewLease scheduleLease',
    ]);
  });

  it('ends in Removed, from any state, and stays there', () => {
    expect(walk(['REMOVE', 'START', 'LEASE_DUE'])).toEqual(['start → Running: renewLease scheduleLease', 'REMOVE → Removed: cancelTimer', 'START → Removed: ', 'LEASE_DUE → Removed: ']);
    expect(walk(['STOP', 'REMOVE']).at(-1)).toBe('REMOVE → Removed: ');
    expect(walk(['STOP', 'START', 'REMOVE']).at(-1)).toBe('REMOVE → Removed: cancelTimer');
  });

  it('shares its snapshots: immutable, each transition computed once', () => {
    const { snapshot } = startNodeAgent();
    expect(isImmutable(snapshot)).toBe(true);
    const a = sendNodeAgent(snapshot, { type: 'LEASE_DUE' });
    expect(sendNodeAgent(snapshot, { type: 'LEASE_DUE' })).toBe(a);
    expect(isImmutable(a.snapshot)).toBe(true);
  });
});
