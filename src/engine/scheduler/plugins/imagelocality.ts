/**
 * ImageLocality: prefers nodes that already have the pod's images, weighted by image size and
 * by how widely the image is spread (so one node with the image does not attract every pod).
 * Scores follow kube-scheduler's thresholds: 23 MB to 1,000 MB per container.
 */
import type { ScorePlugin } from '../framework';
import { imageRef, parseImage } from '../../util/imageref';

const MIN_THRESHOLD = 23 * 1024 * 1024;
const MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024;

// Module state shared by every copy of a cluster: safe only because it is a pure memo (the
// reference depends on the image string alone).
const refs = new Map<string, string>();

/** The image reference as nodes report it; interned, so map lookups hash one string once. */
function normalizedRef(image: string): string {
  let ref = refs.get(image);
  if (ref === undefined) {
    ref = imageRef(parseImage(image));
    if (refs.size > 10_000) refs.clear();
    refs.set(image, ref);
  }
  return ref;
}

export const ImageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  relevant: (pod, _nodes, ctx) => {
    pod.imageRefs = [];
    pod.imageSpreads = [];
    const containers = pod.pod.spec?.containers ?? [];
    for (const c of containers) {
      const ref = normalizedRef(String(c.image ?? ''));
      const have = ctx.imageNodes.get(ref) ?? 0;
      if (!have) continue;
      pod.imageRefs.push(ref);
      // How widely the image is spread over the cluster (scaledImageScore).
      pod.imageSpreads.push(have / Math.max(1, ctx.nodes.size));
    }
    pod.imageMaxScore = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.length);
    return pod.imageRefs.length > 0;
  },
  score(pod, node) {
    const refs = pod.imageRefs;
    let sum = 0;
    for (let i = 0; i < refs.length; i++) {
      const size = node.images.get(refs[i]);
      if (size !== undefined) sum += size * pod.imageSpreads[i];
    }
    const max = pod.imageMaxScore;
    const clamped = sum < MIN_THRESHOLD ? MIN_THRESHOLD : sum > max ? max : sum;
    return Math.floor((100 * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
};
