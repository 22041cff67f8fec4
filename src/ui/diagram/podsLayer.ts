/**
 * Pods inside their nodes (and in the pending tray). What they look like — a rounded square per
 * pod, its state as a colour and a glyph, a badge when it has restarted, a dashed outline while
 * terminating, the selected workload standing out — is handed to the canvas (podCanvas.ts);
 * here each pod gets an invisible stand-in that takes focus and clicks and carries its name and
 * state for screen readers. Crowded nodes show a bar of counts per state instead.
 */
import type { DPod } from '../store/diagramModel';
import type { DrawContext, Layer } from './context';
import { lookOf, type PodPaint } from './podCanvas';
import { attrIfChanged, isFocused, sameRef, setAttr, TONE_ICON } from './context';
import { syncStandIns } from './standIns';
import { IdleSlices } from './idleSlices';
import { SUMMARY_H, SUMMARY_W, type SummaryPaint, type SummarySegment } from './summaryPaint';

type PodDatum = DPod & { kind: string; label: string; x: number; y: number };
const TONES = ['running', 'pending', 'failed', 'done', 'terminating'] as const;

/**
 * Words per pod state, made once: a refresh draws hundreds of pods ten times a second and
 * translating each label every time was a fifth of the drawing's cost. A new language brings a
 * new `t`, which empties the cache.
 */
const words = { t: undefined as unknown, labels: new Map<string, string>(), restarts: new Map<number, string>(), tones: new Map<string, string>(), summaries: new Map<number, string>() };

const labelOf = new WeakMap<DPod, { t: unknown; s: string }>();

function wordsFor(t: DrawContext['t']) {
  if (words.t !== t || words.labels.size > 5_000) {
    words.t = t;
    words.labels.clear();
    words.restarts.clear();
    words.tones.clear();
    words.summaries.clear();
  }
  return {
    label(p: DPod): string {
      // A pod's view object stays the same while the pod does (diagramModel caches it): one lookup.
      const known = labelOf.get(p);
      if (known && known.t === t) return known.s;
      // Translated once per state with a mark where the name goes: a rollout brings thousands of
      // new pods, and translating each one's words was a fifth of drawing them.
      const key = `${p.status}\u0000${p.ready}`;
      let template = words.labels.get(key);
      if (template === undefined) words.labels.set(key, (template = t('diagram.podLabel', { name: '\u0001', status: p.status, ready: p.ready })));
      const s = template.replace('\u0001', () => p.name);
      labelOf.set(p, { t, s });
      return s;
    },
    tone(tone: string): string {
      let s = words.tones.get(tone);
      if (s === undefined) words.tones.set(tone, (s = t(`diagram.tone.${tone}`)));
      return s;
    },
    /**
     * A crowded node's counts in words. Translated once per total (plurals follow it) with marks
     * where the node and the counts go: translating 200 nodes' words on every refresh while
     * their pods were being placed was a third of drawing the pods.
     */
    summary(node: string, count: number, detail: string): string {
      let s = words.summaries.get(count);
      if (s === undefined) words.summaries.set(count, (s = t('diagram.podSummary', { node: '\u0001', count, detail: '\u0002' })));
      return s.replace('\u0001', () => node).replace('\u0002', () => detail);
    },
    restarts(count: number): string {
      let s = words.restarts.get(count);
      if (s === undefined) words.restarts.set(count, (s = t('diagram.restarts', { count })));
      return s;
    },
  };
}

/**
 * A pod as drawn: its view with a place and words. Kept while the pod's view, words and place
 * stay the same (the view object lasts as long as the pod does not change), so a refresh of a
 * thousand pods does not copy a thousand objects.
 */
const datums = new WeakMap<DPod, PodDatum>();
function datum(p: DPod, label: string, at: { x: number; y: number }): PodDatum {
  const known = datums.get(p);
  if (known && known.label === label && known.x === at.x && known.y === at.y) return known;
  const d: PodDatum = { ...p, kind: 'Pod', label, x: at.x, y: at.y };
  datums.set(p, d);
  return d;
}

