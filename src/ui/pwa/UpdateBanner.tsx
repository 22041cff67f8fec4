import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdate } from './updateStore';
import './pwa.css';

/**
 * "A new version is ready — reload": shown when a new deploy has installed beside the running
 * app. Nothing changes until the learner clicks; then the sandbox is saved at once (not a second
 * later), the new version takes over and the page reloads into it with the same cluster.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const needRefresh = useUpdate((s) => s.needRefresh);
  const [busy, setBusy] = useState(false);
  if (!needRefresh) return null;
  const reload = async () => {
    setBusy(true);
    // The store is loaded already (the app is running); a static import would pull the engine
    // into the first paint's script.
    const { saveNow } = await import('../store/clusterStore');
    await saveNow();
    await useUpdate.getState().activate?.();
  };
  return (
    <div className="pwa-update" role="status" aria-live="polite">
      <p>
        <strong>{t('release.updateReady')}</strong> <span>{t('release.updateKeeps')}</span>
      </p>
      <button type="button" className="primary" onClick={reload} disabled={busy}>
        {t('release.reload')}
      </button>
      <button type="button" onClick={() => useUpdate.getState().dismiss()}>
        {t('release.later')}
      </button>
    </div>
  );
}
