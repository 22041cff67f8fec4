/**
 * The sandbox as data: the cluster's options, its action log, the editor's files and the
 * terminal's scrollback. The engine is deterministic, so replaying the log rebuilds the very same
 * cluster — which is how a reload keeps the sandbox, how a shared link restores a scenario, and
 * how rewind works.
 *
 * Stored and shared as format 2: each distinct file content is kept once in a blob table (the
 * engine records the editor's files with every kubectl command; format 1 copied all of them into
 * every action, which filled the 5 MB localStorage quota after ~200 commands), times as deltas,
 * and everything is checked against a schema on the way in (./persistence/schema.ts).
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { Action, ClusterOptions } from '../../engine/port';
import type { ManifestFile } from './filesStore';
import { LIMITS, legacySchema, packedSchema, v, type PackedAction, type PackedSession } from '../persistence/schema';

export interface SavedConsoleEntry {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  kind?: 'note';
}

export interface Session {
  options: ClusterOptions;
  actions: Action[];
  files: ManifestFile[];
  console?: SavedConsoleEntry[];
}

/** Why saved or shared data was not used (the learner is told, in their language). */
export type RejectReason = 'unreadable' | 'newer' | 'invalid' | 'tooLong';
export type Unpacked = { ok: true; session: Session } | { ok: false; reason: RejectReason };

/**
 * Share links longer than this (the whole address) become a scenario file instead: 2,000
 * characters pass every browser, link preview and chat app (Discord's message limit is 2,000).
 * A two-hour session with edits takes ~1,450.
 */
export const MAX_LINK_CHARS = 2_000;
export const FORMAT = 2;

export function pack(session: Session): PackedSession {
  const blobs: string[] = [];
  const index = new Map<string, number>();
  const blob = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = blobs.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  const start = session.actions[0]?.at ?? 0;
  let prev = start;
  const actions = session.actions.map((a): PackedAction => {
    const d = a.at - prev;
    prev = a.at;
    const { at: _at, ...rest } = a;
    if (a.type !== 'kubectl') return { ...rest, d } as PackedAction;
    const out: PackedAction = { type: 'kubectl', d, command: a.command };
    if (a.stdin !== undefined) out.stdin = blob(a.stdin);
    // The engine reads a file only where the command names it (`-f web.yaml`): the other tabs'
    // contents cannot change the replay, so they are not kept with the command.
    const named = a.files ? Object.entries(a.files).filter(([name]) => a.command.includes(name)) : [];
    if (named.length) out.files = named.map(([name, content]) => [name, blob(content)] as [string, number]);
    return out;
  });
  const files = session.files.map((f) => [f.name, blob(f.content)] as [string, number]);
  const packed: PackedSession = { format: 2, options: session.options as PackedSession['options'], start: start || 946_684_800_000, blobs, actions, files };
  if (session.console?.length) packed.console = session.console;
  return packed;
}

/** The simulated time a log covers, in seconds (what a replay has to simulate). */
function coveredSeconds(actions: Action[]): number {
  if (!actions.length) return 0;
  const last = actions[actions.length - 1];
  const end = last.type === 'advance' ? last.at + last.seconds * 1000 : last.at;
  return (end - actions[0].at) / 1000;
}

/** Checks and expands stored or shared data. `shared`: a link or file from someone else (tighter bounds). */
export function unpack(value: unknown, shared = false): Unpacked {
  if (value && typeof value === 'object' && (value as { version?: unknown }).version === 1) return unpackLegacy(value, shared);
  const format = value && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (typeof format === 'number' && format > FORMAT) return { ok: false, reason: 'newer' };
  const parsed = v.safeParse(packedSchema, value);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const p = parsed.output;
  const blob = (i: number) => p.blobs[i];
  if ([...p.actions.flatMap((a) => (a.type === 'kubectl' ? [...(a.stdin === undefined ? [] : [a.stdin]), ...(a.files ?? []).map((f) => f[1])] : [])), ...p.files.map((f) => f[1])].some((i) => i >= p.blobs.length)) return { ok: false, reason: 'invalid' };
  let at = p.start;
  const actions = p.actions.map((a): Action => {
    at += a.d;
    const { d: _d, ...rest } = a;
    if (a.type !== 'kubectl') return { ...rest, at } as Action;
    const out: Action = { type: 'kubectl', at, command: a.command };
    if (a.stdin !== undefined) out.stdin = blob(a.stdin);
    if (a.files) out.files = fileRecord(a.files.map(([name, i]) => [name, blob(i)]));
    return out;
  });
  return bounded({ options: p.options, actions, files: p.files.map(([name, i]) => ({ name, content: blob(i) })), ...(p.console ? { console: p.console } : {}) }, shared);
}

