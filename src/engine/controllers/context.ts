/** What every control loop is given: the API server, the clock, the seeded RNG and the why-log. */
import type { ApiServer } from '../api/server';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { ReasonLog } from '../reasons';

export interface ControllerContext {
  api: ApiServer;
  clock: SimClock;
  rng: Rng;
  reasons: ReasonLog;
}

/**
 * A rate-free work queue like client-go's: a key added while already pending is not added
 * twice, so a burst of watch events at one instant becomes one sync. Work runs `delayMs` after
 * it is queued, on the simulated clock.
 */
export class WorkQueue {
  private pending = new Set<string>();

  constructor(
    private clock: SimClock,
    private owner: string,
    private delayMs: number,
    private handler: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.clock.after(this.delayMs, this.owner, () => {
      this.pending.delete(key);
      this.handler(key);
    });
  }

  /** Queues the key once `ms` have passed (e.g. to re-check minReadySeconds). */
  addAfter(key: string, ms: number): void {
    this.clock.after(ms, this.owner, () => this.add(key));
  }

  size(): number {
    return this.pending.size;
  }
}

export function nsName(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
