/**
 * How fast an HPA may move (horizontal.go): stabilization windows over past recommendations
 * and scaling policies over past scale events, from spec.behavior or, without one, the
 * controller's defaults (scale-down stabilization 300 s; up by at most max(2×, 4) a sync).
 */

import { scaleDownRules, scaleUpRules } from '../../api/defaults/hpa';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface ScaleEvent {
  at: number;
  change: number;
}

export interface Limits {
  replicas: number;
  /** Condition reason when the result was limited: TooManyReplicas, TooFewReplicas, ScaleUpLimit, ScaleDownLimit. */
  limitedBy?: string;
  stabilized: boolean;
}

function changeIn(events: ScaleEvent[], now: number, periodSeconds: number, sign: 1 | -1): number {
  return events.filter((e) => e.at > now - periodSeconds * 1000 && Math.sign(e.change) === sign).reduce((s, e) => s + Math.abs(e.change), 0);
}

function upLimit(current: number, events: ScaleEvent[], now: number, rules: Any): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const proposals = (rules.policies as Any[]).map((p) => {
    const start = current - changeIn(events, now, p.periodSeconds, 1) + changeIn(events, now, p.periodSeconds, -1);
    return p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
  });
  return rules.selectPolicy === 'Min' ? Math.min(...proposals) : Math.max(...proposals);
}

function downLimit(current: number, events: ScaleEvent[], now: number, rules: Any): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const proposals = (rules.policies as Any[]).map((p) => {
    const start = current + changeIn(events, now, p.periodSeconds, -1) - changeIn(events, now, p.periodSeconds, 1);
    return p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
  });
  return rules.selectPolicy === 'Min' ? Math.max(...proposals) : Math.min(...proposals);
}

/**
 * Applies stabilization and rate limits to `desired`. `recommendations` is this HPA's history
 * (the new one is appended by the caller after this returns).
 */
export function normalize(spec: Any, current: number, desired: number, recommendations: { at: number; replicas: number }[], events: ScaleEvent[], now: number): Limits {
  const min = spec.minReplicas ?? 1;
  const max = spec.maxReplicas;
  const behavior = spec.behavior;
  const up = scaleUpRules(behavior?.scaleUp);
  const down = scaleDownRules(behavior?.scaleDown);

  // Stabilization: the lowest recent recommendation bounds a scale-up, the highest a scale-down.
  let upRec = desired;
  let downRec = desired;
  for (const r of recommendations) {
    if (r.at > now - up.stabilizationWindowSeconds * 1000) upRec = Math.min(upRec, r.replicas);
    if (r.at > now - down.stabilizationWindowSeconds * 1000) downRec = Math.max(downRec, r.replicas);
  }
  let stable = current;
  if (stable < upRec) stable = upRec;
  if (stable > downRec) stable = downRec;
  const stabilized = stable !== desired;

  let replicas = stable;
  let limitedBy: string | undefined;
  if (behavior) {
    if (replicas > current) {
      const limit = Math.max(current, upLimit(current, events, now, up));
      const allowed = Math.min(max, limit);
      if (replicas > allowed) {
        limitedBy = allowed === max && limit >= max ? 'TooManyReplicas' : 'ScaleUpLimit';
        replicas = allowed;
      }
    } else if (replicas < current) {
      const limit = Math.min(current, downLimit(current, events, now, down));
      const allowed = Math.max(min, limit);
      if (replicas < allowed) {
        limitedBy = allowed === min && limit <= min ? 'TooFewReplicas' : 'ScaleDownLimit';
        replicas = allowed;
      }
    }
  } else {
    // convertDesiredReplicasWithRules: scale up by at most max(2×, 4) per sync.
    const scaleUpLimit = Math.max(2 * current, 4);
    const ceiling = Math.min(max, scaleUpLimit);
    if (replicas > ceiling) {
      limitedBy = ceiling === max ? 'TooManyReplicas' : 'ScaleUpLimit';
      replicas = ceiling;
    }
  }
  if (replicas < min) {
    limitedBy = 'TooFewReplicas';
    replicas = min;
  }
  if (replicas > max) {
    limitedBy = 'TooManyReplicas';
    replicas = max;
  }
  return { replicas, limitedBy, stabilized };
}
