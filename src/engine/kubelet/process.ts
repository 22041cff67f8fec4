/**
 * A simulated process as a timeline that is read, never run: when each statement of a
 * container's script happens is a closed-form function of its position, so the cost of asking
 * "what has it printed by now?" depends on the script and on how much output is asked for —
 * never on how long the process has been running (a loop that prints every millisecond for a
 * simulated year costs the same to read as one that has printed once).
 *
 * Bounded cost, as the kubelet and the kernel bound a real container:
 * - **CPU throttling.** A process executes at most STEPS_PER_SECOND statements per simulated
 *   second, as a CPU-limited container gets at most its CFS quota per period: a block (the
 *   script, one round of a loop, one iteration of a `for`) lasts at least its statement count ×
 *   STEP_MS, however small its sleeps (`sleep 0.0000001`, `while true; do echo; done`).
 * - **Log rotation.** The kubelet's container log manager rotates a container's log once it
 *   passes containerLogMaxSize (10 Mi by default) and keeps containerLogMaxFiles (5); `kubectl
 *   logs` reads only the current file (pkg/kubelet/logs/container_log_manager.go). Sizes count
 *   each line as the CRI log format writes it (a timestamp, the stream and a tag before the text).
 * - **Lazy output.** Lines are produced newest first and only as far as asked (`--tail`, a
 *   since-time, the terminal's cap), walking the timeline backwards.
 *
 * `work` counts interpreter steps (nodes visited) so tests can bound the cost without timing.
 */
import { dateOutput, type Step } from './runtime';

/** The statement budget of a simulated process per simulated second. */
export const STEPS_PER_SECOND = 1000;
const STEP_MS = 1000 / STEPS_PER_SECOND;
/** KubeletConfiguration containerLogMaxSize (the 5 rotated files kept beside it are never read by `kubectl logs`). */
export const CONTAINER_LOG_MAX_SIZE = 10 * 1024 * 1024;
/** "2026-03-02T09:06:00.123456789Z stdout F " before each line in the CRI log file. */
const CRI_LINE_OVERHEAD = 40;
/** Lines a `kubectl logs` without --tail shows at most here (the terminal's scrollback). */
export const LOG_LINES_SHOWN = 2000;

/** Interpreter steps taken so far (for tests: cost is asserted in steps, not milliseconds). */
export const work = { steps: 0 };

/** What a block of statements amounts to, computed once per block. */
interface Shape {
  /** Natural time the block takes (Infinity: it never finishes — a server, an endless loop). */
  ms: number;
  /** Statements executed by one pass (a `for` counts its body per item; an endless loop one round). */
  steps: number;
  /** Log lines and their bytes one pass prints (an endless loop: one round's). */
  lines: number;
  bytes: number;
  /** Offset of each statement from the block's start. */
  offsets: number[];
  /** Statements that run: those after an `exit`, a server or an endless loop never do. */
  count: number;
  /** The block stops at an `exit` (its offset, code) or never returns (serve, endless loop). */
  exit?: { at: number; code: number };
  forever: boolean;
}

const shapes = new WeakMap<Step[], Shape>();

function lineBytes(text: string): number {
  return text.length + 1 + CRI_LINE_OVERHEAD;
}

/** Duration of one pass of a block: its sleeps, or its statement count × STEP_MS if that is longer. */
function throttled(naturalMs: number, steps: number): number {
  return Math.max(naturalMs, steps * STEP_MS);
}

