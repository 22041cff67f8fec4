/**
 * One writer among the open tabs (Web Locks): the first tab holds the lock and saves; a second
 * tab works but saves nothing, and says so — otherwise whichever tab saved last would overwrite
 * the other's sandbox. "Use it here" asks the writer to let go (BroadcastChannel), takes the lock
 * and reloads, so this tab continues from what the other tab saved last.
 */
import { setWritable } from './storage';
import { useNotices } from './notices';

const LOCK = 'wheelhouse.writer';
const CHANNEL = 'wheelhouse.tabs';

let release: (() => void) | undefined;
let flush: () => void | Promise<void> = () => {};
let channel: BroadcastChannel | undefined;

/** How the writer saves what is pending before it lets go. */
export function onHandOver(save: () => void | Promise<void>): void {
  flush = save;
}

function hold(lock: Lock | null): Promise<void> | undefined {
  if (!lock) return undefined;
  return new Promise<void>((resolve) => {
    release = resolve;
  });
}

/** Resolves once it is known whether this tab is the writer. */
export async function claimWriter(): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return true; // no Web Locks (very old browser): every tab writes, as before
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e) => {
      if (e.data === 'yield' && release) {
        const letGo = release;
        release = undefined;
        // What is pending is written before the other tab may write.
        void Promise.resolve(flush())
          .catch(() => {})
          .finally(() => {
            setWritable(false);
            letGo();
            useNotices.getState().show({ kind: 'otherTab' });
          });
      }
    };
  } catch {
    // no BroadcastChannel: a takeover then waits for the other tab to close
  }
  let got = false;
  await new Promise<void>((answered) => {
    void locks
      .request(LOCK, { ifAvailable: true }, (lock) => {
        got = !!lock;
        answered();
        return hold(lock);
      })
      .catch(() => answered());
  });
  setWritable(got);
  if (!got) useNotices.getState().show({ kind: 'otherTab' });
  return got;
}

/** Makes this tab the writer: the other one saves and lets go, then this one reloads its work. */
export function takeOver(): void {
  channel?.postMessage('yield');
  void navigator.locks.request(LOCK, (lock) => {
    location.reload();
    return hold(lock);
  });
}
