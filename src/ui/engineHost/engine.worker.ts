/**
 * The engine's Web Worker: the simulated cluster runs here, off the page's main thread, so a
 * burst of work (thousands of pods at ×16, a replay) never holds up drawing or typing.
 */
/// <reference lib="webworker" />
import { EngineHost } from './host';
import { serveHost, type CallMessage, type HostMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: HostMessage) => self.postMessage(m);
const host = new EngineHost((view) => post({ view }));
const serve = serveHost(host, post);
self.onmessage = (e: MessageEvent<CallMessage>) => serve(e.data);
