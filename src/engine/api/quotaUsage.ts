/**
 * What an object costs against a ResourceQuota (pkg/quota/v1/evaluator/core): pods count
 * their containers' requests and limits (`cpu`/`memory` mean `requests.*`), every quota-able
 * kind counts one of itself (`pods`, `services`, `count/deployments.apps` …).
 */
import type { KObject } from './types';
import { qualifiedResource, type ResourceType } from './registry';
import { formatBytes, formatMilliCpu, milliCpu, bytes, parseQuantity } from './quantity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Resource names whose amounts are CPU (printed in cores or millicores). */
const isCpu = (r: string) => r === 'cpu' || r.endsWith('.cpu');
const isMemoryLike = (r: string) => r === 'memory' || r.endsWith('.memory') || r.endsWith('storage');

/** An amount as resource.Quantity prints it back. */
export function formatQuantity(resource: string, n: number): string {
  if (isCpu(resource)) return formatMilliCpu(Math.round(n * 1000));
  if (isMemoryLike(resource)) return formatBytes(Math.round(n));
  return String(Math.round(n));
}

/** Parses a quota amount (`2`, `500m`, `1Gi`) into base units. */
export function quotaAmount(resource: string, q: unknown): number {
  if (isCpu(resource)) return milliCpu(q as string) / 1000;
  if (isMemoryLike(resource)) return bytes(q as string);
  return parseQuantity(q as string) ?? 0;
}

const TERMINAL = new Set(['Succeeded', 'Failed']);

/** A pod in a terminal phase (or being deleted past its grace period) no longer counts. */
export function podCounts(pod: KObject): boolean {
  return !TERMINAL.has(pod.status?.phase);
}

/** The pod's compute usage: the larger of app-container sums and any one init container. */
export function podUsage(pod: KObject): Record<string, number> {
  const out: Record<string, number> = { pods: 1, 'count/pods': 1 };
  for (const kind of ['requests', 'limits'] as const) {
    for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
      let sum = 0;
      let any = false;
      for (const c of pod.spec?.containers ?? []) {
        const v = (c as Any).resources?.[kind]?.[r];
        if (v === undefined) continue;
        sum += quotaAmount(r, v);
        any = true;
      }
      for (const c of pod.spec?.initContainers ?? []) {
        const v = (c as Any).resources?.[kind]?.[r];
        if (v === undefined) continue;
        sum = Math.max(sum, quotaAmount(r, v));
        any = true;
      }
      if (!any) continue;
      out[`${kind}.${r}`] = sum;
      if (kind === 'requests') out[r] = sum;
    }
  }
  return out;
}

/** Every quota resource name one object of this type uses, with its amount. */
export function objectUsage(type: ResourceType, obj: KObject): Record<string, number> {
  if (type.kind === 'Pod') return podUsage(obj);
  const out: Record<string, number> = { [`count/${qualifiedResource(type)}`]: 1 };
  if (['services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas'].includes(type.resource)) out[type.resource] = 1;
  if (type.kind === 'Service') {
    if (obj.spec?.type === 'NodePort' || obj.spec?.type === 'LoadBalancer') out['services.nodeports'] = (obj.spec?.ports ?? []).length;
    if (obj.spec?.type === 'LoadBalancer') out['services.loadbalancers'] = 1;
  }
  if (type.kind === 'PersistentVolumeClaim') {
    // The PVC evaluator: storage requested, in total and per class.
    const storage = quotaAmount('storage', obj.spec?.resources?.requests?.storage ?? '0');
    out['requests.storage'] = storage;
    const cls = obj.spec?.storageClassName;
    if (cls) {
      out[`${cls}.storageclass.storage.k8s.io/requests.storage`] = storage;
      out[`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`] = 1;
    }
  }
  return out;
}

/** The compute resources a quota can demand every pod to declare. */
export const COMPUTE_RESOURCES = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory'];
