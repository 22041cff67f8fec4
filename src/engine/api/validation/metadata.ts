/** ObjectMeta validation (apimachinery api/validation/objectmeta.go). */
import type { KObject } from '../types';
import { dns1123LabelErrors, dns1123SubdomainErrors, dns1035LabelErrors, invalidValue, required, validateAnnotations, validateLabels, type Errs } from './common';

export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'pathSegment';

/** path.IsValidPathSegmentName: RBAC names only have to fit in a URL (`system:basic-user` is fine). */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

export function nameErrors(rule: NameRule, name: string): string[] {
  if (rule === 'pathSegment') return pathSegmentErrors(name);
  return rule === 'label' ? dns1123LabelErrors(name) : rule === 'dns1035' ? dns1035LabelErrors(name) : dns1123SubdomainErrors(name);
}

export function validateObjectMeta(obj: KObject, rule: NameRule, namespaced: boolean, errs: Errs): void {
  const m = obj.metadata;
  if (!m.name && !m.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  if (m.name) for (const e of nameErrors(rule, m.name)) errs.push(invalidValue('metadata.name', m.name, e));
  if (namespaced && m.namespace) for (const e of dns1123LabelErrors(m.namespace)) errs.push(invalidValue('metadata.namespace', m.namespace, e));
  if (!namespaced && m.namespace) errs.push({ field: 'metadata.namespace', message: 'Forbidden: not allowed on this type' });
  validateLabels(m.labels, 'metadata.labels', errs);
  validateAnnotations(m.annotations, 'metadata.annotations', errs);
  for (const [i, o] of (m.ownerReferences ?? []).entries()) {
    if (!o.uid) errs.push(invalidValue(`metadata.ownerReferences.uid`, o.uid ?? '', 'uid must not be empty'));
    if (!o.name) errs.push(invalidValue(`metadata.ownerReferences.name`, o.name ?? '', 'name must not be empty'));
    void i;
  }
  const controllers = (m.ownerReferences ?? []).filter((o) => o.controller);
  if (controllers.length > 1) {
    errs.push(invalidValue('metadata.ownerReferences', m.ownerReferences, 'Only one reference can have Controller set to true'));
  }
}
