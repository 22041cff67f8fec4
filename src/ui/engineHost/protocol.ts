/**
 * The messages between the page and the engine's worker: a call (a host method by name, with
 * plain-data arguments) and its answer, plus what the worker sends on its own — a view after
 * every change, and the progress of a replay.
 */
import type { EngineHost, HostView } from './host';

/** Every method a page may call (a served engine refuses any other name). */
export const HOST_METHODS = ['setClock', 'reset', 'load', 'keepAs', 'cancelLoad', 'open', 'startLesson', 'startScenario', 'run', 'tick', 'step', 'stopNode', 'startNode', 'rewind', 'backToLive', 'restoreTo', 'undoLast', 'session', 'actionsSince', 'position', 'objectNames', 'vocabulary', 'setFilter', 'watch', 'unwatch', 'attach', 'stopStream', 'query'] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

/** A host method's arguments as they travel (load's progress comes back as messages, not a callback). */
export type HostArgs<M extends HostMethod> = M extends 'load' ? [Parameters<EngineHost['load']>[0]] : Parameters<EngineHost[M]>;
export type HostResult<M extends HostMethod> = Awaited<ReturnType<EngineHost[M]>>;

export interface CallMessage {
  id: number;
  method: HostMethod;
  args: unknown[];
}

export type HostMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } } | { view: HostView } | { progress: number };

/**
 * Serves a host: runs each call as it arrives (a replay in progress yields between its slices,
 * so a newer call — a cancel, a newer rewind — is heard), sends the view of what it changed,
 * then its answer: once a call is answered, the page has seen its effect.
 */
export function serveHost(host: EngineHost, post: (m: HostMessage) => void): (m: CallMessage) => void {
  const methods = host as unknown as Record<HostMethod, (...args: unknown[]) => unknown>;
  const answer = (id: number, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => {
    host.flush();
    post(outcome.ok ? { id, ok: true, value: outcome.value } : { id, ok: false, error: errorData(outcome.error) });
  };
  return (m) => {
    let value: unknown;
    try {
      value = m.method === 'load' ? host.load(m.args[0] as Parameters<EngineHost['load']>[0], (progress) => post({ progress })) : methods[m.method].apply(host, m.args);
    } catch (error) {
      return answer(m.id, { ok: false, error });
    }
    if (!(value instanceof Promise)) return answer(m.id, { ok: true, value });
    host.flush();
    value.then(
      (v) => answer(m.id, { ok: true, value: v }),
      (error) => answer(m.id, { ok: false, error }),
    );
  };
}

function errorData(e: unknown): { name: string; message: string } {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}
