/**
 * HorizontalPodAutoscaler controller (autoscaling/v2, pkg/controller/podautoscaler): every
 * 15 s it reads the target's pods' metrics — CPU or memory from the Metrics API, or a
 * requests-per-second Pods metric from the traffic model standing in for a custom metrics
 * adapter — computes the replica count, applies behavior, writes the target's replicas, and
 * reports conditions, currentMetrics and SuccessfulRescale events as the real one does.
 */
import type { KObject } from '../../api/types';
import { refOf } from '../../api/types';
import { typeForKind } from '../../api/registry';
import { matches, selectorFromObject } from '../../api/labels';
import { milliCpu, bytes, parseQuantity } from '../../api/quantity';
import { rfc3339 } from '../../sim/clock';
import { deepEqual } from '../../util/equal';
import type { CustomMetricsApi, MetricsApi } from '../../api/subresources';
import { candidatePods } from '../../helpers/backends';
import { isPodReady } from '../../helpers/podutil';
import { contained, type ControllerContext } from '../../client/context';
import type { WatchEventType } from '../../api/store';
import { bound } from '../../sim/forkable';
import { calcReplicas, type PodSample } from './replicaCalculator';
import { normalize, type ScaleEvent } from './behavior';
import { formatQuantity } from '../../api/quotaUsage';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const COMPONENT = 'horizontal-pod-autoscaler';
export const SYNC_PERIOD_MS = 15_000;
const hpaType = typeForKind('HorizontalPodAutoscaler');
/** Custom Pods metrics the simulated adapter serves, all read from the traffic model. */
export const REQUEST_METRICS = ['requests-per-second', 'http_requests_per_second', 'http_requests'];

interface History {
  recommendations: { at: number; replicas: number }[];
  events: ScaleEvent[];
}

interface MetricResult {
  replicas: number;
  status: Any;
  description: string;
}

export class HorizontalPodAutoscalerController {
  private history = new Map<string, History>();

  constructor(
    private ctx: ControllerContext,
    private metrics: MetricsApi,
    private customMetrics: CustomMetricsApi,
  ) {
    ctx.clock.after(SYNC_PERIOD_MS, COMPONENT, bound(this, this.tick));
    ctx.api.store.watch('horizontalpodautoscalers', bound(this, this.onHpa));
  }

  private tick(): void {
    this.ctx.clock.after(SYNC_PERIOD_MS, COMPONENT, bound(this, this.tick));
    // Each HPA on its own: one that cannot be synced must not hold up the others.
    for (const hpa of this.ctx.api.store.list('horizontalpodautoscalers')) contained(this.ctx.clock, COMPONENT, () => this.sync(hpa));
  }

  private onHpa(type: WatchEventType, hpa: KObject): void {
    if (type === 'DELETED') this.history.delete(`${hpa.metadata.namespace}/${hpa.metadata.name}`);
  }

