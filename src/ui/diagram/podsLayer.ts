/**
 * Pods inside their nodes (and in the pending tray): a rounded square per pod, its state as a
 * colour and a glyph, a badge when it has restarted, a dashed outline while terminating. Pods of
 * the selected workload stand out. Crowded nodes show a bar of counts per state instead.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import type { DPod } from '../store/diagramModel';
import type { DrawContext, Layer } from './context';
import { actionable, attrIfChanged, isFocused, moveTo, sameRef, textIfChanged, TONE_ICON } from './context';

type PodDatum = DPod & { kind: string; label: string; x: number; y: number };
const HALF = 10;
const TONES = ['running', 'pending', 'failed', 'done', 'terminating'] as const;

export function drawPods(root: Layer, ctx: DrawContext): void {
  const { model, layout, t, selected } = ctx;
  const data: PodDatum[] = [];
  const label = (p: DPod) => t('diagram.podLabel', { name: p.name, status: p.status, ready: p.ready });
  for (const n of model.nodes) {
    const l = layout.nodes.get(n.name);
    if (!l || l.aggregated) continue;
    for (const p of n.pods) {
      const at = l.pods.get(p.uid);
      if (at) data.push({ ...p, kind: 'Pod', label: label(p), ...at });
    }
  }
  for (const p of model.pending) {
    const at = layout.pendingPods.get(p.uid);
    if (at) data.push({ ...p, kind: 'Pod', label: label(p), ...at });
  }
  const focusOwner = selected && selected.kind !== 'Pod' && selected.kind !== 'Node' && selected.kind !== 'Component' ? selected : undefined;
  // A selected Service keeps its endpoint pods bright: looked up once per draw, not per pod.
  const focusEndpoints = new Set(focusOwner?.kind === 'Service' ? (model.services.find((s) => s.name === focusOwner.name && s.namespace === focusOwner.namespace)?.endpointPods ?? []) : []);
  const pods = root
    .selectAll<SVGGElement, PodDatum>('g.pod:not(.exiting)')
    .data(data, (d) => d.uid)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'pod')
          .attr('transform', (d) => `translate(${d.x},${d.y}) scale(0.2)`)
          .attr('opacity', 0);
        g.append('rect').attr('x', -HALF).attr('y', -HALF).attr('width', HALF * 2).attr('height', HALF * 2).attr('rx', 4);
        g.append('text').attr('class', 'pod-glyph').attr('text-anchor', 'middle').attr('y', 5);
        g.append('circle').attr('class', 'pod-restarts').attr('cx', HALF).attr('cy', -HALF).attr('r', 4.5);
        g.append('title');
        return g;
      },
      (update) => update,
      (exit) => exit.classed('exiting', true).attr('role', null).attr('tabindex', null).attr('aria-hidden', 'true').transition().duration(500).attr('opacity', 0).remove(),
    );
  attrIfChanged(pods, 'data-status', (d) => d.status);
  attrIfChanged(pods, 'class', (d) => `pod pod-${d.tone}${sameRef(selected, { kind: 'Pod', name: d.name, namespace: d.namespace }) ? ' selected' : ''}`);
  pods
    .classed('lesson-focus', (d) => isFocused(ctx, { kind: 'Pod', name: d.name, namespace: d.namespace }, d.owner))
    .classed('selected', (d) => sameRef(selected, { kind: 'Pod', name: d.name, namespace: d.namespace }))
    .classed('dimmed', (d) => !!focusOwner && !(d.owner && d.owner.kind === focusOwner.kind && d.owner.name === focusOwner.name && d.namespace === focusOwner.namespace) && !focusEndpoints.has(d.uid));
  // Move only what moved: restarting a transition on every refresh would never let it finish.
  moveTo(pods, 450, (d) => `translate(${d.x},${d.y}) scale(1)`);
  textIfChanged(pods.select('text.pod-glyph'), (d) => TONE_ICON[d.tone]);
  attrIfChanged(pods.select('circle.pod-restarts'), 'visibility', (d) => (d.restarts > 0 ? 'visible' : 'hidden'));
  textIfChanged(pods.select('title'), (d) => `${d.namespace}/${d.name} — ${d.status} ${d.ready}${d.restarts ? ` · ${t('diagram.restarts', { count: d.restarts })}` : ''}${d.owner ? ` · ${d.owner.kind}/${d.owner.name}` : ''}`);
  actionable(pods, ctx);

  // Crowded nodes: one bar of counts per state.
  const crowded = model.nodes.filter((n) => layout.nodes.get(n.name)?.aggregated && n.pods.length > 0);
  const bars = root
    .selectAll<SVGGElement, (typeof crowded)[number]>('g.pod-summary')
    .data(crowded, (d) => d.name)
    .join((enter) => enter.append('g').attr('class', 'pod-summary'));
  attrIfChanged(bars, 'transform', (d) => {
    const l = layout.nodes.get(d.name)!;
    return `translate(${l.x + 14},${l.y + 130})`;
  });
  bars.each(function (d) {
    const counts = TONES.map((tone) => ({ tone, n: d.pods.filter((p) => p.tone === tone).length })).filter((c) => c.n > 0);
    const total = d.pods.length;
    // Widths by share, at least wide enough for the glyph and count, scaled to fit the node.
    const raw = counts.map((c) => Math.max(44, (236 * c.n) / total));
    const scale = Math.min(1, 236 / raw.reduce((a, b) => a + b, 0));
    let x = 0;
    const segs = counts.map((c, i) => {
      const seg = { ...c, x, w: raw[i] * scale };
      x += seg.w;
      return seg;
    });
    const group = select(this as SVGGElement);
 const seg = group
      .selectAll<SVGGElement, (typeof segs)[number]>('g.seg')
      .data(segs, (v) => v.tone)
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('height', 22).attr('rx', 4);
        g.append('text').attr('y', 15).attr('x', 6);
        return g;
      });
    attrIfChanged(seg, 'class', (v) => `seg pod-${v.tone}`);
    attrIfChanged(seg, 'transform', (v) => `translate(${Math.round(v.x)},0)`);
    attrIfChanged(seg.select<SVGRectElement>('rect'), 'width', (v) => Math.round(Math.max(10, v.w - 2)));
    textIfChanged(seg.select('text'), (v) => `${TONE_ICON[v.tone]} ${v.n}`);
    group.attr('role', 'img');
    attrIfChanged(group, 'aria-label', () => t('diagram.podSummary', { node: d.name, count: total, detail: counts.map((c) => `${c.n} ${t(`diagram.tone.${c.tone}`)}`).join(', ') }));
  });
}
