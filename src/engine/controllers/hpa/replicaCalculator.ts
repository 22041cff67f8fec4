/**
 * The HPA's replica arithmetic (pkg/controller/podautoscaler/replica_calculator.go): the
 * usage ratio against the target, the 0.1 tolerance, and the conservative treatment of pods
 * that have no metrics yet (assumed at 100 % of target when scaling down, 0 % when scaling
 * up) and of unready pods (0 % when scaling up), so a rollout never triggers a stampede.
 */

export const TOLERANCE = 0.1;

export interface PodSample {
  name: string;
  /** Measured value (millicores, bytes, or a custom metric's value); undefined: no metrics. */
  value?: number;
  /** The pod's request for the resource (for Utilization targets). */
  request?: number;
  ready: boolean;
}

export interface Recommendation {
  replicas: number;
  /** Utilization in percent (Utilization targets) or the average value, over measured pods. */
  utilization?: number;
  average: number;
}

/**
 * Replicas for a per-pod metric. `target` is a utilization percent when `utilization` is set
 * (and samples carry requests), else an average value per pod.
 */
export function calcReplicas(currentReplicas: number, samples: PodSample[], target: number, utilization: boolean): Recommendation {
  const measured = samples.filter((s) => s.value !== undefined);
  const readyMeasured = measured.filter((s) => s.ready);
  const missing = samples.filter((s) => s.value === undefined);
  const unready = measured.filter((s) => !s.ready);
  if (!readyMeasured.length && !measured.length) throw new Error('did not receive metrics for targeted pods (pods might be unready)');

  const usageOf = (list: PodSample[]) => {
    const sum = list.reduce((t, s) => t + (s.value ?? 0), 0);
    if (!utilization) return { ratio: sum / list.length / target, current: sum / list.length, avg: sum / list.length };
    const requests = list.reduce((t, s) => t + (s.request ?? 0), 0);
    const current = requests > 0 ? (sum * 100) / requests : 0;
    return { ratio: current / target, current, avg: sum / list.length };
  };

  const base = readyMeasured.length ? readyMeasured : measured;
  const first = usageOf(base);
  const result = (replicas: number): Recommendation => ({ replicas, utilization: utilization ? Math.floor(first.current) : undefined, average: first.avg });
  const scaleUpIgnoresUnready = first.ratio > 1 && unready.length > 0;

  if (!missing.length && !scaleUpIgnoresUnready) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return result(currentReplicas);
    return result(Math.ceil(first.ratio * base.length));
  }

  // Rebalance: fill in the pods we cannot trust, in the direction that damps the change.
  const assumed: PodSample[] = [...base];
  const full = (s: PodSample) => (utilization ? ((s.request ?? 0) * target) / 100 : target);
  if (missing.length) for (const s of missing) assumed.push({ ...s, value: first.ratio < 1 ? full(s) : 0 });
  if (scaleUpIgnoresUnready) for (const s of unready) assumed.push({ ...s, value: 0 });
  const second = usageOf(assumed);
  if (Math.abs(1 - second.ratio) <= TOLERANCE || (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1)) return result(currentReplicas);
  const replicas = Math.ceil(second.ratio * assumed.length);
  // Never move against the direction the measured pods asked for.
  if ((second.ratio < 1 && replicas > currentReplicas) || (second.ratio > 1 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}
