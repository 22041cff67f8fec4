/**
 * A cluster kept as data — a checkpoint that outlives the page (IndexedDB), so a reload shows a
 * long session without replaying it from the start. The graph is written by ../sim/persistable.ts
 * (classes by the names ./persistentClasses.ts gives them); this module is where a Cluster meets
 * it, apart from cluster.ts, which the class list imports.
 */
import './persistentClasses';
import { Cluster } from './cluster';
import { NotPersistable, type GraphImage } from '../sim/persistable';
import { GraphWriter, writeGraph } from '../sim/graphWriter';
import { readGraph } from '../sim/graphReader';
import { NotForkable } from '../sim/forkable';

export type { GraphImage } from '../sim/persistable';

/**
 * A writer of the cluster's image, to run in steps (GraphWriter.step) while the cluster stays
 * as it is — a checkpoint, never the live cluster. Throws NotForkable for a cluster that serves
 * real clients (their open watches cannot be kept).
 */
export function clusterImageWriter(c: Cluster): GraphWriter {
  return new GraphWriter(c, { replace: c.copyReplacements() });
}

/** The image at once; throws NotPersistable naming the place when part of the cluster cannot be kept. */
export function clusterImage(c: Cluster): GraphImage {
  return writeGraph(c, { replace: c.copyReplacements() });
}

/** The cluster an image was written from; throws when the image is damaged or from another build. */
export function clusterFromImage(image: GraphImage): Cluster {
  const c = readGraph<unknown>(image);
  if (!(c instanceof Cluster)) throw new Error('cluster image: not a cluster');
  return c;
}

export { NotPersistable, NotForkable };
