/**
 * `kubectl --as=jane --as-group=dev` and `--as=system:serviceaccount:ns:name`: the command's
 * requests carry Impersonate-* headers, so the API server authorizes them as that user. The
 * caller (the simulator's kubectl is the cluster's admin) must itself be allowed to impersonate,
 * as the impersonation filter checks.
 */
import { authorize, authorizingApi } from '../api/auth/authorizingApi';
import { ADMIN_USER, impersonatedUser, parseServiceAccountUsername } from '../api/auth/user';
import { KubectlError, str, stringArray, type ParsedArgs } from './args';
import type { KubectlServer } from './context';

/** The name of the user entry in the kubeconfig `npm run serve` writes (client-go names it in its refusal). */
export const KUBECONFIG_USER = 'wheelhouse-admin';

export function actingAs(cluster: KubectlServer, verb: string, args: ParsedArgs): KubectlServer {
  const as = str(args, 'as');
  const groups = stringArray(args, 'as-group');
  const uid = str(args, 'as-uid');
  if (!as) {
    // client-go's kubeconfig validation, before any request is sent.
    if (groups.length || uid) throw new KubectlError(`error: requesting uid, groups or user-extra for ${KUBECONFIG_USER} without impersonating a user`);
    return cluster;
  }
  const user = impersonatedUser(as, groups, uid);
  const api = cluster.api;
  const sa = parseServiceAccountUsername(as);
  authorize(api, sa ? { user: ADMIN_USER, verb: 'impersonate', apiGroup: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name } : { user: ADMIN_USER, verb: 'impersonate', apiGroup: '', resource: 'users', name: as });
  for (const g of groups) authorize(api, { user: ADMIN_USER, verb: 'impersonate', apiGroup: '', resource: 'groups', name: g });
  if (uid) authorize(api, { user: ADMIN_USER, verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });
  return {
    api: authorizingApi(api, user, { subresourceOfWrites: verb === 'scale' ? 'scale' : undefined, updateVerb: verb === 'replace' ? 'update' : 'patch', onDecision: (r) => api.noteAuthorization(r) }),
    store: cluster.store,
    rng: cluster.rng,
    user,
    now: () => cluster.now(),
    waitFor: (done, timeoutMs) => cluster.waitFor(done, timeoutMs),
  };
}
