/** Validation of the scheduling group (pkg/apis/scheduling/validation): PriorityClass. */
import type { KObject } from '../types';
import { forbiddenField, invalidValue, required, unsupported, type Errs } from './common';
import { HIGHEST_USER_DEFINABLE_PRIORITY, SYSTEM_PRIORITY_CLASS_PREFIX, unknownSystemClassReason } from '../priority';

interface PriorityClassFields {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

/** ValidatePreemptionPolicy, in the order core validation lists the values. */
export function validatePreemptionPolicy(policy: unknown, field: string, errs: Errs): void {
  if (policy === 'PreemptLowerPriority' || policy === 'Never') return;
  if (policy === '') errs.push(required(field));
  else errs.push(unsupported(field, policy, ['PreemptLowerPriority', 'Never']));
}

export function validatePriorityClass(obj: KObject, errs: Errs): void {
  const pc = obj as unknown as PriorityClassFields;
  const name = obj.metadata.name ?? '';
  const value = pc.value ?? 0;
  // A system- name must be one of the system classes exactly; other classes stay at or under 1e9.
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = unknownSystemClassReason(name, value, !!pc.globalDefault);
    if (why) errs.push(forbiddenField('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbiddenField('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy !== undefined && pc.preemptionPolicy !== null) validatePreemptionPolicy(pc.preemptionPolicy, 'preemptionPolicy', errs);
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy are fixed once created. */
export function validatePriorityClassUpdate(obj: KObject, old: KObject, errs: Errs): void {
  const pc = obj as unknown as PriorityClassFields;
  const before = old as unknown as PriorityClassFields;
  if ((pc.value ?? 0) !== (before.value ?? 0)) errs.push(forbiddenField('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== before.preemptionPolicy) errs.push(invalidValue('preemptionPolicy', pc.preemptionPolicy ?? null, 'field is immutable'));
}
