/**
 * Pod signatures for the filter memo (upstream's equivalence classes): pods whose filter and
 * score answers can only depend on their template share one, as a small integer.
 */
import type { KObject } from '../api/types';
import { podHasClaims } from './plugins/volumebinding';
import { templateIdentity } from '../api/admission';

const partKeys = new WeakMap<object, string>();

/** A content key for a part of a pod spec, computed once per shared object. */
function keyOf(o: unknown): string {
  if (o === null || o === undefined) return '';
  if (typeof o !== 'object') return String(o);
  let k = partKeys.get(o);
  if (k === undefined) partKeys.set(o, (k = JSON.stringify(o)));
  return k;
}

/**
 * The containers' key as the template had them: admission gives every pod its own
 * `kube-api-access-<random>` mount, which no filter or score reads — keyed by the template's
 * objects, pods of one template stay one class (otherwise the memo would never hit).
 */
function containersKey(containers: unknown): string {
  return keyOf(containers && typeof containers === 'object' ? templateIdentity(containers) : containers);
}

/**
 * What filter and score results depend on in the pod: its containers, tolerations, node
 * selection and owner. Pods of one template get one signature (and controller-made pods share
 * the very objects, so it costs nothing). Pods whose answer depends on other pods
 * (inter-pod affinity, explicit spread constraints) get none.
 */
export function podSignature(pod: KObject, antiAffinityPods: number): string | undefined {
  const spec = pod.spec ?? {};
  if (spec.affinity?.podAffinity || spec.affinity?.podAntiAffinity || spec.topologySpreadConstraints?.length || antiAffinityPods > 0) return undefined;
  // Volume verdicts depend on claims and volumes, not on the pod alone.
  if (podHasClaims(pod)) return undefined;
  const owner = pod.metadata.ownerReferences?.find((o: { controller?: boolean }) => o.controller)?.uid ?? '';
  return `${containersKey(spec.containers)}|${containersKey(spec.initContainers)}|${keyOf(spec.tolerations)}|${keyOf(spec.nodeSelector)}|${keyOf(spec.affinity)}|${spec.nodeName ?? ''}|${owner}`;
}

/**
 * Signatures as small integers: every node's memo is checked against the pod's signature each
 * cycle, and comparing long strings there cost more than the filters it saves.
 */
export class SignatureIds {
  private ids = new Map<string, number>();
  private seq = 0;

  intern(signature: string | undefined): number | undefined {
    if (signature === undefined) return undefined;
    let id = this.ids.get(signature);
    if (id === undefined) {
      // Old templates pile up over a long session; memos holding a forgotten id simply miss.
      if (this.ids.size >= 10_000) this.ids.clear();
      this.ids.set(signature, (id = ++this.seq));
    }
    return id;
  }
}
