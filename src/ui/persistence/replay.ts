/**
 * Rebuilds a cluster from its log in slices, yielding to the page between them: a long session
 * (or a hostile link, within its bounds) replays while the page stays responsive and the
 * "Start fresh" button answers. The result equals replayCluster's (the same calls in the same
 * order; advancing in pieces lands on the same instants, as the live clock does).
 */
import { createCluster, type Action, type EnginePort, type ClusterOptions } from '../../engine/port';

const SLICE_MS = 25;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ReplayAborted extends Error {}

export async function replayInSlices(options: ClusterOptions, actions: Action[], onProgress: (done: number) => void, signal: AbortSignal): Promise<EnginePort> {
  const c = createCluster(options);
  let deadline = performance.now() + SLICE_MS;
  const breathe = async (i: number) => {
    if (performance.now() < deadline) return;
    onProgress(i / Math.max(1, actions.length));
    await yieldToPage();
    if (signal.aborted) throw new ReplayAborted();
    deadline = performance.now() + SLICE_MS;
  };
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    await breathe(i);
    switch (a.type) {
      case 'kubectl':
        c.kubectl(a.command, { stdin: a.stdin, files: a.files });
        break;
      case 'advance': {
        const end = Math.round(a.at + a.seconds * 1000);
        while (c.now() < end) {
          c.advance((end - c.now()) / 1000, () => performance.now() > deadline);
          await breathe(i);
        }
        break;
      }
      case 'stopNode':
        c.stopNode(a.name);
        break;
      case 'startNode':
        c.startNode(a.name);
        break;
      case 'addNode':
        c.addNode(a.spec);
        break;
      case 'removeNode':
        c.removeNode(a.name);
        break;
      case 'startTraffic':
        c.startTraffic(a.target, a.rps);
        break;
      case 'setTraffic':
        c.setTraffic(a.id, a.rps);
        break;
      case 'stopTraffic':
        c.stopTraffic(a.id);
        break;
      case 'enableClusterAutoscaler':
        c.enableClusterAutoscaler(a.group);
        break;
    }
  }
  onProgress(1);
  return c;
}
