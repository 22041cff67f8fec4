/**
 * Subresources real clients use: `/status` (controllers and `kubectl patch --subresource`),
 * `/scale` (`kubectl scale`, the HPA), `/ephemeralcontainers` (`kubectl debug`), `/log` (`kubectl logs`), `/exec` (its result; the
 * WebSocket framing is the Node server's), `/eviction` (`kubectl drain`), `/binding` (a
 * scheduler of one's own) and a namespace's `/finalize`.
 */
import type { KObject } from '../api/types';
import { ApiError, badRequest, conflict } from '../api/errors';
import { qualifiedResource } from '../api/registry';
import { formatSelector, formatLabels } from '../api/labels';
import { mergePatch } from '../util/mergePatch';
import type { ExecResult } from '../api/subresources';
import { applyJsonPatch, decodeJsonPatch, JsonPatchApplyError, JsonPatchDecodeError } from '../api/patch/jsonPatch';
import type { RestRequest, RestResponse } from './types';
import type { RestApi, Target } from './restApi';
import { failure, jsonResponse } from './status';
import { subresourcesOf } from './discovery';
import { parseObjectBody, parsePatchBody, patchTypeOf, writeOptions } from './body';
import { recordUpdate } from '../api/apply/managedFields';
import { rfc3339 } from '../sim/clock';

const json = jsonResponse;

/** What an exec answered, before the Node server frames it into the stream's channels. */
export const EXEC_CONTENT_TYPE = 'application/vnd.wheelhouse.exec+json';

/** The kubelet's own exec result, passed on as it is. */
export type ExecAnswer = ExecResult;

const notAllowed = () => failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export function serveSubresource(rest: RestApi, req: RestRequest, t: Target): RestResponse {
  const sub = t.subresource!;
  const served = subresourcesOf(t.type).find((s) => s.name === sub);
  if (!served) return failure(404, 'NotFound', 'the server could not find the requested resource');
  const method = req.method.toUpperCase();
  const verb = method === 'GET' ? 'get' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : method === 'POST' ? 'create' : '';
  if (!served.verbs.includes(verb)) return notAllowed();
  const q = new URLSearchParams(req.query ?? '');
  switch (sub) {
    case 'status':
      return status(rest, req, t, method, q);
    case 'ephemeralcontainers':
      return ephemeralContainers(rest, req, t, method, q);
    case 'scale':
      return scale(rest, req, t, method, q);
    case 'log':
      return logs(rest, t, q);
    case 'exec':
      return exec(rest, req, t, q);
    case 'attach':
      // Streams only: the Node server upgrades attach to a WebSocket before it gets here.
      return failure(400, 'BadRequest', 'Upgrade request required');
    case 'eviction':
      return eviction(rest, req, t, q);
    case 'binding':
      return binding(rest, req, t);
    case 'finalize':
      return finalize(rest, req, t);
    case 'token':
      return token(rest, req, t);
    default:
      return notAllowed();
  }
}

function status(rest: RestApi, req: RestRequest, t: Target, method: string, q: URLSearchParams): RestResponse {
  const api = rest.api;
  if (method === 'GET') return json(200, api.get(t.type, t.namespace, t.name!));
  const opts = writeOptions(q);
  if (method === 'PATCH') {
    const patchType = patchTypeOf(req.contentType);
    if (!patchType) return failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json');
    const body = parsePatchBody(req.body);
    return json(200, api.patch(t.type, t.namespace, t.name!, patchType, body, rest.actor(req), { dryRun: opts.dryRun, subresource: 'status' }).object);
  }
  const { obj } = rest.bodyObject(req, t, opts);
  const current = api.get(t.type, t.namespace, t.name!);
  if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(qualifiedResource(t.type), t.name!);
  }
  if (opts.dryRun) return json(200, { ...current, status: obj.status });
  return json(200, api.updateStatus(t.type, current, obj.status, rest.actor(req)));
}

/** pods/{name}/ephemeralcontainers: the whole Pod in and out, only its ephemeral containers written (kubectl debug PATCHes it). */
function ephemeralContainers(rest: RestApi, req: RestRequest, t: Target, method: string, q: URLSearchParams): RestResponse {
  const api = rest.api;
  if (method === 'GET') return json(200, api.get(t.type, t.namespace, t.name!));
  const opts = writeOptions(q);
  if (method === 'PATCH') {
    const patchType = patchTypeOf(req.contentType);
    if (!patchType) return failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json');
    return json(200, api.patch(t.type, t.namespace, t.name!, patchType, parsePatchBody(req.body), rest.actor(req), { dryRun: opts.dryRun, subresource: 'ephemeralcontainers' }).object);
  }
  const { obj } = rest.bodyObject(req, t, opts);
  return json(200, api.updateEphemeralContainers(api.get(t.type, t.namespace, t.name!), obj, rest.actor(req), { dryRun: opts.dryRun }));
}

