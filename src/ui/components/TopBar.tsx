import { useTranslation } from 'react-i18next';
import { useCluster } from '../store/clusterStore';
import { setLanguage, LANGUAGES, type Language } from '../i18n';

const SPEEDS = [1, 4, 16];

/** Simulated time as a wall-clock reading, e.g. "09:05:12". */
function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const time = useCluster((s) => s.time);
  const paused = useCluster((s) => s.paused);
  const speed = useCluster((s) => s.speed);
  const { togglePause, setSpeed, step } = useCluster.getState();
  return (
    <header className="topbar">
      <div className="brand">
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
          <circle cx="16" cy="16" r="14" fill="#326ce5" />
          <g stroke="#fff" strokeWidth="2.4" fill="none">
            <circle cx="16" cy="16" r="6" />
            <path d="M16 4v6M16 22v6M4 16h6M22 16h6M7.5 7.5l4.2 4.2M20.3 20.3l4.2 4.2M7.5 24.5l4.2-4.2M20.3 11.7l4.2-4.2" />
          </g>
        </svg>
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <div className="clock" role="group" aria-label={t('clock.label')}>
        <span className="clock-time" aria-live="off" data-testid="sim-clock" title={t('clock.label')}>
          {clockText(time)}
        </span>
        <button type="button" onClick={togglePause} aria-pressed={paused}>
          {paused ? `▶ ${t('clock.play')}` : `❚❚ ${t('clock.pause')}`}
        </button>
        <button type="button" onClick={step} disabled={!paused}>
          {t('clock.step')} ›
        </button>
        {SPEEDS.map((s) => (
          <button key={s} type="button" className="speed" aria-pressed={speed === s} onClick={() => setSpeed(s)}>
            {t('clock.speed', { speed: s })}
          </button>
        ))}
      </div>
      <label className="language">
        <span className="sr-only">{t('language.label')}</span>
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('language.label')}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
