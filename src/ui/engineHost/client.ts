/**
 * The page's side of the engine: a client that sends calls to the engine's worker and hands
 * its views to whoever listens (the cluster store). Where there is no Worker (unit tests in
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

interface Endpoint {
  send(m: CallMessage): void;
  listen(receive: (m: HostMessage) => void): void;
}

function makeClient(endpoint: Endpoint): EngineClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const views = new Set<(view: HostView) => void>();
  const progress = new Set<(done: number) => void>();
  endpoint.listen((m) => {
    if ('view' in m) for (const l of views) l(m.view);
    else if ('progress' in m) for (const l of progress) l(m.progress);
    else {
      const p = pending.get(m.id);
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
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
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
  client ??= typeof Worker !== 'undefined' ? Promise.resolve(makeClient(workerEndpoint())) : inThreadClient();
  return client;
}
