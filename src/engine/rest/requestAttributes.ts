/**
 * The authorization attributes of a served request, as the API server's RequestInfoResolver
 * reads them off the method and URL (k8s.io/apiserver pkg/endpoints/request/requestinfo.go):
 * GET is `get` with a name, `list` without, `watch` with `?watch=true`; POST `create`; PUT
 * `update`; PATCH `patch`; DELETE `delete`, or `deletecollection` without a name. Paths that
 * are not resources (discovery, /version, /healthz, OpenAPI) are authorized as a URL.
 */
import type { Attributes } from '../api/auth/attributes';
import type { UserInfo } from '../api/auth/user';
import type { Endpoint } from './paths';
import type { RestRequest } from './types';

/** Subresources reached by a connection upgrade: kubectl's WebSocket GET is authorized as the POST it replaces. */
const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward']);

export function requestAttributes(user: UserInfo, req: RestRequest, e: Endpoint): Attributes {
  const method = req.method.toUpperCase();
  if (e.kind !== 'resource') {
    const verb = ({ GET: 'get', HEAD: 'head', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete', OPTIONS: 'options' } as Record<string, string>)[method] ?? method.toLowerCase();
    return { user, verb, path: req.path.replace(/\/+$/, '') || '/' };
  }
  const q = new URLSearchParams(req.query ?? '');
  const watching = q.get('watch') === 'true' || q.get('watch') === '1';
  let verb: string;
  if (e.subresource && CONNECT_SUBRESOURCES.has(e.subresource)) verb = 'create';
  else if (method === 'GET' || method === 'HEAD') verb = watching ? 'watch' : e.name ? 'get' : 'list';
  else if (method === 'POST') verb = 'create';
  else if (method === 'PUT') verb = 'update';
  else if (method === 'PATCH') verb = 'patch';
  else if (method === 'DELETE') verb = e.name ? 'delete' : 'deletecollection';
  else verb = method.toLowerCase();
  const a: Attributes = { user, verb, apiGroup: e.group, resource: e.resource };
  if (e.subresource) a.subresource = e.subresource;
  if (e.name) a.name = e.name;
  if (e.namespace) a.namespace = e.namespace;
  return a;
}