export function shapeOf(block: Step[]): Shape {
  const known = shapes.get(block);
  if (known) return known;
  let t = 0;
  let steps = 0;
  let lines = 0;
  let bytes = 0;
  const offsets: number[] = [];
  let exit: Shape['exit'];
  let forever = false;
  let count = 0;
  for (const s of block) {
    work.steps++;
    offsets.push(t);
    if (exit || forever) continue;
    count++;
    steps++;
    if (s.kind === 'log') {
      lines++;
      bytes += lineBytes(s.text);
    } else if (s.kind === 'sleep') t += s.ms;
    else if (s.kind === 'exit') exit = { at: t, code: s.code };
    else if (s.kind === 'serve') forever = true;
    else if (s.kind === 'loop' || s.kind === 'for') {
      const body = shapeOf(s.body);
      const n = s.kind === 'for' ? s.items.length : Infinity;
      const round = roundMs(body);
      if (n === 0) continue;
      if (body.exit) {
        // The first round reaches `exit`: the loop (and the block) ends there.
        steps += body.steps;
        lines += body.lines;
        bytes += body.bytes;
        exit = { at: t + body.exit.at, code: body.exit.code };
      } else if (body.forever || n === Infinity) {
        // Never ends: counts stand for one round (whether it prints at all is what matters).
        steps += body.steps;
        lines += body.lines;
        bytes += body.bytes;
        forever = true;
      } else {
        steps += n * (body.steps + 1);
        lines += n * body.lines;
        bytes += n * body.bytes;
        t += n * round;
      }
    }
  }
  const shape: Shape = { ms: forever ? Infinity : throttled(exit ? exit.at : t, exit ? 0 : steps), steps, lines, bytes, offsets, count, forever, ...(exit ? { exit } : {}) };
  shapes.set(block, shape);
  return shape;
}

/** One round of a loop body (or one `for` iteration): at least one step's time per statement. */
export function roundMs(body: Shape): number {
  return throttled(body.ms, body.steps + 1);
}

/** When (if ever) the script exits by itself, counted from its start, and with what code. */
export function exitOf(steps: Step[]): { at?: number; code: number } {
  const s = shapeOf(steps);
  if (s.exit) return { at: s.exit.at, code: s.exit.code };
  if (s.forever) return { code: 0 };
  return { at: s.ms, code: 0 };
}

/** Replaces `$name` and `${name}` of the enclosing `for` loops (names are checked identifiers). */
function substitute(text: string, vars: [string, string][]): string {
  for (let i = vars.length - 1; i >= 0; i--) {
    const [name, value] = vars[i];
    if (!text.includes('$')) break;
    text = text.replace(new RegExp(`\\$\\{${name}\\}|\\$${name}(?![A-Za-z0-9_])`, 'g'), () => value);
  }
  return text;
}

export interface LogQuery {
  /** Lines of the current log file to show from the end (kubectl logs --tail); default: all, up to LOG_LINES_SHOWN. */
  tail?: number;
  /** Only lines written at or after this time (kubectl logs --since / --since-time). */
  sinceMs?: number;
}

export interface LogLine {
  at: number;
  text: string;
}

/**
 * The lines of the process's current log file at `now`, oldest first: walked backwards from
 * `now` and stopped at the tail, the since-time, the rotation point or LOG_LINES_SHOWN.
 */
