/** PodSpec and container validation (pkg/apis/core/validation/validation.go), the parts learners hit. */
import { milliCpu, bytes, parseQuantity } from '../quantity';
import { deepEqual } from '../../util/equal';
import { dns1123LabelErrors, duplicate, invalidValue, nonNegative, required, unsupported, validateLabels, type Errs } from './common';

const restartPolicies = ['Always', 'OnFailure', 'Never'];
const pullPolicies = ['Always', 'IfNotPresent', 'Never'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const dnsPolicies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const tolerationOps = ['Equal', 'Exists'];
const taintEffects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function validateResources(res: Any, path: string, errs: Errs): void {
  if (!res) return;
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, q] of Object.entries(res[kind] ?? {})) {
      const v = parseQuantity(q as string);
      if (v === undefined) {
        errs.push(invalidValue(`${path}.${kind}[${name}]`, q, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
      } else if (v < 0) {
        errs.push(invalidValue(`${path}.${kind}[${name}]`, q, 'must be greater than or equal to 0'));
      }
    }
  }
  for (const name of Object.keys(res.requests ?? {})) {
    const limit = res.limits?.[name];
    if (limit === undefined) continue;
    const req = res.requests[name];
    const over = name === 'cpu' ? milliCpu(req) > milliCpu(limit) : bytes(req) > bytes(limit);
    if (over) errs.push(invalidValue(`${path}.requests`, String(req), `must be less than or equal to ${name} limit of ${limit}`));
  }
}

function validateProbe(p: Any, path: string, errs: Errs): void {
  if (!p) return;
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => p[h]);
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push({ field: `${path}.${handlers[1]}`, message: 'Forbidden: may not specify more than 1 handler type' });
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) nonNegative(p[f], `${path}.${f}`, errs);
}

function validateContainer(c: Any, path: string, names: Set<string>, errs: Errs, isInit: boolean): void {
  if (!c || typeof c !== 'object') {
    errs.push(required(path));
    return;
  }
  if (!c.name) errs.push(required(`${path}.name`));
  else {
    for (const e of dns1123LabelErrors(c.name)) errs.push(invalidValue(`${path}.name`, c.name, e));
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image || String(c.image).trim() === '') errs.push(required(`${path}.image`));
  if (c.imagePullPolicy !== undefined && !pullPolicies.includes(c.imagePullPolicy)) errs.push(unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, pullPolicies));
  const ports = new Set<string>();
  for (const [i, p] of (c.ports ?? []).entries()) {
    const pp = `${path}.ports[${i}]`;
    if (typeof p.containerPort !== 'number' || p.containerPort < 1 || p.containerPort > 65535) {
      errs.push(invalidValue(`${pp}.containerPort`, p.containerPort ?? 0, 'must be between 1 and 65535, inclusive'));
    }
    if (p.protocol !== undefined && !protocols.includes(p.protocol)) errs.push(unsupported(`${pp}.protocol`, p.protocol, protocols));
    if (p.name) {
      if (ports.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
      ports.add(p.name);
    }
  }
  for (const [i, e] of (c.env ?? []).entries()) {
    if (!e.name) errs.push(required(`${path}.env[${i}].name`));
  }
  validateResources(c.resources, `${path}.resources`, errs);
  if (isInit && c.restartPolicy === undefined) {
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[probe]) errs.push({ field: `${path}.${probe}`, message: 'Forbidden: may not be set for init containers without restartPolicy=Always' });
    }
  } else {
    validateProbe(c.livenessProbe, `${path}.livenessProbe`, errs);
    validateProbe(c.readinessProbe, `${path}.readinessProbe`, errs);
    validateProbe(c.startupProbe, `${path}.startupProbe`, errs);
    if (c.livenessProbe?.successThreshold !== undefined && c.livenessProbe.successThreshold !== 1) {
      errs.push(invalidValue(`${path}.livenessProbe.successThreshold`, c.livenessProbe.successThreshold, 'must be 1'));
    }
  }
}

export function validatePodSpec(spec: Any, path: string, errs: Errs): void {
  if (!spec || typeof spec !== 'object') {
    errs.push(required(path));
    return;
  }
  const names = new Set<string>();
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errs.push(required(`${path}.containers`));
  else for (const [i, c] of spec.containers.entries()) validateContainer(c, `${path}.containers[${i}]`, names, errs, false);
  for (const [i, c] of (spec.initContainers ?? []).entries()) validateContainer(c, `${path}.initContainers[${i}]`, names, errs, true);
  if (spec.restartPolicy !== undefined && !restartPolicies.includes(spec.restartPolicy)) errs.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, restartPolicies));
  if (spec.dnsPolicy !== undefined && !dnsPolicies.includes(spec.dnsPolicy)) errs.push(unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, dnsPolicies));
  nonNegative(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`, errs);
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalidValue(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  validateLabels(spec.nodeSelector, `${path}.nodeSelector`, errs);
  for (const [i, t] of (spec.tolerations ?? []).entries()) {
    const tp = `${path}.tolerations[${i}]`;
    if (t.operator !== undefined && !tolerationOps.includes(t.operator)) errs.push(unsupported(`${tp}.operator`, t.operator, tolerationOps));
    if (t.operator === 'Exists' && t.value) errs.push(invalidValue(`${tp}.operator`, t.operator, 'value must be empty when `operator` is \'Exists\''));
    if (t.effect && !taintEffects.includes(t.effect)) errs.push(unsupported(`${tp}.effect`, t.effect, taintEffects));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalidValue(`${tp}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
  }
  const volumes = new Set<string>();
  for (const [i, v] of (spec.volumes ?? []).entries()) {
    if (!v.name) errs.push(required(`${path}.volumes[${i}].name`));
    else if (volumes.has(v.name)) errs.push(duplicate(`${path}.volumes[${i}].name`, v.name));
    volumes.add(v.name);
  }
  for (const [ci, c] of [...(spec.containers ?? []), ...(spec.initContainers ?? [])].entries()) {
    for (const [i, m] of (c?.volumeMounts ?? []).entries()) {
      if (m.name && !volumes.has(m.name)) {
        const kind = ci < (spec.containers?.length ?? 0) ? 'containers' : 'initContainers';
        const idx = kind === 'containers' ? ci : ci - (spec.containers?.length ?? 0);
        errs.push({ field: `${path}.${kind}[${idx}].volumeMounts[${i}].name`, message: `Not found: ${JSON.stringify(m.name)}` });
      }
      if (!m.mountPath) errs.push(required(`${path}.containers[${ci}].volumeMounts[${i}].mountPath`));
    }
  }
}

