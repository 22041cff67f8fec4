/**
 * The pods' invisible stand-ins in the SVG (the canvas paints the pods, podCanvas.ts): one
 * focusable rect per pod that takes clicks and keys and carries the pod's name and state for
 * screen readers, in a group per node (and one for the pending tray).
 *
 * Kept by hand rather than with a d3 join: zoomed in on a rollout of 3,000 pods, joining 1,500
 * stand-ins and going over their attributes on every refresh was most of drawing the pods,
 * while a refresh changes a few dozen of them. A group whose pods (the same view objects, in the
 * same order), place and selection are unchanged is left alone; otherwise only the stand-ins of
 * pods whose view changed are written. The groups are written when the page is idle, a few at a
 * time (podsLayer.ts, idleSlices.ts).
 */
import { sameRef, setAttr, type DrawContext, type SelectedRef } from './context';

/** What a stand-in needs of a pod as drawn (podsLayer.ts's datum, kept while the pod is unchanged). */
export interface StandInDatum {
  uid: string;
  kind: string;
  name: string;
  namespace: string;
  label: string;
  x: number;
  y: number;
}

const HALF = 10;
const SVG = 'http://www.w3.org/2000/svg';
const KEPT = Symbol('kept');
const DATUM = Symbol('datum');

type StandIn<D> = SVGRectElement & { [DATUM]?: D };

interface Kept<D> {
  pods: readonly D[];
  x: number;
  y: number;
  selected?: SelectedRef;
  byUid: Map<string, StandIn<D>>;
}

/** The latest drawing's context and words: the listeners, attached once per stand-in, go through them. */
let latest: { ctx: DrawContext; tooltip: (d: StandInDatum) => string } | undefined;

function sameItems<D>(a: readonly D[], b: readonly D[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A new stand-in: a button for keyboards and screen readers; its tooltip is written when the pointer comes. */
function standIn<D extends StandInDatum>(): StandIn<D> {
  const r = document.createElementNS(SVG, 'rect') as StandIn<D>;
  r.setAttribute('class', 'pod');
  r.setAttribute('width', String(HALF * 2));
  r.setAttribute('height', String(HALF * 2));
  r.setAttribute('rx', '4');
  r.setAttribute('tabindex', '0');
  r.setAttribute('role', 'button');
  const choose = () => {
    const d = r[DATUM];
    if (d) latest?.ctx.select({ kind: d.kind, name: d.name, namespace: d.namespace });
  };
  r.addEventListener('click', (event) => {
    event.stopPropagation();
    choose();
  });
  r.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    choose();
  });
  r.addEventListener('pointerenter', () => {
    const d = r[DATUM];
    if (!d || !latest) return;
    const title = r.querySelector('title') ?? r.appendChild(document.createElementNS(SVG, 'title'));
    title.textContent = latest.tooltip(d);
  });
  return r;
}

/** Makes `group`'s stand-ins those of `pods` (in their order, which is the keyboard's), in coordinates from (x, y). */
export function syncStandIns<D extends StandInDatum>(group: SVGGElement, pods: readonly D[], x: number, y: number, ctx: DrawContext, tooltip: (d: D) => string): void {
  latest = { ctx, tooltip: tooltip as (d: StandInDatum) => string };
  const el = group as SVGGElement & { [KEPT]?: Kept<D> };
  const kept = el[KEPT];
  if (kept && kept.x === x && kept.y === y && kept.selected === ctx.selected && sameItems(kept.pods, pods)) return;
  const moved = !kept || kept.x !== x || kept.y !== y;
  const reselected = !kept || kept.selected !== ctx.selected;
  const byUid = kept?.byUid ?? new Map<string, StandIn<D>>();
  const next = new Map<string, StandIn<D>>();
  for (const d of pods) {
    const r = byUid.get(d.uid);
    if (r) next.set(d.uid, r);
  }
  // The stand-ins of pods that are gone leave first: left in place, they would make every
  // stand-in after them look out of order, and each would be moved.
  for (const [uid, r] of byUid) if (!next.has(uid)) r.remove();
  let cursor: ChildNode | null = group.firstChild;
  for (const d of pods) {
    let r = next.get(d.uid);
    const fresh = !r;
    if (!r) next.set(d.uid, (r = standIn<D>()));
    // In the pods' order: the one already there is passed, another is put there.
    if (r === cursor) cursor = cursor.nextSibling;
    else group.insertBefore(r, cursor);
    if (fresh || moved || r[DATUM] !== d) {
      setAttr(r, 'x', d.x - x - HALF);
      setAttr(r, 'y', d.y - y - HALF);
      setAttr(r, 'aria-label', d.label);
    }
    if (fresh || reselected || r[DATUM] !== d) setAttr(r, 'aria-pressed', String(sameRef(ctx.selected, d)));
    r[DATUM] = d;
  }
  el[KEPT] = { pods, x, y, selected: ctx.selected, byUid: next };
}
