/**
 * Nodes as machines: name, Ready/NotReady/cordoned drawn with a word and an icon (not colour
 * alone), zone and notable labels (disktype=ssd …), taints, requested CPU/memory/pods against
 * allocatable, and the node's own components (kubelet, kube-proxy, container runtime).
 */
import type { Selection } from 'd3-selection';
import type { DNode } from '../store/diagramModel';
import type { DrawContext, Layer } from './context';
import { actionable, attrIfChanged, classesIfChanged, isFocused, sameRef, textIfChanged } from './context';

type NodeDatum = DNode & { kind: string; label: string };

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
  const data: NodeDatum[] = model.nodes.filter((n) => layout.nodes.has(n.name) && ctx.inView(layout.nodes.get(n.name)!)).map((n) => ({ ...n, kind: 'Node', label: t('diagram.nodeLabel', { name: n.name, status: n.status }) + (n.eviction ? ` — ${n.eviction.inSeconds > 0 ? t('diagram.evictIn', { count: n.eviction.pods, time: countdown(n.eviction.inSeconds) }) : t('diagram.evicting', { count: n.eviction.pods })}` : '') }));
  const fadeIn = <E extends SVGGElement>(g: Selection<E, NodeDatum, SVGGElement, unknown>) => g.attr('opacity', 0).call((s) => s.transition().duration(400).attr('opacity', 1));
  const fadeOut = <E extends SVGGElement>(exit: Selection<E, NodeDatum, SVGGElement, unknown>) => exit.classed('exiting', true).attr('role', null).attr('tabindex', null).attr('aria-hidden', 'true').transition().duration(400).attr('opacity', 0).remove();
  const groups = root
    .selectAll<SVGGElement, NodeDatum>('g.node:not(.exiting)')
    .data(data, (d) => d.name)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'node');
        g.append('rect').attr('class', 'node-frame').attr('rx', 12);
        for (const [i, k] of ['cpu', 'memory', 'pods'].entries()) {
          const bar = g.append('g').attr('class', `bar bar-${k}`).attr('transform', `translate(14,${72 + i * 14})`);
          bar.append('rect').attr('class', 'bar-track').attr('x', 34).attr('width', 120).attr('height', 6).attr('rx', 3);
          bar.append('rect').attr('class', 'bar-fill').attr('x', 34).attr('height', 6).attr('rx', 3);
        }
        const chips = g.append('g').attr('class', 'node-components').attr('transform', 'translate(180,68)');
        for (const [i, name] of ['kubelet', 'kube-proxy', 'runtime'].entries()) chips.append('rect').attr('class', `chip chip-${name}`).attr('y', i * 18).attr('width', 74).attr('height', 16).attr('rx', 8);
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
        for (const [i, k] of ['cpu', 'memory', 'pods'].entries()) g.append('text').attr('class', 'bar-label').attr('x', 14).attr('y', 78 + i * 14).text(k === 'memory' ? 'mem' : k);
        for (const [i, name] of ['kubelet', 'kube-proxy', 'runtime'].entries()) g.append('text').attr('class', 'chip-label').attr('x', 217).attr('y', 80 + i * 18).attr('text-anchor', 'middle').text(name === 'runtime' ? 'containerd' : name);
        return fadeIn(g);
      },
      (update) => update,
      fadeOut,
    );
  for (const sel of [groups, words] as Selection<SVGGElement, NodeDatum, SVGGElement, unknown>[]) {
    attrIfChanged(sel, 'transform', (d) => {
      const l = layout.nodes.get(d.name)!;
      return `translate(${l.x},${l.y})`;
    });
    classesIfChanged(sel, {
      'node-notready': (d) => !d.ready,
      'node-down': (d) => !d.machineRunning,
      'node-cordoned': (d) => d.cordoned,
      'node-control-plane': (d) => d.controlPlane,
      'node-evicting': (d) => !!d.eviction,
      selected: (d) => sameRef(ctx.selected, { kind: 'Node', name: d.name }),
      'lesson-focus': (d) => isFocused(ctx, { kind: 'Node', name: d.name }),
    });
  }
  const frame = groups.select<SVGRectElement>('rect.node-frame');
  attrIfChanged(frame, 'width', (d) => layout.nodes.get(d.name)!.w);
  attrIfChanged(frame, 'height', (d) => layout.nodes.get(d.name)!.h);
  textIfChanged(words.select('text.node-name'), (d) => d.name);
  const zone = words.select<SVGTextElement>('text.node-zone');
  attrIfChanged(zone, 'x', (d) => layout.nodes.get(d.name)!.w - 14);
  textIfChanged(zone, (d) => d.zone ?? '');
  textIfChanged(words.select('text.node-badge'), (d) => statusIcon(d));
  textIfChanged(words.select('text.node-status'), (d) => `${statusIcon(d)} ${d.status}${d.machineRunning ? '' : ` · ${t('diagram.machineOff')}`}`);
  // A NotReady node's pods are at risk: the countdown to the taint-eviction controller takes the
  // labels' line until the pods have gone.
  textIfChanged(words.select('text.node-meta'), (d) => (d.eviction ? '' : [...d.labels.slice(0, 2), ...(d.taints.length ? [t('diagram.taints', { count: d.taints.length })] : [])].join(' · ')));
  textIfChanged(words.select('text.node-eviction'), (d) => (!d.eviction ? '' : d.eviction.inSeconds > 0 ? t('diagram.evictIn', { count: d.eviction.pods, time: countdown(d.eviction.inSeconds) }) : t('diagram.evicting', { count: d.eviction.pods })));
  const frac = (d: NodeDatum, k: string) => Math.min(1, k === 'cpu' ? d.cpu : k === 'memory' ? d.memory : d.podsUsed / Math.max(1, d.podsMax));
  for (const k of ['cpu', 'memory', 'pods']) {
    const fill = groups.select<SVGRectElement>(`g.bar-${k} rect.bar-fill`);
    attrIfChanged(fill, 'width', (d) => Math.round(1200 * frac(d, k)) / 10);
    classesIfChanged(fill, { 'bar-high': (d) => frac(d, k) > 0.85 });
  }
  actionable(groups, ctx);
}
