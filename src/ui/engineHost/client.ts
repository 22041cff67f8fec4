/**
 * The page's side of the engine: a client that sends calls to the engine's worker — or, on a
 * page served by `npm run serve`, to the server's engine over a WebSocket — and hands its
 * views to whoever listens (the cluster store). Where there is no Worker (unit tests in
 * Node), the same host runs in this thread behind the same messages — cloned as a worker's
 * would be, so what passes here also passes a worker's boundary.
 */
import type { HostView } from './host';
import type { CallMessage, HostArgs, HostMessage, HostMethod, HostResult } from './protocol';

export class EngineCallError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

export interface EngineClient {
  call<M extends HostMethod>(method: M, ...args: HostArgs<M>): Promise<HostResult<M>>;
  /** Views as the engine sends them (after every change); returns an unsubscribe. */
  onView(listener: (view: HostView) => void): () => void;
  onProgress(listener: (done: number) => void): () => void;
}

export interface Endpoint {
  send(m: CallMessage): void;
  listen(receive: (m: HostMessage) => void): void;
  /** Told when the engine can no longer be reached (a served engine's server stopped). */
  onClose?(closed: () => void): void;
}

/** How long a view waits for an animation frame before it is handed over anyway (a hidden tab runs none). */
const VIEW_WAIT_MS = 250;

/**
 * Views are handed to their listeners at the start of the next animation frame, not when they
 * arrive. Arriving, a view's work (the store's update, React's render, the diagram's layout)
 * landed wherever the message did — often just before a frame that was drawing the previous
 * view, and that frame came late. At a frame's start it has the whole frame, and the drawing it
 * causes follows in the frames after. Views are never dropped or merged (they are deltas), and an
 * answer to a call is delivered only after every view that came before it: what a command
 * changed is in the store when its promise resolves. The clock's ticks are the exception: their
 * answers (five to ten a second, store/clockPace.ts, each right behind its view) only let the
 * next tick go, and waiting on them would put every view back where it arrived.
 */
function viewPacer(deliver: (view: HostView) => void): { add(view: HostView): void; drain(): void } {
  const queued: HostView[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drain = () => {
    if (frame) cancelAnimationFrame(frame);
    if (timer) clearTimeout(timer);
    frame = 0;
    timer = undefined;
    for (const view of queued.splice(0)) deliver(view);
  };
  const paced = typeof requestAnimationFrame === 'function';
  return {
    add(view) {
      if (!paced) return deliver(view);
      queued.push(view);
      if (queued.length > 1) return;
      frame = requestAnimationFrame(drain);
      timer = setTimeout(drain, VIEW_WAIT_MS);
    },
    drain,
  };
}

export function makeClient(endpoint: Endpoint): EngineClient {
  let nextId = 1;
  const pending = new Map<number, { method: HostMethod; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const views = new Set<(view: HostView) => void>();
  const progress = new Set<(done: number) => void>();
  const pacer = viewPacer((view) => {
    for (const l of views) l(view);
  });
  endpoint.onClose?.(() => {
    pacer.drain();
    for (const p of pending.values()) p.reject(new EngineCallError('Disconnected', 'the Wheelhouse server is no longer reachable'));
    pending.clear();
    for (const l of disconnectListeners) l();
  });
  endpoint.listen((m) => {
    if ('view' in m) pacer.add(m.view);
    else if ('progress' in m) for (const l of progress) l(m.progress);
    else {
      const p = pending.get(m.id);
      if (p?.method !== 'tick') pacer.drain();
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new EngineCallError(m.error.name, m.error.message));
    }
  });
  return {
    call(method, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
        endpoint.send({ id, method, args });
      });
    },
    onView(listener) {
      views.add(listener);
      return () => views.delete(listener);
    },
    onProgress(listener) {
      progress.add(listener);
      return () => progress.delete(listener);
    },
  };
}

/**
 * Where `npm run serve` asked this page to find its engine: the server's index.html carries a
 * `<meta name="wheelhouse-engine">` with the socket's address (src/server/pageServer.ts).
 */
export function servedEngineUrl(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const content = document.querySelector('meta[name="wheelhouse-engine"]')?.getAttribute('content');
  return content ? new URL(content, location.href).href.replace(/^http/, 'ws') : undefined;
}

const disconnectListeners = new Set<() => void>();

/** Told when a served engine's socket closes (the page says the server stopped). */
export function onEngineDisconnect(listener: () => void): () => void {
  disconnectListeners.add(listener);
  return () => disconnectListeners.delete(listener);
}

/** The server's engine over a WebSocket: the worker's own messages, as JSON. */
function socketEndpoint(url: string): Endpoint {
  const socket = new WebSocket(url);
  const queued: string[] = [];
  socket.addEventListener('open', () => {
    for (const m of queued.splice(0)) socket.send(m);
  });
  return {
    send: (m) => {
      const text = JSON.stringify(m);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else queued.push(text);
    },
    listen: (receive) => {
      socket.addEventListener('message', (e: MessageEvent<string>) => receive(JSON.parse(e.data) as HostMessage));
    },
    onClose: (closed) => socket.addEventListener('close', closed),
  };
}

function workerEndpoint(): Endpoint {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'wheelhouse-engine' });
  return {
    send: (m) => worker.postMessage(m),
    listen: (receive) => {
      worker.onmessage = (e: MessageEvent<HostMessage>) => receive(e.data);
    },
  };
}

/** The host in this thread, each message cloned and delivered in a task of its own, as a worker's would be. */
async function inThreadEndpoint(): Promise<Endpoint> {
  const [{ EngineHost }, { serveHost }] = await Promise.all([import('./host'), import('./protocol')]);
  let receive: (m: HostMessage) => void = () => {};
  const deliver = (m: HostMessage) => {
    const copy = structuredClone(m);
    setTimeout(() => receive(copy), 0);
  };
  const serve = serveHost(new EngineHost((view) => deliver({ view })), deliver);
  return {
    send: (m) => {
      const copy = structuredClone(m);
      setTimeout(() => serve(copy), 0);
    },
    listen: (r) => {
      receive = r;
    },
  };
}

/** A host of its own in this thread, behind the worker's messages (tests, and where there is no Worker). */
export function inThreadClient(): Promise<EngineClient> {
  return inThreadEndpoint().then(makeClient);
}

let client: Promise<EngineClient> | undefined;

/** The page's engine (started on first use): in a Web Worker where there is one. */
export function engineClient(): Promise<EngineClient> {
  const served = servedEngineUrl();
  client ??= served ? Promise.resolve(makeClient(socketEndpoint(served))) : typeof Worker !== 'undefined' ? Promise.resolve(makeClient(workerEndpoint())) : inThreadClient();
  return client;
}
