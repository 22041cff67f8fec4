/**
 * `kubectl --as=jane --as-group=dev` and `--as=system:serviceaccount:ns:name`: the command's
 * requests carry Impersonate-* headers, so the API server authorizes them as that user. The
 * caller (the simulator's kubectl is the cluster's admin) must itself be allowed to impersonate,
 * as the impersonation filter checks.
 */
import { authorizingApi, impersonate } from '../api/auth/authorizingApi';
import { ADMIN_USER, type UserInfo } from '../api/auth/user';
import { KubectlError, str, stringArray, type ParsedArgs } from './args';
import type { KubectlServer } from './context';

/** The name of the user entry in the kubeconfig `npm run serve` writes (client-go names it in its refusal). */
export const KUBECONFIG_USER = 'wheelhouse-admin';

export function actingAs(cluster: KubectlServer, verb: string, args: ParsedArgs): KubectlServer {
  const as = str(args, 'as');
  const groups = stringArray(args, 'as-group');
  const uid = str(args, 'as-uid');
  const api = cluster.api;
  if (!as) {
    // client-go's kubeconfig validation, before any request is sent.
    if (groups.length || uid) throw new KubectlError(`error: requesting uid, groups or user-extra for ${KUBECONFIG_USER} without impersonating a user`);
    // A client with credentials of its own (a pod's ServiceAccount token) is authorized as itself.
    return cluster.identity ? asUser(cluster, cluster.identity, verb) : cluster;
  }
  return asUser(cluster, impersonate(api, cluster.identity ?? ADMIN_USER, as, groups, uid), verb);
}

/** The cluster as `user` reaches it: every request authorized, with the verbs kubectl's writes are. */
function asUser(cluster: KubectlServer, user: UserInfo, verb: string): KubectlServer {
  const api = cluster.api;
  return {
    api: authorizingApi(api, user, { subresourceOfWrites: verb === 'scale' ? 'scale' : undefined, updateVerb: verb === 'replace' ? 'update' : 'patch', onDecision: (r) => api.noteAuthorization(r) }),
    store: cluster.store,
    rng: cluster.rng,
    user,
    now: () => cluster.now(),
    waitFor: (done, timeoutMs) => cluster.waitFor(done, timeoutMs),
    ...(cluster.defaultNamespace ? { defaultNamespace: cluster.defaultNamespace } : {}),
  };
}
