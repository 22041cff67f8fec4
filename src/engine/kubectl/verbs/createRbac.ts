/**
 * kubectl create role | clusterrole | rolebinding | clusterrolebinding, with kubectl 1.32's
 * checks in its order (create_role.go, create_clusterrole.go, create_rolebinding.go,
 * create_clusterrolebinding.go). Refusals are decided before anything is sent, as kubectl
 * decides them; resources are resolved through discovery as its RESTMapper does.
 */
import type { KObject } from '../../api/types';
import { AGGREGATED_TYPES, RESOURCE_TYPES, type ResourceType } from '../../api/registry';
import { KubectlError, stringArray, strings, str, type ParsedArgs } from '../args';
import { LAST_APPLIED } from './apply';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_V1 = `${RBAC_GROUP}/v1`;

/** create_role.go validResourceVerbs: others are allowed, with a warning. */
const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
/** create_clusterrole.go validNonResourceVerbs: others are refused. */
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** create_role.go specialVerbs: these verbs only mean something on these group/resources. */
const SPECIAL_VERBS: Record<string, [group: string, resource: string][]> = {
  use: [
    ['policy', 'podsecuritypolicies'],
    ['extensions', 'podsecuritypolicies'],
  ],
  bind: [
    [RBAC_GROUP, 'roles'],
    [RBAC_GROUP, 'clusterroles'],
  ],
  escalate: [
    [RBAC_GROUP, 'roles'],
    [RBAC_GROUP, 'clusterroles'],
  ],
  impersonate: [
    ['', 'users'],
    ['', 'serviceaccounts'],
    ['', 'groups'],
    ['authentication.k8s.io', 'userextras'],
  ],
};

interface ResourceOption {
  group: string;
  resource: string;
  subresource: string;
}

export interface PolicyRule {
  verbs: string[] | null;
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** Keeps the first of each value, in order (kubectl's arrayContains loops). */
const unique = (values: string[]) => values.filter((v, i) => values.indexOf(v) === i);

/** `--verb`: duplicates dropped; a `*` stands for every verb and replaces the others. */
function verbsOf(args: ParsedArgs): string[] {
  const verbs = unique(strings(args, 'verb'));
  return verbs.includes('*') ? ['*'] : verbs;
}

/** `--resource=pods,deployments.apps,pods/status`: a bare `*` replaces everything after it is met. */
function resourcesOf(args: ParsedArgs): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of strings(args, 'resource')) {
    const slash = r.indexOf('/');
    const head = slash < 0 ? r : r.slice(0, slash);
    const dot = head.indexOf('.');
    const option = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), subresource: slash < 0 ? '' : r.slice(slash + 1) };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

/**
 * The RESTMapper's ResourceFor behind kubectl's shortcut expander: a plural or singular name
 * (in the group, when one is given) first, then a short name, then a short name in a group
 * the given one begins (`deploy.app`). Discovery order decides between groups: core first.
 */
function resolveResource(resource: string, group: string): { group: string; resource: string } | undefined {
  const name = resource.toLowerCase();
  const types: ResourceType[] = [...RESOURCE_TYPES, ...AGGREGATED_TYPES];
  const inGroup = (t: ResourceType) => !group || t.group === group;
  const found = types.find((t) => inGroup(t) && (t.resource === name || t.singular === name)) ?? types.find((t) => inGroup(t) && t.shortNames.includes(name)) ?? (group ? types.find((t) => t.group.startsWith(group) && t.shortNames.includes(name)) : undefined);
  return found && { group: found.group, resource: found.resource };
}

