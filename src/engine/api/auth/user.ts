/**
 * Who a request is: the authenticated user (k8s.io/apiserver pkg/authentication/user.Info), as
 * authentication or impersonation leaves it for the authorizer.
 */
export interface UserInfo {
  username: string;
  groups: string[];
  uid?: string;
}

/** Every authenticated user carries this group (the API server adds it). */
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ANONYMOUS = 'system:anonymous';
const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/**
 * The cluster's admin, as kind and kubeadm name it: since v1.29 kubeadm's admin.conf holds a
 * user in `kubeadm:cluster-admins`, a group bound to cluster-admin (not system:masters).
 */
export const ADMIN_USER: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', ALL_AUTHENTICATED] };

/** `system:serviceaccount:<ns>:<name>` (serviceaccount.MakeUsername). */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_PREFIX}${namespace}:${name}`;
}

/** The namespace and name of a ServiceAccount's username, or undefined for other users. */
export function parseServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const [namespace, name, ...rest] = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  if (!namespace || !name || rest.length) return undefined;
  return { namespace, name };
}

/** A ServiceAccount's user: its fixed groups (serviceaccount.MakeGroupNames) and system:authenticated. */
export function serviceAccountUser(namespace: string, name: string, uid?: string): UserInfo {
  const user: UserInfo = { username: serviceAccountUsername(namespace, name), groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, ALL_AUTHENTICATED] };
  if (uid) user.uid = uid;
  return user;
}

/**
 * The user a request impersonates (`kubectl --as`, `--as-group`; the Impersonate-* headers), as
 * the impersonation filter builds it: a ServiceAccount's username brings its groups when none
 * are named, and every non-anonymous user is in system:authenticated.
 */
export function impersonatedUser(username: string, groups: string[], uid?: string): UserInfo {
  const sa = parseServiceAccountUsername(username);
  let all = groups.length === 0 && sa ? serviceAccountUser(sa.namespace, sa.name).groups : [...groups];
  if (username !== ANONYMOUS && !all.includes(ALL_AUTHENTICATED)) all = [...all, ALL_AUTHENTICATED];
  const user: UserInfo = { username, groups: all };
  if (uid) user.uid = uid;
  return user;
}
