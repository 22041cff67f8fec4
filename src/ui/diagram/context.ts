/** What every diagram layer is handed: the model, where things sit, text, and the selection. */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { DiagramModel } from '../store/diagramModel';
import type { DiagramLayout } from './layout';
import type { PodPaint } from './podCanvas';
import type { SummaryPaint } from './summaryPaint';

export interface SelectedRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface DrawContext {
  model: DiagramModel;
  layout: DiagramLayout;
  t: (key: string, options?: Record<string, unknown>) => string;
  selected?: SelectedRef;
  select(ref: SelectedRef): void;
  /** What the current lesson step points at. */
  focus: SelectedRef[];
  /** Node cards are drawn compact (small): their bars and component chips are hidden (see nodesLayer.ts). */
  compact: boolean;
  /**
   * Whether a box (in layout coordinates) is on screen or near it. Nodes out of view are not
   * drawn (their pods neither): at 100 nodes zoomed in, drawing all 3,000 pods made every
   * refresh a long task, while the screen shows a dozen nodes. The list view has them all.
   */
  inView(box: { x: number; y: number; w: number; h: number }): boolean;
  /** Hands the pods to paint to the canvas (see podCanvas.ts). */
  paintPods(pods: PodPaint[]): void;
  /** Hands the crowded nodes' bars of counts to the canvas (see summaryPaint.ts). */
  paintSummaries(bars: SummaryPaint[]): void;
}

/** Whether an element is one the lesson points at (a workload's pods count as the workload). */
export function isFocused(ctx: DrawContext, ref: SelectedRef, owner?: { kind: string; name: string }): boolean {
  return ctx.focus.some((f) => (f.kind === ref.kind && f.name === ref.name && (!f.namespace || f.namespace === (ref.namespace ?? 'default'))) || (!!owner && f.kind === owner.kind && f.name === owner.name));
}

export type Layer = Selection<SVGGElement, unknown, null, undefined>;

export const sameRef = (a: SelectedRef | undefined, b: SelectedRef) => !!a && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

/** Makes a drawn element act like a button: focusable, Enter/Space select it, and it says what it is. */
export function actionable<E extends SVGGraphicsElement, D extends SelectedRef & { label: string }>(sel: Selection<E, D, SVGGElement, unknown>, ctx: DrawContext): void {
  attrIfChanged(sel, 'tabindex', () => 0);
  attrIfChanged(sel, 'role', () => 'button');
  attrIfChanged(sel, 'aria-label', (d) => d.label);
  attrIfChanged(sel, 'aria-pressed', (d) => String(sameRef(ctx.selected, d)));
  // Listeners once per element (re-binding hundreds of them on every refresh was measurable);
  // they read the element's current datum and the latest context when they fire.
  const fresh = sel.filter(function () {
    const el = this as SVGGraphicsElement & { [BOUND]?: { ctx: DrawContext } };
    if (el[BOUND]) {
      el[BOUND].ctx = ctx;
      return false;
    }
    el[BOUND] = { ctx };
    return true;
  });
  const ctxOf = (el: Element) => (el as Element & { [BOUND]?: { ctx: DrawContext } })[BOUND]!.ctx;
  fresh
    .on('click', function (event: Event, d) {
      event.stopPropagation();
      ctxOf(this).select({ kind: d.kind, name: d.name, namespace: d.namespace });
    })
    .on('keydown', function (event: Event, d) {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
      event.preventDefault();
      ctxOf(this).select({ kind: d.kind, name: d.name, namespace: d.namespace });
    });
}

/** One glyph per pod state, so the state never rests on colour alone. */
export const TONE_ICON: Record<string, string> = { running: '●', pending: '◐', failed: '✕', done: '✓', terminating: '◌' };

const TARGET = Symbol('target');
const BOUND = Symbol('bound');
const SET = Symbol('set');

/** What attrIfChanged / textIfChanged last wrote on an element (reading the DOM back costs more). */
type Remembering = Element & { [SET]?: Record<string, string | null> };

/** More moves than this in one refresh are made at once: animating hundreds of elements kept every frame busy. */
const MAX_ANIMATED_MOVES = 60;

/** Transitions each element to its transform (and full opacity) only when that target changed. */
export function moveTo<D>(sel: Selection<SVGGElement, D, SVGGElement, unknown>, ms: number, transform: (d: D) => string): void {
  const moves: [SVGGElement & { [TARGET]?: string }, string][] = [];
  sel.each(function (d) {
    const el = this as SVGGElement & { [TARGET]?: string };
    const target = transform(d);
    if (el[TARGET] !== target) moves.push([el, target]);
  });
  if (moves.length > MAX_ANIMATED_MOVES) ms = 0;
  for (const [el, target] of moves) {
    el[TARGET] = target;
    if (ms > 0) {
      select(el).transition('move').duration(ms).attr('opacity', 1).attr('transform', target);
      continue;
    }
    select(el).interrupt('move');
    el.setAttribute('transform', target);
    if (el.getAttribute('opacity') !== '1') el.setAttribute('opacity', '1');
  }
}

/**
 * Sets an attribute only when its value changes. The diagram refreshes ten times a second;
 * rewriting identical attributes and text would make the browser restyle and repaint the whole
 * picture each time (the main cost at 100 nodes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelection<D> = Selection<any, D, any, any>;

export function attrIfChanged<D>(sel: AnySelection<D>, name: string, value: (d: D) => string | number | null): void {
  sel.each(function (this: Element, d: D) {
    setAttr(this, name, value(d));
  });
}

/** attrIfChanged for one element, for loops that hold their elements already (no selection made per refresh). */
export function setAttr(el: Element, name: string, value: string | number | null): void {
  const next = value === null ? null : String(value);
  const set = ((el as Remembering)[SET] ??= {});
  const prev = name in set ? set[name] : el.getAttribute(name);
  if (prev !== next) {
    if (next === null) el.removeAttribute(name);
    else el.setAttribute(name, next);
  }
  set[name] = next;
}

/** textIfChanged for one element. */
export function setText(el: Element, value: string): void {
  const set = ((el as Remembering)[SET] ??= {});
  const prev = '#text' in set ? set['#text'] : el.textContent;
  if (prev !== value) el.textContent = value;
  set['#text'] = value;
}

/** classesIfChanged for one element. */
export function setClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}

/**
 * Adds or removes classes only when that changes something: d3's classed() rewrites the class
 * attribute every time, which the browser treats as a change (restyle, relayout) even when the
 * classes stay the same.
 */
export function classesIfChanged<D>(sel: AnySelection<D>, classes: Record<string, (d: D) => boolean>): void {
  const entries = Object.entries(classes);
  sel.each(function (this: Element, d: D) {
    for (const [name, on] of entries) setClass(this, name, on(d));
  });
}

export function textIfChanged<D>(sel: AnySelection<D>, value: (d: D) => string): void {
  sel.each(function (this: Element, d: D) {
    setText(this, value(d));
  });
}
