/**
 * The engine's "why" log. Every decision a control loop makes is recorded as a key plus
 * parameters and the objects involved, never as an English sentence, so the UI can explain it
 * in Korean or English (its i18n resources hold one message per key).
 */
import type { ObjectRef } from '../api/types';
import { immutable } from '../sim/forkable';

export const REASON_KEYS = [
  'deployment.createdReplicaSet',
  'deployment.scaledReplicaSet',
  'replicaset.createdPods',
  'job.createdPods',
  'job.completed',
  'job.backoffLimitExceeded',
  'job.deadlineExceeded',
  'cronjob.createdJob',
  'daemonset.createdPods',
  'statefulset.createdPod',
  'hpa.rescaled',
  'autoscaler.scaleUp',
  'autoscaler.scaleDown',
  'replicaset.deletedPods',
  'scheduler.bound',
  'scheduler.unschedulable',
  'scheduler.preempted',
  'kubelet.pullingImage',
  'kubelet.imagePresent',
  'kubelet.genericImageRegistry',
  'kubelet.genericImageTagged',
  'kubelet.imageTypo',
  'kubelet.imageUnknownTag',
  'kubelet.imageUnknownRepository',
  'kubelet.startedContainer',
  'kubelet.containerExited',
  'kubelet.failedMount',
  'kubelet.containerConfigError',
  'kubelet.restartingContainer',
  'kubelet.killingPod',
  'kubelet.podDeleted',
  'kubelet.stopped',
  'kubelet.started',
  'nodelifecycle.nodeUnreachable',
  'nodelifecycle.nodeReady',
  'nodelifecycle.taintAdded',
  'nodelifecycle.taintRemoved',
  'taintmanager.evictingPod',
  'disruption.noneAllowed',
  'disruption.allowed',
  'garbagecollector.deletingDependent',
  'garbagecollector.orphaningDependent',
  'namespace.deletingContent',
  'apiserver.created',
  'apiserver.updated',
  'cloud.loadBalancerReady',
  'apiserver.deleted',
  'rbac.allowed',
  'rbac.denied',
  'volume.waitingForConsumer',
  'volume.provisioned',
  'volume.bound',
  'volume.released',
  'volume.deleted',
  'volume.attached',
  'volume.detached',
  'volume.multiAttach',
  'network.ingressDenied',
  'network.egressDenied',
] as const;

export type ReasonKey = (typeof REASON_KEYS)[number];

export interface Reason {
  seq: number;
  time: number;
  /** The component that acted, as Kubernetes names it: `deployment-controller`, `default-scheduler`, `kubelet` … */
  actor: string;
  /** Node for node-local actors (kubelet). */
  node?: string;
  key: ReasonKey;
  params: Record<string, string | number | boolean>;
  objects: ObjectRef[];
}

export type ReasonListener = (r: Reason) => void;

/** A bounded ring of recent reasons plus live subscribers; old entries fall off the end. */
export class ReasonLog {
  private ring: Reason[] = [];
  private head = 0;
  private seq = 0;
  private listeners: ReasonListener[] = [];
  /** Off while the engine replays history at high speed, when nobody reads it. */
  enabled = true;

  constructor(
    private now: () => number,
    private capacity = 5000,
  ) {}

  record(actor: string, key: ReasonKey, params: Reason['params'], objects: ObjectRef[], node?: string): void {
    if (!this.enabled) return;
    const r: Reason = { seq: this.seq++, time: this.now(), actor, key, params, objects };
    if (node) r.node = node;
    // Never changed once recorded: copies of the cluster (checkpoints) share it.
    immutable(r);
    if (this.ring.length < this.capacity) this.ring.push(r);
    else {
      this.ring[this.head] = r;
      this.head = (this.head + 1) % this.capacity;
    }
    for (const l of this.listeners) l(r);
  }

  subscriberList(): object {
    return this.listeners;
  }

  subscribe(listener: ReasonListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Oldest first. */
  recent(limit = this.capacity): Reason[] {
    const ordered = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
    return ordered.slice(-limit);
  }

  about(uid: string): Reason[] {
    return this.recent().filter((r) => r.objects.some((o) => o.uid === uid));
  }
}
