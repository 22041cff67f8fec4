/**
 * The control plane as its components — API server, etcd, scheduler, controller manager,
 * cloud controller manager — plus the learner's kubectl and the tray of pods no node has yet.
 */
import type { DrawContext, Layer } from './context';
import { actionable, isFocused } from './context';
import { COMPONENTS, type Component } from './layout';

interface ComponentDatum {
  kind: string;
  name: Component;
  namespace?: string;
  label: string;
}

export function drawControlPlane(root: Layer, ctx: DrawContext): void {
  const { layout, t, model } = ctx;
  const cp = layout.controlPlane;
  const frame = root.selectAll('rect.cp-frame').data([cp]).join('rect').attr('class', 'cp-frame').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('width', (d) => d.w).attr('height', (d) => d.h).attr('rx', 14);
  void frame;
  root.selectAll('text.cp-title').data([t('diagram.controlPlane')]).join('text').attr('class', 'cp-title').attr('x', cp.x + 16).attr('y', cp.y + 22).text((d) => d);
  // The control-plane node's state, on the frame (clicking it opens the node).
  const cpNodes = model.nodes.filter((n) => n.controlPlane).map((n) => ({ ...n, kind: 'Node', label: t('diagram.nodeLabel', { name: n.name, status: n.status }) }));
  const cpNode = root
    .selectAll<SVGGElement, (typeof cpNodes)[number]>('g.cp-node')
    .data(cpNodes, (d) => d.name)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'cp-node');
      g.append('rect').attr('height', 20).attr('rx', 10);
      g.append('text').attr('x', 10).attr('y', 14);
      return g;
    });
  cpNode.attr('transform', (_d, i) => `translate(${cp.x + cp.w - 230 - i * 10},${cp.y + 8})`).classed('node-notready', (d) => !d.ready);
  cpNode.select('rect').attr('width', 220);
  cpNode.select('text').text((d) => `${d.name} ${d.ready ? '✔' : '⚠'} ${d.status}`);
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
  groups.attr('transform', (d) => `translate(${layout.components[d.name].x},${layout.components[d.name].y})`);
  groups
    .select('rect')
    .attr('width', (d) => layout.components[d.name].w)
    .attr('height', (d) => layout.components[d.name].h);
  groups
    .select('text.component-name')
    .attr('x', 10)
    .attr('y', 18)
    .text((d) => (d.name === 'kubectl' ? '>_ kubectl' : d.name));
  groups
    .select('text.component-role')
    .attr('x', 10)
    .attr('y', 34)
    .text((d) => t(`diagram.role.${d.name}`));
  groups.classed('lesson-focus', (d) => isFocused(ctx, { kind: 'Component', name: d.name }));
  actionable(groups, ctx);

  // The pending tray: pods the scheduler has not placed (yet).
  const p = layout.pending;
  root.selectAll('rect.pending-frame').data([p]).join('rect').attr('class', 'pending-frame').attr('x', p.x).attr('y', p.y).attr('width', p.w).attr('height', p.h).attr('rx', 14);
  root
    .selectAll('text.pending-title')
    .data([t('diagram.pending', { count: model.pending.length })])
    .join('text')
    .attr('class', 'pending-title')
    .attr('x', p.x + 16)
    .attr('y', p.y + 22)
    .text((d) => d);
  root
    .selectAll('text.pending-empty')
    .data(model.pending.length ? [] : [t('diagram.pendingEmpty')])
    .join('text')
    .attr('class', 'pending-empty')
    .attr('x', p.x + 16)
    .attr('y', p.y + 56)
    .text((d) => d);
}
