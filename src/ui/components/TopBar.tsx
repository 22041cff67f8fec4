import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCluster } from '../store/clusterStore';
import { useLessons } from '../store/lessonStore';
import { setLanguage, LANGUAGES, type Language } from '../i18n';
import { THEMES, useTheme } from '../theme/theme';

const SPEEDS = [1, 4, 16];

/** Simulated time as a wall-clock reading, e.g. "09:05:12". */
function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Rewind: a slider from the cluster's first moment to the live edge. Scrubbing replays the log. */
function Timeline() {
  const { t } = useTranslation();
  const time = useCluster((s) => s.time);
  const start = useCluster((s) => s.startTime);
  const live = useCluster((s) => s.liveTime);
  const rewound = useCluster((s) => s.rewound);
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const scrub = (value: number) => {
    setDraft(value);
    clearTimeout(timer.current);
    // Replays are not free: rebuild once the thumb rests.
    timer.current = setTimeout(() => {
      useCluster.getState().rewind(value);
      setDraft(null);
    }, 120);
  };
  const seconds = Math.round((live - start) / 1000);
  return (
    <div className="timeline-bar" role="group" aria-label={t('timeline.label')}>
      <input
        type="range"
        min={0}
        max={Math.max(1, seconds)}
        step={1}
        value={Math.round(((draft ?? time) - start) / 1000)}
        onChange={(e) => scrub(start + Number(e.target.value) * 1000)}
        aria-label={t('timeline.label')}
        aria-valuetext={clockText(draft ?? time)}
      />
      {rewound ? (
        <button type="button" className="live" onClick={() => useCluster.getState().backToLive()}>
          {t('timeline.live')}
        </button>
      ) : (
        <span className="live-badge">{t('timeline.liveBadge')}</span>
      )}
    </div>
  );
}

function SessionButtons() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const link = useCluster.getState().shareLink();
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      window.prompt(t('session.copyThis'), link);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };
  return (
    <div className="session" role="group" aria-label={t('session.label')}>
      <button type="button" onClick={share}>
        {copied ? t('session.copied') : t('session.share')}
      </button>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t('session.reset')}
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby="reset-title">
        <h2 id="reset-title">{t('session.resetTitle')}</h2>
        <p>{t('session.resetBody')}</p>
        <form method="dialog" className="confirm-actions">
          <button type="submit" value="cancel" autoFocus>
            {t('session.cancel')}
          </button>
          <button
            type="submit"
            value="reset"
            className="danger"
            onClick={() => {
              useCluster.getState().reset();
              // In a lesson, starting over means the lesson's own starting cluster.
              const lessons = useLessons.getState();
              if (lessons.lessonId) lessons.open(lessons.lessonId);
            }}
          >
            {t('session.resetConfirm')}
          </button>
        </form>
      </dialog>
    </div>
  );
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const time = useCluster((s) => s.time);
  const paused = useCluster((s) => s.paused);
  const speed = useCluster((s) => s.speed);
  const theme = useTheme((s) => s.theme);
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
          <button key={s} type="button" className="speed" aria-pressed={speed === s} aria-label={t('clock.speed', { speed: s })} onClick={() => setSpeed(s)}>
            ×{s}
          </button>
        ))}
      </div>
      <Timeline />
      <SessionButtons />
      <Picker group="theme" value={theme} options={THEMES} onChange={(v) => useTheme.getState().setTheme(v)} />
      <Picker group="language" value={i18n.language as Language} options={LANGUAGES} onChange={setLanguage} />
    </header>
  );
}

/** A labelled choice in the top bar (theme, language); its words come from `<group>.label` and `<group>.<option>`. */
function Picker<T extends string>({ group, value, options, onChange }: { group: string; value: T; options: readonly T[]; onChange: (value: T) => void }) {
  const { t } = useTranslation();
  return (
    <label className="language">
      <span className="sr-only">{t(`${group}.label`)}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)} aria-label={t(`${group}.label`)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${group}.${o}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
