/**
 * How often the page asks the engine to run the clock. Each tick brings a view, and a view of a
 * large cluster is several frames of drawing (the layout, the nodes, the pods' stand-ins, the
 * pods' canvas). At ten a second with 3,000 pods changing, those frames were most frames, and
 * one in twenty came late (`npm run bench:ui`: p95 frame 21–24 ms zoomed in on a rollout, 21 ms
 * with 6,000 pods being scheduled; at five a second both 20 ms, no long tasks). So a large
 * cluster is drawn five times a second and a small one ten: the clock keeps the wall's pace
 * either way (a tick runs the time that passed), only its steps are longer, and the pods'
 * half-second glides carry the picture between them.
 */
import type { DiagramModel } from './diagramModel';

/** Between ticks for a small cluster (ms): ten views a second. */
export const TICK_MS = 100;
/** Between ticks once the cluster is large (ms). */
export const LARGE_TICK_MS = 200;
/** From this many pods (placed or waiting) the cluster counts as large. */
export const LARGE_CLUSTER_PODS = 1000;

/** The wait before the next tick, for the cluster as the page last drew it. */
export function tickInterval(model: Pick<DiagramModel, 'nodes' | 'pendingTotal'>): number {
  let pods = model.pendingTotal;
  for (const n of model.nodes) pods += n.pods.length;
  return pods >= LARGE_CLUSTER_PODS ? LARGE_TICK_MS : TICK_MS;
}
