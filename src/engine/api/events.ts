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
  uid: string;
  involved: ObjectRef & { apiVersion: string; fieldPath?: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host?: string;
  first: number;
  last: number;
  count: number;
  resourceVersion: string;
  seq: number;
  /** Correlation key: identical events share it. */
  key: string;
}

export const EVENT_TTL_MS = 60 * 60 * 1000;

export type EventListener = (e: EventRecord) => void;

export class EventStore {
  private byNamespace = new Map<string, Map<string, EventRecord>>();
  private byObject = new Map<string, EventRecord[]>();
  private dedupe = new Map<string, EventRecord>();
  private seq = 0;
  private listeners: EventListener[] = [];
  private size = 0;

  constructor(
    private now: () => number,
    private nextRevision: () => string,
    private uid: () => string,
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
    const key = `${involved.uid ?? involved.namespace + '/' + involved.name}|${involved.fieldPath ?? ''}|${type}|${reason}|${message}|${component}|${host ?? ''}`;
    const existing = this.dedupe.get(key);
    if (existing && t - existing.last < EVENT_TTL_MS) {
      existing.count++;
      existing.last = t;
      existing.resourceVersion = this.nextRevision();
      existing.seq = this.seq++;
      for (const l of this.listeners) l(existing);
      return existing;
    }
    const namespace = involved.namespace ?? 'default';
    // client-go names events "<object>.<unix nanos in hex>"; the sequence keeps them unique.
    const nanos = BigInt(t) * 1_000_000n + BigInt(this.seq % 1_000_000);
    const rec: EventRecord = {
      namespace,
      name: `${involved.name}.${nanos.toString(16)}`,
      uid: this.uid(),
      involved,
      type,
      reason,
      message,
      component,
      host,
      first: t,
      last: t,
      count: 1,
      resourceVersion: this.nextRevision(),
      seq: this.seq++,
      key,
    };
    let ns = this.byNamespace.get(namespace);
    if (!ns) this.byNamespace.set(namespace, (ns = new Map()));
    ns.set(rec.name, rec);
    const objKey = this.objectKey(involved);
    let list = this.byObject.get(objKey);
    if (!list) this.byObject.set(objKey, (list = []));
    list.push(rec);
    this.dedupe.set(key, rec);
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
    if (this.dedupe.get(rec.key) === rec) this.dedupe.delete(rec.key);
    this.size--;
  }
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
    metadata: { name: e.name, namespace: e.namespace, uid: e.uid, resourceVersion: e.resourceVersion, creationTimestamp: rfc3339(e.first) },
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