export function validatePodTemplate(template: Any, path: string, errs: Errs, allowedRestartPolicies?: string[]): void {
  if (!template) {
    errs.push(required(path));
    return;
  }
  validateLabels(template.metadata?.labels, `${path}.metadata.labels`, errs);
  validatePodSpec(template.spec, `${path}.spec`, errs);
  const rp = template.spec?.restartPolicy;
  if (allowedRestartPolicies && rp !== undefined && !allowedRestartPolicies.includes(rp)) {
    errs.push(unsupported(`${path}.spec.restartPolicy`, rp, allowedRestartPolicies));
  }
}

/**
 * Fields an ephemeral container may carry (validation.go allowedEphemeralContainerFields): the
 * rest — ports, probes, lifecycle, resources — would make it part of the workload. In the
 * order of EphemeralContainerCommon's fields, the order the API server reports them in.
 */
const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

function isZero(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every(isZero);
  return v === '' || v === 0 || v === false;
}

/** validateEphemeralContainers: names unique across every container, a real target, only the allowed fields. */
export function validateEphemeralContainers(spec: Any, errs: Errs): void {
  const list: Any[] = spec?.ephemeralContainers ?? [];
  if (!list.length) return;
  const others = new Set<string>([...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c: Any) => c?.name));
  const all = new Set(others);
  const volumes = new Set<string>((spec.volumes ?? []).map((v: Any) => v?.name));
  for (const [i, ec] of list.entries()) {
    const path = `spec.ephemeralContainers[${i}]`;
    if (!ec || typeof ec !== 'object') {
      errs.push(required(path));
      continue;
    }
    if (!ec.name) errs.push(required(`${path}.name`));
    else for (const e of dns1123LabelErrors(ec.name)) errs.push(invalidValue(`${path}.name`, ec.name, e));
    if (!ec.image || String(ec.image).trim() === '') errs.push(required(`${path}.image`));
    if (ec.imagePullPolicy !== undefined && !pullPolicies.includes(ec.imagePullPolicy)) errs.push(unsupported(`${path}.imagePullPolicy`, ec.imagePullPolicy, pullPolicies));
    for (const [j, m] of (ec.volumeMounts ?? []).entries()) {
      if (m?.name && !volumes.has(m.name)) errs.push({ field: `${path}.volumeMounts[${j}].name`, message: `Not found: ${JSON.stringify(m.name)}` });
    }
    if (ec.name) {
      if (all.has(ec.name)) errs.push(duplicate(`${path}.name`, ec.name));
      else all.add(ec.name);
    }
    if (ec.targetContainerName && !others.has(ec.targetContainerName)) errs.push({ field: `${path}.targetContainerName`, message: `Not found: ${JSON.stringify(ec.targetContainerName)}` });
    for (const f of EPHEMERAL_FORBIDDEN) if (!isZero(ec[f])) errs.push({ field: `${path}.${f}`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
    for (const [j, m] of (ec.volumeMounts ?? []).entries()) {
      if (m?.subPath) errs.push({ field: `${path}.volumeMounts[${j}].subPath`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
      if (m?.subPathExpr) errs.push({ field: `${path}.volumeMounts[${j}].subPathExpr`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
    }
  }
}

/** ValidatePodEphemeralContainersUpdate: ephemeral containers may be added, never changed or removed; static pods take none. */
export function validateEphemeralContainersUpdate(pod: Any, old: Any, errs: Errs): void {
  if (old.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
    errs.splice(0, errs.length, { field: '', message: 'Forbidden: static pods do not support ephemeral containers' });
    return;
  }
  const wanted = new Map<string, Any>((pod.spec?.ephemeralContainers ?? []).map((c: Any) => [c?.name, c]));
  for (const prev of old.spec?.ephemeralContainers ?? []) {
    const now = wanted.get(prev.name);
    if (!now) errs.push({ field: 'spec.ephemeralContainers', message: `Forbidden: existing ephemeral containers "${prev.name}" may not be removed\n` });
    else if (!deepEqual(now, prev)) errs.push({ field: 'spec.ephemeralContainers', message: `Forbidden: existing ephemeral containers "${prev.name}" may not be changed\n` });
  }
}

