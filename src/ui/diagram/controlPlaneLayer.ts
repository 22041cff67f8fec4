/**
 * The control plane as its components — API server, etcd, scheduler, controller manager,
 * cloud controller manager — plus the learner's kubectl and the tray of pods no node has yet.
 */
import type { DrawContext, Layer } from './context';
import { actionable, attrIfChanged, classesIfChanged, isFocused, textIfChanged } from './context';
import { COMPONENTS, type Component } from './layout';

interface ComponentDatum {
  kind: string;
  name: Component;
  namespace?: string;
  label: string;
}

/**
 * Words translated once per language: the control plane is drawn on every refresh, and its dozen
 * or so fixed words translated anew each time showed in profiles of busy frames.
 */
const memo = { t: undefined as unknown, words: new Map<string, string>() };
function wordsOf(t: DrawContext['t']): (key: string, options?: Record<string, unknown>) => string {
  if (memo.t !== t || memo.words.size > 1_000) {
    memo.t = t;
    memo.words.clear();
  }
  return (key, options) => {
    const k = options ? `${key}\u0000${JSON.stringify(options)}` : key;
    let s = memo.words.get(k);
    if (s === undefined) memo.words.set(k, (s = t(key, options)));
    return s;
  };
}

export function drawControlPlane(root: Layer, ctx: DrawContext): void {
  const { layout, model } = ctx;
  const t = wordsOf(ctx.t);
  const cp = layout.controlPlane;
  const cpFrame = root.selectAll('rect.cp-frame').data([cp]).join((enter) => enter.append('rect').attr('class', 'cp-frame').attr('rx', 14));
  for (const k of ['x', 'y', 'w', 'h'] as const) attrIfChanged(cpFrame, k === 'w' ? 'width' : k === 'h' ? 'height' : k, (d) => d[k]);
  const cpTitle = root.selectAll('text.cp-title').data([t('diagram.controlPlane')]).join((enter) => enter.append('text').attr('class', 'cp-title'));
  attrIfChanged(cpTitle, 'x', () => cp.x + 16);
  attrIfChanged(cpTitle, 'y', () => cp.y + 22);
  textIfChanged(cpTitle, (d) => d);
  // The control-plane node's state, on the frame (clicking it opens the node).
  const cpNodes = model.nodes.filter((n) => n.controlPlane).map((n) => ({ ...n, kind: 'Node', label: t('diagram.nodeLabel', { name: n.name, status: n.status }) }));
  const cpNode = root
    .selectAll<SVGGElement, (typeof cpNodes)[number]>('g.cp-node')
    .data(cpNodes, (d) => d.name)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'cp-node');
      g.append('rect').attr('height', 24).attr('rx', 12);
      g.append('text').attr('x', 10).attr('y', 17);
      return g;
    });
  cpNode.each(function (_d, i) {
    const next = `translate(${cp.x + cp.w - 230 - i * 10},${cp.y + 7})`;
    if (this.getAttribute('transform') !== next) this.setAttribute('transform', next);
  });
  classesIfChanged(cpNode, { 'node-notready': (d) => !d.ready });
  attrIfChanged(cpNode.select('rect'), 'width', () => 220);
  textIfChanged(cpNode.select('text'), (d) => `${d.name} ${d.ready ? '✔' : '⚠'} ${d.status}`);
  actionable(cpNode, ctx);

  const data: ComponentDatum[] = (['kubectl', ...COMPONENTS] as Component[]).map((name) => ({ kind: 'Component', name, label: `${t(`diagram.component.${name}`)} (${name})` }));
  const groups = root
    .selectAll<SVGGElement, ComponentDatum>('g.component')
    .data(data, (d) => d.name)
    .join((enter) => {
      const g = enter.append('g').attr('class', (d) => `component component-${d.name}`);
      g.append('rect').attr('rx', 8);
      g.append('text').attr('class', 'component-name');
      g.append('text').attr('class', 'component-role');
      return g;
    });
  // Written only when changed: the diagram refreshes ten times a second (see attrIfChanged).
  attrIfChanged(groups, 'transform', (d) => `translate(${layout.components[d.name].x},${layout.components[d.name].y})`);
  const rect = groups.select('rect');
  attrIfChanged(rect, 'width', (d) => layout.components[d.name].w);
  attrIfChanged(rect, 'height', (d) => layout.components[d.name].h);
  const name = groups.select('text.component-name');
  attrIfChanged(name, 'x', () => 10);
  attrIfChanged(name, 'y', () => 20);
  textIfChanged(name, (d) => (d.name === 'kubectl' ? '>_ kubectl' : d.name));
  const role = groups.select('text.component-role');
  attrIfChanged(role, 'x', () => 10);
  attrIfChanged(role, 'y', () => 39);
  textIfChanged(role, (d) => t(`diagram.role.${d.name}`));
  classesIfChanged(groups, { 'lesson-focus': (d) => isFocused(ctx, { kind: 'Component', name: d.name }) });
  actionable(groups, ctx);

  // The pending tray: pods the scheduler has not placed (yet).
  const p = layout.pending;
  const frame = root.selectAll('rect.pending-frame').data([p]).join((enter) => enter.append('rect').attr('class', 'pending-frame').attr('rx', 14));
  attrIfChanged(frame, 'x', () => p.x);
  attrIfChanged(frame, 'y', () => p.y);
  attrIfChanged(frame, 'width', () => p.w);
  attrIfChanged(frame, 'height', () => p.h);
  const title = root
    .selectAll('text.pending-title')
    .data([t('diagram.pending', { count: model.pendingTotal })])
    .join((enter) => enter.append('text').attr('class', 'pending-title'));
  attrIfChanged(title, 'x', () => p.x + 16);
  attrIfChanged(title, 'y', () => p.y + 22);
  textIfChanged(title, (d) => d);
  const empty = root
    .selectAll('text.pending-empty')
    .data(model.pending.length ? [] : [t('diagram.pendingEmpty')])
    .join((enter) => enter.append('text').attr('class', 'pending-empty'));
  attrIfChanged(empty, 'x', () => p.x + 16);
  attrIfChanged(empty, 'y', () => p.y + 42);
  textIfChanged(empty, (d) => d);
}