/** What kubectl prints for a resource its mapper does not know (a NoMatch error, without "error: "). */
function noSuchResource(r: ResourceOption): KubectlError {
  return new KubectlError(r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`);
}

/** create_role.go validateResource: every resource known, special verbs only on their resources; a `*` ends the checks. */
function validateResources(resources: ResourceOption[], verbs: string[]): void {
  for (const r of resources) {
    if (!r.resource) throw new KubectlError('error: resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const resolved = resolveResource(r.resource, r.group);
    const gr = resolved ?? { group: r.group, resource: r.resource };
    let unknown = !resolved;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === gr.group && res === gr.resource)) throw new KubectlError(`error: can not perform '${v}' on '${gr.resource}' in group '${gr.group}'`);
      // A special verb's own resource needs no discovery (users, groups are not served types).
      unknown = false;
    }
    if (unknown) throw noSuchResource(r);
  }
}

/** create_role.go generateResourcePolicyRules: one rule per API group (groups sorted), then one for the URLs. */
function policyRules(verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const resolved = resolveResource(r.resource, r.group) ?? { group: r.group, resource: r.resource };
    const resource = r.subresource ? `${resolved.resource}/${r.subresource}` : resolved.resource;
    const list = byGroup.get(resolved.group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(resolved.group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => ({ verbs, apiGroups: [g], resources: byGroup.get(g)!, ...(resourceNames.length ? { resourceNames } : {}) }));
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}

/** Written to stderr (before any refusal that follows) for verbs kubectl does not know on resources. */
function warnNonStandardVerbs(verbs: string[], warn: Warn): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb`);
}

export type Warn = (line: string) => void;

export function roleGenerator(args: ParsedArgs, name: string, namespace: string, warn: Warn): KObject {
  const verbs = verbsOf(args);
  const resources = resourcesOf(args);
  const resourceNames = unique(stringArray(args, 'resource-name'));
  if (!verbs.length) throw new KubectlError('error: at least one verb must be specified');
  warnNonStandardVerbs(verbs, warn);
  if (!resources.length) throw new KubectlError('error: at least one resource must be specified');
  validateResources(resources, verbs);
  return { apiVersion: RBAC_V1, kind: 'Role', metadata: { name, namespace }, rules: policyRules(verbs, resources, resourceNames, []) };
}

/** `--aggregation-rule=a=b,c=d` as cliflag.MapStringString reads it (pairs trimmed, empty ones skipped). */
function aggregationLabels(args: ParsedArgs): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const value of stringArray(args, 'aggregation-rule'))
    for (const pair of value.split(',').map((s) => s.trim())) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq < 0) throw new KubectlError(`error: invalid argument "${value}" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee 'kubectl create clusterrole --help' for usage.`);
      Object.defineProperty(labels, pair.slice(0, eq).trim(), { value: pair.slice(eq + 1).trim(), enumerable: true, writable: true, configurable: true });
    }
  return labels;
}

