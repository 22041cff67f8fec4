/**
 * Kubernetes Events, kept compactly and aggregated like client-go's EventCorrelator: an event
 * identical to an earlier one (same object, reason, message, type, source) bumps its count and
 * lastTimestamp instead of adding a row. Events expire an hour after their last occurrence, as
 * etcd drops them under the lease the API server gives each write (kube-apiserver --event-ttl,
 * default 1h): on the simulated clock, whether or not anyone lists them. One expiry heap keyed
 * by last occurrence and one clock task at its earliest deadline do that — no timer per event.
 *
 * Events are not in the object store on purpose: 150,000 pods make close to a million events,
 * and nothing in the control plane watches them. They are materialised as v1 Event objects
 * when kubectl or the UI reads them.
 */
import type { KObject, ObjectRef } from './types';
import { rfc3339 } from '../sim/clock';
import { BinaryHeap } from '../util/heap';
import { bound } from '../sim/forkable';
import { persistent, storedData } from '../sim/persistable';

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

/** Schedules one call at an absolute simulated time; returns a cancel function. */
export type ScheduleAt = (at: number, run: () => void) => () => void;

interface Expiry {
  /** The record as it was when pushed: a bump replaces the stored one, which is looked up by name. */
  rec: EventRecord;
  /** The record's last occurrence when this entry was pushed (a bump makes it stale). */
  last: number;
}

export const EVENT_TTL_MS = 60 * 60 * 1000;

const byLastOccurrence = persistent('events.byLastOccurrence', (a: Expiry, b: Expiry) => a.last < b.last || (a.last === b.last && a.rec.seq < b.rec.seq));

export type EventListener = (e: EventRecord) => void;

export class EventStore {
  private byNamespace = new Map<string, Map<string, EventRecord>>();
  /** Events per involved object (by uid): also where identical events are found and counted. */
  private byObject = new Map<string, EventRecord[]>();
  private seq = 0;
  private listeners: EventListener[] = [];
  private size = 0;
  /** Every stored record once, keyed by the last occurrence it had when pushed. */
  private expiries = new BinaryHeap<Expiry>(byLastOccurrence);
  private sweep: { at: number; cancel: () => void } | undefined;

  constructor(
    private now: () => number,
    private nextRevision: () => string,
    /** Without it (unit tests of the store alone) events expire only when read. */
    private scheduleAt?: ScheduleAt,
  ) {}

  subscriberList(): object {
    return this.listeners;
  }

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
    if (list) {
      for (let i = list.length - 1; i >= 0 && i >= list.length - 16; i--) {
        const e = list[i];
        if (e.reason === reason && e.message === message && e.type === type && e.component === component && e.host === host && e.involved.fieldPath === involved.fieldPath && t - e.last < EVENT_TTL_MS) {
          // Records are replaced, never changed in place: copies of the cluster (checkpoints) share them.
          const bumped = storedData({ ...e, count: e.count + 1, last: t, resourceVersion: Number(this.nextRevision()), seq: this.seq++ });
          list[i] = bumped;
          this.byNamespace.get(bumped.namespace)!.set(bumped.name, bumped);
          for (const l of this.listeners) l(bumped);
          return bumped;
        }
      }
    }
    const namespace = involved.namespace ?? 'default';
    // Share one reference object among all events about the same object.
    const shared = list?.[0]?.involved;
    const ref = shared && shared.fieldPath === involved.fieldPath && shared.name === involved.name ? shared : involved;
    // client-go names events "<object>.<unix nanos in hex>": here milliseconds in hex plus a
    // sequence number stand in for the nanoseconds, which keeps names unique and sortable.
    const rec: EventRecord = storedData({
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
    });
    let ns = this.byNamespace.get(namespace);
    if (!ns) this.byNamespace.set(namespace, (ns = new Map()));
    ns.set(rec.name, rec);
    if (!list) this.byObject.set(objKey, (list = []));
    list.push(rec);
    this.size++;
    this.expiries.push(storedData({ rec, last: rec.last }));
    this.armSweep();
    for (const l of this.listeners) l(rec);
    return rec;
  }

  /** One clock task, at the moment the oldest record may expire. */
  private armSweep(): void {
    if (!this.scheduleAt) return;
    const head = this.expiries.peek();
    const at = head ? head.last + EVENT_TTL_MS + 1 : undefined;
    if (this.sweep && this.sweep.at === at) return;
    if (this.sweep && at !== undefined && this.sweep.at <= at) return;
    this.sweep?.cancel();
    this.sweep = undefined;
    if (at === undefined) return;
    const sweep: { at: number; cancel: () => void } = { at, cancel: () => {} };
    sweep.cancel = this.scheduleAt(at, bound(this, this.swept, sweep));
    this.sweep = sweep;
  }

  private swept(sweep: { at: number; cancel: () => void }): void {
    if (this.sweep === sweep) this.sweep = undefined;
    this.expire();
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

  /** Drops events whose last occurrence is older than the TTL (O(expired · log n)). */
  expire(): void {
    const cutoff = this.now() - EVENT_TTL_MS;
    for (let head = this.expiries.peek(); head && head.last < cutoff; head = this.expiries.peek()) {
      this.expiries.pop();
      // Gone already (deleted), or replaced by a newer occurrence: that one lives an hour from its own.
      const current = this.byNamespace.get(head.rec.namespace)?.get(head.rec.name);
      if (!current) continue;
      if (current.last !== head.last) this.expiries.push(storedData({ rec: current, last: current.last }));
      else this.drop(current);
    }
    this.armSweep();
  }

  /** Records held for expiry (stored ones plus deleted ones not yet due): bounded by the TTL. */
  pendingExpiries(): number {
    return this.expiries.size;
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