/** The autoscaling/v1 Scale of a workload (its selector as a string, as the HPA reads it). */
function scaleOf(obj: KObject): KObject {
  const rc = obj.kind === 'ReplicationController';
  const selector = rc ? formatLabels(obj.spec?.selector, '') : formatSelector(obj.spec?.selector);
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: selector === '<none>' ? '' : selector },
  };
}

function scale(rest: RestApi, req: RestRequest, t: Target, method: string, q: URLSearchParams): RestResponse {
  const api = rest.api;
  const current = api.get(t.type, t.namespace, t.name!);
  if (method === 'GET') return json(200, scaleOf(current));
  const opts = writeOptions(q);
  let wanted: KObject;
  if (method === 'PATCH') {
    const ct = (req.contentType ?? '').split(';')[0]!.trim();
    const body = parsePatchBody(req.body);
    if (ct === 'application/json-patch+json') {
      try {
        wanted = applyJsonPatch(scaleOf(current), decodeJsonPatch(body)) as KObject;
      } catch (e) {
        if (e instanceof JsonPatchDecodeError) throw badRequest(e.message);
        if (e instanceof JsonPatchApplyError) throw new ApiError('Invalid', 422, 'the server rejected our request due to an error in our request');
        throw e;
      }
    } else if (ct === 'application/merge-patch+json' || ct === 'application/strategic-merge-patch+json') {
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid JSON Patch');
      wanted = mergePatch(scaleOf(current), body as Record<string, unknown>) as KObject;
    } else return failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json');
  } else {
    wanted = parseObjectBody(req.body, req.contentType) as unknown as KObject;
  }
  const replicas = wanted?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas > 2147483647) throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas === 'number' ? `number ${replicas}` : typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  if (replicas < 0) throw new ApiError('Invalid', 422, `Scale.autoscaling "${t.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, { kind: 'Scale', name: t.name, causes: [{ field: 'spec.replicas', message: `Invalid value: ${replicas}: must be greater than or equal to 0` }] });
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) throw conflict(qualifiedResource(t.type), t.name!);
  const next: KObject = { ...current, spec: { ...current.spec, replicas } };
  // Recorded as the client's field manager owning spec.replicas through the scale subresource.
  const owned = recordUpdate(current, next, undefined, rest.manager(req, opts), rfc3339(rest.now()), 'scale');
  const updated = replicas === current.spec?.replicas ? current : api.update(owned, rest.actor(req), { dryRun: opts.dryRun });
  return json(200, scaleOf(updated));
}

function logs(rest: RestApi, t: Target, q: URLSearchParams): RestResponse {
  const pod = rest.api.get(t.type, t.namespace, t.name!);
  const names: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  const inits: string[] = (pod.spec?.initContainers ?? []).map((c: { name: string }) => c.name);
  let container = q.get('container') ?? undefined;
  if (!container) {
    if (names.length + inits.length > 1 && names.length !== 1) throw badRequest(`a container name must be specified for pod ${t.name}, choose one of: [${names.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`);
    container = names[0];
  }
  const ephemeral: string[] = (pod.spec?.ephemeralContainers ?? []).map((c: { name: string }) => c.name);
  if (!container || (!names.includes(container) && !inits.includes(container) && !ephemeral.includes(container))) throw badRequest(`container ${container} is not valid for pod ${t.name}`);
  const tail = q.get('tailLines');
  const since = q.get('sinceSeconds');
  const query: { tail?: number; sinceMs?: number } = {};
  if (tail !== null && Number.isInteger(Number(tail)) && Number(tail) >= 0) query.tail = Number(tail);
  if (since !== null && Number(since) > 0) query.sinceMs = rest.now() - Number(since) * 1000;
  // sinceTime (RFC 3339; fractions of a second are kept): what a following stream asks for next.
  const sinceTime = q.get('sinceTime');
  if (sinceTime !== null) {
    const t = Date.parse(sinceTime);
    if (Number.isNaN(t)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    query.sinceMs = t;
  }
  const result = rest.api.podLogs(pod, container, q.get('previous') === 'true', query, 'client');
  if ('unscheduled' in result) throw badRequest(`container "${container}" in pod "${t.name}" is waiting to start: ContainerCreating`);
  if ('unreachable' in result) return failure(500, 'InternalError', `Get "https://${pod.status?.hostIP ?? pod.spec?.nodeName}:10250/containerLogs/${t.namespace}/${t.name}/${container}": dial tcp ${pod.status?.hostIP ?? ''}:10250: connect: no route to host`);
  if ('error' in result) throw badRequest(result.error);
  let lines = result.lines;
  if (query.tail !== undefined) lines = lines.slice(Math.max(0, lines.length - query.tail));
  return { status: 200, contentType: 'text/plain', body: lines.map((l) => `${l}\n`).join('') };
}

function exec(rest: RestApi, req: RestRequest, t: Target, q: URLSearchParams): RestResponse {
  const pod = rest.api.get(t.type, t.namespace, t.name!);
  const words = q.getAll('command');
  if (words.length === 0) throw badRequest('you must specify at least 1 command');
  const containers: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  // podHasContainerWithName: init and ephemeral containers may be exec'd into too.
  const every = [...containers, ...[...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: { name: string }) => c.name)];
  const container = q.get('container') ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0];
  if (!container || !every.includes(container)) throw badRequest(`container ${container} is not valid for pod ${t.name}`);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') throw badRequest(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  // stdin=true: what the client streamed in (kubectl cp's archive), as bytes in a string.
  const stdin = q.get('stdin') === 'true' || q.get('stdin') === '1' ? (req.body ?? '') : undefined;
  const r = rest.api.podExec(pod, container, words, rest.actor(req), stdin);
  if ('unreachable' in r) throw badRequest(`pod ${t.name} is not running on a reachable node`);
  if ('error' in r) throw badRequest(r.error);
  return { status: 200, contentType: EXEC_CONTENT_TYPE, body: r satisfies ExecAnswer };
}

function eviction(rest: RestApi, req: RestRequest, t: Target, q: URLSearchParams): RestResponse {
  const body = parseObjectBody(req.body, req.contentType);
  const opts = (body.deleteOptions ?? {}) as { gracePeriodSeconds?: number; dryRun?: string[] };
  const dryRun = q.getAll('dryRun').length > 0 || (opts.dryRun ?? []).length > 0;
  rest.api.evict(t.namespace ?? 'default', t.name!, rest.actor(req), { ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}), dryRun });
  return { status: 201, contentType: 'application/json', body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}

function binding(rest: RestApi, req: RestRequest, t: Target): RestResponse {
  const body = parseObjectBody(req.body, req.contentType) as { target?: { name?: string } };
  const node = body.target?.name;
  if (!node) throw new ApiError('Invalid', 422, `Binding "${t.name}" is invalid: target.name: Required value`, { kind: 'Binding', name: t.name, causes: [{ field: 'target.name', message: 'Required value' }] });
  const pod = rest.api.get(t.type, t.namespace, t.name!);
  rest.api.bind(pod, node, rest.actor(req));
  return { status: 201, contentType: 'application/json', body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}

/** TokenRequest: the spec comes back with a status holding the token (authentication.k8s.io/v1). */
function token(rest: RestApi, req: RestRequest, t: Target): RestResponse {
  const body = parseObjectBody(req.body, req.contentType) as { metadata?: Record<string, unknown>; spec?: { audiences?: string[]; expirationSeconds?: number; boundObjectRef?: unknown } };
  const spec = body.spec ?? {};
  const issued = rest.api.requestToken(t.namespace ?? 'default', t.name!, { ...(typeof spec.expirationSeconds === 'number' ? { expirationSeconds: spec.expirationSeconds } : {}), ...(Array.isArray(spec.audiences) ? { audiences: spec.audiences } : {}) });
  return json(201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: t.name, namespace: t.namespace ?? 'default', creationTimestamp: null },
    spec: { audiences: issued.audiences, expirationSeconds: issued.expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token: issued.token, expirationTimestamp: issued.expirationTimestamp },
  });
}

function finalize(rest: RestApi, req: RestRequest, t: Target): RestResponse {
  const body = parseObjectBody(req.body, req.contentType) as { spec?: { finalizers?: string[] } };
  const finalizers = body.spec?.finalizers ?? [];
  return json(200, rest.api.finalizeNamespace(t.name!, finalizers, rest.actor(req)));
}