/** What the canvas is handed for a pod, kept while the pod's datum and looks are the same. */
const paints = new WeakMap<PodDatum, PodPaint>();
function paintOf(d: PodDatum, selected: boolean, focused: boolean, dimmed: boolean): PodPaint {
  const known = paints.get(d);
  if (known && known.selected === selected && known.focused === focused && known.dimmed === dimmed) return known;
  const glyph = TONE_ICON[d.tone];
  const p: PodPaint = { uid: d.uid, x: d.x, y: d.y, tone: d.tone, glyph, restarts: d.restarts, selected, focused, dimmed, look: lookOf(d.tone, glyph, selected, focused) };
  paints.set(d, p);
  return p;
}

/** The most stand-ins of the pending tray in one group. */
const TRAY_GROUP = 25;

/** The stand-ins still to write (a group per item), from the latest drawing. */
const standInSlices = new IdleSlices();

/** The stand-ins of one node (or of the pending tray), in a group placed at its corner. */
interface PodGroup {
  key: string;
  x: number;
  y: number;
  pods: PodDatum[];
}

export function drawPods(root: Layer, ctx: DrawContext): void {
  const { model, layout, t, selected } = ctx;
  const data: PodDatum[] = [];
  const groups: PodGroup[] = [];
  const w = wordsFor(t);
  const label = w.label;
  for (const n of model.nodes) {
    const l = layout.nodes.get(n.name);
    if (!l || l.aggregated || !ctx.inView(l)) continue;
    const group: PodGroup = { key: n.name, x: l.x, y: l.y, pods: [] };
    for (const p of n.pods) {
      const at = l.pods.get(p.uid);
      if (at) group.pods.push(datum(p, label(p), at));
    }
    groups.push(group);
    for (const d of group.pods) data.push(d);
  }
  // The tray holds up to 500 pods, and while they are being placed its order changes with every
  // refresh: its stand-ins go in groups of TRAY_GROUP, each a short item of the idle slices
  // (idleSlices.ts) — 500 new stand-ins at once were a 22 ms task.
  const tray: PodDatum[] = [];
  for (const p of model.pending) {
    const at = layout.pendingPods.get(p.uid);
    if (at) tray.push(datum(p, label(p), at));
  }
  for (let i = 0; i < tray.length; i += TRAY_GROUP) groups.push({ key: `\u0000pending:${i}`, x: layout.pending.x, y: layout.pending.y, pods: tray.slice(i, i + TRAY_GROUP) });
  for (const d of tray) data.push(d);
  const focusOwner = selected && selected.kind !== 'Pod' && selected.kind !== 'Node' && selected.kind !== 'Component' ? selected : undefined;
  // A selected Service keeps its endpoint pods bright: looked up once per draw, not per pod.
  const focusEndpoints = new Set(focusOwner?.kind === 'Service' ? (model.services.find((s) => s.name === focusOwner.name && s.namespace === focusOwner.namespace)?.endpointPods ?? []) : []);
  // Stand-ins sit in their node's group, in the node's own coordinates: when the nodes move (the
  // grid gains a row), one attribute per node changes instead of two per pod.
  const places = root
    .selectAll<SVGGElement, PodGroup>('g.pod-group')
    .data(groups, (g) => g.key)
    .join((enter) => enter.append('g').attr('class', 'pod-group'));
  attrIfChanged(places, 'transform', (g) => `translate(${g.x},${g.y})`);
  function tooltip(d: PodDatum): string {
    return `${d.namespace}/${d.name} — ${d.status} ${d.ready}${d.restarts ? ` · ${w.restarts(d.restarts)}` : ''}${d.owner ? ` · ${d.owner.kind}/${d.owner.name}` : ''}`;
  }
  // The stand-ins follow when the page is idle (idleSlices.ts); the canvas shows the pods now.
  const items: (() => void)[] = [];
  places.each(function (g) {
    items.push(() => syncStandIns(this, g.pods, g.x, g.y, ctx, tooltip));
  });
  standInSlices.replace(items);
  ctx.paintPods(
    data.map((d) => {
      const ref = { kind: 'Pod', name: d.name, namespace: d.namespace };
      const dimmed = !!focusOwner && !(d.owner && d.owner.kind === focusOwner.kind && d.owner.name === focusOwner.name && d.namespace === focusOwner.namespace) && !focusEndpoints.has(d.uid);
      return paintOf(d, sameRef(selected, ref), isFocused(ctx, ref, d.owner), dimmed);
    }),
  );

  // Crowded nodes: one bar of counts per state, painted on the canvas (summaryPaint.ts); here each
  // keeps one invisible stand-in that says its counts to screen readers.
  const crowded = model.nodes.filter((n) => {
    const l = layout.nodes.get(n.name);
    return !!l && l.aggregated && n.pods.length > 0 && ctx.inView(l);
  });
  const stands = root
    .selectAll<SVGRectElement, (typeof crowded)[number]>('rect.pod-summary')
    .data(crowded, (d) => d.name)
    .join((enter) => enter.append('rect').attr('class', 'pod-summary').attr('role', 'img').attr('width', SUMMARY_W).attr('height', SUMMARY_H));
  const bars: SummaryPaint[] = [];
  stands.each(function (d) {
    const l = layout.nodes.get(d.name)!;
    // In the node's pod grid (an aggregated grid is 40 high and ends 4 above the disks), full or compact card alike.
    const x = l.x + 14;
    const y = l.disksY - 44 + 9;
    setAttr(this, 'x', x);
    setAttr(this, 'y', y);
    const counts = TONES.map(() => 0);
    for (const p of d.pods) {
      const i = TONES.indexOf(p.tone as (typeof TONES)[number]);
      if (i >= 0) counts[i]++;
    }
    const bar = summaryOf(d.name, counts, x, y);
    bars.push(bar);
    // The words change with the counts (and a new language brings a new t).
    const el = this as Element & { summaryKey?: string; summaryT?: unknown };
    if (el.summaryKey === bar.look && el.summaryT === t) return;
    el.summaryKey = bar.look;
    el.summaryT = t;
    const detail = TONES.flatMap((tone, i) => (counts[i] > 0 ? [`${counts[i]} ${w.tone(tone)}`] : [])).join(', ');
    el.setAttribute('aria-label', w.summary(d.name, d.pods.length, detail));
  });
  ctx.paintSummaries(bars);
}

/** The bars as last painted, by node: a node whose counts and place are unchanged hands the canvas the same object. */
const summaries = new Map<string, SummaryPaint>();

function summaryOf(node: string, counts: number[], x: number, y: number): SummaryPaint {
  const look = counts.join(',');
  const known = summaries.get(node);
  if (known && known.look === look && known.x === x && known.y === y) return known;
  const total = counts.reduce((a, b) => a + b, 0);
  // Widths by share, at least wide enough for the glyph and count, scaled to fit the node.
  const raw = counts.map((n) => (n > 0 ? Math.max(44, (SUMMARY_W * n) / total) : 0));
  const scale = Math.min(1, SUMMARY_W / raw.reduce((a, b) => a + b, 0));
  const segments: SummarySegment[] = [];
  let at = 0;
  TONES.forEach((tone, i) => {
    if (counts[i] === 0) return;
    const width = raw[i] * scale;
    segments.push({ tone, x: Math.round(at), width: Math.round(Math.max(10, width - 2)), text: `${TONE_ICON[tone]} ${counts[i]}` });
    at += width;
  });
  const bar: SummaryPaint = { key: node, x, y, segments, look };
  if (summaries.size > 5_000) summaries.clear();
  summaries.set(node, bar);
  return bar;
}