  private sync(hpa: KObject): void {
    const { api, clock } = this.ctx;
    const now = clock.now();
    const spec = hpa.spec ?? {};
    const ns = hpa.metadata.namespace!;
    const key = `${ns}/${hpa.metadata.name}`;
    const ref = spec.scaleTargetRef ?? {};
    const conditions: Any[] = [];
    const setCondition = (type: string, status: string, reason: string, message: string) => conditions.push({ type, status, reason, message });
    const writeStatus = (status: Any) => {
      const current = api.store.get('horizontalpodautoscalers', ns, hpa.metadata.name!);
      if (!current) return;
      const ts = rfc3339(now);
      const old: Any[] = current.status?.conditions ?? [];
      status.conditions = conditions.map((c) => {
        const prev = old.find((o) => o.type === c.type);
        return { ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : ts };
      });
      if (!deepEqual(current.status, status)) api.updateStatus(hpaType, current, status, COMPONENT);
    };

    let targetType;
    try {
      targetType = typeForKind(ref.kind);
    } catch {
      targetType = undefined;
    }
    const target = targetType && ['Deployment', 'ReplicaSet', 'StatefulSet'].includes(ref.kind) ? api.store.get(targetType.resource, ns, ref.name) : undefined;
    if (!target || !targetType) {
      const msg = `the HPA controller was unable to get the target's current scale: ${targetType ? `${targetType.resource}.${targetType.group || 'core'} "${ref.name}" not found` : `no matches for kind "${ref.kind}" in group ""`}`;
      setCondition('AbleToScale', 'False', 'FailedGetScale', msg);
      api.event(hpa, 'Warning', 'FailedGetScale', `${targetType ? `${targetType.resource}.${targetType.group} "${ref.name}" not found` : msg}`, COMPONENT);
      writeStatus({ ...(hpa.status ?? {}), currentReplicas: hpa.status?.currentReplicas ?? 0, desiredReplicas: hpa.status?.desiredReplicas ?? 0 });
      return;
    }
    const currentReplicas: number = target.spec?.replicas ?? 1;
    const base: Any = { currentReplicas: target.status?.replicas ?? currentReplicas, desiredReplicas: currentReplicas };
    if (hpa.status?.lastScaleTime) base.lastScaleTime = hpa.status.lastScaleTime;
    if (currentReplicas === 0 && (spec.minReplicas ?? 1) !== 0) {
      setCondition('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale');
      setCondition('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
      writeStatus({ ...base, desiredReplicas: 0 });
      return;
    }

    const selector = selectorFromObject(target.spec?.selector);
    const pods = candidatePods(api.store, ns, target.spec?.selector?.matchLabels).filter((p) => matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');

    const results: MetricResult[] = [];
    const errors: string[] = [];
    for (const m of (spec.metrics as Any[]) ?? []) {
      try {
        results.push(this.evaluate(m, pods, currentReplicas, ns));
      } catch (e) {
        errors.push((e as Error).message);
        results.push({ replicas: -1, status: undefined, description: '' });
      }
    }
    // Metrics that could not be read are left out; kubectl shows them as <unknown>.
    const currentMetrics = results.filter((r) => r.status).map((r) => r.status);
    const valid = results.filter((r) => r.replicas >= 0);
    if (!valid.length) {
      const reason = errors[0]?.startsWith('failed to get') && (spec.metrics?.[0]?.type === 'Resource') ? 'FailedGetResourceMetric' : 'FailedGetPodsMetric';
      setCondition('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale');
      setCondition('ScalingActive', 'False', reason, `the HPA was unable to compute the replica count: ${errors[0]}`);
      api.event(hpa, 'Warning', reason, errors[0], COMPONENT);
      api.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (${errors.length} invalid out of ${results.length}), first error is: ${errors[0]}`, COMPONENT);
      writeStatus({ ...base, currentMetrics });
      return;
    }
    // The largest recommendation wins; with an invalid metric, never scale down.
    let best = valid[0];
    for (const r of valid) if (r.replicas > best.replicas) best = r;
    let desired = best.replicas;
    if (errors.length && desired < currentReplicas) desired = currentReplicas;

    let history = this.history.get(key);
    if (!history) {
      // As horizontal.go does: a new HPA starts its history at the current size, so the
      // scale-down window applies from its first sync too.
      history = { recommendations: [{ at: now, replicas: currentReplicas }], events: [] };
      this.history.set(key, history);
    }
    const horizon = now - 600_000;
    history.recommendations = history.recommendations.filter((r) => r.at > horizon);
    history.events = history.events.filter((e) => e.at > horizon);
    const limits = normalize(spec, currentReplicas, desired, history.recommendations, history.events, now);
    history.recommendations.push({ at: now, replicas: desired });

    setCondition('AbleToScale', 'True', limits.stabilized && limits.replicas === currentReplicas ? 'ScaleDownStabilized' : 'ReadyForNewScale',
      limits.stabilized && limits.replicas === currentReplicas ? 'recent recommendations were higher than current one, applying the highest recent recommendation' : 'recommended size matches current size');
    setCondition('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${best.description}`);
    const limitedMessages: Record<string, string> = {
      TooManyReplicas: 'the desired replica count is more than the maximum replica count',
      TooFewReplicas: 'the desired replica count is less than the minimum replica count',
      ScaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
      ScaleDownLimit: 'the desired replica count is decreasing faster than the maximum scale rate',
    };
    if (limits.limitedBy) setCondition('ScalingLimited', 'True', limits.limitedBy, limitedMessages[limits.limitedBy]);
    else setCondition('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range');

    const status: Any = { ...base, desiredReplicas: limits.replicas, currentMetrics };
    if (limits.replicas !== currentReplicas) {
      api.mutate(targetType, ns, ref.name, COMPONENT, (t) => ({ ...t, spec: { ...t.spec, replicas: limits.replicas } }));
      history.events.push({ at: now, change: limits.replicas - currentReplicas });
      const reason = limits.replicas > currentReplicas ? `${best.description} above target` : 'All metrics below target';
      api.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${limits.replicas}; reason: ${reason}`, COMPONENT);
      this.ctx.reasons.record(COMPONENT, 'hpa.rescaled', { from: currentReplicas, to: limits.replicas, metric: best.description }, [refOf(hpa), refOf(target)]);
      conditions[0] = { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${limits.replicas}` };
      status.lastScaleTime = rfc3339(now);
    }
    writeStatus(status);
  }

  /** One metric's recommendation and its currentMetrics entry. */
  private evaluate(m: Any, pods: KObject[], currentReplicas: number, ns: string): MetricResult {
    if (m.type === 'Resource' || m.type === 'ContainerResource') {
      const src = m.resource ?? m.containerResource;
      const resource: string = src.name;
      if (resource !== 'cpu' && resource !== 'memory') throw new Error(`failed to get ${resource} utilization: unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
      const container: string | undefined = m.containerResource?.container;
      const samples: PodSample[] = [];
      for (const pod of pods) {
        const pm = this.metrics.pod(ns, pod.metadata.name!);
        const containers: Any[] = (pod.spec?.containers ?? []).filter((c: Any) => !container || c.name === container);
        let request = 0;
        for (const c of containers) {
          const q = c.resources?.requests?.[resource];
          if (q === undefined && src.target?.type === 'Utilization') throw new Error(`failed to get ${resource} utilization: missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
          request += resource === 'cpu' ? milliCpu(q) : bytes(q);
        }
        const value = pm ? pm.containers.filter((c) => !container || c.name === container).reduce((s, c) => s + (resource === 'cpu' ? c.usage.cpu : c.usage.memory), 0) : undefined;
        samples.push({ name: pod.metadata.name!, value, request, ready: isPodReady(pod) });
      }
      if (!samples.some((s) => s.value !== undefined)) throw new Error(`failed to get ${resource} utilization: unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
      const utilization = src.target?.type === 'Utilization';
      const target = utilization ? Number(src.target.averageUtilization) : resource === 'cpu' ? milliCpu(src.target.averageValue) : bytes(src.target.averageValue);
      const rec = calcReplicas(currentReplicas, samples, target, utilization);
      const current: Any = { averageValue: formatQuantity(resource, resource === 'cpu' ? rec.average / 1000 : rec.average) };
      if (utilization) current.averageUtilization = rec.utilization;
      const status = m.type === 'Resource' ? { type: 'Resource', resource: { name: resource, current } } : { type: 'ContainerResource', containerResource: { name: resource, container, current } };
      return { replicas: rec.replicas, status, description: utilization ? `${resource} resource utilization (percentage of request)` : `${resource} resource` };
    }
    if (m.type === 'Pods') {
      const name: string = m.pods?.metric?.name ?? '';
      if (!REQUEST_METRICS.includes(name)) throw new Error(`failed to get pods metric value: unable to get metric ${name}: unable to fetch metrics from custom metrics API: the server could not find the metric ${name} for pods`);
      const samples: PodSample[] = pods.filter((p) => p.status?.phase === 'Running').map((p) => ({ name: p.metadata.name!, value: this.customMetrics.podRate(ns, p.metadata.name!), ready: isPodReady(p) }));
      if (!samples.length) throw new Error(`failed to get pods metric value: unable to get metric ${name}: no metrics returned from custom metrics API`);
      const target = parseQuantity(m.pods.target?.averageValue) ?? 0;
      const rec = calcReplicas(currentReplicas, samples, target, false);
      return { replicas: rec.replicas, status: { type: 'Pods', pods: { metric: { name }, current: { averageValue: formatAverage(rec.average) } } }, description: `pods metric ${name}` };
    }
    throw new Error(`${m.type} metrics are not available in this simulator yet (use Resource or Pods)`);
  }
}

function formatAverage(v: number): string {
  return Number.isInteger(v) ? String(v) : `${Math.round(v * 1000)}m`;
}
