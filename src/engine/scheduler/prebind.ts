/**
 * VolumeBinding's Reserve and PreBind (binder.go): for a pod whose WaitForFirstConsumer claims
 * are unbound, the chosen node decides them — a matching Available PV that may live there is
 * pre-bound to the claim (spec.claimRef), otherwise the claim is annotated with the selected
 * node so the provisioner makes a volume in that node's zone. The pod itself is bound only
 * once every claim is Bound (checked every second, for up to bindTimeoutSeconds = 600 s), as
 * kube-scheduler's binding cycle waits for the PV controller, and to a volume that may live on
 * the node.
 */
import type { KObject } from '../api/types';
import { typeForKind } from '../api/registry';
import type { ControllerContext } from '../client/context';
import { SELECTED_NODE, BOUND_BY_CONTROLLER, nodeMatchesVolume } from '../helpers/volumeutil';
import { matchVolumesOnNode, readVolumeState } from './plugins/volumebinding';
import { bound } from '../sim/forkable';

const POLL_MS = 1000;
const BIND_TIMEOUT_MS = 600_000;
const pvcType = typeForKind('PersistentVolumeClaim');

export type PreBindOutcome = { ok: true } | { ok: false; message: string };

export class VolumePreBinder {
  constructor(
    private ctx: ControllerContext,
    private actor: string,
  ) {}

  /**
   * Writes the volume decisions for `node` and calls `done` once the pod's claims are all
   * bound (at once when none needed binding). Returns false when there was nothing to wait for.
   */
  bindVolumes(pod: KObject, node: string, nodeLabels: Record<string, string>, done: (outcome: PreBindOutcome) => void): boolean {
    const { api } = this.ctx;
    const state = readVolumeState(pod, api.store);
    if (typeof state === 'string') {
      done({ ok: false, message: state });
      return true;
    }
    if (state.delayed.length === 0) return false;
    const match = matchVolumesOnNode(state, { name: node, labels: nodeLabels });
    if ('reasons' in match) {
      done({ ok: false, message: `running PreBind plugin "VolumeBinding": ${match.reasons.join(', ')}` });
      return true;
    }
    try {
      state.delayed.forEach((d, i) => {
        const pv = match.choices[i];
        const pvc = d.claim;
        if (pv) {
          const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
          api.update({ ...pv, metadata: { ...pv.metadata, annotations: { ...(pv.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: 'yes' } }, spec: { ...pv.spec, claimRef } }, this.actor);
        } else if (pvc.metadata.annotations?.[SELECTED_NODE] !== node) {
          api.update({ ...pvc, metadata: { ...pvc.metadata, annotations: { ...(pvc.metadata.annotations ?? {}), [SELECTED_NODE]: node } } }, this.actor);
        }
      });
    } catch (e) {
      done({ ok: false, message: `running PreBind plugin "VolumeBinding": binding volumes: ${e instanceof Error ? e.message : String(e)}` });
      return true;
    }
    const claims = state.delayed.map((d) => d.claim);
    const deadline = this.ctx.clock.now() + BIND_TIMEOUT_MS;
    this.ctx.clock.after(POLL_MS, this.actor, bound(this, this.poll, claims, node, nodeLabels, deadline, done));
    return true;
  }

  /** `done` must be a bound call (it is kept across polls, and copies of the cluster rebuild it). */
  private poll(claims: KObject[], node: string, nodeLabels: Record<string, string>, deadline: number, done: (outcome: PreBindOutcome) => void): void {
    const { api } = this.ctx;
    const current = claims.map((c) => api.store.get(pvcType.resource, c.metadata.namespace, c.metadata.name!));
    if (current.some((c) => !c || c.metadata.uid !== claims[current.indexOf(c)]?.metadata.uid)) return done({ ok: false, message: 'running PreBind plugin "VolumeBinding": binding volumes: claim was deleted' });
    if (current.every((c) => c!.spec?.volumeName && c!.status?.phase === 'Bound')) {
      // checkBindings: a volume provisioned meanwhile for another node (the claim was selected
      // for a pod that has since gone) may live where this node cannot reach it; the pod then
      // goes back to scheduling, which now sees the volume's zone.
      for (const c of current) {
        const pv = api.store.get('persistentvolumes', undefined, c!.spec.volumeName);
        if (pv && !nodeMatchesVolume(pv, nodeLabels, node)) return done({ ok: false, message: `running PreBind plugin "VolumeBinding": binding volumes: pv "${pv.metadata.name}" node affinity doesn't match node "${node}": no matching NodeSelectorTerms` });
      }
      return done({ ok: true });
    }
    if (this.ctx.clock.now() >= deadline) return done({ ok: false, message: 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded' });
    this.ctx.clock.after(POLL_MS, this.actor, bound(this, this.poll, claims, node, nodeLabels, deadline, done));
  }
}

