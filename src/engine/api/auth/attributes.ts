/**
 * What a request asks to do, as the API server's request-info filter reads it off the URL
 * (k8s.io/apiserver authorizer.Attributes), and the Forbidden answer when nobody allows it.
 */
import { ApiError } from '../errors';
import type { UserInfo } from './user';

export interface ResourceAttributes {
  user: UserInfo;
  /** get, list, watch, create, update, patch, delete, deletecollection, impersonate, use … */
  verb: string;
  apiGroup: string;
  /** Plural resource name (`pods`, `deployments`). */
  resource: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

export interface NonResourceAttributes {
  user: UserInfo;
  verb: string;
  /** A URL path such as `/healthz` or `/api`. */
  path: string;
}

export type Attributes = ResourceAttributes | NonResourceAttributes;

export const isResourceRequest = (a: Attributes): a is ResourceAttributes => 'resource' in a;

/** forbiddenMessage (endpoints/handlers/responsewriters/errors.go), word for word. */
export function forbiddenMessage(a: Attributes): string {
  const username = a.user.username;
  if (!isResourceRequest(a)) return `User "${username}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (a.namespace) return `User "${username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" in the namespace "${a.namespace}"`;
  return `User "${username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" at the cluster scope`;
}

/**
 * The 403 the authorization filter answers (responsewriters.Forbidden → errors.NewForbidden):
 * `pods "web" is forbidden: User …`, the resource qualified by its group (a subresource is named
 * only in the sentence), `forbidden: User …` for a path. The authorizer's reason is not sent.
 */
export function forbiddenError(a: Attributes): ApiError {
  const detail = forbiddenMessage(a);
  if (!isResourceRequest(a)) return new ApiError('Forbidden', 403, `forbidden: ${detail}`);
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  const head = a.name ? `${qualified} "${a.name}"` : qualified;
  return new ApiError('Forbidden', 403, `${head} is forbidden: ${detail}`, { name: a.name, group: a.apiGroup, kind: a.resource });
}
