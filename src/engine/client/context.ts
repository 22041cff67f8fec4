/** What every control loop is given: the API server, the clock, the seeded RNG and the why-log. */
import { persistentTable } from '../sim/persistable';
import type { ApiServer } from '../api/server';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { ReasonLog } from './reasons';
import { bound } from '../sim/forkable';

export interface ControllerContext {
  api: ApiServer;
  clock: SimClock;
  rng: Rng;
  reasons: ReasonLog;
}

/** What a queue does when its handler throws: e.g. record a Warning event on the object. */
export type SyncErrorHandler = (key: string, error: unknown, retries: number) => void;

/**
 * client-go's DefaultControllerRateLimiter per item: 5 ms doubled on every failure in a row,
 * capped at 1000 s (workqueue.NewItemExponentialFailureRateLimiter(5ms, 1000s)).
 */
export const RETRY_BASE_MS = 5;
export const RETRY_MAX_MS = 1000 * 1000;

export function retryDelay(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(failures, 30));
}

/**
 * A work queue like client-go's: a key added while already pending is not added twice, so a
 * burst of watch events at one instant becomes one sync. Work runs `delayMs` after it is queued,
 * on the simulated clock.
 *
 * A sync that throws never reaches the clock (processNextWorkItem's contract): the error is
 * handed to `onError` (by default noted on the clock's contained-error list) and the key comes
 * back after an exponential back-off (AddRateLimited); a sync that returns normally resets it
 * (Forget). One broken object therefore cannot stop a controller or flood the clock.
 */
export class WorkQueue {
  private pending = new Set<string>();
  private failures = new Map<string, number>();
  private requeued = false;

  constructor(
    private clock: SimClock,
    private owner: string,
    private delayMs: number,
    private handler: (key: string) => void,
    private onError?: SyncErrorHandler,
  ) {}

  add(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.clock.after(this.delayMs, this.owner, bound(this, this.due, key));
  }

  private due(key: string): void {
    this.pending.delete(key);
    this.process(key);
  }

  private process(key: string): void {
    this.requeued = false;
    try {
      this.handler(key);
      if (!this.requeued) this.forget(key);
    } catch (e) {
      const retries = this.failures.get(key) ?? 0;
      try {
        if (this.onError) this.onError(key, e, retries);
        else this.clock.noteContained(this.owner, e);
      } catch (inner) {
        this.clock.noteContained(this.owner, inner);
      }
      this.addRateLimited(key);
    }
  }

  /** Queues the key once `ms` have passed (e.g. to re-check minReadySeconds). */
  addAfter(key: string, ms: number): void {
    this.clock.after(ms, this.owner, bound(this, this.add, key));
  }

  /** Queues the key again after its back-off (5 ms, 10 ms, 20 ms … 1000 s); returns the delay. */
  addRateLimited(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.requeued = true;
    const delay = retryDelay(n);
    this.addAfter(key, delay);
    return delay;
  }

  /** The key synced cleanly: its back-off starts over. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Failures in a row for a key (0 once it synced). */
  retries(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  size(): number {
    return this.pending.size;
  }
}

/**
 * Runs one pass of a periodic loop (a resync, a monitor tick) so that an exception is noted on
 * the clock's contained list instead of failing the task — and the loop, which reschedules
 * itself first, keeps running: one bad object must not stop a control loop for good.
 */
export function contained(clock: SimClock, owner: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    clock.noteContained(owner, e);
  }
}

/** The message of anything thrown. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The `onError` for a controller's queue of `resource` keys: a Warning event on the object
 * (reason FailedSync, the kubelet's word for a sync that failed and will be retried).
 */
export function reportSyncError(ctx: ControllerContext, component: string, resource: string): SyncErrorHandler {
  return bound(syncErrors, syncErrors.report, ctx, component, resource);
}

// An object (not a closure) so a copy of the cluster can rebuild each controller's reporter.
const syncErrors = persistentTable('client.syncErrors', {
  report(ctx: ControllerContext, component: string, resource: string, key: string, error: unknown): void {
    const [ns, name] = splitKey(key);
    const obj = ctx.api.store.get(resource, ns, name);
    ctx.clock.noteContained(component, error);
    if (obj) ctx.api.event(obj, 'Warning', 'FailedSync', `Error syncing ${key}: ${errorText(error)}; will retry`, component);
  },
});

export function nsName(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
