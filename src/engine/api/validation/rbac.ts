/**
 * Validation of the rbac.authorization.k8s.io kinds (pkg/apis/rbac/validation): Role,
 * ClusterRole, RoleBinding, ClusterRoleBinding. Names are checked in ./metadata.ts (RBAC names
 * only need to be valid path segments); defaults (roleRef and subject apiGroups) come first.
 */
import type { KObject } from '../types';
import { dns1123SubdomainErrors, invalidValue, required, unsupported, type Errs } from './common';
import { nameErrors } from './metadata';
import { validateLabelSelector } from './networking';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

/** Go's %#v of a []string, as field.Invalid prints a slice: `[]string{"/healthz"}`. */
const goStrings = (v: string[]) => `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;

/** field.Invalid for a value printed verbatim (a Go literal, not a JSON value). */
const invalidLiteral = (field: string, literal: string, detail: string) => ({ field, message: `Invalid value: ${literal}: ${detail}` });

/** ValidatePolicyRule: verbs always; a namespaced rule may not name URLs; URLs and resources never mix. */
function validatePolicyRule(rule: PolicyRule, namespaced: boolean, field: string, errs: Errs): void {
  if (!rule.verbs?.length) errs.push(required(`${field}.verbs`, 'verbs must contain at least one value'));
  if (rule.nonResourceURLs?.length) {
    if (namespaced) errs.push(invalidLiteral(`${field}.nonResourceURLs`, goStrings(rule.nonResourceURLs), 'namespaced rules cannot apply to non-resource URLs'));
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) errs.push(invalidLiteral(`${field}.nonResourceURLs`, goStrings(rule.nonResourceURLs), 'rules cannot apply to both regular resources and non-resource URLs'));
    return;
  }
  if (!rule.apiGroups?.length) errs.push(required(`${field}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!rule.resources?.length) errs.push(required(`${field}.resources`, 'resource rules must supply at least one resource'));
}

function validateRules(obj: KObject, namespaced: boolean, errs: Errs): void {
  ((obj.rules as PolicyRule[] | null | undefined) ?? []).forEach((rule, i) => validatePolicyRule(rule ?? {}, namespaced, `rules[${i}]`, errs));
}

export function validateRole(obj: KObject, errs: Errs): void {
  validateRules(obj, true, errs);
}

/** ValidateClusterRole: its rules, and an aggregationRule (when set) with at least one valid selector. */
export function validateClusterRole(obj: KObject, errs: Errs): void {
  validateRules(obj, false, errs);
  const aggregation = obj.aggregationRule as { clusterRoleSelectors?: unknown[] } | null | undefined;
  if (aggregation) {
    const selectors = aggregation.clusterRoleSelectors ?? [];
    if (!selectors.length) errs.push(required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    selectors.forEach((s, i) => validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`, errs));
  }
}

/** ValidateRoleBindingSubject: kinds User, Group (RBAC group) and ServiceAccount (core group, a namespace outside a namespace). */
function validateSubject(s: Subject, namespaced: boolean, field: string, errs: Errs): void {
  if (!s.name) errs.push(required(`${field}.name`));
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.name) for (const m of dns1123SubdomainErrors(s.name)) errs.push(invalidValue(`${field}.name`, s.name, m));
      if (s.apiGroup) errs.push(unsupported(`${field}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(`${field}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push(unsupported(`${field}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(unsupported(`${field}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
}

/** ValidateRoleBinding / ValidateClusterRoleBinding: a RoleBinding may refer to a Role or a ClusterRole, a ClusterRoleBinding only to a ClusterRole. */
export function validateRoleBinding(obj: KObject, errs: Errs): void {
  const namespaced = obj.kind === 'RoleBinding';
  const ref = (obj.roleRef ?? {}) as RoleRef;
  if (ref.apiGroup !== RBAC_GROUP) errs.push(unsupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind ?? '')) errs.push(unsupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push(required('roleRef.name'));
  else for (const m of nameErrors('pathSegment', ref.name)) errs.push(invalidValue('roleRef.name', ref.name, m));
  ((obj.subjects as Subject[] | null | undefined) ?? []).forEach((s, i) => validateSubject(s ?? {}, namespaced, `subjects[${i}]`, errs));
}

/** The API server prints the whole RoleRef struct (%#v of the internal rbac.RoleRef). */
const goRoleRef = (r: RoleRef) => `rbac.RoleRef{APIGroup:${JSON.stringify(r.apiGroup ?? '')}, Kind:${JSON.stringify(r.kind ?? '')}, Name:${JSON.stringify(r.name ?? '')}}`;

/** A binding's roleRef never changes: to point at another role, the binding is deleted and made again. */
export function validateRoleBindingUpdate(obj: KObject, old: KObject, errs: Errs): void {
  const ref = (obj.roleRef ?? {}) as RoleRef;
  const before = (old.roleRef ?? {}) as RoleRef;
  if ((ref.apiGroup ?? '') !== (before.apiGroup ?? '') || (ref.kind ?? '') !== (before.kind ?? '') || (ref.name ?? '') !== (before.name ?? '')) errs.push(invalidLiteral('roleRef', goRoleRef(ref), 'cannot change roleRef'));
}