export function logLines(steps: Step[], banner: string[], startedAt: number, now: number, podName: string, query: LogQuery = {}): LogLine[] {
  const want = Math.min(query.tail ?? LOG_LINES_SHOWN, LOG_LINES_SHOWN);
  const since = query.sinceMs ?? -Infinity;
  // Bytes written by `now`, to find where the current file starts after rotations.
  const total = banner.reduce((n, l) => n + lineBytes(l), 0) + bytesUntil(steps, startedAt, now);
  const fileStart = total > CONTAINER_LOG_MAX_SIZE ? Math.floor((total - 1) / CONTAINER_LOG_MAX_SIZE) * CONTAINER_LOG_MAX_SIZE : 0;
  let remaining = total;
  const out: LogLine[] = [];
  const expand = (text: string, at: number, vars: [string, string][]) =>
    substitute(text, vars)
      .replace(/\$\(date\)|`date`/g, () => dateOutput(at))
      .replace(/\$HOSTNAME|\$\{HOSTNAME\}/g, () => podName);
  /** Emits one line, newest first; false when the walk should stop. */
  const emit = (template: string, at: number, vars: [string, string][]): boolean => {
    if (out.length >= want || at < since) return false;
    remaining -= lineBytes(template);
    if (remaining < fileStart) return false;
    out.push({ at, text: expand(template, at, vars) });
    return true;
  };
  /** Visits the block's lines at or before `until`, newest first. */
  const back = (block: Step[], t0: number, vars: [string, string][]): boolean => {
    const shape = shapeOf(block);
    if (shape.lines === 0) return true;
    for (let i = shape.count - 1; i >= 0; i--) {
      work.steps++;
      const s = block[i];
      const at = t0 + shape.offsets[i];
      if (at > now) continue;
      if (s.kind === 'log') {
        if (!emit(s.text, at, vars)) return false;
      } else if (s.kind === 'loop' || s.kind === 'for') {
        const body = shapeOf(s.body);
        if (body.lines === 0) continue;
        const round = roundMs(body);
        const n = s.kind === 'for' ? s.items.length : Infinity;
        // Rounds that have begun by `now` (the first round only, when the body exits or never ends).
        const rounds = body.exit || body.forever ? Math.min(1, n) : Math.min(n, Math.floor((now - at) / round) + 1);
        for (let k = rounds - 1; k >= 0; k--) {
          const inner: [string, string][] = s.kind === 'for' ? [...vars, [s.name, s.items[k]]] : vars;
          if (!back(s.body, at + k * round, inner)) return false;
          // Before the since-time or the rotation point: older rounds are further still.
          if (at + k * round < since) return false;
        }
      }
    }
    return true;
  };
  if (back(steps, startedAt, [])) for (let i = banner.length - 1; i >= 0 && emit(banner[i], startedAt, []); i--);
  return out.reverse();
}

/** Bytes of log the block has written by `now`, in closed form (whole rounds are multiplied). */
function bytesUntil(block: Step[], t0: number, now: number): number {
  const shape = shapeOf(block);
  if (shape.lines === 0 || now < t0) return 0;
  let bytes = 0;
  for (let i = 0; i < shape.count; i++) {
    work.steps++;
    const s = block[i];
    const at = t0 + shape.offsets[i];
    if (at > now) break;
    if (s.kind === 'log') bytes += lineBytes(s.text);
    else if (s.kind === 'loop' || s.kind === 'for') {
      const body = shapeOf(s.body);
      if (body.lines === 0) continue;
      const n = s.kind === 'for' ? s.items.length : Infinity;
      if (body.exit || body.forever) {
        if (n > 0) bytes += bytesUntil(s.body, at, now);
        continue;
      }
      const round = roundMs(body);
      const whole = Math.min(n, Math.floor((now - at) / round));
      bytes += whole * body.bytes;
      if (whole < n) bytes += bytesUntil(s.body, at + whole * round, now);
    }
  }
  return bytes;
}

/**
 * The files the script has touched and not removed by `offsetMs` after its start. A round's
 * touches and removals give the same result however often they are repeated, so one whole
 * round and the round in progress stand for all the rounds before.
 */
export function filesAt(block: Step[], offsetMs: number): Set<string> {
  const files = new Set<string>();
  const walk = (b: Step[], t0: number): void => {
    const shape = shapeOf(b);
    for (let i = 0; i < shape.count; i++) {
      work.steps++;
      const s = b[i];
      const at = t0 + shape.offsets[i];
      if (at > offsetMs) return;
      if (s.kind === 'touch') files.add(s.path);
      else if (s.kind === 'rm') files.delete(s.path);
      else if (s.kind === 'loop' || s.kind === 'for') {
        const body = shapeOf(s.body);
        const n = s.kind === 'for' ? s.items.length : Infinity;
        if (n === 0) continue;
        if (body.exit || body.forever) {
          walk(s.body, at);
          continue;
        }
        const round = roundMs(body);
        const k = Math.min(n - 1, Math.floor((offsetMs - at) / round));
        if (k >= 1) walk(s.body, at + (k - 1) * round);
        walk(s.body, at + k * round);
      }
    }
  };
  walk(block, 0);
  return files;
}
