/**
 * The sandbox as data: the cluster's options, its action log and the editor's files. The engine
 * is deterministic, so replaying the log rebuilds the very same cluster — which is how a reload
 * keeps the sandbox, how a shared link restores a scenario, and how rewind works.
 */
import type { Action, ClusterOptions } from '../../engine';
import type { ManifestFile } from './filesStore';

export interface Session {
  version: 1;
  options: ClusterOptions;
  actions: Action[];
  files: ManifestFile[];
}

const STORAGE_KEY = 'wheelhouse.session';
const MAX_ACTIONS = 20_000;
const ACTION_TYPES = new Set(['kubectl', 'advance', 'stopNode', 'startNode', 'addNode', 'removeNode', 'startTraffic', 'setTraffic', 'stopTraffic', 'enableClusterAutoscaler']);

/** Accepts only what a session written by this app looks like; anything else is ignored. */
export function parseSession(value: unknown): Session | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const s = value as Partial<Session>;
  if (s.version !== 1 || !s.options || typeof s.options !== 'object' || !Array.isArray(s.actions) || !Array.isArray(s.files)) return undefined;
  if (s.actions.length > MAX_ACTIONS) return undefined;
  if (!s.actions.every((a) => a && typeof a === 'object' && ACTION_TYPES.has((a as Action).type) && typeof (a as Action).at === 'number')) return undefined;
  if (!s.files.every((f) => f && typeof f.name === 'string' && typeof f.content === 'string')) return undefined;
  const workers = s.options.workers;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 200)) return undefined;
  return s as Session;
}

export function saveSession(session: Session): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage full or unavailable: the sandbox still works, it just will not survive a reload.
  }
}

export function loadSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? parseSession(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

export function clearSession(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to clear
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** `#s=…`: the whole scenario in the link (no server involved). */
export function encodeShare(session: Session): string {
  return `#s=${toBase64Url(JSON.stringify(session))}`;
}

export function decodeShare(hash: string): Session | undefined {
  const m = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  try {
    return parseSession(JSON.parse(fromBase64Url(m[1])));
  } catch {
    return undefined;
  }
}
