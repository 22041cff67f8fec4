/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger): on pod creation it
 * fills in each container's missing requests and limits from the namespace's LimitRanges
 * (type Container: defaultRequest, default) and then refuses pods outside min, max and
 * maxLimitRequestRatio — with the plugin's own sentences, which learners will meet again.
 */
import type { KObject } from './types';
import type { ObjectStore } from './store';
import { forbidden } from './errors';
import { parseQuantity } from './quantity';
import { formatQuantity } from './quotaUsage';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, for Container items. */
export function defaultLimitRange(spec: Any): Any {
  if (!spec || !Array.isArray(spec.limits)) return spec;
  return {
    ...spec,
    limits: spec.limits.map((item: Any) => {
      if (item?.type !== 'Container') return item;
      const out = { ...item };
      if (out.max) out.default = { ...out.max, ...(out.default ?? {}) };
      if (out.default) out.defaultRequest = { ...out.default, ...(out.defaultRequest ?? {}) };
      return out;
    }),
  };
}

/** Applies defaults and checks constraints; returns the pod to store or throws 403 Forbidden. */
export function admitLimitRanges(store: ObjectStore, pod: KObject): KObject {
  const ranges = store.list('limitranges', pod.metadata.namespace);
  if (!ranges.length) return pod;
  let spec: Any = pod.spec;
  const annotations: string[] = [];
  const errors: string[] = [];
  for (const lr of ranges) {
    for (const item of (lr.spec?.limits as Any[]) ?? []) {
      if (item.type === 'Container') {
        const withDefaults = (c: Any, what: string) => {
          const requests = { ...(c.resources?.requests ?? {}) };
          const limits = { ...(c.resources?.limits ?? {}) };
          const setReq: string[] = [];
          const setLim: string[] = [];
          for (const [r, v] of Object.entries(item.default ?? {})) {
            if (limits[r] !== undefined) continue;
            limits[r] = v;
            setLim.push(r);
          }
          for (const [r, v] of Object.entries(item.defaultRequest ?? {})) {
            if (requests[r] !== undefined) continue;
            requests[r] = v;
            setReq.push(r);
          }
          if (setReq.length) annotations.push(`${setReq.join(', ')} request for ${what} ${c.name}`);
          if (setLim.length) annotations.push(`${setLim.join(', ')} limit for ${what} ${c.name}`);
          if (!setReq.length && !setLim.length) return c;
          const resources: Any = { ...(c.resources ?? {}) };
          if (Object.keys(requests).length) resources.requests = requests;
          if (Object.keys(limits).length) resources.limits = limits;
          return { ...c, resources };
        };
        spec = {
          ...spec,
          ...(spec.initContainers ? { initContainers: spec.initContainers.map((c: Any) => withDefaults(c, 'init container')) } : {}),
          containers: (spec.containers ?? []).map((c: Any) => withDefaults(c, 'container')),
        };
        for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) checkItem(item, 'Container', c.resources?.requests ?? {}, c.resources?.limits ?? {}, errors);
      } else if (item.type === 'Pod') {
        const sum = (kind: 'requests' | 'limits') => {
          const out: Record<string, number> = {};
          for (const c of spec.containers ?? []) for (const [r, v] of Object.entries(c.resources?.[kind] ?? {})) out[r] = (out[r] ?? 0) + (parseQuantity(v as string) ?? 0);
          return out;
        };
        checkItem(item, 'Pod', sum('requests'), sum('limits'), errors);
      }
    }
  }
  if (errors.length) throw forbidden(`pods "${pod.metadata.name}" is forbidden: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`);
  if (!annotations.length) return pod;
  return {
    ...pod,
    metadata: { ...pod.metadata, annotations: { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${annotations.join('; ')}` } },
    spec,
  };
}

const value = (v: unknown) => (typeof v === 'number' ? v : parseQuantity(v as string));

function checkItem(item: Any, type: string, requests: Record<string, unknown>, limits: Record<string, unknown>, errors: string[]): void {
  for (const [r, min] of Object.entries(item.min ?? {})) {
    const req = value(requests[r]);
    if (req === undefined) errors.push(`minimum ${r} usage per ${type} is ${min}.  No request is specified`);
    else if (req < value(min)!) errors.push(`minimum ${r} usage per ${type} is ${min}, but request is ${formatQuantity(r, req)}`);
  }
  for (const [r, max] of Object.entries(item.max ?? {})) {
    const lim = value(limits[r]);
    if (lim === undefined) errors.push(`maximum ${r} usage per ${type} is ${max}.  No limit is specified`);
    else if (lim > value(max)!) errors.push(`maximum ${r} usage per ${type} is ${max}, but limit is ${formatQuantity(r, lim)}`);
  }
  for (const [r, ratio] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const lim = value(limits[r]);
    const req = value(requests[r]);
    if (lim === undefined) errors.push(`${r} max limit to request ratio per ${type} is ${ratio}, but no limit is specified`);
    else if (!req) errors.push(`${r} max limit to request ratio per ${type} is ${ratio}, but no request is specified or request is 0`);
    else if (lim / req > value(ratio)!) errors.push(`${r} max limit to request ratio per ${type} is ${ratio}, but provided ratio is ${(lim / req).toFixed(6)}`);
  }
}
