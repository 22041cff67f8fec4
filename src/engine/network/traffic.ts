/**
 * kube-proxy as a traffic model. A learner (or a lesson) points a steady load — requests per
 * second — at a Service, a node's NodePort or a LoadBalancer IP; every simulated second the
 * requests are spread over the Service's endpoints the way kube-proxy's iptables rules do it:
 * uniformly at random over the *ready* endpoints of its EndpointSlices (terminating but still
 * serving endpoints only when none is ready). What kube-proxy cannot know fails: with no
 * endpoint the request is refused, and a pod on a machine that went down times out until the
 * control plane notices and removes it from the slices — the gap learners should see.
 *
 * Per-pod request rates are what the diagram animates and what metrics and the HPA read.
 */
import type { KObject } from '../api/types';
import type { ObjectStore } from '../api/store';
import type { SimClock, ScheduledTask } from '../sim/clock';
import { Rng } from '../sim/rng';
import { routeIngress } from './ingress';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export type TrafficTarget =
  | { kind: 'Service'; namespace?: string; name: string }
  | { kind: 'NodePort'; node: string; port: number }
  | { kind: 'LoadBalancer'; ip: string; port?: number }
  | { kind: 'Ingress'; host: string; path?: string };

export interface TrafficSource {
  id: string;
  target: TrafficTarget;
  rps: number;
  sent: number;
  ok: number;
  failed: number;
  /** The last simulated second: what went where. */
  last: { ok: number; refused: number; timedOut: number; perPod: Record<string, number> };
  /** Why the last second's requests failed, if they did (for the UI and lessons). */
  lastError?: string;
}

export interface PodTraffic {
  namespace: string;
  name: string;
  /** Requests this pod answered in the last simulated second. */
  rps: number;
  total: number;
}

const TICK_MS = 1_000;

export class TrafficModel {
  private sources = new Map<string, TrafficSource & { carry: number }>();
  private pods = new Map<string, PodTraffic>();
  private task: ScheduledTask | undefined;
  private nextId = 1;
  private rng: Rng;

  constructor(
    private store: ObjectStore,
    private clock: SimClock,
    seed: number,
    /** Whether the machine behind a node name is up (a stopped node's pods cannot answer). */
    private nodeUp: (node: string) => boolean,
  ) {
    // Its own stream, so sending traffic does not change what the scheduler or kubelets draw.
    this.rng = new Rng((seed ^ 0x7fa1c3) >>> 0);
  }

  /** Starts a steady load; throws with a readable reason if the target does not exist. */
  start(target: TrafficTarget, rps: number): TrafficSource {
    if (!Number.isFinite(rps) || rps < 0 || rps > 1_000_000) throw new Error(`requests per second must be between 0 and 1000000, not ${rps}`);
    // A typo in a Service, node or address fails at once; an Ingress may legitimately answer 404 for now.
    if (target.kind !== 'Ingress') this.resolve(target);
    const source = { id: `load-${this.nextId++}`, target, rps, sent: 0, ok: 0, failed: 0, last: { ok: 0, refused: 0, timedOut: 0, perPod: {} }, carry: 0 };
    this.sources.set(source.id, source);
    this.schedule();
    return this.view(source);
  }

  setRate(id: string, rps: number): void {
    const s = this.sources.get(id);
    if (!s) throw new Error(`no traffic source ${id}`);
    if (!Number.isFinite(rps) || rps < 0 || rps > 1_000_000) throw new Error(`requests per second must be between 0 and 1000000, not ${rps}`);
    s.rps = rps;
  }

  stop(id: string): void {
    this.sources.delete(id);
    if (!this.sources.size) {
      this.clock.cancel(this.task);
      this.task = undefined;
      for (const p of this.pods.values()) p.rps = 0;
    }
  }

  list(): TrafficSource[] {
    return [...this.sources.values()].map((s) => this.view(s));
  }

  /** Requests per second each pod served in the last simulated second (namespace/name keys). */
  podRates(): Map<string, PodTraffic> {
    return this.pods;
  }

  podRate(namespace: string, name: string): number {
    return this.pods.get(`${namespace}/${name}`)?.rps ?? 0;
  }

  private view(s: TrafficSource & { carry: number }): TrafficSource {
    const { carry: _carry, ...rest } = s;
    return { ...rest, last: { ...rest.last, perPod: { ...rest.last.perPod } } };
  }

  private schedule(): void {
    if (this.task) return;
    this.task = this.clock.after(TICK_MS, 'kube-proxy', () => {
      this.task = undefined;
      this.tick();
      if (this.sources.size) this.schedule();
    });
  }

