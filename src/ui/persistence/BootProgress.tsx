import { useTranslation } from 'react-i18next';
import { useBoot } from './bootState';
import './persistence.css';

/** The boot screen's replay progress, and a way out that always answers (the replay yields to the page). */
export function BootProgress() {
  const { t } = useTranslation();
  const progress = useBoot((s) => s.progress);
  const abort = useBoot((s) => s.abort);
  if (progress === undefined) return null;
  return (
    <div className="boot-progress">
      <progress value={progress} max={1} aria-label={t('saving.replaying', { percent: Math.round(progress * 100) })} />
      <span>{t('saving.replaying', { percent: Math.round(progress * 100) })}</span>
      <button type="button" onClick={abort}>
        {t('saving.startFresh')}
      </button>
    </div>
  );
}
