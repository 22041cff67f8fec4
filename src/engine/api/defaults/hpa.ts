/** autoscaling/v2 behavior defaults (GenerateHPAScaleUpRules / GenerateHPAScaleDownRules). */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: a behavior's missing parts. */
export function scaleUpRules(r: Any = {}): Any {
  return {
    stabilizationWindowSeconds: r.stabilizationWindowSeconds ?? 0,
    selectPolicy: r.selectPolicy ?? 'Max',
    policies: r.policies ?? [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

export function scaleDownRules(r: Any = {}): Any {
  return {
    stabilizationWindowSeconds: r.stabilizationWindowSeconds ?? 300,
    selectPolicy: r.selectPolicy ?? 'Max',
    policies: r.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
}
