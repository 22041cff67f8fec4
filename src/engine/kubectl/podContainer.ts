/**
 * podcmd.FindOrDefaultContainerByName: the container exec, attach and cp use when none is named
 * — the kubectl.kubernetes.io/default-container annotation's, else the first — and the notice
 * kubectl prints when the pod has others to choose from (init and ephemeral ones count too).
 */
import type { KObject } from '../api/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function defaultContainer(pod: KObject): { name: string; notice?: string } {
  const spec = pod.spec ?? {};
  const containers: Any[] = spec.containers ?? [];
  const inits: Any[] = spec.initContainers ?? [];
  const ephemeral: Any[] = spec.ephemeralContainers ?? [];
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && [...containers, ...inits, ...ephemeral].some((c) => c.name === annotated)) return { name: annotated };
  const name: string = containers[0]?.name;
  if (containers.length > 1 || inits.length || ephemeral.length) {
    const all = [...containers.map((c) => c.name), ...ephemeral.map((c) => `${c.name} (ephem)`), ...inits.map((c) => `${c.name} (init)`)];
    return { name, notice: `Defaulted container "${name}" out of: ${all.join(', ')}\n` };
  }
  return { name };
}
