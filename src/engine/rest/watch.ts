/**
 * Watches (`?watch=1`): synthetic ADDED events for what exists when the client starts from
 * resourceVersion "0" or none, then every change as it is stored — from the watch cache when
 * the client resumes at a version it listed, 410 Expired (in the stream, as an ERROR event)
 * when that version is no longer kept. Selectors apply to each change: an object that stops
 * matching leaves the watch as DELETED, one that starts matching joins as ADDED. With
 * `as=Table` each event carries a one-row Table (column definitions on the first only).
 */
import type { KObject } from '../api/types';
import { ApiError } from '../api/errors';
import type { RestRequest, RestResponse, WatchEvent, WatchStream } from './types';
import type { RestApi } from './restApi';
import { parsePath } from './paths';
import { servedType } from './discovery';
import { hpaToV1 } from '../api/conversion/hpaV1';
import { errorResponse, errorStatus, pageNotFound } from './status';
import { eventTable, objectTable, TABLE_CONTENT_TYPE, wantsTable } from './table';
import type { CachedEvent } from './watchCache';

export interface OpenedWatch {
  stream: WatchStream;
  contentType: string;
  /** When the client asked the server to end the watch (`timeoutSeconds`), in wall seconds. */
  timeoutSeconds?: number;
  /** Already over (it started too far back: its one event is the 410): the server ends the response. */
  finished?: boolean;
}

export function openWatch(rest: RestApi, req: RestRequest, send: (e: WatchEvent) => void): OpenedWatch | { error: RestResponse } {
  const e = parsePath(req.path);
  if (e.kind !== 'resource' || e.subresource) return { error: pageNotFound() };
  const type = servedType(rest.served(), e.group, e.version, e.resource);
  if (!type || !type.verbs.includes('watch')) return { error: pageNotFound() };
  if (type.custom) rest.cache.track(type.resource);
  const q = new URLSearchParams(req.query ?? '');
  if (e.name) q.append('fieldSelector', `metadata.name=${e.name}`);
  try {
    rest.userOf(req, e);
    if (q.get('sendInitialEvents') !== null) {
      throw new ApiError('Invalid', 422, `ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled`, { kind: 'ListOptions', name: '', causes: [{ field: 'sendInitialEvents', message: 'Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled' }] });
    }
    const fs = q.getAll('fieldSelector').filter((s) => s).join(',');
    if (fs) q.set('fieldSelector', fs);
    const lq = rest.listQuery(type, q);
    const namespace = e.namespace;
    const table = wantsTable(req.accept);
    const include = rest.tableOptions(q);
    let headers = true;
    const apiVersion = type.custom ? `${type.group}/${type.version}` : undefined;
    const hpaV1 = type.group === 'autoscaling' && type.version === 'v1';
    const wrap = (stored: KObject): unknown => {
      // A custom object is kept at its CRD's storage version and watched at the version asked for; an HPA watched at v1 is converted.
      const obj = hpaV1 ? hpaToV1(stored) : apiVersion && stored.apiVersion !== apiVersion ? { ...stored, apiVersion } : stored;
      if (!table) return obj;
      const body = type.resource === 'events' ? eventTable([recordFor(rest, obj)], [obj], rest.now(), { include, headers }) : objectTable(type, [obj], rest.now(), { include, headers });
      headers = false;
      return body;
    };
    const inScope = (o: KObject) => namespace === undefined || o.metadata.namespace === namespace;
    const visible = (o: KObject | undefined) => !!o && inScope(o) && rest.matches(lq, o);
    let closed = false;
    const deliver = (c: CachedEvent) => {
      if (closed) return;
      const now = visible(c.object);
      if (c.type === 'MODIFIED') {
        const before = visible(c.old);
        if (!now && !before) return;
        const type = now && before ? 'MODIFIED' : now ? 'ADDED' : 'DELETED';
        send({ type, object: wrap(c.object) });
        return;
      }
      if (now) send({ type: c.type, object: wrap(c.object) });
    };
    const rvText = q.get('resourceVersion');
    const since = rvText === null || rvText === '' || rvText === '0' ? rest.api.store.currentRevision() : Number(rvText);
    if (!Number.isInteger(since) || since < 0) throw new ApiError('BadRequest', 400, `invalid resource version: strconv.ParseUint: parsing ${JSON.stringify(rvText)}: invalid syntax`);
    const initial = rvText === null || rvText === '' || rvText === '0' ? rest.objects(type, namespace).filter((o) => rest.matches(lq, o)) : [];
    const opened = rest.cache.since(type.resource, since, deliver);
    const timeout = Number(q.get('timeoutSeconds') ?? 0);
    const contentType = table ? TABLE_CONTENT_TYPE : 'application/json';
    if (opened === 'expired') {
      const status = errorStatus(new ApiError('Expired', 410, `too old resource version: ${since} (${rest.cache.oldest(type.resource)})`));
      send({ type: 'ERROR', object: status });
      return { stream: { close() {} }, contentType, finished: true };
    }
    for (const o of initial) send({ type: 'ADDED', object: wrap(o) });
    for (const c of opened.backlog) deliver(c);
    const result: OpenedWatch = {
      stream: {
        close() {
          closed = true;
          opened.stop();
        },
      },
      contentType,
    };
    if (timeout > 0) result.timeoutSeconds = timeout;
    return result;
  } catch (err) {
    if (err instanceof ApiError) return { error: errorResponse(err, type) };
    throw err;
  }
}

function recordFor(rest: RestApi, obj: KObject) {
  const rec = rest.api.events.get(obj.metadata.namespace ?? 'default', obj.metadata.name!);
  if (rec) return rec;
  // An event gone since (expired): rebuilt from the object for its row.
  const o = obj as unknown as { involvedObject: { apiVersion: string; kind: string; name: string; namespace?: string; fieldPath?: string }; type: 'Normal' | 'Warning'; reason: string; message: string; source?: { component?: string; host?: string }; count?: number };
  const first = Date.parse(String((obj as { firstTimestamp?: string }).firstTimestamp ?? obj.metadata.creationTimestamp));
  const last = Date.parse(String((obj as { lastTimestamp?: string }).lastTimestamp ?? obj.metadata.creationTimestamp));
  return { namespace: obj.metadata.namespace!, name: obj.metadata.name!, involved: o.involvedObject, type: o.type, reason: o.reason, message: o.message, component: o.source?.component ?? '', first, last, count: o.count ?? 1, resourceVersion: Number(obj.metadata.resourceVersion), seq: 0 };
}
