import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Action } from '../../engine/port';
import { useCluster } from '../store/clusterStore';
import { MAX_LINK_CHARS } from '../store/session';
import { download, useNotices } from '../persistence/notices';
import './timeline.css';
import { useLessons } from '../store/lessonStore';
import { setLanguage, LANGUAGES, type Language } from '../i18n';
import { THEMES, useTheme } from '../theme/theme';
import { clockText } from '../i18n/words';

const SPEEDS = [1, 4, 16];


/** What an action was, in the learner's words (the undo button's title, the marks' tooltips). */
function actionText(t: TFunction, a: Action): string {
  if (a.type === 'kubectl') return a.command.startsWith('kubectl') || a.command.startsWith('k ') ? a.command : `kubectl ${a.command}`;
  if (a.type === 'stopNode') return t('timeline.stopNode', { name: a.name });
  if (a.type === 'startNode') return t('timeline.startNode', { name: a.name });
  if (a.type === 'api') return t('timeline.apiRequest', { request: `${a.request.method} ${a.request.path}` });
  return t('timeline.otherAction');
}

/** Ctrl/⌘+Z outside the places that have their own undo (the editor, text fields, the terminal). */
function isUndoKey(e: KeyboardEvent): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return false;
  const el = e.target instanceof Element ? e.target : null;
  return !el?.closest('input, textarea, select, [contenteditable], .monaco-editor, .terminal-host');
}

/**
 * Rewind: a slider from the cluster's first moment to the live edge. Scrubbing replays the log.
 * While the pointer is down the scale holds still (the live edge would otherwise move under the
 * thumb), and the "Back to now" button and the "Live" badge share one fixed-width place, so
 * nothing shifts when one replaces the other. Marks show the learner's own actions; Undo (or
 * Ctrl/⌘+Z) takes back the last of them.
 */
function Timeline() {
  const { t } = useTranslation();
  const time = useCluster((s) => s.time);
  const start = useCluster((s) => s.startTime);
  const live = useCluster((s) => s.liveTime);
  const rewound = useCluster((s) => s.rewound);
  const rewindingTo = useCluster((s) => s.rewindingTo);
  const marks = useCluster((s) => s.marks);
  const [draft, setDraft] = useState<number | null>(null);
  const [frozen, setFrozen] = useState<{ start: number; live: number } | null>(null);
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
  // A drag still resting (its rewind not yet sent) must not land after "Back to now" and rewind again.
  const backToNow = () => {
    clearTimeout(timer.current);
    setDraft(null);
    useCluster.getState().backToLive();
  };
  useEffect(() => {
    if (!frozen) return;
    const up = () => setFrozen(null);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    return () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
    };
  }, [frozen]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isUndoKey(e)) return;
      e.preventDefault();
      useCluster.getState().undoLast();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const from = frozen?.start ?? start;
  const to = Math.max(frozen?.live ?? live, from + 1000);
  const seconds = Math.round((to - from) / 1000);
  const last = marks[marks.length - 1];
  return (
    <div className="timeline-bar" role="group" aria-label={t('timeline.label')}>
      <div className="timeline-track">
        <input
          type="range"
          min={0}
          max={Math.max(1, seconds)}
          step={1}
          value={Math.min(seconds, Math.round(((draft ?? rewindingTo ?? time) - from) / 1000))}
          onPointerDown={() => setFrozen({ start, live })}
          onChange={(e) => scrub(from + Number(e.target.value) * 1000)}
          aria-label={t('timeline.label')}
          aria-valuetext={clockText(draft ?? rewindingTo ?? time)}
          aria-busy={rewindingTo !== undefined}
        />
        <div className="timeline-marks" aria-hidden="true">
          {marks.map((m) => (
            <span key={m.index} className="timeline-mark" style={{ left: `${Math.min(100, Math.max(0, ((m.at - from) / (to - from)) * 100))}%` }} title={t('timeline.mark', { time: clockText(m.at), what: actionText(t, m.what) })} />
          ))}
        </div>
      </div>
      <div className="timeline-live">
        {/* Both stay in the layout (the inactive one invisible), so the bar never changes width. */}
        <button type="button" className={rewound ? 'live' : 'live off'} onClick={backToNow} aria-hidden={!rewound} tabIndex={rewound ? 0 : -1}>
          {t('timeline.live')}
        </button>
        <span className={rewound ? 'live-badge off' : 'live-badge'} aria-hidden={rewound}>
          {t('timeline.liveBadge')}
        </span>
      </div>
      <button type="button" className="undo" disabled={!last} title={last ? t('timeline.undoTitle', { what: actionText(t, last.what) }) : t('timeline.undoNothing')} aria-keyshortcuts="Control+Z Meta+Z" onClick={() => useCluster.getState().undoLast()}>
        ↶ {t('timeline.undo')}
      </button>
    </div>
  );
}

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

