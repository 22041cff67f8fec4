/**
 * Before the app renders: which tab writes, what was saved, whether the address carries a
 * shared scenario — and the cluster rebuilt from it by the engine's worker while the boot
 * screen shows progress and a "Start fresh" button that always answers. Nothing saved or shared
 * can stop the app from starting: what cannot be used is kept as a raw copy, offered to the
 * learner as a download, and the app starts fresh.
 */
import { decodeShare, deserialize, isShareHash, serialize, type Session } from '../store/session';
import { EngineCallError, engineClient, servedEngineUrl } from '../engineHost/client';
import { activeSlot, keepRejected, loadAll, readSlot, saveSlot, setActiveSlot, type Slot } from './storage';
import { claimWriter } from './tabs';
import { useNotices } from './notices';
import { useBoot } from './bootState';

export interface BootResult {
  slot: Slot;
  session?: Session;
  /** The engine's worker holds the session's cluster, rebuilt. */
  loaded?: boolean;
  /** The page shows `npm run serve`'s cluster: nothing is restored or saved in this browser. */
  served?: boolean;
}

let result: BootResult = { slot: 'sandbox' };

/** What boot found (the cluster store starts from it; without a boot — unit tests — a fresh sandbox). */
export function bootResult(): BootResult {
  return result;
}


export async function boot(): Promise<void> {
  // Served by `npm run serve`: the cluster is the server's (real kubectl shares it), so nothing
  // saved in this browser replaces it, and nothing of it is saved over the learner's sandbox.
  if (servedEngineUrl()) {
    result = { slot: 'sandbox', served: true };
    return;
  }
  // A scenario link pasted into the address bar of an open page changes only the hash (no new
  // page load): load the page again, so the link goes through boot like any other.
  window.addEventListener('hashchange', () => {
    if (isShareHash(location.hash)) location.reload();
  });
  await Promise.all([loadAll(), claimWriter().catch(() => true)]);
  const notices = useNotices.getState();
  let slot: Slot = activeSlot();
  let text = readSlot(slot);
  let shared: Session | undefined;
  let source: 'saved' | 'link' = 'saved';
  // A shared link opens as a scenario of its own: the learner's sandbox is not touched, and the
  // address is cleaned at once, so a later reload does not apply the link again.
  const hash = typeof location !== 'undefined' ? location.hash : '';
  if (isShareHash(hash)) {
    history.replaceState(history.state, '', location.pathname + location.search);
    const decoded = decodeShare(hash);
    if (decoded.ok) {
      shared = decoded.session;
      slot = 'shared';
      text = undefined;
      source = 'link';
      notices.show({ kind: 'shared' });
    } else notices.show({ kind: 'rejected', source: 'link', reason: decoded.reason, raw: hash });
  }
  // Back in a shared scenario after a reload: say so again (and how to get back to the sandbox).
  if (slot === 'shared' && !shared) notices.show({ kind: 'shared' });
  let session = shared;
  if (!session && text !== undefined) {
    const u = deserialize(text);
    if (u.ok) session = u.session;
    else {
      notices.show({ kind: 'rejected', source: 'saved', reason: u.reason, raw: text });
      void keepRejected(text);
    }
  }
  result = { slot };
  if (session) {
    const engine = await engineClient();
    const stopListening = engine.onProgress((p) => useBoot.setState({ progress: p }));
    useBoot.setState({ progress: 0, abort: () => void engine.call('cancelLoad') });
    try {
      // Under its slot the worker keeps the session's latest checkpoint: a reload reads it back instead of replaying everything.
      const from = await engine.call('load', { options: session.options, actions: session.actions, key: slot });
      // Measurable from outside (the e2e suite, the bench): whether the reload replayed the whole log.
      if (from === 'checkpoint') performance.mark('wheelhouse:loaded-from-checkpoint');
      result = { slot, session, loaded: true };
      if (shared) void saveSlot('shared', serialize(shared));
    } catch (e) {
      const raw = text ?? (shared ? serialize(shared) : '');
      notices.show({ kind: 'rejected', source, reason: e instanceof EngineCallError && e.kind === 'ReplayAborted' ? 'stopped' : 'replay', raw });
      if (text !== undefined) void keepRejected(text);
      // Started fresh, the shared scenario is not kept; the sandbox's saved copy stays in the download.
      if (shared) slot = 'sandbox';
      result = { slot };
    }
    stopListening();
    useBoot.setState({ progress: undefined, abort: undefined });
  }
  void setActiveSlot(slot);
}

