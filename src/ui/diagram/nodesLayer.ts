/**
 * Nodes as machines: name, Ready/NotReady/cordoned drawn with a word and an icon (not colour
 * alone), zone and notable labels (disktype=ssd …), taints, requested CPU/memory/pods against
 * allocatable, and the node's own components (kubelet, kube-proxy, container runtime).
 */
import type { Selection } from 'd3-selection';
import type { DNode } from '../store/diagramModel';
import type { DrawContext, Layer } from './context';
import { actionable, isFocused, sameRef, setAttr, setClass, setText } from './context';

type NodeDatum = DNode & { kind: string; label: string };

const BARS = ['cpu', 'memory', 'pods'] as const;

/** A node group's parts, looked up once and kept on the group. */
const PARTS = Symbol('parts');
function partsOf<P>(el: Element, find: (el: Element) => P): P {
  const kept = el as Element & { [PARTS]?: P };
  return (kept[PARTS] ??= find(el));
}
/** `fills`: the bars' fills, once the bars are made (see withBars). */
const shapeParts = (el: Element): { frame: Element; fills?: Element[] } => ({ frame: el.querySelector('rect.node-frame')! });
const wordParts = (el: Element) => {
  const text = (c: string) => el.querySelector(`text.${c}`)!;
  return { name: text('node-name'), zone: text('node-zone'), badge: text('node-badge'), status: text('node-status'), meta: text('node-meta'), eviction: text('node-eviction'), detail: false };
};

const SVG = 'http://www.w3.org/2000/svg';
const COMPONENT_CHIPS = ['kubelet', 'kube-proxy', 'runtime'] as const;

