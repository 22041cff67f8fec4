/**
 * The simulated cluster's REST API: what `npm run serve` answers real kubectl, client-go,
 * client-node, k9s and Headlamp with. Each request is plain data in and out (./types.ts), so
 * the same code answers in Node and could answer in a worker, and a request that changed the
 * cluster replays as itself from the action log.
 *
 * Every write goes through the engine's API server (../api/server.ts) exactly as the
 * simulator's own kubectl and control loops do — defaulting, validation, admission,
 * resourceVersion checks — so a real client and the page's terminal meet the same cluster.
 * Reads add what only real clients ask for: Tables, field selectors, paging, discovery,
 * OpenAPI documents, and watches (./watch.ts).
 *
 * Over 400 lines on purpose: the request's way through, read top to bottom — handle() routes
 * (filters first, as the API server's), then one short method per verb (get, list, create,
 * update, patch, apply, delete, deletecollection); Tables, discovery, OpenAPI, watches and
 * subresources are files of their own.
 */
import type { ApiServer } from '../api/server';
import type { KObject } from '../api/types';
import { ApiError, badRequest, notFound } from '../api/errors';
import { apiVersionOf, qualifiedResource, RESOURCE_TYPES, type ResourceType } from '../api/registry';
import { pruneCustomResource } from '../api/apiextensions/customresource';
import { decodeWithWarnings } from '../api/schema';
import { matches as matchesSelector, parseSelector, SelectorParseError, type Selector } from '../api/labels';
import { FieldSelectorError, fieldsMatch, parseFieldSelector, unsupportedField, type FieldRequirement } from '../api/fieldSelector';
import { eventObject, type EventRecord } from '../api/events';
import { KUBERNETES_VERSION } from '../api/version';
import { applyConfiguration, recordUpdate } from '../api/apply/managedFields';
import { rfc3339 } from '../sim/clock';
import type { RestRequest, RestResponse } from './types';
import { deepEqual } from '../util/equal';
import { parsePath, type Endpoint } from './paths';
import { errorResponse, failure, jsonResponse, pageNotFound, success } from './status';
import { AGGREGATED_CONTENT_TYPE, aggregatedDiscovery, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, servedType, servedTypes, wantsAggregated } from './discovery';
import { eventTable, objectTable, TABLE_CONTENT_TYPE, wantsTable, type IncludeObject } from './table';
import { deleteOptions, parseObjectBody, parsePatchBody, patchTypeOf, writeOptions, type WriteOptions } from './body';
import { bodyToV1, hpaFromV1, hpaToV1 } from '../api/conversion/hpaV1';
import { patchedObject } from '../api/patch/patch';
import { WatchCache } from './watchCache';
import { OPENAPI_V2_CONTENT_TYPE, openApiV2Protobuf, openApiV3Document, openApiV3Index } from './openapi';
import { serveSubresource } from './subresources';
import { serveAggregated } from './aggregated';
import { authenticate } from './authn';
import { requestAttributes } from './requestAttributes';
import { authorize, confirmNoEscalation } from '../api/auth/authorizingApi';
import type { UserInfo } from '../api/auth/user';

const json = jsonResponse;

