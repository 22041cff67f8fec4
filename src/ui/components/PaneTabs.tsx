import { useTranslation } from 'react-i18next';
import { useLayout, type Pane } from '../store/layoutStore';

const PANES: Pane[] = ['lesson', 'cluster', 'work'];

/**
 * On a phone the page is one column: these tabs choose the lesson, the cluster or the terminal
 * (styles.css hides them, and shows every pane, on wider screens).
 */
export function PaneTabs() {
  const { t } = useTranslation();
  const pane = useLayout((s) => s.pane);
  return (
    <div className="pane-tabs" role="tablist" aria-label={t('layout.tabs')}>
      {PANES.map((p) => (
        <button
          key={p}
          type="button"
          role="tab"
          id={`pane-tab-${p}`}
          aria-selected={pane === p}
          tabIndex={pane === p ? 0 : -1}
          onClick={() => useLayout.getState().setPane(p)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = PANES[(PANES.indexOf(pane) + step + PANES.length) % PANES.length];
            useLayout.getState().setPane(next);
            document.getElementById(`pane-tab-${next}`)?.focus();
          }}
        >
          {t(`layout.${p}`)}
        </button>
      ))}
    </div>
  );
}
