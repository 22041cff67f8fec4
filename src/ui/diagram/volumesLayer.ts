/**
 * Cloud disks drawn on the node they are attached to (dashed while attaching), labelled with
 * their claim, so a learner sees the disk move when its pod moves.
 */
import type { DDisk } from '../store/diagramModel';
import type { DrawContext, Layer } from './context';
import { actionable, classesIfChanged, moveTo, sameRef, textIfChanged } from './context';

type DiskDatum = DDisk & { kind: string; name: string; label: string; x: number; y: number };

export function drawVolumes(root: Layer, ctx: DrawContext): void {
  const { model, layout, t } = ctx;
  const data: DiskDatum[] = [];
  for (const n of model.nodes) {
    const l = layout.nodes.get(n.name);
    if (!l || !ctx.inView(l)) continue;
    n.disks.forEach((d, i) => data.push({ ...d, kind: 'PersistentVolume', name: d.pv, label: t('diagram.diskLabel', { claim: d.claim, node: n.name, size: d.capacity }), x: l.x + 14 + i * 124, y: l.disksY }));
  }
  const groups = root
    .selectAll<SVGGElement, DiskDatum>('g.disk:not(.exiting)')
    .data(data, (d) => d.pv)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'disk').attr('transform', (d) => `translate(${d.x},${d.y})`);
        g.append('ellipse').attr('class', 'disk-body').attr('cx', 10).attr('cy', 13).attr('rx', 9).attr('ry', 10);
        g.append('ellipse').attr('class', 'disk-top').attr('cx', 10).attr('cy', 6).attr('rx', 9).attr('ry', 3.5);
        g.append('text').attr('x', 24).attr('y', 16);
        return g;
      },
      (update) => update,
      (exit) => exit.classed('exiting', true).attr('role', null).attr('tabindex', null).attr('aria-hidden', 'true').transition().duration(400).attr('opacity', 0).remove(),
    );
  classesIfChanged(groups, { attaching: (d) => !d.attached, selected: (d) => sameRef(ctx.selected, { kind: 'PersistentVolume', name: d.pv }) });
  moveTo(groups, 600, (d) => `translate(${d.x},${d.y})`);
  textIfChanged(groups.select('text'), (d) => `${d.claim.split('/')[1] ?? d.claim} ${d.capacity}`);
  actionable(groups, ctx);
}