/** Files by name with no prototype behind them: a file called `constructor` or `__proto__` is just a file. */
export function fileRecord(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, content] of entries) Object.defineProperty(out, name, { value: content, enumerable: true, writable: true, configurable: true });
  return out;
}

function bounded(session: Session, shared: boolean): Unpacked {
  const limit = shared ? LIMITS.sharedSeconds : LIMITS.storedSeconds;
  if (coveredSeconds(session.actions) > limit) return { ok: false, reason: 'tooLong' };
  for (let i = 1; i < session.actions.length; i++) if (session.actions[i].at < session.actions[i - 1].at) return { ok: false, reason: 'invalid' };
  return { ok: true, session };
}

/** Format 1: accepted once more (a reload after updating), then written as format 2. */
function unpackLegacy(value: unknown, shared: boolean): Unpacked {
  const parsed = v.safeParse(legacySchema, value);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  // Its actions are re-checked in the packed form, so both formats pass the same rules.
  const again = unpack(pack({ options: parsed.output.options, actions: parsed.output.actions as unknown as Action[], files: parsed.output.files }), shared);
  return again;
}

/** The text stored for a session. */
export function serialize(session: Session): string {
  return JSON.stringify(pack(session));
}

/** Stored text back to a session; anything unreadable is rejected, never thrown. */
export function deserialize(text: string, shared = false): Unpacked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  return unpack(value, shared);
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Inflated text may be at most this long (a small link must not expand into gigabytes). */
const MAX_INFLATED = 8_000_000;

/** Inflates chunk by chunk and stops past MAX_INFLATED (a few kilobytes of link must not become gigabytes). */
export function boundedInflate(bytes: Uint8Array): string {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED) throw new Error('too large');
    parts.push(chunk);
  });
  for (let i = 0; i < bytes.length; i += 16_384) inflater.push(bytes.subarray(i, i + 16_384), i + 16_384 >= bytes.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return strFromU8(out);
}

/**
 * `#s2=…`: the whole scenario in the link (no server involved), deflated (fflate) and base64url.
 * Deflate packs the repetitive log about six times tighter than lz-string (a two-hour session:
 * ~1,300 characters against ~8,000).
 */
export function encodeShare(session: Session): string {
  const { console: _console, ...rest } = session; // the scrollback stays with its owner
  return `#s2=${toBase64Url(deflateSync(strToU8(serialize(rest)), { level: 9 }))}`;
}

/** Whether the address carries a scenario (`#s2=` today, `#s=` from older links). */
export function isShareHash(hash: string): boolean {
  return /^#s2?=/.test(hash);
}

export function decodeShare(hash: string): Unpacked {
  const now = /^#s2=([A-Za-z0-9_-]+)$/.exec(hash);
  if (now) {
    try {
      return deserialize(boundedInflate(fromBase64Url(now[1])), true);
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
  }
  const old = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!old) return { ok: false, reason: 'unreadable' };
  try {
    return deserialize(new TextDecoder().decode(fromBase64Url(old[1])), true);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** A scenario file (`.wheelhouse.json`): for sessions too long for a link. */
export function scenarioFile(session: Session): string {
  const { console: _console, ...rest } = session;
  return JSON.stringify({ wheelhouse: 'scenario', ...pack(rest) });
}

export function readScenarioFile(text: string): Unpacked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!value || typeof value !== 'object' || (value as { wheelhouse?: unknown }).wheelhouse !== 'scenario') return { ok: false, reason: 'unreadable' };
  const { wheelhouse: _w, ...rest } = value as Record<string, unknown>;
  return unpack(rest, true);
}