/** The resource endpoint a request names, once resolved to a served type. */
export interface Target {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface ListQuery {
  labels: Selector;
  fields: FieldRequirement[];
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class RestApi {
  readonly cache: WatchCache;

  constructor(
    readonly api: ApiServer,
    /** What /api reports as the server's address (kubectl shows it in `cluster-info`). */
    private readonly address = '127.0.0.1:6443',
  ) {
    this.cache = new WatchCache(api.store, api.events, RESOURCE_TYPES.map((t) => t.resource));
  }

  /** Whether a request may change the cluster (and so goes into the action log). Reviews and dry runs do not. */
  static changes(req: RestRequest): boolean {
    // An exec is a WebSocket upgrade (a GET) that runs a command in a container: it may write to volumes.
    if (/\/pods\/[^/]+\/exec$/.test(req.path)) return true;
    if (!MUTATING.has(req.method.toUpperCase())) return false;
    const q = new URLSearchParams(req.query ?? '');
    if (q.getAll('dryRun').length) return false;
    return !/^\/apis\/(authorization|authentication)\.k8s\.io\//.test(req.path);
  }

  now(): number {
    return this.api.clock.now();
  }

  /** The types this cluster serves now (its CRDs' included). */
  served(): ResourceType[] {
    return servedTypes(this.api.types);
  }

  /** Answers one request. Never throws: every failure is a Status. */
  handle(req: RestRequest): RestResponse {
    let endpoint: Endpoint;
    try {
      endpoint = parsePath(req.path);
    } catch {
      return pageNotFound();
    }
    let target: Target | undefined;
    try {
      // Authentication, impersonation and RBAC come first, as the API server's filters do.
      const user = this.userOf(req, endpoint);
      const method = req.method.toUpperCase();
      switch (endpoint.kind) {
        case 'version':
          return json(200, KUBERNETES_VERSION_INFO);
        case 'health':
          return { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' };
        case 'api':
          return wantsAggregated(req.accept) ? { status: 200, contentType: AGGREGATED_CONTENT_TYPE, body: aggregatedDiscovery(this.served(), true) } : json(200, apiVersions(this.address));
        case 'apis':
          return wantsAggregated(req.accept) ? { status: 200, contentType: AGGREGATED_CONTENT_TYPE, body: aggregatedDiscovery(this.served(), false) } : json(200, apiGroupList(this.served()));
        case 'group': {
          const doc = apiGroupDocument(this.served(), endpoint.group);
          return doc ? json(200, doc) : pageNotFound();
        }
        case 'resourceList': {
          const doc = apiResourceList(this.served(), endpoint.group, endpoint.version);
          return doc ? json(200, doc) : pageNotFound();
        }
        case 'openapiV3Index':
          return json(200, openApiV3Index(this.api.types));
        case 'openapiV3': {
          const doc = openApiV3Document(this.api.types, endpoint.groupVersion);
          return doc ? json(200, doc) : pageNotFound();
        }
        case 'openapiV2':
          return { status: 200, contentType: OPENAPI_V2_CONTENT_TYPE, body: openApiV2Protobuf() };
        case 'unknown':
          return pageNotFound();
        case 'resource':
          break;
      }
      const type = servedType(this.served(), endpoint.group, endpoint.version, endpoint.resource);
      if (!type) return pageNotFound();
      if (type.group === 'autoscaling' && type.version === 'v1' && type.resource === 'horizontalpodautoscalers') return this.serveHpaV1(req, endpoint, method);
      if (type.custom) this.cache.track(type.resource);
      target = { type };
      if (endpoint.namespace !== undefined) target.namespace = endpoint.namespace;
      if (endpoint.name !== undefined) target.name = endpoint.name;
      if (endpoint.subresource !== undefined) target.subresource = endpoint.subresource;
      if (!type.namespaced && target.namespace !== undefined) return pageNotFound();
      if (type.group === 'metrics.k8s.io' || type.group === 'authorization.k8s.io' || type.group === 'authentication.k8s.io') return serveAggregated(this, req, target, user);
      if (target.subresource) return serveSubresource(this, req, target);
      const q = new URLSearchParams(req.query ?? '');
      switch (method) {
        case 'GET':
          return target.name ? this.getOne(req, target, q) : this.list(req, target, q);
        case 'POST':
          if (target.name) return failure(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
          return this.create(req, target, q, user);
        case 'PUT':
          if (!target.name) return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
          return this.replace(req, target, q, user);
        case 'PATCH':
          if (!target.name) return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
          return this.patch(req, target, q, user);
        case 'DELETE':
          return target.name ? this.deleteOne(req, target, q) : this.deleteCollection(req, target, q);
        default:
          return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      }
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e, target?.type);
      // An engine bug must not take the server down: the client gets a 500, the cluster is as it was before the write threw.
      return failure(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * autoscaling/v1 HorizontalPodAutoscalers: the request served at v2 (the stored version), with
   * what the client sent converted up and what it gets back converted down (./hpaV1.ts). A patch
   * is applied to the v1 form, as the API server applies it to the version it was sent at.
   */
  private serveHpaV1(req: RestRequest, endpoint: Extract<Endpoint, { kind: 'resource' }>, method: string): RestResponse {
    const v2Path = req.path.replace('/apis/autoscaling/v1/', '/apis/autoscaling/v2/');
    const toV2Body = (text: string | undefined): string => {
      const obj = parseObjectBody(text, req.contentType);
      return JSON.stringify(obj.apiVersion === 'autoscaling/v1' ? hpaFromV1(obj as unknown as KObject) : obj);
    };
    const down = (r: RestResponse): RestResponse => (r.status < 300 ? { ...r, body: bodyToV1(r.body) } : r);
    try {
      if (method === 'POST' || method === 'PUT') return down(this.handle({ ...req, path: v2Path, body: toV2Body(req.body), contentType: 'application/json' }));
      if (method === 'PATCH') {
        const ct = (req.contentType ?? '').split(';')[0]!.trim();
        const patchType = patchTypeOf(ct);
        if (!patchType) return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`);
        const v2 = this.api.types.all().find((t) => t.group === 'autoscaling' && t.resource === 'horizontalpodautoscalers')!;
        const current = this.api.get(v2, endpoint.namespace, endpoint.name ?? '');
        const { obj } = patchedObject(hpaToV1(current), patchType, parsePatchBody(req.body));
        const next = hpaFromV1(obj);
        next.metadata.resourceVersion = current.metadata.resourceVersion;
        return down(this.handle({ ...req, method: 'PUT', path: v2Path, body: JSON.stringify(next), contentType: 'application/json' }));
      }
      return down(this.handle({ ...req, path: v2Path }));
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e);
      throw e;
    }
  }

  // ---- shared pieces ----

  /**
   * Who the request is (undefined: the cluster's admin), once allowed to do what it asks:
   * throws the API server's 401 or 403 otherwise.
   */
  userOf(req: RestRequest, endpoint: Endpoint): UserInfo | undefined {
    const user = authenticate(this.api, req);
    if (user) authorize(this.api, requestAttributes(user, req, endpoint), (r) => this.api.noteAuthorization(r));
    return user;
  }

  actor(req: RestRequest): string {
    const ua = req.userAgent ?? '';
    const first = /^([A-Za-z0-9._-]+)/.exec(ua)?.[1];
    return first ? first.replace(/\.\d.*$/, '') : 'client';
  }

  /** The field manager a write is recorded under: the one the client named, or its user agent's first word (as the API server defaults it). */
  manager(req: RestRequest, opts: WriteOptions): string {
    return opts.fieldManager ?? ((req.userAgent ?? '').split('/')[0] || 'unknown');
  }

  private stamp(): string {
    return rfc3339(this.now());
  }

  /** label and field selectors from the query, refused with the server's words. */
  listQuery(type: ResourceType, q: URLSearchParams): ListQuery {
    let labels: Selector = [];
    let fields: FieldRequirement[] = [];
    const ls = q.get('labelSelector');
    if (ls) {
      try {
        labels = parseSelector(ls);
      } catch (e) {
        if (e instanceof SelectorParseError) throw badRequest(`unable to parse requirement: ${e.message}`);
        throw e;
      }
    }
    const fs = q.get('fieldSelector');
    if (fs) {
      try {
        fields = parseFieldSelector(fs);
      } catch (e) {
        if (e instanceof FieldSelectorError) throw badRequest(e.message);
        throw e;
      }
      const bad = unsupportedField(type.resource, fields);
      if (bad) throw badRequest(`field label not supported: ${bad}`);
    }
    return { labels, fields };
  }

  matches(lq: ListQuery, obj: KObject): boolean {
    if (lq.labels.length && !matchesSelector(lq.labels, obj.metadata.labels)) return false;
    return lq.fields.length === 0 || fieldsMatch(lq.fields, obj);
  }

  /** Objects of a type in a namespace (all when undefined), as the list endpoint and watches see them. */
  objects(type: ResourceType, namespace: string | undefined): KObject[] {
    if (type.resource === 'events') return this.eventRecords(namespace).map(eventObject);
    return this.api.list(type, namespace);
  }

  eventRecords(namespace: string | undefined): EventRecord[] {
    return this.api.events.list(namespace);
  }

  tableOptions(q: URLSearchParams): IncludeObject {
    const inc = q.get('includeObject');
    return inc === 'None' || inc === 'Object' ? inc : 'Metadata';
  }

  private getOne(req: RestRequest, t: Target, q: URLSearchParams): RestResponse {
    let obj: KObject | undefined;
    let record: EventRecord | undefined;
    if (t.type.resource === 'events') {
      record = this.api.events.get(t.namespace ?? 'default', t.name!);
      if (!record) throw notFound(qualifiedResource(t.type), t.name!);
      obj = eventObject(record);
    } else obj = this.api.get(t.type, t.namespace, t.name!);
    if (!wantsTable(req.accept)) return json(200, obj);
    const include = this.tableOptions(q);
    const body = record ? eventTable([record], [obj], this.now(), { include, headers: true }) : objectTable(t.type, [obj], this.now(), { include, headers: true });
    return { status: 200, contentType: TABLE_CONTENT_TYPE, body };
  }

  /** LIST with selectors and paging (`limit` / `continue`, as kubectl asks for 500 at a time). */
  private list(req: RestRequest, t: Target, q: URLSearchParams): RestResponse {
    const lq = this.listQuery(t.type, q);
    const rv = String(this.api.store.currentRevision());
    let records: EventRecord[] | undefined;
    let objects: KObject[];
    if (t.type.resource === 'events') {
      records = this.eventRecords(t.namespace);
      const pairs = records.map((r) => [r, eventObject(r)] as const).filter(([, o]) => this.matches(lq, o));
      records = pairs.map(([r]) => r);
      objects = pairs.map(([, o]) => o);
    } else {
      objects = this.api.list(t.type, t.namespace, lq.labels).filter((o) => lq.fields.length === 0 || fieldsMatch(lq.fields, o));
    }
    // Paging: objects in namespace/name order; the token says where the next page starts.
    const keyed = objects.map((o, i) => ({ o, i, key: `${o.metadata.namespace ?? ''}/${o.metadata.name}` })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let start = 0;
    const token = q.get('continue');
    if (token) {
      const after = decodeContinue(token);
      start = keyed.findIndex((k) => k.key > after);
      if (start < 0) start = keyed.length;
    }
    const limit = Number(q.get('limit') ?? 0);
    const end = limit > 0 ? Math.min(keyed.length, start + limit) : keyed.length;
    const page = keyed.slice(start, end);
    const continueToken = end < keyed.length ? encodeContinue(page[page.length - 1]!.key) : undefined;
    if (wantsTable(req.accept)) {
      const include = this.tableOptions(q);
      const opts = { include, headers: true, resourceVersion: rv, ...(continueToken ? { continueToken } : {}) };
      const body = records ? eventTable(page.map((k) => records![k.i]!), page.map((k) => k.o), this.now(), opts) : objectTable(t.type, page.map((k) => k.o), this.now(), opts);
      return { status: 200, contentType: TABLE_CONTENT_TYPE, body };
    }
    const metadata: Record<string, string> = { resourceVersion: rv };
    if (continueToken) metadata.continue = continueToken;
    return json(200, { kind: `${t.type.kind}List`, apiVersion: apiVersionOf(t.type), metadata, items: page.map((k) => k.o) });
  }

  /** The object in a write's body, checked against the URL (kind, apiVersion, namespace, name) and decoded per fieldValidation. */
  bodyObject(req: RestRequest, t: Target, opts: WriteOptions): { obj: KObject; warnings: string[] } {
    const raw = parseObjectBody(req.body, req.contentType);
    const apiVersion = apiVersionOf(t.type);
    if (raw.apiVersion === undefined) raw.apiVersion = apiVersion;
    if (raw.kind === undefined) raw.kind = t.type.kind;
    if (raw.apiVersion !== apiVersion || raw.kind !== t.type.kind) {
      throw badRequest(raw.apiVersion !== apiVersion ? `the API version in the data (${String(raw.apiVersion)}) does not match the expected API version (${apiVersion})` : `the kind in the data (${String(raw.kind)}) does not match the expected kind (${t.type.kind})`);
    }
    if (!raw.metadata || typeof raw.metadata !== 'object' || Array.isArray(raw.metadata)) raw.metadata = {};
    const md = raw.metadata as Record<string, unknown>;
    if (t.type.namespaced) {
      if (md.namespace !== undefined && md.namespace !== '' && t.namespace !== undefined && md.namespace !== t.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      if (t.namespace !== undefined) md.namespace = t.namespace;
    }
    const decoded = t.type.custom ? { obj: raw as unknown as KObject, unknown: pruneCustomResource(t.type.custom.schema, raw as unknown as KObject).unknown, typeError: undefined } : decodeWithWarnings(raw as unknown as KObject);
    if (decoded.typeError) throw badRequest(`${t.type.kind} in version "${t.type.version}" cannot be handled as a ${t.type.kind}: ${decoded.typeError}`);
    if (decoded.unknown.length && opts.fieldValidation === 'Strict') {
      throw badRequest(`${t.type.kind} in version "${t.type.version}" cannot be handled as a ${t.type.kind}: strict decoding error: ${decoded.unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
    }
    const warnings = opts.fieldValidation === 'Warn' ? decoded.unknown.map((f) => `unknown field "${f}"`) : [];
    return { obj: decoded.obj, warnings };
  }

  /** What a user (not the admin) writes to RBAC objects must not grant more than they hold. */
  private guard(user: UserInfo | undefined, obj: KObject): KObject {
    return user ? confirmNoEscalation(this.api, user, obj) : obj;
  }

  private create(req: RestRequest, t: Target, q: URLSearchParams, user?: UserInfo): RestResponse {
    const opts = writeOptions(q);
    const { obj, warnings } = this.bodyObject(req, t, opts);
    if (t.type.namespaced && t.namespace === undefined) throw badRequest('the namespace of the object must be set on the request path');
    if (!obj.metadata.name && !obj.metadata.generateName) throw new ApiError('Invalid', 422, `${t.type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`, { kind: t.type.kind, name: '', causes: [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }] });
    const owned = recordUpdate(undefined, obj, obj, this.manager(req, opts), this.stamp());
    const created = this.api.create(this.guard(user, owned), this.actor(req), { dryRun: opts.dryRun });
    return json(201, created, warnings);
  }

  private replace(req: RestRequest, t: Target, q: URLSearchParams, user?: UserInfo): RestResponse {
    const opts = writeOptions(q);
    const { obj, warnings } = this.bodyObject(req, t, opts);
    if (obj.metadata.name !== t.name) throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${t.name})`);
    const current = this.api.get(t.type, t.namespace, t.name!);
    const updated = this.api.update(this.guard(user, recordUpdate(current, obj, obj, this.manager(req, opts), this.stamp())), this.actor(req), { dryRun: opts.dryRun });
    return json(200, updated, warnings);
  }

  private patch(req: RestRequest, t: Target, q: URLSearchParams, user?: UserInfo): RestResponse {
    const opts = writeOptions(q);
    const ct = (req.contentType ?? '').split(';')[0]!.trim();
    if (ct === 'application/apply-patch+yaml' || ct === 'application/apply-patch+cbor') return this.serverSideApply(req, t, opts, user);
    const patchType = patchTypeOf(ct);
    if (!patchType) return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
    const body = parsePatchBody(req.body);
    const manager = this.manager(req, opts);
    const { object, warnings } = this.api.patch(t.type, t.namespace, t.name!, patchType, body, this.actor(req), { dryRun: opts.dryRun, beforeWrite: (next, current) => this.guard(user, recordUpdate(current, next, undefined, manager, this.stamp())) });
    if (warnings.length && opts.fieldValidation === 'Strict') throw badRequest(`strict decoding error: ${warnings.join(', ')}`);
    return json(200, object, opts.fieldValidation === 'Warn' ? warnings : []);
  }

  /**
   * Server-side apply (`application/apply-patch+yaml`): the configuration is merged into the live
   * object with field ownership — conflicts with other managers (409 unless `force=true`), and
   * fields this manager applied before but no longer does removed (../api/apply).
   */
  private serverSideApply(req: RestRequest, t: Target, opts: WriteOptions, user?: UserInfo): RestResponse {
    if (!opts.fieldManager) throw badRequest('PATCH /apply requires fieldManager to be set');
    const { obj, warnings } = this.bodyObject(req, t, opts);
    if (obj.metadata.name !== undefined && obj.metadata.name !== t.name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${t.name})`);
    obj.metadata.name = t.name;
    const live = this.api.tryGet(t.type, t.namespace, t.name!);
    const next = this.guard(user, applyConfiguration(live, obj, opts.fieldManager, opts.force, this.stamp()));
    if (!live) return json(201, this.api.create(next, this.actor(req), { dryRun: opts.dryRun }), warnings);
    if (deepEqual(next, live)) return json(200, live, warnings);
    return json(200, this.api.update(next, this.actor(req), { dryRun: opts.dryRun }), warnings);
  }

  private deleteOne(req: RestRequest, t: Target, q: URLSearchParams): RestResponse {
    const opts = deleteOptions(q, req.body);
    if (t.type.resource === 'events') {
      const rec = this.api.events.get(t.namespace ?? 'default', t.name!);
      if (!rec) throw notFound('events', t.name!);
      if (!opts.dryRun) this.api.events.delete(rec.namespace, rec.name);
      return success({ name: t.name, kind: 'events', uid: eventObject(rec).metadata.uid });
    }
    const obj = this.api.delete(t.type, t.namespace, t.name!, this.actor(req), opts);
    const gone = !this.api.tryGet(t.type, t.namespace, t.name!) || this.api.tryGet(t.type, t.namespace, t.name!)?.metadata.uid !== obj.metadata.uid;
    // The generic registry answers a finished delete with a Status (pods: the object), an ongoing one with the object.
    if (gone && t.type.kind !== 'Pod' && !opts.dryRun) return success({ name: t.name, ...(t.type.group ? { group: t.type.group } : {}), kind: t.type.resource, uid: obj.metadata.uid });
    return json(200, obj);
  }

  private deleteCollection(req: RestRequest, t: Target, q: URLSearchParams): RestResponse {
    if (!t.type.verbs.includes('deletecollection')) return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const lq = this.listQuery(t.type, q);
    const opts = deleteOptions(q, req.body);
    const victims = this.objects(t.type, t.namespace).filter((o) => this.matches(lq, o));
    const items = victims.map((o) => (t.type.resource === 'events' ? o : this.api.delete(t.type, o.metadata.namespace, o.metadata.name!, this.actor(req), opts)));
    if (t.type.resource === 'events' && !opts.dryRun) for (const o of victims) this.api.events.delete(o.metadata.namespace!, o.metadata.name!);
    return json(200, { kind: `${t.type.kind}List`, apiVersion: apiVersionOf(t.type), metadata: { resourceVersion: String(this.api.store.currentRevision()) }, items });
  }
}

function encodeContinue(key: string): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify({ v: 'meta.k8s.io/v1', start: key })))).replace(/=+$/, '');
}

function decodeContinue(token: string): string {
  try {
    const padded = token + '==='.slice((token.length + 3) % 4);
    const v = JSON.parse(decodeURIComponent(escape(atob(padded)))) as { start?: unknown };
    if (typeof v.start === 'string') return v.start;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

const KUBERNETES_VERSION_INFO = (() => {
  const [major, minor] = KUBERNETES_VERSION.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
})();
