/**
 * Services as pills in their own lane, each joined to the pods behind it (its ready
 * EndpointSlice endpoints). With many endpoints the lines go to the nodes instead, one per node
 * with a count, so the picture stays readable. Requests flowing (load generators, `kubectl
 * exec … wget`, the HPA walkthrough) run along the lines as moving dashes, faster the busier
 * the endpoint, and the pill shows the requests per second. Requests a NetworkPolicy drops
 * stop at the pod: the line turns red and dotted, and the Service's pill counts them per second.
 */
import type { DService } from '../store/diagramModel';
import type { DrawContext, Layer } from './context';
import { actionable, attrIfChanged, classesIfChanged, isFocused, sameRef, textIfChanged } from './context';

type ServiceDatum = DService & { kind: string; label: string };
interface Link {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  count: number;
  /** Requests per second down this line (0: quiet). */
  rps: number;
  /** Requests per second a NetworkPolicy dropped at the end of this line. */
  denied: number;
}

/** How busy a line looks: quiet, a trickle, steady, or heavy (the dash speed). */
function trafficClass(rps: number, denied = 0): string {
  if (denied > 0 && rps <= 0) return 'svc-link denied';
  if (rps <= 0) return 'svc-link';
  if (rps < 5) return 'svc-link traffic traffic-low';
  if (rps < 50) return 'svc-link traffic traffic-mid';
  return 'svc-link traffic traffic-high';
}

const PER_POD_LIMIT = 40;

export function drawServices(root: Layer, ctx: DrawContext): void {
  const { model, layout, t } = ctx;
  // Where each endpoint pod is drawn (looked up only when some Service has pods behind it:
  // the default `kubernetes` Service alone made this a walk over 3,000 pods ten times a second).
  const wanted = new Set<string>();
  for (const s of model.services) for (const uid of s.endpointPods) wanted.add(uid);
  const podAt = new Map<string, { x: number; y: number; node: string }>();
  if (wanted.size) {
    for (const n of model.nodes) {
      const l = layout.nodes.get(n.name);
      if (!l) continue;
      for (const p of n.pods) {
        if (!wanted.has(p.uid)) continue;
        const at = l.pods.get(p.uid);
        podAt.set(p.uid, { x: at ? at.x : l.x + l.w / 2, y: at ? at.y : l.y + 120, node: n.name });
      }
    }
  }
  const links: Link[] = [];
  for (const s of model.services) {
    const box = layout.services.get(s.uid);
    if (!box) continue;
    const from = { x: box.x + box.w / 2, y: box.y + box.h };
    const rpsOf = (uid: string) => s.traffic?.[uid] ?? 0;
    const deniedOf = (uid: string) => s.denied?.[uid] ?? 0;
    if (s.endpointPods.length <= PER_POD_LIMIT) {
      for (const uid of s.endpointPods) {
        const p = podAt.get(uid);
        if (p) links.push({ id: `${s.uid}>${uid}`, x1: from.x, y1: from.y, x2: p.x, y2: p.y - 8, count: 1, rps: rpsOf(uid), denied: deniedOf(uid) });
      }
    } else {
      const perNode = new Map<string, { count: number; rps: number; denied: number }>();
      for (const uid of s.endpointPods) {
        const p = podAt.get(uid);
        if (!p) continue;
        const n = perNode.get(p.node) ?? { count: 0, rps: 0, denied: 0 };
        n.count++;
        n.rps += rpsOf(uid);
        n.denied += deniedOf(uid);
        perNode.set(p.node, n);
      }
      for (const [node, { count, rps, denied }] of perNode) {
        const l = layout.nodes.get(node)!;
        links.push({ id: `${s.uid}>${node}`, x1: from.x, y1: from.y, x2: l.x + l.w / 2, y2: l.y, count, rps, denied });
      }
    }
  }
  const paths = root
    .selectAll<SVGPathElement, Link>('path.svc-link')
    .data(links, (d) => d.id)
    .join((enter) => enter.append('path').attr('class', 'svc-link'));
  attrIfChanged(paths, 'd', (d) => `M${d.x1},${d.y1} C${d.x1},${(d.y1 + d.y2) / 2} ${d.x2},${(d.y1 + d.y2) / 2} ${d.x2},${d.y2}`);
  attrIfChanged(paths, 'stroke-width', (d) => Math.min(4, 1 + Math.log2(d.count)));
  attrIfChanged(paths, 'class', (d) => trafficClass(d.rps, d.denied));
  const data: ServiceDatum[] = model.services.map((s) => ({ ...s, kind: 'Service', label: t('diagram.serviceLabel', { name: s.name, type: s.type, count: s.endpoints }) }));
  const groups = root
    .selectAll<SVGGElement, ServiceDatum>('g.service')
    .data(data, (d) => d.uid)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'service');
      g.append('rect').attr('rx', 20);
      g.append('text').attr('class', 'svc-name').attr('x', 14).attr('y', 20);
      g.append('text').attr('class', 'svc-meta').attr('x', 14).attr('y', 38);
      return g;
    });
  attrIfChanged(groups, 'transform', (d) => {
    const b = layout.services.get(d.uid)!;
    return `translate(${b.x},${b.y})`;
  });
  classesIfChanged(groups, {
    selected: (d) => sameRef(ctx.selected, { kind: 'Service', name: d.name, namespace: d.namespace }),
    'lesson-focus': (d) => isFocused(ctx, { kind: 'Service', name: d.name, namespace: d.namespace }),
    'no-endpoints': (d) => d.endpoints === 0 && d.type !== 'ExternalName',
    dropping: (d) => Object.values(d.denied ?? {}).some((x) => x > 0),
  });
  const rect = groups.select('rect');
  attrIfChanged(rect, 'width', (d) => layout.services.get(d.uid)!.w);
  attrIfChanged(rect, 'height', (d) => layout.services.get(d.uid)!.h);
  textIfChanged(groups.select('text.svc-name'), (d) => {
    const rps = Object.values(d.traffic ?? {}).reduce((a, b) => a + b, 0);
    // Dropped requests are counted on the pill: the lines' pod ends lie under their nodes' boxes.
    const denied = Object.values(d.denied ?? {}).reduce((a, b) => a + b, 0);
    return `⇄ ${d.name}${rps > 0 ? `  · ${t('diagram.requestsPerSecond', { count: Math.round(rps) })}` : ''}${denied > 0 ? `  · ✕ ${t('diagram.deniedPerSecond', { count: Math.round(denied) })}` : ''}`;
  });
  textIfChanged(groups.select('text.svc-meta'), (d) => `${d.type} ${d.address} · ${t('diagram.endpointCount', { count: d.endpoints })}`);
  actionable(groups, ctx);
}
