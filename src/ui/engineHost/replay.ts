/**
 * Rebuilds a cluster from its log in slices, yielding between them: a long session (or a
 * hostile link, within its bounds) replays while the engine's worker still hears the page —
 * "Start fresh", a newer rewind — and reports its progress. The result equals replayCluster's (the same calls in the same
 * order; advancing in pieces lands on the same instants, as the live clock does).
 */
import { applyAction, createCluster, type Action, type EnginePort, type ClusterOptions } from '../../engine/port';

const SLICE_MS = 25;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ReplayAborted extends Error {
  // The name crosses the worker's boundary (a class does not): the page tells "stopped" from "failed" by it.
  override name = 'ReplayAborted';
}

export interface ReplayOptions {
  /** Stops the replay at this simulated moment, as rebuildCluster's `until` does (a rewind). */
  until?: number;
  /** Starts from a copy of a checkpoint, which had applied the first `applied` entries of the log. */
  from?: { cluster: EnginePort; applied: number };
  /** Told between slices how far the cluster has come, and the slice's work in wall ms (a load keeps checkpoints on the way). */
  onMoment?: (c: EnginePort, workMs: number) => void;
}

export async function replayInSlices(options: ClusterOptions, actions: Action[], onProgress: (done: number) => void, signal: AbortSignal, { until = Infinity, from, onMoment }: ReplayOptions = {}): Promise<EnginePort> {
  const c = from?.cluster ?? createCluster(options);
  const applied = from?.applied ?? 0;
  let sliceStart = performance.now();
  let deadline = sliceStart + SLICE_MS;
  const breathe = async (i: number) => {
    if (performance.now() < deadline) return;
    onMoment?.(c, performance.now() - sliceStart);
    onProgress(i / Math.max(1, actions.length));
    await yieldToMessages();
    if (signal.aborted) throw new ReplayAborted();
    sliceStart = performance.now();
    deadline = sliceStart + SLICE_MS;
  };
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (a.at > until) break;
    await breathe(i);
    if (a.type !== 'advance') {
      if (i >= applied) applyAction(c, a);
      continue;
    }
    const end = Math.min(Math.round(a.at + a.seconds * 1000), until);
    while (c.now() < end) {
      c.advance((end - c.now()) / 1000, () => performance.now() > deadline);
      await breathe(i);
    }
  }
  while (Number.isFinite(until) && c.now() < until) {
    c.advance((until - c.now()) / 1000, () => performance.now() > deadline);
    await breathe(actions.length);
  }
  onProgress(1);
  return c;
}
