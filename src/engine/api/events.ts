/**
 * Kubernetes Events, kept compactly and aggregated like client-go's EventCorrelator: an event
 * identical to an earlier one (same object, reason, message, type, source) bumps its count and
 * lastTimestamp instead of adding a row. Events expire after an hour (apiserver --event-ttl).
 *
 * Events are not in the object store on purpose: 150,000 pods make close to a million events,
 * and nothing in the control plane watches them. They are materialised as v1 Event objects
 * when kubectl or the UI reads them.
 */
import type { KObject, ObjectRef } from './types';
import { rfc3339 } from '../sim/clock';

export interface EventRecord {
  namespace: string;
  name: string;
  involved: ObjectRef & { apiVersion: string; fieldPath?: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host?: string;
  first: number;
  last: number;
  count: number;
  resourceVersion: number;
  seq: number;
}

export const EVENT_TTL_MS = 60 * 60 * 1000;

export type EventListener = (e: EventRecord) => void;

export class EventStore {
  private byNamespace = new Map<string, Map<string, EventRecord>>();
  /** Events per involved object (by uid): also where identical events are found and counted. */
  private byObject = new Map<string, EventRecord[]>();
  private seq = 0;
  private listeners: EventListener[] = [];
  private size = 0;

  constructor(
    private now: () => number,
    private nextRevision: () => string,
  ) {}

  onEvent(listener: EventListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  count(): number {
    return this.size;
  }

  record(
    involved: EventRecord['involved'],
    type: EventRecord['type'],
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): EventRecord {
    const t = this.now();
    const objKey = this.objectKey(involved);
    let list = this.byObject.get(objKey);
    // EventCorrelator: the same event about the same object again only bumps count and
    // lastTimestamp. Like client-go's (an LRU of recent events) it looks at recent ones only.
    let existing: EventRecord | undefined;
    if (list) {
      for (let i = list.length - 1; i >= 0 && i >= list.length - 16; i--) {
        const e = list[i];
        if (e.reason === reason && e.message === message && e.type === type && e.component === component && e.host === host && e.involved.fieldPath === involved.fieldPath && t - e.last < EVENT_TTL_MS) {
          existing = e;
          break;
        }
      }
    }
    if (existing) {
      existing.count++;
      existing.last = t;
      existing.resourceVersion = Number(this.nextRevision());
      existing.seq = this.seq++;
      for (const l of this.listeners) l(existing);
      return existing;
    }
    const namespace = involved.namespace ?? 'default';
    // Share one reference object among all events about the same object.
    const shared = list?.[0]?.involved;
    const ref = shared && shared.fieldPath === involved.fieldPath && shared.name === involved.name ? shared : involved;
    // client-go names events "<object>.<unix nanos in hex>": here milliseconds in hex plus a
    // sequence number stand in for the nanoseconds, which keeps names unique and sortable.
    const rec: EventRecord = {
      namespace,
      name: `${involved.name}.${t.toString(16)}${(this.seq & 0xfffff).toString(16).padStart(5, '0')}`,
      involved: ref,
      type,
      reason,
      message,
      component,
      host,
      first: t,
      last: t,
      count: 1,
      resourceVersion: Number(this.nextRevision()),
      seq: this.seq++,
    };
    let ns = this.byNamespace.get(namespace);
    if (!ns) this.byNamespace.set(namespace, (ns = new Map()));
    ns.set(rec.name, rec);
    if (!list) this.byObject.set(objKey, (list = []));
    list.push(rec);
    this.size++;
    for (const l of this.listeners) l(rec);
    return rec;
  }

  private objectKey(ref: ObjectRef): string {
    return ref.uid ?? `${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
  }

  /** Events of one namespace (or all), oldest first by last occurrence, as `kubectl get events` sorts them. */
  list(namespace?: string): EventRecord[] {
    this.expire();
    const out: EventRecord[] = [];
    for (const [ns, m] of this.byNamespace) if (namespace === undefined || ns === namespace) for (const e of m.values()) out.push(e);
    return out.sort((a, b) => a.last - b.last || a.seq - b.seq);
  }

  get(namespace: string, name: string): EventRecord | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  /** Events about one object, for `kubectl describe`. */
  forObject(ref: ObjectRef): EventRecord[] {
    this.expire();
    const byUid = ref.uid ? this.byObject.get(ref.uid) : undefined;
    const byName = this.byObject.get(`${ref.kind}|${ref.namespace ?? ''}|${ref.name}`);
    return [...(byUid ?? []), ...(byName ?? [])].sort((a, b) => a.first - b.first || a.seq - b.seq);
  }

  delete(namespace: string, name: string): boolean {
    const rec = this.byNamespace.get(namespace)?.get(name);
    if (!rec) return false;
    this.drop(rec);
    return true;
  }

  /** Drops events whose last occurrence is older than the TTL. */
  expire(): void {
    const cutoff = this.now() - EVENT_TTL_MS;
    if (this.size === 0) return;
    for (const m of this.byNamespace.values()) {
      for (const rec of m.values()) if (rec.last < cutoff) this.drop(rec);
    }
  }

  private drop(rec: EventRecord): void {
    const ns = this.byNamespace.get(rec.namespace);
    ns?.delete(rec.name);
    if (ns?.size === 0) this.byNamespace.delete(rec.namespace);
    const objKey = this.objectKey(rec.involved);
    const list = this.byObject.get(objKey);
    if (list) {
      const i = list.indexOf(rec);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byObject.delete(objKey);
    }
    this.size--;
  }
}

/** A stable uid for an event, derived from its name (events are not kept with one to save memory). */
export function eventUid(e: EventRecord): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < e.name.length; i++) {
    h1 = Math.imul(h1 ^ e.name.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ e.name.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The v1 Event object kubectl shows for a record. */
export function eventObject(e: EventRecord): KObject {
  const involved: Record<string, unknown> = { apiVersion: e.involved.apiVersion, kind: e.involved.kind, name: e.involved.name };
  if (e.involved.fieldPath) involved.fieldPath = e.involved.fieldPath;
  if (e.involved.namespace) involved.namespace = e.involved.namespace;
  if (e.involved.uid) involved.uid = e.involved.uid;
  const source: Record<string, string> = { component: e.component };
  if (e.host) source.host = e.host;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: e.name, namespace: e.namespace, uid: eventUid(e), resourceVersion: String(e.resourceVersion), creationTimestamp: rfc3339(e.first) },
    involvedObject: involved,
    reason: e.reason,
    message: e.message,
    source,
    firstTimestamp: rfc3339(e.first),
    lastTimestamp: rfc3339(e.last),
    count: e.count,
    type: e.type,
    eventTime: null,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
  };
}
