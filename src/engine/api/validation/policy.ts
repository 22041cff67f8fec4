/** Validation of the policy group (pkg/apis/policy/validation): PodDisruptionBudget. */
import type { KObject } from '../types';
import { invalidValue, unsupported, type Errs } from './common';

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent. */
function intOrPercent(v: unknown, field: string, errs: Errs): void {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) errs.push(invalidValue(field, v, 'must be an integer'));
    else if (v < 0) errs.push(invalidValue(field, v, 'must be greater than or equal to 0'));
    return;
  }
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) {
    if (Number(v.slice(0, -1)) > 100) errs.push(invalidValue(field, v, 'must not be greater than 100%'));
    return;
  }
  errs.push(invalidValue(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
}

export function validatePodDisruptionBudget(obj: KObject, errs: Errs): void {
  const spec = (obj.spec ?? {}) as { minAvailable?: unknown; maxUnavailable?: unknown; unhealthyPodEvictionPolicy?: unknown; selector?: { matchExpressions?: { operator: string }[] } };
  // The API server prints the whole spec struct here; its words follow.
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) errs.push({ field: 'spec', message: 'Invalid value: "object": minAvailable and maxUnavailable cannot be both set' });
  if (spec.minAvailable !== undefined) intOrPercent(spec.minAvailable, 'spec.minAvailable', errs);
  if (spec.maxUnavailable !== undefined) intOrPercent(spec.maxUnavailable, 'spec.maxUnavailable', errs);
  const policies = ['AlwaysAllow', 'IfHealthyBudget'];
  if (spec.unhealthyPodEvictionPolicy !== undefined && !policies.includes(spec.unhealthyPodEvictionPolicy as string)) errs.push(unsupported('spec.unhealthyPodEvictionPolicy', spec.unhealthyPodEvictionPolicy, policies));
  for (const [i, e] of (spec.selector?.matchExpressions ?? []).entries()) {
    const ops = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
    if (!ops.includes(e.operator)) errs.push(unsupported(`spec.selector.matchExpressions[${i}].operator`, e.operator, ops));
  }
}
