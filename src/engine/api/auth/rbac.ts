/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when a rule of a
 * role bound to its user allows it — ClusterRoleBindings first, then the RoleBindings of the
 * request's namespace. Nothing is ever denied outright: with no allowing rule RBAC has no
 * opinion, and the API server refuses. Bindings are visited in name order (upstream's informer
 * cache has no order; ours must be deterministic), so the allowing binding named is stable.
 */
import type { KObject } from '../types';
import type { ObjectStore } from '../store';
import { isResourceRequest, type Attributes } from './attributes';
import { parseServiceAccountUsername, type UserInfo } from './user';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

/** The binding, role and subject through which a rule applied (ruleAccumulator's source). */
export interface RuleSource {
  binding: { kind: 'ClusterRoleBinding' | 'RoleBinding'; name: string; namespace?: string };
  role: { kind: string; name: string };
  subject: Subject;
}

export interface Decision {
  allowed: boolean;
  /** The binding that allowed it. */
  source?: RuleSource;
  /** The rule that allowed it. */
  rule?: PolicyRule;
  /**
   * The authorizer's reason, word for word: `RBAC: allowed by ClusterRoleBinding "…" of
   * ClusterRole "…" to Group "…"`, or on a refusal the bindings it could not follow
   * (`RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`), else empty.
   */
  reason: string;
}

const has = (list: string[] | undefined, value: string) => !!list && list.includes(value);

/** VerbMatches, APIGroupMatches, ResourceMatches, ResourceNameMatches, NonResourceURLMatches (rbac/v1 evaluation_helpers.go). */
export function ruleAllows(a: Attributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, '*') && !has(rule.verbs, a.verb)) return false;
  if (!isResourceRequest(a)) {
    return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
  }
  if (!has(rule.apiGroups, '*') && !has(rule.apiGroups, a.apiGroup)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resourceMatches = (rule.resources ?? []).some((r) => r === '*' || r === combined || (!!a.subresource && r === `*/${a.subresource}`));
  if (!resourceMatches) return false;
  return !rule.resourceNames?.length || (!!a.name && rule.resourceNames.includes(a.name));
}

/** appliesToUser: a User by name, a Group by membership, a ServiceAccount by its username (its namespace defaulting to the binding's). */
function appliesTo(user: UserInfo, subjects: Subject[] | undefined, bindingNamespace: string): Subject | undefined {
  return (subjects ?? []).find((s) => {
    if (s.kind === 'User') return s.name === user.username;
    if (s.kind === 'Group') return user.groups.includes(s.name);
    if (s.kind !== 'ServiceAccount') return false;
    const ns = s.namespace || bindingNamespace;
    const sa = parseServiceAccountUsername(user.username);
    return !!ns && !!sa && sa.namespace === ns && sa.name === s.name;
  });
}

/** describeSubject: `User "jane"`, `ServiceAccount "builder/ci"` (a ServiceAccount as name/namespace). */
function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} "${s.name}/${s.namespace || bindingNamespace}"`;
  return `${s.kind} "${s.name}"`;
}

export function describeSource(src: RuleSource): string {
  const binding = src.binding.kind === 'RoleBinding' ? `${src.binding.name}/${src.binding.namespace}` : src.binding.name;
  return `${src.binding.kind} "${binding}" of ${src.role.kind} "${src.role.name}" to ${describeSubject(src.subject, src.binding.namespace ?? '')}`;
}

type Visitor = (source: RuleSource | undefined, rule: PolicyRule | undefined, error: string | undefined) => boolean;

export class RbacAuthorizer {
  constructor(private readonly store: ObjectStore) {}

  /** The rules of the role a binding refers to, or the lister's NotFound text. */
  private roleRules(roleRef: { kind?: string; name?: string } | undefined, namespace: string): PolicyRule[] | string {
    const name = roleRef?.name ?? '';
    if (roleRef?.kind === 'Role') {
      const role = this.store.get('roles', namespace, name);
      return role ? ((role.rules as PolicyRule[] | null) ?? []) : `role.rbac.authorization.k8s.io "${name}" not found`;
    }
    if (roleRef?.kind === 'ClusterRole') {
      const role = this.store.get('clusterroles', undefined, name);
      return role ? ((role.rules as PolicyRule[] | null) ?? []) : `clusterrole.rbac.authorization.k8s.io "${name}" not found`;
    }
    return `unsupported role reference kind: "${roleRef?.kind ?? ''}"`;
  }

  /** VisitRulesFor: every rule that applies to `user` in `namespace` (cluster-wide ones only when it is empty). */
  private visitRulesFor(user: UserInfo, namespace: string, visit: Visitor): void {
    const visitBindings = (bindings: KObject[], kind: RuleSource['binding']['kind'], ns: string): boolean => {
      for (const b of bindings) {
        const subject = appliesTo(user, b.subjects as Subject[] | undefined, ns);
        if (!subject) continue;
        const roleRef = b.roleRef as { kind: string; name: string } | undefined;
        const rules = this.roleRules(roleRef, ns);
        if (typeof rules === 'string') {
          if (!visit(undefined, undefined, rules)) return false;
          continue;
        }
        const source: RuleSource = { binding: { kind, name: b.metadata.name!, ...(kind === 'RoleBinding' ? { namespace: ns } : {}) }, role: { kind: roleRef!.kind, name: roleRef!.name }, subject };
        for (const r of rules) if (!visit(source, r, undefined)) return false;
      }
      return true;
    };
    if (!visitBindings(byName(this.store.list('clusterrolebindings')), 'ClusterRoleBinding', '')) return;
    if (namespace) visitBindings(byName(this.store.list('rolebindings', namespace)), 'RoleBinding', namespace);
  }

  authorize(a: Attributes): Decision {
    const errors: string[] = [];
    let decision: Decision | undefined;
    this.visitRulesFor(a.user, isResourceRequest(a) ? (a.namespace ?? '') : '', (source, rule, error) => {
      if (error) errors.push(error);
      else if (source && rule && ruleAllows(a, rule)) {
        decision = { allowed: true, source, rule, reason: `RBAC: allowed by ${describeSource(source)}` };
        return false;
      }
      return true;
    });
    // utilerrors.NewAggregate: one error as itself, several as a bracketed list.
    return decision ?? { allowed: false, reason: errors.length === 0 ? '' : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` };
  }

  /** RulesFor (a SelfSubjectRulesReview): the rules that apply, and whether some binding could not be followed. */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    this.visitRulesFor(user, namespace, (_s, rule, error) => {
      if (error) errors.push(error);
      else if (rule) rules.push(rule);
      return true;
    });
    return { rules, errors };
  }
}

function byName(objs: KObject[]): KObject[] {
  return [...objs].sort((x, y) => (x.metadata.name! < y.metadata.name! ? -1 : x.metadata.name! > y.metadata.name! ? 1 : 0));
}
