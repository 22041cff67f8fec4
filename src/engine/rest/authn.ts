/**
 * Who a served request is. The Node server checks the admin's token itself (it never enters the
 * action log); any other bearer token and the Impersonate-* headers travel in the request, and
 * the engine decides — against the cluster as it is at that moment, so a replay decides the same:
 * a ServiceAccount token (`kubectl create token`) is that account while the account exists with
 * the uid the token names and the token has not expired; impersonation is allowed when RBAC lets
 * the caller `impersonate` the user, groups and uid named.
 */
import type { ObjectStore } from '../api/store';
import { ApiError } from '../api/errors';
import { impersonate } from '../api/auth/authorizingApi';
import type { ApiServer } from '../api/server';
import { ADMIN_USER, serviceAccountUser, type UserInfo } from '../api/auth/user';
import type { RestRequest } from './types';
import { decodeBase64 } from '../util/base64';

const unauthorized = () => new ApiError('Unauthorized', 401, 'Unauthorized');

/** The ServiceAccount a token we issued names, if it is still valid now. */
function serviceAccountOf(store: ObjectStore, token: string, nowMs: number): UserInfo | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let claims: { exp?: unknown; sub?: unknown; 'kubernetes.io'?: { namespace?: unknown; serviceaccount?: { name?: unknown; uid?: unknown } } };
  try {
    claims = JSON.parse(decodeBase64(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as typeof claims;
  } catch {
    return undefined;
  }
  const k8s = claims['kubernetes.io'];
  const ns = k8s?.namespace;
  const name = k8s?.serviceaccount?.name;
  const uid = k8s?.serviceaccount?.uid;
  if (typeof ns !== 'string' || typeof name !== 'string' || typeof uid !== 'string') return undefined;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined;
  const sa = store.get('serviceaccounts', ns, name);
  if (!sa || sa.metadata.uid !== uid) return undefined;
  return serviceAccountUser(ns, name, uid);
}

/**
 * The user a request acts as: undefined for the cluster's admin (who is not authorized request
 * by request, as the server's own kubeconfig user). Throws 401 for a token nobody issued and 403
 * for an impersonation the caller may not do.
 */
export function authenticate(api: ApiServer, req: RestRequest): UserInfo | undefined {
  let caller: UserInfo | undefined;
  if (req.auth?.token !== undefined) {
    caller = serviceAccountOf(api.store, req.auth.token, api.clock.now());
    if (!caller) throw unauthorized();
  }
  const imp = req.auth?.impersonate;
  if (!imp) return caller;
  if (!imp.user) throw new ApiError('InternalError', 500, 'Internal error occurred: requested impersonation of groups or a uid without impersonating a user');
  return impersonate(api, caller ?? ADMIN_USER, imp.user, imp.groups ?? [], imp.uid);
}
