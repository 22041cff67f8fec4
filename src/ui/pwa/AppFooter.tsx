import { useTranslation } from 'react-i18next';
import { useUpdate } from './updateStore';
import { APP_VERSION } from './version';
import './pwa.css';

/** The page's footer: the version, the licences of what the site ships, and whether it works offline. */
export function AppFooter() {
  const { t } = useTranslation();
  const offline = useUpdate((s) => s.offlineReady);
  return (
    <footer className="app-footer">
      <span data-testid="app-version">{t('release.version', { version: APP_VERSION })}</span>
      <a href={`${import.meta.env.BASE_URL}licenses/index.txt`} target="_blank" rel="noopener">
        {t('release.licenses')}
      </a>
      {offline && <span className="pwa-offline">{t('release.offlineReady')}</span>}
    </footer>
  );
}
