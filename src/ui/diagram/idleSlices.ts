/**
 * Work that nobody sees being done, done when the page is idle, a slice at a time: the pods'
 * invisible stand-ins (standIns.ts). Zoomed in on a rollout, one refresh rewrote a thousand of
 * them — 40–70 ms of attribute writes in one animation frame — while the canvas that shows the
 * pods needs none of it. Written in slices of a few milliseconds between frames, they follow the
 * picture within a few frames and no frame waits for them.
 *
 * A newer batch replaces what is left of the one before: each item brings its part up to the
 * latest data (a part already up to date costs a comparison), so nothing left over is lost.
 */

/** The longest slice of work between two checks of the clock (ms). */
const SLICE_MS = 4;
/** However busy the page, the work is not put off longer than this (ms). */
const LATEST_MS = 300;

type Idle = (run: (deadline?: { timeRemaining(): number }) => void, options: { timeout: number }) => number;

export class IdleSlices {
  private items: (() => void)[] = [];
  private next = 0;
  private handle: unknown;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Replaces the work still to do with `items`, started at the page's next idle moment. */
  replace(items: (() => void)[]): void {
    this.items = items;
    this.next = 0;
    this.schedule();
  }

  /** Items still to run. */
  get left(): number {
    return this.items.length - this.next;
  }

  private schedule(): void {
    if (this.handle !== undefined || this.next >= this.items.length) return;
    // Safari has no requestIdleCallback: a task after the current one does the same job there.
    const idle = (globalThis as { requestIdleCallback?: Idle }).requestIdleCallback;
    const run = (deadline?: { timeRemaining(): number }) => {
      this.handle = undefined;
      // Never past the time the browser says is idle (the next frame is due then).
      this.slice(Math.min(SLICE_MS, deadline?.timeRemaining() ?? SLICE_MS));
    };
    this.handle = idle ? idle(run, { timeout: LATEST_MS }) : setTimeout(run, 0);
  }

  /** Runs items for up to `ms` (at least one item). */
  private slice(ms: number): void {
    const until = this.now() + ms;
    while (this.next < this.items.length) {
      this.items[this.next++]();
      if (this.now() >= until) break;
    }
    this.schedule();
  }
}
