import { useTranslation } from 'react-i18next';
import { focusTarget } from '../layout/focus';
import { useLayout, type Pane } from '../store/layoutStore';

/**
 * The first stops of the Tab order, shown when focused: straight to the lesson, the diagram or
 * the terminal, past the top bar's controls.
 */
const TARGETS: { key: string; pane: Pane; selector: string }[] = [
  { key: 'lesson', pane: 'lesson', selector: '.lesson-panel' },
  { key: 'diagram', pane: 'cluster', selector: '.cluster' },
  { key: 'terminal', pane: 'work', selector: '.terminal-host textarea' },
];

export function SkipLinks() {
  const { t } = useTranslation();
  return (
    <nav className="skip-links" aria-label={t('skip.label')}>
      {TARGETS.map(({ key, pane, selector }) => (
        <a
          key={key}
          href={`#${key}`}
          onClick={(e) => {
            e.preventDefault();
            useLayout.getState().setPane(pane);
            // The pane may only now be shown (phones): focus once it has been drawn.
            requestAnimationFrame(() => {
              const el = document.querySelector<HTMLElement>(selector);
              if (el) focusTarget(el);
            });
          }}
        >
          {t(`skip.${key}`)}
        </a>
      ))}
    </nav>
  );
}
