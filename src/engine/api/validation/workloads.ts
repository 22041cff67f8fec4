/** Deployment and ReplicaSet validation (pkg/apis/apps/validation/validation.go). */
import { matches, selectorFromMap, selectorFromObject } from '../labels';
import type { KObject } from '../types';
import { deepEqual } from '../../util/equal';
import { goValue, invalidValue, nonNegative, required, unsupported, type Errs } from './common';
import { validatePodTemplate } from './pod';
import { CronError, parseCron } from '../../util/cron';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function labelSelectorGoValue(sel: Any): string {
  const ml = sel?.matchLabels ? goValue(sel.matchLabels) : 'map[string]string(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}

function validateSelectorAndTemplate(spec: Any, errs: Errs, kind = 'deployment'): void {
  const sel = spec?.selector;
  const empty = !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
  if (empty) {
    errs.push(required('spec.selector'));
    // apps/v1 also reports the empty selector as invalid (ValidateLabelSelector + "empty selector is invalid for deployment").
    errs.push({ field: 'spec.selector', message: `Invalid value: ${labelSelectorGoValue(sel)}: empty selector is invalid for ${kind}` });
  }
  validatePodTemplate(spec?.template, 'spec.template', errs, ['Always']);
  const labels = spec?.template?.metadata?.labels;
  if (!empty && spec?.template && !matches(selectorFromObject(sel), labels)) {
    errs.push(invalidValue('spec.template.metadata.labels', labels ?? {}, '`selector` does not match template `labels`'));
  }
  for (const [i, e] of (sel?.matchExpressions ?? []).entries()) {
    const ops = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
    if (!ops.includes(e.operator)) errs.push(unsupported(`spec.selector.matchExpressions[${i}].operator`, e.operator, ops));
  }
}

function intOrPercent(v: Any): { ok: boolean; value: number; percent: boolean } {
  if (typeof v === 'number') return { ok: Number.isInteger(v), value: v, percent: false };
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return { ok: true, value: Number(v.slice(0, -1)), percent: true };
  return { ok: false, value: 0, percent: false };
}

export function validateDeployment(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  nonNegative(spec.replicas, 'spec.replicas', errs);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  validateSelectorAndTemplate(spec, errs);
  const strategy = spec.strategy ?? {};
  const types = ['Recreate', 'RollingUpdate'];
  if (strategy.type !== undefined && !types.includes(strategy.type)) errs.push(unsupported('spec.strategy.type', strategy.type, types));
  if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    errs.push({ field: 'spec.strategy.rollingUpdate', message: "Forbidden: may not be specified when strategy `type` is 'Recreate'" });
  }
  const ru = strategy.rollingUpdate;
  if (ru) {
    const surge = intOrPercent(ru.maxSurge ?? '25%');
    const unavail = intOrPercent(ru.maxUnavailable ?? '25%');
    if (!surge.ok) errs.push(invalidValue('spec.strategy.rollingUpdate.maxSurge', ru.maxSurge, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
    if (!unavail.ok) errs.push(invalidValue('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
    if (unavail.ok && unavail.percent && unavail.value > 100) errs.push(invalidValue('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'must not be greater than 100%'));
    if (surge.ok && unavail.ok && surge.value === 0 && unavail.value === 0) {
      errs.push(invalidValue('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  if (spec.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    errs.push(invalidValue('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
}

export function validateDaemonSet(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  validateSelectorAndTemplate(spec, errs, 'daemonset');
  const types = ['OnDelete', 'RollingUpdate'];
  const t = spec.updateStrategy?.type;
  if (t !== undefined && !types.includes(t)) errs.push(unsupported('spec.updateStrategy.type', t, types));
}

export function validateReplicaSet(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  nonNegative(spec.replicas, 'spec.replicas', errs);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  validateSelectorAndTemplate(spec, errs);
}

/** ValidateReplicationControllerSpec: a map selector (mutable, unlike apps/v1's) that the template's labels satisfy. */
export function validateReplicationController(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  nonNegative(spec.replicas, 'spec.replicas', errs);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  const selector = spec.selector as Record<string, string> | undefined;
  if (!selector || Object.keys(selector).length === 0) errs.push(required('spec.selector'));
  if (!spec.template) errs.push(required('spec.template'));
  else {
    validatePodTemplate(spec.template, 'spec.template', errs, ['Always']);
    const labels = spec.template.metadata?.labels;
    if (selector && Object.keys(selector).length && !matches(selectorFromMap(selector), labels)) errs.push(invalidValue('spec.template.metadata.labels', labels ?? {}, '`selector` does not match template `labels`'));
  }
}

/** apps/v1 made selectors immutable. */
export function validateSelectorUpdate(obj: KObject, old: KObject, errs: Errs): void {
  if (!deepEqual(obj.spec?.selector ?? null, old.spec?.selector ?? null)) {
    errs.push({ field: 'spec.selector', message: `Invalid value: ${labelSelectorGoValue(obj.spec?.selector)}: field is immutable` });
  }
}

/** batch/v1 Job validation: the pod template must not restart Always. */
export function validateJob(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  nonNegative(spec.parallelism, 'spec.parallelism', errs);
  nonNegative(spec.completions, 'spec.completions', errs);
  nonNegative(spec.backoffLimit, 'spec.backoffLimit', errs);
  nonNegative(spec.ttlSecondsAfterFinished, 'spec.ttlSecondsAfterFinished', errs);
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) errs.push(invalidValue('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be greater than 0'));
  validatePodTemplate(spec.template, 'spec.template', errs);
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(unsupported('spec.template.spec.restartPolicy', rp ?? '', ['OnFailure', 'Never']));
}

export function validateCronJob(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  if (!spec.schedule) errs.push(required('spec.schedule'));
  else {
    try {
      parseCron(spec.schedule);
    } catch (e) {
      if (e instanceof CronError) errs.push(invalidValue('spec.schedule', spec.schedule, e.message));
      else throw e;
    }
  }
  const policies = ['Allow', 'Forbid', 'Replace'];
  if (spec.concurrencyPolicy !== undefined && !policies.includes(spec.concurrencyPolicy)) errs.push(unsupported('spec.concurrencyPolicy', spec.concurrencyPolicy, policies));
  nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds', errs);
  nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit', errs);
  nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit', errs);
  if (!spec.jobTemplate?.spec?.template) errs.push(required('spec.jobTemplate.spec.template'));
  else {
    validatePodTemplate(spec.jobTemplate.spec.template, 'spec.jobTemplate.spec.template', errs);
    const rp = spec.jobTemplate.spec.template.spec?.restartPolicy;
    if (rp !== 'OnFailure' && rp !== 'Never') errs.push(unsupported('spec.jobTemplate.spec.template.spec.restartPolicy', rp ?? '', ['OnFailure', 'Never']));
  }
}

export function validateStatefulSet(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  nonNegative(spec.replicas, 'spec.replicas', errs);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  // Volumes named by claim templates are provided per pod, so mounts may refer to them.
  const claims: Any[] = spec.volumeClaimTemplates ?? [];
  const withClaims = spec.template?.spec
    ? { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, volumes: [...(spec.template.spec.volumes ?? []), ...claims.map((c) => ({ name: c.metadata?.name, persistentVolumeClaim: { claimName: c.metadata?.name } }))] } } }
    : spec;
  validateSelectorAndTemplate(withClaims, errs, 'statefulset');
  const policies = ['OrderedReady', 'Parallel'];
  if (spec.podManagementPolicy !== undefined && !policies.includes(spec.podManagementPolicy)) errs.push(unsupported('spec.podManagementPolicy', spec.podManagementPolicy, policies));
  const types = ['OnDelete', 'RollingUpdate'];
  const t = spec.updateStrategy?.type;
  if (t !== undefined && !types.includes(t)) errs.push(unsupported('spec.updateStrategy.type', t, types));
}
