/**
 * ImageLocality: prefers nodes that already have the pod's images, weighted by image size and
 * by how widely the image is spread (so one node with the image does not attract every pod).
 * Scores follow kube-scheduler's thresholds: 23 MB to 1,000 MB per container.
 */
import type { ScorePlugin } from '../framework';
import { imageRef, parseImage } from '../../kubelet/images';

const MIN_THRESHOLD = 23 * 1024 * 1024;
const MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024;

export const ImageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  relevant: (pod, nodes) => {
    const images = (pod.pod.spec?.containers ?? []).map((c: { image?: string }) => imageRef(parseImage(String(c.image ?? ''))));
    pod.cycle.set('ImageLocality', images);
    let any = false;
    for (const image of images) {
      // How widely the image is spread among the candidate nodes (scaledImageScore).
      let have = 0;
      for (const n of nodes) if (n.images.has(image)) have++;
      if (have) any = true;
      pod.cycle.set(`ImageLocality/${image}`, nodes.length ? have / nodes.length : 0);
    }
    return any;
  },
  score(pod, node) {
    const images = (pod.cycle.get('ImageLocality') as string[]) ?? [];
    let sum = 0;
    for (const image of images) {
      const size = node.images.get(image);
      if (size === undefined) continue;
      const spread = (pod.cycle.get(`ImageLocality/${image}`) as number | undefined) ?? 1;
      sum += size * spread;
    }
    const max = MAX_CONTAINER_THRESHOLD * Math.max(1, images.length);
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
    return Math.floor((100 * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
};
