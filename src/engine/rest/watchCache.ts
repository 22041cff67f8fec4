/**
 * The API server's watch cache, in small: the recent changes of every resource type, so a
 * client that listed at resourceVersion R can watch from R and miss nothing (client-go's
 * reflector lists, then watches from the list's version). Changes older than what is kept
 * answer 410 Expired — the client lists again — as a real server does once etcd compacted.
 * Bounded per type, so a long session or 150,000 pods cost the same memory.
 */
import type { KObject } from '../api/types';
import type { ObjectStore } from '../api/store';
import type { EventStore, EventRecord } from '../api/events';
import { eventObject } from '../api/events';

export interface CachedEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KObject;
  /** The object before the change (MODIFIED): a selector watch sends DELETED when it stops matching. */
  old?: KObject;
  rv: number;
}

type Listener = (e: CachedEvent) => void;

class Ring {
  readonly events: CachedEvent[] = [];
  /** Changes at or below this version are gone from the ring. */
  compactedThrough = 0;
  readonly listeners = new Set<Listener>();
  constructor(private readonly capacity: number) {}
  push(e: CachedEvent): void {
    this.events.push(e);
    if (this.events.length > this.capacity) {
      const dropped = this.events.splice(0, this.events.length - this.capacity);
      this.compactedThrough = dropped[dropped.length - 1]!.rv;
    }
    for (const l of this.listeners) l(e);
  }
}

export const WATCH_CACHE_CAPACITY = 1000;

export class WatchCache {
  private rings = new Map<string, Ring>();
  private tracked = new Set<string>();
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly store: ObjectStore,
    events: EventStore,
    resources: string[],
    private readonly capacity = WATCH_CACHE_CAPACITY,
  ) {
    for (const resource of resources) this.track(resource);
    const ring = this.ring('events');
    this.unsubscribe.push(
      events.onEvent((rec: EventRecord) => {
        ring.push({ type: rec.count > 1 ? 'MODIFIED' : 'ADDED', object: eventObject(rec), rv: rec.resourceVersion });
      }),
    );
  }

  /**
   * Keeps the changes of a type from now on (the built-ins' from the start; a custom type's
   * from the first request that names it, which a client's list-then-watch always is).
   */
  track(resource: string): void {
    if (resource === 'events' || this.tracked.has(resource)) return;
    this.tracked.add(resource);
    const ring = this.ring(resource);
    this.unsubscribe.push(
      this.store.watch(resource, (type, obj, old) => {
        const rv = this.store.currentRevision();
        // A deletion is a change of its own: the DELETED object carries the version it was removed at.
        const object = type === 'DELETED' ? { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } } : obj;
        ring.push(type === 'MODIFIED' ? { type, object, old, rv } : { type, object, rv });
      }),
    );
  }

  private ring(resource: string): Ring {
    let r = this.rings.get(resource);
    if (!r) {
      r = new Ring(this.capacity);
      this.rings.set(resource, r);
    }
    return r;
  }

  /**
   * The changes after `rv` still kept, then every later one as it happens; or 'expired' when
   * some change after `rv` is no longer kept.
   */
  since(resource: string, rv: number, listener: Listener): { backlog: CachedEvent[]; stop: () => void } | 'expired' {
    const ring = this.ring(resource);
    if (rv < ring.compactedThrough) return 'expired';
    const backlog = ring.events.filter((e) => e.rv > rv);
    ring.listeners.add(listener);
    return { backlog, stop: () => ring.listeners.delete(listener) };
  }

  /** The oldest version a watch can still start from (for the 410's message). */
  oldest(resource: string): number {
    return this.ring(resource).compactedThrough + 1;
  }

  /** How many changes each type's ring holds now (bounded by the capacity). */
  sizes(): Record<string, number> {
    return Object.fromEntries([...this.rings].map(([resource, ring]) => [resource, ring.events.length]));
  }

  currentRevision(): number {
    return this.store.currentRevision();
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    for (const r of this.rings.values()) r.listeners.clear();
  }
}
