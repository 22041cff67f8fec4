/**
 * HorizontalPodAutoscalers at autoscaling/v1, converted to and from the stored autoscaling/v2.
 * `kubectl autoscale` still creates v1 objects, and many tutorials' manifests say
 * `apiVersion: autoscaling/v1`; the API server serves both versions of one object
 * (pkg/apis/autoscaling/v1/conversion.go): v1 has one number, targetCPUUtilizationPercentage,
 * and keeps whatever else v2 knows (other metrics, behavior, conditions) in annotations so that a
 * v1 client's update loses nothing.
 */
import type { KObject } from '../types';
import type { ResourceType } from '../registry';

/** The annotations v1 carries v2's other fields in. */
const METRICS = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS = 'autoscaling.alpha.kubernetes.io/current-metrics';
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior';
const CONVERSION_ANNOTATIONS = [METRICS, CURRENT_METRICS, CONDITIONS, BEHAVIOR];

/** Whether objects of this apiVersion and kind are accepted by converting them (an autoscaling/v1 HPA). */
export function convertedVersion(apiVersion: string | undefined, kind: string | undefined): boolean {
  return apiVersion === 'autoscaling/v1' && kind === 'HorizontalPodAutoscaler';
}

/** The served type: the same resource as autoscaling/v2's, at v1. */
export function hpaV1Type(v2: ResourceType): ResourceType {
  return { ...v2, version: 'v1', shortNames: [...v2.shortNames], categories: [...v2.categories], verbs: [...v2.verbs] };
}

type Metric = { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number }; current?: { averageUtilization?: number } } };

const isCpuUtilization = (m: Metric, field: 'target' | 'current') => m.type === 'Resource' && m.resource?.name === 'cpu' && (field === 'current' ? m.resource.current?.averageUtilization !== undefined : m.resource.target?.type === 'Utilization' && m.resource.target.averageUtilization !== undefined);

/** A stored (v2) object as a v1 client reads it. */
export function hpaToV1(obj: KObject): KObject {
  const spec = (obj.spec ?? {}) as Record<string, unknown> & { metrics?: Metric[]; behavior?: unknown };
  const status = (obj.status ?? {}) as Record<string, unknown> & { currentMetrics?: Metric[]; conditions?: unknown[] };
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  const metrics = spec.metrics ?? [];
  const cpu = metrics.find((m) => isCpuUtilization(m, 'target'));
  const others = metrics.filter((m) => m !== cpu);
  if (others.length) annotations[METRICS] = JSON.stringify(others);
  if (spec.behavior) annotations[BEHAVIOR] = JSON.stringify(spec.behavior);
  const current = status.currentMetrics ?? [];
  const currentCpu = current.find((m) => isCpuUtilization(m, 'current'));
  const otherCurrent = current.filter((m) => m !== currentCpu);
  if (otherCurrent.length) annotations[CURRENT_METRICS] = JSON.stringify(otherCurrent);
  if (status.conditions?.length) annotations[CONDITIONS] = JSON.stringify(status.conditions);
  const v1Spec: Record<string, unknown> = { scaleTargetRef: spec.scaleTargetRef };
  if (spec.minReplicas !== undefined) v1Spec.minReplicas = spec.minReplicas;
  v1Spec.maxReplicas = spec.maxReplicas;
  if (cpu) v1Spec.targetCPUUtilizationPercentage = cpu.resource!.target!.averageUtilization;
  const v1Status: Record<string, unknown> = {};
  for (const k of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) if (status[k] !== undefined) v1Status[k] = status[k];
  if (v1Status.currentReplicas === undefined) v1Status.currentReplicas = 0;
  if (v1Status.desiredReplicas === undefined) v1Status.desiredReplicas = 0;
  if (currentCpu) v1Status.currentCPUUtilizationPercentage = currentCpu.resource!.current!.averageUtilization;
  const metadata = { ...obj.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata, spec: v1Spec, status: v1Status };
}

function parseAnnotation<T>(annotations: Record<string, string>, key: string): T | undefined {
  const text = annotations[key];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** A v1 object a client sent, as it is stored (v2): the annotations' fields back in place. */
export function hpaFromV1(obj: KObject): KObject {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  const status = (obj.status ?? {}) as Record<string, unknown>;
  const annotations: Record<string, string> = { ...(obj.metadata?.annotations ?? {}) };
  const otherMetrics = parseAnnotation<Metric[]>(annotations, METRICS) ?? [];
  const behavior = parseAnnotation<unknown>(annotations, BEHAVIOR);
  const otherCurrent = parseAnnotation<Metric[]>(annotations, CURRENT_METRICS) ?? [];
  const conditions = parseAnnotation<unknown[]>(annotations, CONDITIONS);
  for (const k of CONVERSION_ANNOTATIONS) delete annotations[k];
  const metrics: Metric[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number') metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } });
  metrics.push(...otherMetrics);
  const v2Spec: Record<string, unknown> = { scaleTargetRef: spec.scaleTargetRef };
  if (spec.minReplicas !== undefined) v2Spec.minReplicas = spec.minReplicas;
  v2Spec.maxReplicas = spec.maxReplicas;
  if (metrics.length) v2Spec.metrics = metrics;
  if (behavior) v2Spec.behavior = behavior;
  const currentMetrics: Metric[] = [];
  if (typeof status.currentCPUUtilizationPercentage === 'number') currentMetrics.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } });
  currentMetrics.push(...otherCurrent);
  const v2Status: Record<string, unknown> = {};
  for (const k of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) if (status[k] !== undefined) v2Status[k] = status[k];
  if (currentMetrics.length) v2Status.currentMetrics = currentMetrics;
  if (conditions) v2Status.conditions = conditions;
  const metadata = { ...(obj.metadata ?? {}) };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  const out: KObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec: v2Spec };
  if (Object.keys(v2Status).length) out.status = v2Status;
  return out;
}

/** A response body at v1: an object, a list of them, or a Table whose rows carry them. */
export function bodyToV1(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const b = body as { kind?: string; items?: unknown[]; rows?: { object?: unknown }[] };
  if (b.kind === 'HorizontalPodAutoscaler') return hpaToV1(body as KObject);
  if (b.kind === 'HorizontalPodAutoscalerList') return { ...b, apiVersion: 'autoscaling/v1', items: (b.items ?? []).map((o) => hpaToV1(o as KObject)) };
  if (b.kind === 'Table' && Array.isArray(b.rows)) return { ...b, rows: b.rows.map((r) => ((r.object as { kind?: string } | undefined)?.kind === 'HorizontalPodAutoscaler' ? { ...r, object: hpaToV1(r.object as KObject) } : r)) };
  return body;
}
