/// <reference types="vite-plugin-pwa/client" />
import { useUpdate } from './updateStore';

/** How often an open page asks whether a new version was deployed (and whenever it is shown again). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (vite-plugin-pwa's Workbox build) once the page has painted: it
 * precaches the whole app so that it opens offline, and a new deploy installs beside the running
 * one and *waits* — the learner is told and chooses when to reload (src/ui/pwa/UpdateBanner.tsx).
 * Loaded with a dynamic import: the first paint carries none of it.
 */
export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const update = registerSW({
      onNeedRefresh: () => useUpdate.setState({ needRefresh: true }),
      onOfflineReady: () => useUpdate.setState({ offlineReady: true }),
      onRegisteredSW(_url, registration) {
        if (!registration) return;
        const check = () => {
          // Offline, or mid-install: the next check will do.
          if (navigator.onLine && !registration.installing) registration.update().catch(() => {});
        };
        setInterval(check, CHECK_EVERY_MS);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') check();
        });
      },
    });
    useUpdate.setState({ activate: () => update(true) });
    // An active worker has finished precaching: from now on the app opens with no network.
    void navigator.serviceWorker.ready.then(() => useUpdate.setState({ offlineReady: true }));
  });
}
