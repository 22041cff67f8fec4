/**
 * The engine `npm run serve` runs: the same host the page's Web Worker runs (one cluster on
 * screen, rewind, lessons), driven by a timer in real time — ×1 by default — instead of by a
 * page. Real clients' requests and the pages attached over WebSocket reach the one cluster.
 */
import { EngineHost, type HostView } from '../ui/engineHost/host';
import type { ClusterOptions } from '../engine/port';

export interface RunnerOptions {
  cluster: ClusterOptions;
  speed: number;
}

/** How often the server's timer runs the clock (wall ms): a watch sees a change within this. */
export const CLOCK_TICK_MS = 100;

export class EngineRunner {
  readonly host: EngineHost;
  private readonly viewListeners = new Set<(view: HostView) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: RunnerOptions) {
    this.host = new EngineHost((view) => {
      for (const l of this.viewListeners) l(view);
    });
    this.host.serveClock({ speed: options.speed, paused: false });
    this.host.reset(options.cluster);
  }

  /** Views for attached pages (each page's socket subscribes). */
  onView(listener: (view: HostView) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  start(): void {
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      // A stalled event loop (a debugger, a suspended laptop) does not make the cluster leap ahead.
      this.host.driveClock(Math.min(now - last, 1000));
      last = now;
      if (this.viewListeners.size) this.host.flush();
    }, CLOCK_TICK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
