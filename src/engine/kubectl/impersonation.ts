/**
 * `kubectl --as=jane --as-group=dev` and `--as=system:serviceaccount:ns:name`: the command's
 * requests carry Impersonate-* headers, so the API server authorizes them as that user. The
 * caller (the simulator's kubectl is the cluster's admin) must itself be allowed to impersonate,
 * as the impersonation filter checks.
 */
import { authorizingApi, impersonate } from '../api/auth/authorizingApi';
import { ADMIN_USER } from '../api/auth/user';
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
  const api = cluster.api;
  const user = impersonate(api, ADMIN_USER, as, groups, uid);
  return {
    api: authorizingApi(api, user, { subresourceOfWrites: verb === 'scale' ? 'scale' : undefined, updateVerb: verb === 'replace' ? 'update' : 'patch', onDecision: (r) => api.noteAuthorization(r) }),
    store: cluster.store,
    rng: cluster.rng,
    user,
    now: () => cluster.now(),
    waitFor: (done, timeoutMs) => cluster.waitFor(done, timeoutMs),
  };
}
