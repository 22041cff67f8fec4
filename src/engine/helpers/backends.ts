/**
 * A Service's backends: the pods its selector matches, with their addresses, readiness and
 * the ports the Service's targetPorts resolve to. The Endpoints and EndpointSlice controllers
 * both publish this; only ready pods receive traffic.
 */
import { persistentTable } from '../sim/persistable';
import type { KObject } from '../api/types';
import type { ObjectStore, WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { matches, selectorFromMap } from '../api/labels';
import { isPodReady } from './podutil';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface Backend {
  pod: KObject;
  ip: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface BackendPort {
  name?: string;
  port: number;
  protocol: string;
}

/** Index of pods by each of their labels, as "namespace/key=value". */
export const POD_LABEL_INDEX = 'label';
export const podLabelKey = (namespace: string, key: string, value: string) => `${namespace}/${key}=${value}`;
export function podLabelKeys(pod: KObject): string[] {
  return Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => podLabelKey(pod.metadata.namespace!, k, v));
}

/**
 * Pods of a namespace that could match a selector: those carrying one of its required
 * `key: value` pairs (from the label index), or every pod when it requires none.
 */
export function candidatePods(store: ObjectStore, namespace: string, required: Record<string, string> | undefined): KObject[] {
  const first = Object.entries(required ?? {})[0];
  return first ? store.byIndex('pods', POD_LABEL_INDEX, podLabelKey(namespace, first[0], first[1])) : store.list('pods', namespace);
}

/** Pods selected by the Service that have an IP (the endpoints controller skips the rest). */
export function serviceBackends(store: ObjectStore, svc: KObject): Backend[] {
  if (!svc.spec?.selector) return [];
  const sel = selectorFromMap(svc.spec.selector);
  const out: Backend[] = [];
  // Candidates from the label index (one of the selector's pairs), not the whole namespace:
  // kube-dns must not scan every kube-proxy pod of a 5,000-node cluster on each change.
  for (const pod of candidatePods(store, svc.metadata.namespace!, svc.spec.selector)) {
    if (!pod.status?.podIP || !matches(sel, pod.metadata.labels)) continue;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    const terminating = !!pod.metadata.deletionTimestamp;
    const ready = isPodReady(pod) && !terminating;
    out.push({ pod, ip: pod.status.podIP, nodeName: pod.spec?.nodeName, ready, serving: isPodReady(pod), terminating });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

/** The Service's ports as a given pod serves them: named targetPorts resolve per pod. */
export function backendPorts(svc: KObject, pod: KObject): BackendPort[] {
  const out: BackendPort[] = [];
  for (const p of (svc.spec?.ports ?? []) as Any[]) {
    let port = p.targetPort ?? p.port;
    if (typeof port === 'string') {
      const named = (pod.spec?.containers ?? []).flatMap((c: Any) => c.ports ?? []).find((cp: Any) => cp.name === port);
      if (!named) continue;
      port = named.containerPort;
    }
    const bp: BackendPort = { port: Number(port), protocol: p.protocol ?? 'TCP' };
    if (p.name) bp.name = p.name;
    out.push(bp);
  }
  return out;
}

/**
 * Calls `enqueue("ns/name")` for every Service whose backends a pod change may have changed:
 * a new or deleted pod, or one whose IP, phase, labels, readiness or deletion changed, matched
 * by the Service's selector before or after. Both endpoint controllers watch pods this way.
 */
export function watchServiceBackends(store: ObjectStore, enqueue: (key: string) => void): void {
  store.watch('services', bound(backendWatch, backendWatch.onService, enqueue));
  store.watch('pods', bound(backendWatch, backendWatch.onPod, store, enqueue));
}

// An object (not closures) so a copy of the cluster can rebuild each controller's handlers;
// `enqueue` must itself be a bound call for the copy to rebuild it.
const backendWatch = persistentTable('backends.watch', {
  onService(enqueue: (key: string) => void, _t: WatchEventType, svc: KObject): void {
    enqueue(`${svc.metadata.namespace}/${svc.metadata.name}`);
  },
  onPod(store: ObjectStore, enqueue: (key: string) => void, type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    if (type === 'MODIFIED' && old && pod.status?.podIP === old.status?.podIP && pod.status?.phase === old.status?.phase && pod.metadata.labels === old.metadata.labels && pod.metadata.deletionTimestamp === old.metadata.deletionTimestamp && pod.status?.conditions === old.status?.conditions) return;
    for (const svc of store.list('services', pod.metadata.namespace)) {
      if (!svc.spec?.selector) continue;
      const sel = selectorFromMap(svc.spec.selector);
      if (matches(sel, pod.metadata.labels) || (old && matches(sel, old.metadata.labels))) enqueue(`${svc.metadata.namespace}/${svc.metadata.name}`);
    }
  },
});