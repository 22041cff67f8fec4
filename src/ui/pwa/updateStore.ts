import { create } from 'zustand';

/** What the service worker has to tell the learner: a new version waits, or the app works offline. */
interface UpdateState {
  /** A new version is installed and waits for the learner's click. */
  needRefresh: boolean;
  /** The whole app is cached: it opens with no network from now on. */
  offlineReady: boolean;
  /** Set by the registration: lets the waiting version take over, then reloads the page. */
  activate: (() => Promise<void>) | undefined;
  dismiss(): void;
}

export const useUpdate = create<UpdateState>()((set) => ({
  needRefresh: false,
  offlineReady: false,
  activate: undefined,
  dismiss: () => set({ needRefresh: false }),
}));
