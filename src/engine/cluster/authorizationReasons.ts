/**
 * The why-log's record of an authorization decision for someone other than the admin: who
 * asked, for what, and which binding, role and subject allowed it — or that no role bound to
 * them allows it (and the bindings RBAC could not follow). The ServiceAccount, binding and role
 * involved are named, so each one's "Why?" shows the decision.
 */
import type { ReasonLog } from '../client/reasons';
import type { ObjectRef } from '../api/types';
import { isResourceRequest } from '../api/auth/attributes';
import type { AuthorizationRecord } from '../api/auth/authorizingApi';
import { parseServiceAccountUsername } from '../api/auth/user';

export function recordAuthorization(reasons: ReasonLog, { attributes: a, decision }: AuthorizationRecord): void {
  const objects: ObjectRef[] = [];
  const sa = parseServiceAccountUsername(a.user.username);
  if (sa) objects.push({ kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name });
  const what = isResourceRequest(a) ? `${a.subresource ? `${a.resource}/${a.subresource}` : a.resource}${a.apiGroup ? `.${a.apiGroup}` : ''}${a.name ? ` "${a.name}"` : ''}` : a.path;
  const params: Record<string, string> = { user: a.user.username, verb: a.verb, what, namespace: isResourceRequest(a) ? (a.namespace ?? '') : '' };
  if (decision.allowed && decision.source) {
    const { binding, role } = decision.source;
    objects.push({ kind: binding.kind, name: binding.name, ...(binding.namespace ? { namespace: binding.namespace } : {}) });
    objects.push({ kind: role.kind, name: role.name, ...(role.kind === 'Role' && binding.namespace ? { namespace: binding.namespace } : {}) });
    params.binding = `${binding.kind} ${binding.name}`;
    params.role = `${role.kind} ${role.name}`;
    params.subject = `${decision.source.subject.kind} ${decision.source.subject.name}`;
    reasons.record('kube-apiserver', 'rbac.allowed', params, objects);
    return;
  }
  // i18next's context picks the sentence for a binding to a role that does not exist.
  if (decision.reason) {
    params.problem = decision.reason.replace(/^RBAC: /, '');
    params.context = 'unresolved';
  }
  reasons.record('kube-apiserver', 'rbac.denied', params, objects);
}
