/**
 * RBAC's privilege-escalation prevention (registry/rbac/{role,clusterrole,...}/policybased, validation.ConfirmNoEscalation):
 * a user may write a Role or ClusterRole only with rules they already hold — unless they may
 * `escalate` it — and may bind a role only if they hold its rules — unless they may `bind` it.
 * Otherwise a ServiceAccount allowed to create Roles could grant itself anything.
 */
import { ApiError } from '../errors';
import type { KObject } from '../types';
import type { RbacAuthorizer, PolicyRule } from './rbac';
import { breakdownRule, compactRules } from './ruleBreakdown';
import type { UserInfo } from './user';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** Members of system:masters skip RBAC altogether (EscalationAllowed). */
const SUPERUSER_GROUP = 'system:masters';

const has = (list: string[] | undefined, v: string) => !!list && list.includes(v);
const hasAll = (list: string[] | undefined, vs: string[] | undefined) => (vs ?? []).every((v) => has(list, v));

/** resourceCoversAll: `*`, the same name, `*\/sub` for any resource's sub, or `res/*` for any of res's subresources. */
function resourceCovers(owner: string[] | undefined, resources: string[] | undefined): boolean {
  if (has(owner, '*') || hasAll(owner, resources)) return true;
  return (resources ?? []).every((r) => {
    if (has(owner, r)) return true;
    const slash = r.indexOf('/');
    if (slash < 0) return false;
    return has(owner, `*${r.slice(slash)}`) || has(owner, `${r.slice(0, slash)}/*`);
  });
}

/** nonResourceURLsCoversAll: the same URL, or a prefix ending in `*`. */
function urlsCover(owner: string[] | undefined, urls: string[] | undefined): boolean {
  return (urls ?? []).every((u) => (owner ?? []).some((o) => o === u || o === '*' || (o.endsWith('*') && u.startsWith(o.slice(0, -1)))));
}

/** ruleCovers (policy_comparator.go). */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const names = !sub.resourceNames?.length ? !owner.resourceNames?.length : !owner.resourceNames?.length || hasAll(owner.resourceNames, sub.resourceNames);
  return verbs && groups && resourceCovers(owner.resources, sub.resources) && names && urlsCover(owner.nonResourceURLs, sub.nonResourceURLs);
}

/** Covers: the broken-down rules of `servant` no rule of `owner` covers. */
export function uncoveredRules(owner: PolicyRule[], servant: PolicyRule[]): PolicyRule[] {
  return servant.flatMap(breakdownRule).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
}

/** Go's %q of a []string: `["apps" "batch"]`. */
const goQuoted = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;

/** rbacv1helpers.CompactString: `{APIGroups:["apps"], Resources:["deployments"], Verbs:["delete"]}`. */
export function compactString(r: PolicyRule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${goQuoted(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${goQuoted(r.resources)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${goQuoted(r.nonResourceURLs)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${goQuoted(r.resourceNames)}`);
  if (r.verbs?.length) parts.push(`Verbs:${goQuoted(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

function forbiddenWrite(resource: string, name: string, detail: string): ApiError {
  return new ApiError('Forbidden', 403, `${resource}.${RBAC_GROUP} "${name}" is forbidden: ${detail}`, { name, group: RBAC_GROUP, kind: resource });
}

/** ConfirmNoEscalation: throws unless `user` holds every rule, in `namespace` ('' for cluster-wide). */
function confirmNoEscalation(authorizer: RbacAuthorizer, user: UserInfo, namespace: string, rules: PolicyRule[], resource: string, name: string): void {
  const owned = authorizer.rulesFor(user, namespace);
  const missing = uncoveredRules(owned.rules, rules);
  if (!missing.length) return;
  // sets.NewString(...).List(): each missing rule once, in byte order.
  const lines = [...new Set(compactRules(missing).map(compactString))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let msg = `user ${JSON.stringify(user.username)} (groups=${goQuoted(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
  if (owned.errors.length) msg += `; resolution errors: [${owned.errors.join(' ')}]`;
  throw forbiddenWrite(resource, name, msg);
}

const allowed = (authorizer: RbacAuthorizer, user: UserInfo, verb: string, resource: string, name: string, namespace: string) =>
  authorizer.authorize({ user, verb, apiGroup: RBAC_GROUP, resource, name, ...(namespace ? { namespace } : {}) }).allowed;

/** The rules a binding's roleRef grants, or the lookup's error as the registry answers it. */
function referencedRules(lookup: (resource: string, namespace: string | undefined, name: string) => KObject | undefined, roleRef: { kind?: string; name?: string }, namespace: string): PolicyRule[] | string {
  const name = roleRef.name ?? '';
  const role = roleRef.kind === 'Role' ? lookup('roles', namespace, name) : roleRef.kind === 'ClusterRole' ? lookup('clusterroles', undefined, name) : undefined;
  if (!role) return roleRef.kind === 'Role' || roleRef.kind === 'ClusterRole' ? `${roleRef.kind === 'Role' ? 'roles' : 'clusterroles'}.${RBAC_GROUP} "${name}" not found` : `unsupported role reference kind: "${roleRef.kind ?? ''}"`;
  return (role.rules as PolicyRule[] | null) ?? [];
}

/**
 * The policy-based storage's checks before an RBAC object is written by `user` (create or
 * update alike): roles need their rules held or `escalate`; bindings need the role's rules held
 * or `bind`. Anything else passes.
 */
export function confirmRbacWrite(authorizer: RbacAuthorizer, lookup: (resource: string, namespace: string | undefined, name: string) => KObject | undefined, user: UserInfo, obj: KObject): void {
  if (user.groups.includes(SUPERUSER_GROUP)) return;
  const kind = obj.kind;
  const name = obj.metadata?.name ?? '';
  const namespace = kind === 'Role' || kind === 'RoleBinding' ? (obj.metadata?.namespace ?? 'default') : '';
  if (kind === 'Role' || kind === 'ClusterRole') {
    const resource = kind === 'Role' ? 'roles' : 'clusterroles';
    if (allowed(authorizer, user, 'escalate', resource, name, namespace)) return;
    confirmNoEscalation(authorizer, user, namespace, (obj.rules as PolicyRule[] | null) ?? [], resource, name);
    return;
  }
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const resource = kind === 'RoleBinding' ? 'rolebindings' : 'clusterrolebindings';
    const roleRef = (obj.roleRef as { kind?: string; name?: string } | undefined) ?? {};
    // BindingAuthorized: `bind` on the role referred to, in the binding's namespace.
    if (allowed(authorizer, user, 'bind', roleRef.kind === 'Role' ? 'roles' : 'clusterroles', roleRef.name ?? '', namespace)) return;
    const rules = referencedRules(lookup, roleRef, namespace);
    if (typeof rules === 'string') throw forbiddenWrite(resource, name, rules);
    confirmNoEscalation(authorizer, user, namespace, rules, resource, name);
  }
}