function SessionButtons() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const store = useCluster.getState();
    const link = await store.shareLink();
    if (link.length > MAX_LINK_CHARS) {
      // Too long for a link: the scenario goes out as a file instead.
      const file = await store.scenarioFile();
      download(`wheelhouse-${stamp()}.wheelhouse.json`, file);
      useNotices.getState().show({ kind: 'linkTooLong', chars: link.length, max: MAX_LINK_CHARS });
      return;
    }
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      window.prompt(t('session.copyThis'), link);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    await useCluster.getState().importScenario(await file.text());
    if (picker.current) picker.current.value = '';
  };
  return (
    <div className="session" role="group" aria-label={t('session.label')}>
      <button type="button" onClick={share}>
        {copied ? t('session.copied') : t('session.share')}
      </button>
      <button type="button" onClick={() => picker.current?.click()}>
        {t('saving.openScenario')}
      </button>
      <input ref={picker} type="file" accept=".json,application/json" hidden aria-label={t('saving.openScenario')} onChange={(e) => void open(e.target.files?.[0])} />
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

/** On a page served by `npm run serve`: the cluster is shared with the learner's own kubectl (or the server is gone). */
function ServedBadge() {
  const { t } = useTranslation();
  const served = useCluster((s) => s.served);
  const gone = useCluster((s) => s.serverGone);
  if (!served) return null;
  return (
    <span className={gone ? 'served-badge gone' : 'served-badge'} role="status" title={t(gone ? 'served.goneTitle' : 'served.title')} aria-label={t(gone ? 'served.goneTitle' : 'served.title')} data-testid="served-badge">
      {t(gone ? 'served.gone' : 'served.badge')}
    </span>
  );
}

/** The simulated clock's time: its own component, so the bar around it is not drawn again ten times a second. */
function ClockTime() {
  const { t } = useTranslation();
  const time = useCluster((s) => s.time);
  return (
    <span className="clock-time" aria-live="off" data-testid="sim-clock" title={t('clock.label')}>
      {clockText(time)}
    </span>
  );
}

export function TopBar() {
  const { t, i18n } = useTranslation();
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
        <ServedBadge />
      </div>
      <div className="clock" role="group" aria-label={t('clock.label')}>
        <ClockTime />
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
      <MoreMenu>
        <SessionButtons />
        <Picker group="theme" value={theme} options={THEMES} onChange={(v) => useTheme.getState().setTheme(v)} />
        <Picker group="language" value={i18n.language as Language} options={LANGUAGES} onChange={setLanguage} />
      </MoreMenu>
    </header>
  );
}

/**
 * Session buttons, theme and language: in the bar itself on a wide screen; behind one "More"
 * button where the bar would otherwise wrap (a 1280 px laptop, a phone). styles.css decides.
 */
function MoreMenu({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node) && !(e.target as Element).closest?.('dialog')) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      setOpen(false);
      wrap.current?.querySelector<HTMLButtonElement>('.more-toggle')?.focus();
    };
    window.addEventListener('pointerdown', away);
    window.addEventListener('keydown', esc);
    return () => {
      window.removeEventListener('pointerdown', away);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);
  return (
    <div className="topbar-more-wrap" ref={wrap}>
      <button type="button" className="more-toggle" aria-expanded={open} aria-controls="topbar-more" title={t('layout.moreLabel')} onClick={() => setOpen(!open)}>
        ⋯ {t('layout.more')}
      </button>
      <div id="topbar-more" className={open ? 'topbar-more open' : 'topbar-more'}>
        {children}
      </div>
    </div>
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
