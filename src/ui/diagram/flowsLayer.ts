/**
 * Requests as they happen: a dot travels from whoever sent the request (kubectl, a controller,
 * the scheduler, a node's kubelet) to the API server and on into etcd. A binding goes further:
 * the API server's watch reaches the chosen node's kubelet, which asks its container runtime to
 * start the pod — the whole path of a new pod, every time.
 *
 * The dots are HTML elements moved by the browser's own animations (Web Animations, on
 * `transform`), not by script in every frame: the compositor moves them without the page's
 * thread. Moved by d3 transitions, sixteen SVG circles cost two attribute writes each per frame
 * and a relayout of their SVG — at 200 nodes, a tenth of the long frames' time.
 */
import type { ApiRequest } from '../../engine/port';
import type { DNode } from '../store/diagramModel';
import type { DrawContext } from './context';
import type { Box, Component } from './layout';

interface Point {
  x: number;
  y: number;
}

const MAX_IN_FLIGHT = 60;
const centre = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Which drawn component stands for an API client. */
export function componentFor(actor: string): Component | 'node' {
  if (actor === 'kubectl') return 'kubectl';
  if (actor === 'default-scheduler') return 'kube-scheduler';
  if (actor === 'kubelet' || actor.startsWith('kubelet/')) return 'node';
  if (actor.startsWith('cloud') || actor === 'service-controller' || actor === 'cluster-autoscaler') return 'cloud-controller-manager';
  return 'kube-controller-manager';
}

function pathFor(req: ApiRequest, ctx: DrawContext): Point[] | undefined {
  const { layout } = ctx;
  const api = centre(layout.components['kube-apiserver']);
  const etcd = centre(layout.components.etcd);
  const who = componentFor(req.actor);
  let from: Point | undefined;
  if (who === 'node') {
    const n = req.node ? layout.nodes.get(req.node) : undefined;
    from = n ? n.kubelet : undefined;
  } else from = centre(layout.components[who]);
  if (!from) return undefined;
  // Logs and exec are not stored: the API server passes them on to the pod's kubelet.
  if (req.resource === 'pods/log' || req.resource === 'pods/exec') {
    const l = req.node ? layout.nodes.get(req.node) : undefined;
    return l ? [from, api, l.kubelet] : [from, api];
  }
  // Aggregated APIs (metrics.k8s.io) are served beside the API server, not from etcd.
  if (req.resource.includes('.')) return [from, api];
  const points = [from, api, etcd];
  if (req.verb === 'bind' && req.resource === 'pods') {
    // The kubelet on the chosen node sees the pod through its watch and hands it to the runtime.
    const node = nodeOfPod(ctx.model.nodes).get(`${req.namespace}/${req.name}`);
    const l = node ? layout.nodes.get(node) : undefined;
    if (l) points.push(api, l.kubelet, l.runtime);
  }
  return points;
}

/**
 * Which node each pod is on, made once per node list and only when a binding is drawn: looking
 * each bound pod up among 6,000 others took up to 10 ms of a frame while they were being placed.
 */
const podNodes = new WeakMap<readonly DNode[], Map<string, string>>();
function nodeOfPod(nodes: readonly DNode[]): Map<string, string> {
  let index = podNodes.get(nodes);
  if (!index) {
    index = new Map();
    for (const n of nodes) for (const p of n.pods) index.set(`${p.namespace}/${p.name}`, n.name);
    podNodes.set(nodes, index);
  }
  return index;
}

let inFlight = 0;

/** d3's easeCubicInOut as a CSS timing function, for each leg of a dot's path. */
const EASE = 'cubic-bezier(0.65, 0, 0.35, 1)';
/** How long a dot takes to shrink away where its path ends (ms). */
const SHRINK_MS = 150;

/** `root`: the flows' viewport, which carries the diagram's zoom (Diagram.tsx). */
export function drawFlows(root: HTMLElement, ctx: DrawContext, requests: ApiRequest[], speed = 1): void {
  // A big, busy cluster shows the requests that change what exists (create, bind, delete),
  // fewer at a time; a small one shows every status report too.
  const pods = ctx.model.pendingTotal + ctx.model.nodes.reduce((n, node) => n + node.pods.length, 0);
  const busy = pods > 300 || speed > 4;
  const limit = busy ? 16 : MAX_IN_FLIGHT;
  for (const req of requests) {
    if (inFlight >= limit) return;
    if (req.resource === 'leases' || req.resource === 'events') continue;
    if (busy && (req.verb === 'updateStatus' || req.verb === 'update')) continue;
    const points = pathFor(req, ctx);
    if (!points) continue;
    inFlight++;
    const dot = root.appendChild(document.createElement('div'));
    dot.className = `flow flow-${req.verb}`;
    const leg = Math.max(120, 420 / Math.sqrt(speed));
    const duration = leg * (points.length - 1) + SHRINK_MS;
    const at = (p: Point, scale = 1) => `translate(${p.x}px, ${p.y}px) scale(${scale})`;
    const keyframes: Keyframe[] = points.map((p, i) => ({ transform: at(p), offset: (i * leg) / duration, easing: EASE }));
    keyframes.push({ transform: at(points[points.length - 1], 0), offset: 1 });
    const done = () => {
      dot.remove();
      inFlight--;
    };
    const animation = dot.animate(keyframes, { duration, fill: 'forwards' });
    animation.onfinish = done;
    animation.oncancel = done;
  }
}
