/**
 * A handle between two panes: drag it, or focus it and use ←/→, to give one side more room.
 * The width is kept across reloads.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** CSS custom property on the workspace that holds the pane's width in px. */
  variable: '--lesson-w' | '--side-w';
  /** +1 when dragging right widens the pane (the left one), -1 when it narrows it (the right one). */
  direction: 1 | -1;
  min: number;
  max: number;
  label: string;
}

const key = (v: string) => `wheelhouse.pane${v}`;

/** A saved width, or 0 (storage may be denied: a SecurityError must not stop the page). */
function savedWidth(v: string): number {
  try {
    return Number(localStorage.getItem(key(v)));
  } catch {
    return 0;
  }
}

export function restorePaneWidths(el: HTMLElement): void {
  for (const v of ['--lesson-w', '--side-w']) {
    const saved = savedWidth(v);
    if (saved > 0) el.style.setProperty(v, `${saved}px`);
  }
}

const DEFAULTS: Record<string, number> = { '--lesson-w': 290, '--side-w': 460 };

export function Splitter({ variable, direction, min, max, label }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => savedWidth(variable) || DEFAULTS[variable]);
  const workspace = () => document.querySelector<HTMLElement>('.workspace')!;
  const current = () => parseFloat(getComputedStyle(workspace()).getPropertyValue(variable)) || min;
  const setWidth = (w: number) => {
    const clamped = Math.round(Math.min(max, Math.max(min, w)));
    workspace().style.setProperty(variable, `${clamped}px`);
    setValue(clamped);
    try {
      localStorage.setItem(key(variable), String(clamped));
    } catch {
      // not kept, still applied
    }
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t(label)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={(e) => {
        const startX = e.clientX;
        const startW = current();
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => setWidth(startW + direction * (ev.clientX - startX));
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        setWidth(current() + (e.key === 'ArrowRight' ? 24 : -24) * direction);
      }}
    />
  );
}