/** Appends an SVG element with these attributes (and text). */
function add(parent: Element, tag: string, attrs: Record<string, string | number>, text?: string): Element {
  const el = parent.appendChild(document.createElementNS(SVG, tag));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A card's small print — the CPU, memory and pod bars and the component chips, with their names —
 * is made the first time the card is drawn large enough to read it. Drawn small (compact, as 200
 * nodes are) it is hidden, and making it anyway was 19 of the 28 elements per node that the
 * browser styled and walked on every frame.
 */
function withBars(g: Element): Element[] {
  const fills: Element[] = [];
  for (const [i, k] of BARS.entries()) {
    const bar = add(g, 'g', { class: `bar bar-${k}`, transform: `translate(14,${72 + i * 14})` });
    add(bar, 'rect', { class: 'bar-track', x: 34, width: 120, height: 6, rx: 3 });
    fills.push(add(bar, 'rect', { class: 'bar-fill', x: 34, height: 6, rx: 3 }));
  }
  const chips = add(g, 'g', { class: 'node-components', transform: 'translate(180,68)' });
  for (const [i, name] of COMPONENT_CHIPS.entries()) add(chips, 'rect', { class: `chip chip-${name}`, y: i * 18, width: 74, height: 16, rx: 8 });
  return fills;
}

/** The small print's words (see withBars). */
function withBarWords(g: Element): void {
  for (const [i, k] of BARS.entries()) add(g, 'text', { class: 'bar-label', x: 14, y: 78 + i * 14 }, k === 'memory' ? 'mem' : k);
  for (const [i, name] of COMPONENT_CHIPS.entries()) add(g, 'text', { class: 'chip-label', x: 217, y: 80 + i * 18, 'text-anchor': 'middle' }, name === 'runtime' ? 'containerd' : name);
}

/**
 * A node's name for screen readers, made when its words change: translating 200 of them on
 * every refresh showed in profiles. A new language brings a new `t`, which empties the cache.
 */
const labels = { t: undefined as unknown, byKey: new Map<string, string>() };
function nodeLabel(n: DNode, t: DrawContext['t']): string {
  if (labels.t !== t || labels.byKey.size > 5_000) {
    labels.t = t;
    labels.byKey.clear();
  }
  const key = `${n.name}\u0000${n.status}\u0000${n.eviction?.pods}\u0000${n.eviction?.inSeconds}`;
  let s = labels.byKey.get(key);
  if (s === undefined) labels.byKey.set(key, (s = t('diagram.nodeLabel', { name: n.name, status: n.status }) + (n.eviction ? ` — ${evictionWords(n.eviction, t)}` : '')));
  return s;
}

/** A node as drawn, kept while its view object (kept by the store while the node is unchanged) and language are. */
const datums = new WeakMap<DNode, { t: unknown; d: NodeDatum }>();
function datumOf(n: DNode, t: DrawContext['t']): NodeDatum {
  const known = datums.get(n);
  if (known && known.t === t) return known.d;
  const d = { ...n, kind: 'Node', label: nodeLabel(n, t) };
  datums.set(n, { t, d });
  return d;
}

/** What a node's elements were last drawn from (see drawnAs). */
const DRAWN = Symbol('drawn');
interface Drawn {
  d: NodeDatum;
  key: string;
  selected: DrawContext['selected'];
  focus: DrawContext['focus'];
  compact: boolean;
}

/** The countdown to the taint-eviction controller, or that it is evicting. */
function evictionWords(e: NonNullable<DNode['eviction']>, t: DrawContext['t']): string {
  return e.inSeconds > 0 ? t('diagram.evictIn', { count: e.pods, time: countdown(e.inSeconds) }) : t('diagram.evicting', { count: e.pods });
}

/** m:ss, as a kitchen timer shows it. */
function countdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function statusIcon(n: DNode): string {
  if (!n.machineRunning) return '✖';
  if (!n.ready) return '⚠';
  return n.cordoned ? '⊘' : '✔';
}

/**
 * Each node in two parts: its shapes (frame, bars, component chips) in the diagram's SVG, and its
 * words (name, zone, status, labels, the bars' and chips' names) in a second SVG laid over it.
 * The browser lays out every text of an SVG again whenever anything in that SVG changes; pods and
 * bars change all the time, the words rarely, so apart they are laid out only when they change.
 */
export function drawNodes(root: Layer, labelsRoot: Layer, ctx: DrawContext): void {
  const { model, layout, t } = ctx;
  const data: NodeDatum[] = model.nodes.filter((n) => layout.nodes.has(n.name) && ctx.inView(layout.nodes.get(n.name)!)).map((n) => datumOf(n, t));
  // A node drawn last time from the same view object, in the same place, with the same selection,
  // lesson focus, language and card size, has nothing new to write: at 200 nodes, going over
  // every part of every node on each refresh was most of drawing them.
  const drawnAs = (el: Element, d: NodeDatum) => {
    const l = layout.nodes.get(d.name)!;
    const key = `${l.x},${l.y},${l.w},${l.h}`;
    const kept = el as Element & { [DRAWN]?: Drawn };
    const last = kept[DRAWN];
    if (last && last.d === d && last.key === key && last.selected === ctx.selected && last.focus === ctx.focus && last.compact === ctx.compact) return true;
    kept[DRAWN] = { d, key, selected: ctx.selected, focus: ctx.focus, compact: ctx.compact };
    return false;
  };
  const fadeIn = <E extends SVGGElement>(g: Selection<E, NodeDatum, SVGGElement, unknown>) => g.attr('opacity', 0).call((s) => s.transition().duration(400).attr('opacity', 1));
  const fadeOut = <E extends SVGGElement>(exit: Selection<E, NodeDatum, SVGGElement, unknown>) => exit.classed('exiting', true).attr('role', null).attr('tabindex', null).attr('aria-hidden', 'true').transition().duration(400).attr('opacity', 0).remove();
  const groups = root
    .selectAll<SVGGElement, NodeDatum>('g.node:not(.exiting)')
    .data(data, (d) => d.name)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'node');
        g.append('rect').attr('class', 'node-frame').attr('rx', 12);
        return fadeIn(g);
      },
      (update) => update,
      fadeOut,
    );
  const words = labelsRoot
    .selectAll<SVGGElement, NodeDatum>('g.node-words:not(.exiting)')
    .data(data, (d) => d.name)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'node-words');
        g.append('text').attr('class', 'node-name').attr('x', 14).attr('y', 24);
        g.append('text').attr('class', 'node-zone').attr('y', 24).attr('text-anchor', 'end');
        g.append('text').attr('class', 'node-status').attr('x', 14).attr('y', 43);
        g.append('text').attr('class', 'node-badge').attr('x', 14).attr('y', 74);
        g.append('text').attr('class', 'node-meta').attr('x', 14).attr('y', 60);
        g.append('text').attr('class', 'node-eviction').attr('x', 14).attr('y', 60);
        return fadeIn(g);
      },
      (update) => update,
      fadeOut,
    );
  // One pass per node over elements found once (partsOf): at 200 nodes, a d3 select per part
  // and refresh was 2,000 element lookups every frame while pods were being placed.
  const classes = (el: Element, d: NodeDatum) => {
    setClass(el, 'node-notready', !d.ready);
    setClass(el, 'node-down', !d.machineRunning);
    setClass(el, 'node-cordoned', d.cordoned);
    setClass(el, 'node-control-plane', d.controlPlane);
    setClass(el, 'node-evicting', !!d.eviction);
    setClass(el, 'selected', sameRef(ctx.selected, { kind: 'Node', name: d.name }));
    setClass(el, 'lesson-focus', isFocused(ctx, { kind: 'Node', name: d.name }));
  };
  groups.each(function (d) {
    if (drawnAs(this, d)) return;
    const l = layout.nodes.get(d.name)!;
    const parts = partsOf(this, shapeParts);
    setAttr(this, 'transform', `translate(${l.x},${l.y})`);
    classes(this, d);
    setAttr(parts.frame, 'width', l.w);
    setAttr(parts.frame, 'height', l.h);
    // Hidden while compact: made, and kept up to date, only once the card is drawn large.
    if (ctx.compact && !parts.fills) return;
    parts.fills ??= withBars(this);
    const fills = parts.fills;
    BARS.forEach((k, i) => {
      const frac = Math.min(1, k === 'cpu' ? d.cpu : k === 'memory' ? d.memory : d.podsUsed / Math.max(1, d.podsMax));
      setAttr(fills[i], 'width', Math.round(1200 * frac) / 10);
      setClass(fills[i], 'bar-high', frac > 0.85);
    });
  });
  words.each(function (d) {
    if (drawnAs(this, d)) return;
    const l = layout.nodes.get(d.name)!;
    const parts = partsOf(this, wordParts);
    setAttr(this, 'transform', `translate(${l.x},${l.y})`);
    classes(this, d);
    setText(parts.name, d.name);
    setAttr(parts.zone, 'x', l.w - 14);
    setText(parts.zone, d.zone ?? '');
    setText(parts.badge, statusIcon(d));
    setText(parts.status, `${statusIcon(d)} ${d.status}${d.machineRunning ? '' : ` · ${t('diagram.machineOff')}`}`);
    // A NotReady node's pods are at risk: the countdown to the taint-eviction controller takes the
    // labels' line until the pods have gone.
    setText(parts.meta, d.eviction ? '' : [...d.labels.slice(0, 2), ...(d.taints.length ? [t('diagram.taints', { count: d.taints.length })] : [])].join(' · '));
    setText(parts.eviction, d.eviction ? evictionWords(d.eviction, t) : '');
    if (!ctx.compact && !parts.detail) {
      withBarWords(this);
      parts.detail = true;
    }
  });
  actionable(groups, ctx);
}
