/**
 * Where sessions are kept: IndexedDB (idb-keyval), one entry per slot — the sandbox, each
 * lesson's cluster, a shared scenario — plus which slot is open. IndexedDB holds far more than
 * localStorage's ~5 MB and is written off the main thread. Every slot is read once at boot into
 * memory, so switching between the sandbox and a lesson needs no wait.
 *
 * Nothing here throws: storage that is missing, denied (a SecurityError in a locked-down
 * browser) or full makes saving fail visibly (a banner), never the app.
 */
import { createStore, entries, set as idbSet, del as idbDel, type UseStore } from 'idb-keyval';
import { useNotices } from './notices';

export type Slot = 'sandbox' | 'shared' | `lesson:${string}`;

/** Sessions as saved before IndexedDB (format 1, in localStorage): moved over once. */
const LEGACY_KEY = 'wheelhouse.session';
const ACTIVE_KEY = 'active';

let store: UseStore | undefined;
const cache = new Map<string, string>();
let writable = true;

function idb(): UseStore | undefined {
  if (store) return store;
  try {
    if (typeof indexedDB === 'undefined') return undefined;
    store = createStore('wheelhouse', 'sessions');
    return store;
  } catch {
    return undefined;
  }
}

/** Reads every saved slot (once, at boot). */
export async function loadAll(): Promise<void> {
  const s = idb();
  if (s) {
    try {
      for (const [key, value] of await entries<string, unknown>(s)) if (typeof value === 'string') cache.set(key, value);
    } catch {
      // IndexedDB refused (private mode, denied): this visit keeps its work in memory only.
    }
  }
  try {
    const legacy = localStorage.getItem(LEGACY_KEY);
    if (legacy !== null) {
      if (!cache.has('slot:sandbox')) cache.set('slot:sandbox', legacy);
      if (s) await idbSet('slot:sandbox', cache.get('slot:sandbox'), s);
      localStorage.removeItem(LEGACY_KEY);
    }
  } catch {
    // localStorage denied: nothing to move
  }
}

export function readSlot(slot: Slot): string | undefined {
  return cache.get(`slot:${slot}`);
}

export function activeSlot(): Slot {
  const v = cache.get(ACTIVE_KEY);
  return v === 'shared' || v === 'sandbox' || (v && /^lesson:[a-z0-9-]+$/.test(v)) ? (v as Slot) : 'sandbox';
}

/** While another tab is the writer, this one saves nothing (it would overwrite newer work). */
export function setWritable(value: boolean): void {
  writable = value;
}

export function isWritable(): boolean {
  return writable;
}

let failed = false;
async function write(key: string, value: string | undefined): Promise<void> {
  if (value === undefined) cache.delete(key);
  else cache.set(key, value);
  if (!writable) return;
  const s = idb();
  try {
    if (!s) throw new Error('no IndexedDB');
    if (value === undefined) await idbDel(key, s);
    else await idbSet(key, value, s);
    if (failed) {
      failed = false;
      useNotices.getState().dismiss('saveFailed');
    }
  } catch {
    failed = true;
    useNotices.getState().show({ kind: 'saveFailed' });
  }
}

export function saveSlot(slot: Slot, text: string): Promise<void> {
  return write(`slot:${slot}`, text);
}

export function setActiveSlot(slot: Slot): Promise<void> {
  if (cache.get(ACTIVE_KEY) === slot) return Promise.resolve();
  return write(ACTIVE_KEY, slot);
}

/** What is kept beside the sessions: the lessons the learner imported (../store/importedLessons.ts). */
export type Kept = 'lessons:imported';

export function readKept(key: Kept): string | undefined {
  return cache.get(key);
}

export function saveKept(key: Kept, text: string): Promise<void> {
  return write(key, text);
}

/** Keeps saved text that could not be used, beside the fresh start that replaces it (never silently lost). */
export function keepRejected(text: string): Promise<void> {
  return write(`rejected:${new Date().toISOString()}`, text);
}

/** Everything saved, as one JSON text (the error screen's download). */
export function rawCopy(): string {
  return JSON.stringify(Object.fromEntries(cache), null, 1);
}

/** Forgets everything saved (the error screen's Reset). */
export async function clearAll(): Promise<void> {
  const keys = [...cache.keys()];
  cache.clear();
  const s = idb();
  if (s) await Promise.all(keys.map((k) => idbDel(k, s).catch(() => {})));
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // denied
  }
}