export function clusterRoleGenerator(args: ParsedArgs, name: string, warn: Warn): KObject {
  const nonResourceURLs = unique(strings(args, 'non-resource-url'));
  const verbs = verbsOf(args);
  const resources = resourcesOf(args);
  const resourceNames = unique(stringArray(args, 'resource-name'));
  const aggregation = aggregationLabels(args);
  const metadata = { name };
  if (Object.keys(aggregation).length) {
    if (nonResourceURLs.length || verbs.length || resources.length || resourceNames.length) throw new KubectlError('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    // ClusterRole.rules has no omitempty: kubectl sends (and prints) `rules: null`.
    return { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] }, rules: null };
  }
  if (!verbs.length) throw new KubectlError('error: at least one verb must be specified');
  if (!resources.length && !nonResourceURLs.length) throw new KubectlError('error: one of resource or nonResourceURL must be specified');
  if (resources.length) {
    warnNonStandardVerbs(verbs, warn);
    validateResources(resources, verbs);
  }
  if (nonResourceURLs.length) {
    const bad = verbs.find((v) => !VALID_NON_RESOURCE_VERBS.includes(v));
    if (bad !== undefined) throw new KubectlError(`error: invalid verb: '${bad}' for nonResourceURL`);
    for (const url of nonResourceURLs) {
      if (url === '*') continue;
      if (!url.startsWith('/')) throw new KubectlError('error: nonResourceURL should start with /');
      if (url.slice(0, -1).includes('*')) throw new KubectlError("error: nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  return { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata, rules: policyRules(verbs, resources, resourceNames, nonResourceURLs) };
}

/** Users and groups in the RBAC group, then service accounts `<namespace>:<name>` in the core group. */
function subjects(args: ParsedArgs): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const user of stringArray(args, 'user')) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name: user });
  for (const group of stringArray(args, 'group')) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: group });
  for (const sa of stringArray(args, 'serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('error: serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

const withSubjects = (list: Record<string, string>[]) => (list.length ? { subjects: list } : {});

export function roleBindingGenerator(args: ParsedArgs, name: string, namespace: string): KObject {
  const role = str(args, 'role') ?? '';
  const clusterRole = str(args, 'clusterrole') ?? '';
  if (!role === !clusterRole) throw new KubectlError('error: exactly one of clusterrole or role must be specified');
  const roleRef = { apiGroup: RBAC_GROUP, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole };
  return { apiVersion: RBAC_V1, kind: 'RoleBinding', metadata: { name, namespace }, roleRef, ...withSubjects(subjects(args)) };
}

/** `--clusterrole` is a required flag: cobra refuses its absence before the NAME is looked at. */
export function requireClusterRoleFlag(args: ParsedArgs): void {
  if (!args.flags.has('clusterrole')) throw new KubectlError('error: required flag(s) "clusterrole" not set');
}

export function clusterRoleBindingGenerator(args: ParsedArgs, name: string): KObject {
  const roleRef = { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: str(args, 'clusterrole') ?? '' };
  return { apiVersion: RBAC_V1, kind: 'ClusterRoleBinding', metadata: { name }, roleRef, ...withSubjects(subjects(args)) };
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

export const isRbacObject = (obj: KObject) => RBAC_KINDS.has(obj.kind) && obj.apiVersion === RBAC_V1;

/** Picks the keys present, in Go's struct field order, as encoding/json writes a typed object. */
function ordered(v: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (v && v[k] !== undefined) out[k] = v[k];
  return out;
}

const OBJECT_META = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/** A map as encoding/json writes it: keys sorted. */
const sortedMap = (m: unknown) => (m && typeof m === 'object' ? Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : m);

/**
 * The object as kubectl's generators print it: the typed rbacv1 struct they built or decoded
 * the answer into — fields in Go's order (what `-o json` shows) and a zero creationTimestamp
 * written as null.
 */
export function asTyped(obj: KObject): KObject {
  const meta = obj.metadata as unknown as Record<string, unknown>;
  const metadata = ordered({ ...meta, creationTimestamp: meta.creationTimestamp ?? null, labels: sortedMap(meta.labels), annotations: sortedMap(meta.annotations) }, OBJECT_META);
  const body: Record<string, unknown> = { kind: obj.kind, apiVersion: obj.apiVersion, metadata };
  if (obj.kind === 'Role' || obj.kind === 'ClusterRole') {
    // Rules has no omitempty: absent, it is written as null.
    body.rules = Array.isArray(obj.rules) ? obj.rules.map((r: Record<string, unknown>) => ordered(r, ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'])) : null;
    const aggregation = obj.aggregationRule as { clusterRoleSelectors?: Record<string, unknown>[] } | undefined;
    if (aggregation) body.aggregationRule = { clusterRoleSelectors: (aggregation.clusterRoleSelectors ?? []).map((sel) => ordered({ ...sel, matchLabels: sortedMap(sel.matchLabels) }, ['matchLabels', 'matchExpressions'])) };
  } else {
    if (Array.isArray(obj.subjects)) body.subjects = obj.subjects.map((s: Record<string, unknown>) => ordered(s, ['kind', 'apiGroup', 'name', 'namespace']));
    body.roleRef = ordered(obj.roleRef as Record<string, unknown>, ['apiGroup', 'kind', 'name']);
  }
  if (obj.status !== undefined) body.status = obj.status;
  return body as KObject;
}

/**
 * `--save-config`: kubectl encodes the typed object it built (util.CreateOrUpdateAnnotation)
 * before sending it, so the recorded JSON is in Go's field order, without a namespace unless
 * one was asked for.
 */
export function withTypedLastApplied(obj: KObject): KObject {
  const { namespace, ...meta } = obj.metadata;
  const config = asTyped({ ...obj, metadata: { ...meta, ...(namespace && namespace !== 'default' ? { namespace } : {}) } });
  const annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: `${JSON.stringify(config)}\n` };
  return { ...obj, metadata: { ...obj.metadata, annotations } };
}
