/**
 * The engine's Web Worker: the simulated cluster runs here, off the page's main thread, so a
 * burst of work (thousands of pods at ×16, a replay) never holds up drawing or typing.
 */
/// <reference lib="webworker" />
import { createStore, get, set } from 'idb-keyval';
import { EngineHost } from './host';
import { CheckpointKeeper, type CheckpointStore, type KeptCheckpoint } from './keptCheckpoints';
import { serveHost, type CallMessage, type HostMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
declare const __BUILD_ID__: string | undefined;

/**
 * Checkpoints kept across reloads, in a database of their own (the page's sessions database is
 * the page's). Not in the dev server: code edited under a running server keeps the same build
 * id, and a checkpoint written by the old code must not be read by the new.
 */
function keeper(): CheckpointKeeper | undefined {
  if (import.meta.env.DEV || typeof __BUILD_ID__ !== 'string' || typeof indexedDB === 'undefined') return undefined;
  try {
    const db = createStore('wheelhouse-checkpoints', 'checkpoints');
    const store: CheckpointStore = {
      read: (key) => get<KeptCheckpoint>(key, db),
      write: (key, value) => set(key, value, db),
    };
    return new CheckpointKeeper(store, __BUILD_ID__);
  } catch {
    return undefined;
  }
}

const post = (m: HostMessage) => self.postMessage(m);
const host = new EngineHost((view) => post({ view }), keeper());
const serve = serveHost(host, post);
self.onmessage = (e: MessageEvent<CallMessage>) => serve(e.data);