  /** The Service a target reaches, or an error sentence. */
  private resolve(target: TrafficTarget): KObject {
    if (target.kind === 'Service') {
      const ns = target.namespace ?? 'default';
      const svc = this.store.get('services', ns, target.name);
      if (!svc) throw new Error(`services "${target.name}" not found`);
      return svc;
    }
    if (target.kind === 'NodePort') {
      if (!this.store.get('nodes', undefined, target.node)) throw new Error(`nodes "${target.node}" not found`);
      for (const svc of this.store.list('services')) if ((svc.spec?.ports ?? []).some((p: Any) => p.nodePort === target.port)) return svc;
      throw new Error(`no Service listens on NodePort ${target.port}`);
    }
    if (target.kind === 'Ingress') {
      const route = routeIngress(this.store, target.host, target.path ?? '/');
      if ('error' in route) throw new Error(route.error);
      const svc = this.store.get('services', route.namespace, route.service);
      if (!svc) throw new Error(`503 Service Unavailable: the Ingress backend service "${route.service}" does not exist`);
      return svc;
    }
    for (const svc of this.store.list('services')) {
      if (svc.spec?.type !== 'LoadBalancer') continue;
      if ((svc.status?.loadBalancer?.ingress ?? []).some((i: Any) => i.ip === target.ip)) return svc;
    }
    throw new Error(`no load balancer has the address ${target.ip}`);
  }

  private tick(): void {
    const served = new Map<string, number>();
    for (const s of this.sources.values()) {
      const exact = s.rps + s.carry;
      const n = Math.floor(exact);
      s.carry = exact - n;
      s.last = { ok: 0, refused: 0, timedOut: 0, perPod: {} };
      s.lastError = undefined;
      if (n === 0) continue;
      s.sent += n;
      let svc: KObject;
      try {
        svc = this.resolve(s.target);
        if (s.target.kind === 'NodePort' && !this.nodeUp(s.target.node)) throw new Error(`node ${s.target.node} does not answer`);
      } catch (e) {
        s.failed += n;
        s.last.refused = n;
        s.lastError = (e as Error).message;
        continue;
      }
      const endpoints = this.endpointsOf(svc);
      if (!endpoints.length) {
        s.failed += n;
        s.last.refused = n;
        s.lastError = `no endpoints available for service "${svc.metadata.name}"`;
        continue;
      }
      const counts = multinomial(n, endpoints.length, this.rng);
      for (let i = 0; i < endpoints.length; i++) {
        const count = counts[i];
        if (!count) continue;
        const ep = endpoints[i];
        if (ep.nodeName && !this.nodeUp(ep.nodeName)) {
          s.last.timedOut += count;
          s.failed += count;
          s.lastError = `requests to ${ep.podName} time out: its node ${ep.nodeName} is down`;
          continue;
        }
        s.ok += count;
        s.last.ok += count;
        s.last.perPod[ep.podName] = (s.last.perPod[ep.podName] ?? 0) + count;
        const key = `${svc.metadata.namespace}/${ep.podName}`;
        served.set(key, (served.get(key) ?? 0) + count);
      }
    }
    for (const [key, p] of this.pods) {
      p.rps = served.get(key) ?? 0;
      if (!p.rps && !this.store.get('pods', p.namespace, p.name)) this.pods.delete(key);
    }
    for (const [key, count] of served) {
      let p = this.pods.get(key);
      if (!p) {
        const [namespace, name] = key.split('/');
        this.pods.set(key, (p = { namespace, name, rps: count, total: 0 }));
      }
      p.total += count;
    }
  }

  /** What kube-proxy programs from the EndpointSlices: ready endpoints, else serving+terminating. */
  private endpointsOf(svc: KObject): { podName: string; nodeName?: string }[] {
    const slices = this.store.byIndex('endpointslices', 'service', `${svc.metadata.namespace}/${svc.metadata.name}`);
    const ready: { podName: string; nodeName?: string }[] = [];
    const terminating: { podName: string; nodeName?: string }[] = [];
    for (const slice of slices) {
      for (const ep of (slice.endpoints as Any[]) ?? []) {
        const entry = { podName: ep.targetRef?.name ?? ep.addresses?.[0], nodeName: ep.nodeName };
        if (ep.conditions?.ready) ready.push(entry);
        else if (ep.conditions?.serving && ep.conditions?.terminating) terminating.push(entry);
      }
    }
    return ready.length ? ready : terminating;
  }
}

/**
 * Splits n requests over k equally likely endpoints. Small loads draw every request; large
 * ones draw conditional binomials (normal approximation) so the cost is per endpoint, not per
 * request.
 */
export function multinomial(n: number, k: number, rng: Rng): number[] {
  const out = new Array<number>(k).fill(0);
  if (n <= 4 * k || n <= 256) {
    for (let i = 0; i < n; i++) out[rng.int(k)]++;
    return out;
  }
  let left = n;
  for (let i = 0; i < k - 1 && left > 0; i++) {
    const p = 1 / (k - i);
    const mean = left * p;
    const sd = Math.sqrt(left * p * (1 - p));
    // Box-Muller from two uniform draws.
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const draw = Math.max(0, Math.min(left, Math.round(mean + sd * z)));
    out[i] = draw;
    left -= draw;
  }
  out[k - 1] += left;
  return out;
}
