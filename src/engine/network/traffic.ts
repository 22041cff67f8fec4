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
 *
 * NetworkPolicy is enforced on the way (networkPolicy.ts): a request the sender's egress or the
 * endpoint's ingress does not allow is dropped — it times out — and is counted against the pod
 * it was meant for, so the diagram can show requests stopped at that pod.
 */
import type { KObject } from '../api/types';
import type { ObjectStore } from '../api/store';
import type { SimClock, ScheduledTask } from '../sim/clock';
import { Rng } from '../sim/rng';
import { routeIngress } from './ingress';
import { KUBE_DNS_ADDRESS, NetworkPolicyEvaluator, dnsVerdict, peerOfPod, recordPolicyDrop, type Peer, type PolicyVerdict, type Protocol } from './networkPolicy';
import { INGRESS_CONTROLLER_PEER } from './http';
import type { ReasonLog } from '../client/reasons';
import { bound } from '../sim/forkable';

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
  /** The pod sending (a load generator; `byName`: it looks the Service up in DNS first); none: a client outside the cluster. */
  from?: { namespace: string; name: string; byName?: boolean };
  sent: number;
  ok: number;
  failed: number;
  /** The last simulated second: what went where. */
  last: { ok: number; refused: number; timedOut: number; denied: number; perPod: Record<string, number> };
  /** Why the last second's requests failed, if they did (for the UI and lessons). */
  lastError?: string;
}

export interface PodTraffic {
  namespace: string;
  name: string;
  /** Requests this pod answered in the last simulated second. */
  rps: number;
  total: number;
  /** Requests meant for this pod that a NetworkPolicy dropped in the last simulated second. */
  denied: number;
  deniedTotal: number;
}

/**
 * Where a client outside the cluster sends from (TEST-NET-3). Its address reaches the pods
 * unchanged (as with externalTrafficPolicy: Local), so only an ipBlock peer can admit it.
 */
export const EXTERNAL_CLIENT_ADDRESS = '203.0.113.10';

const TICK_MS = 1_000;

export class TrafficModel {
  private sources = new Map<string, TrafficSource & { carry: number }>();
  private pods = new Map<string, PodTraffic>();
  /** Pods served or denied in the last second (their rates are the only ones not zero). */
  private active: string[] = [];
  /** The store's count of removed pods when every pod in the table was last seen still there. */
  private lookedAtRemovals = -1;
  /** Source>pod pairs whose requests policy drops now, with why (each new drop is explained once). */
  private dropping = new Map<string, string>();
  private task: ScheduledTask | undefined;
  private nextId = 1;
  private rng: Rng;

  constructor(
    private store: ObjectStore,
    private clock: SimClock,
    seed: number,
    /** Whether the machine behind a node name is up (a stopped node's pods cannot answer). */
    private nodeUp: (node: string) => boolean,
    /** Where dropped connections are explained (the "Why?" view). */
    private reasons?: ReasonLog,
  ) {
    // Its own stream, so sending traffic does not change what the scheduler or kubelets draw.
    this.rng = new Rng((seed ^ 0x7fa1c3) >>> 0);
  }

  /** Starts a steady load; throws with a readable reason if the target does not exist. */
  start(target: TrafficTarget, rps: number, from?: TrafficSource['from']): TrafficSource {
    if (!Number.isFinite(rps) || rps < 0 || rps > 1_000_000) throw new Error(`requests per second must be between 0 and 1000000, not ${rps}`);
    // A typo in a Service, node or address fails at once; an Ingress may legitimately answer 404 for now.
    if (target.kind !== 'Ingress') this.resolve(target);
    const source = { id: `load-${this.nextId++}`, target, rps, ...(from ? { from } : {}), sent: 0, ok: 0, failed: 0, last: { ok: 0, refused: 0, timedOut: 0, denied: 0, perPod: {} }, carry: 0 };
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
      for (const p of this.pods.values()) p.rps = p.denied = 0;
      this.dropping.clear();
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
    this.task = this.clock.after(TICK_MS, 'kube-proxy', bound(this, this.due));
  }

  private due(): void {
    this.task = undefined;
    this.tick();
    if (this.sources.size) this.schedule();
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
    const denied = new Map<string, number>();
    // One look at the policies per second; with none in the cluster nothing more is read.
    const policy = new NetworkPolicyEvaluator(this.store);
    const stillDropping = new Set<string>();
    for (const s of this.sources.values()) {
      const exact = s.rps + s.carry;
      const n = Math.floor(exact);
      s.carry = exact - n;
      s.last = { ok: 0, refused: 0, timedOut: 0, denied: 0, perPod: {} };
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
      const client = policy.empty ? undefined : this.clientOf(s);
      // A sender whose DNS queries are dropped never learns the address: nothing leaves it.
      if (client && s.from?.byName && this.dnsDropped(policy, s, stillDropping)) {
        s.failed += n;
        s.last.denied += n;
        continue;
      }
      const servicePort = client && servicePortOf(svc, s.target, this.store);
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
        if (client && this.dropped(policy, s, svc, servicePort, client, ep.podName, stillDropping)) {
          s.last.denied += count;
          s.failed += count;
          const key = `${svc.metadata.namespace}/${ep.podName}`;
          denied.set(key, (denied.get(key) ?? 0) + count);
          continue;
        }
        s.ok += count;
        s.last.ok += count;
        s.last.perPod[ep.podName] = (s.last.perPod[ep.podName] ?? 0) + count;
        const key = `${svc.metadata.namespace}/${ep.podName}`;
        served.set(key, (served.get(key) ?? 0) + count);
      }
    }
    for (const key of this.dropping.keys()) if (!stillDropping.has(key)) this.dropping.delete(key);
    // This second's rates; a pod that is gone and got nothing this second leaves the table.
    const before = this.active;
    const active: string[] = [];
    for (const key of served.keys()) active.push(key);
    for (const key of denied.keys()) if (!served.has(key)) active.push(key);
    this.active = active;
    const removals = this.store.removals('pods');
    if (active.length * 4 >= this.pods.size || removals !== this.lookedAtRemovals) {
      // Most pods served, or pods were removed since the last full look: one pass over them all.
      for (const [key, p] of this.pods) {
        p.rps = served.get(key) ?? 0;
        p.denied = denied.get(key) ?? 0;
        if (!p.rps && !p.denied && !this.store.get('pods', p.namespace, p.name)) this.pods.delete(key);
      }
      this.lookedAtRemovals = removals;
    } else {
      // Few served (200 requests over 3,000 pods): only pods served this second or the one before
      // can have a rate to set or clear, or be gone unnoticed — every other pod had none at the
      // last full look and no pod was removed since. The same table as a full pass, for less.
      for (const key of before) {
        const p = this.pods.get(key);
        if (p) p.rps = p.denied = 0;
      }
      for (const [key, count] of served) {
        const p = this.pods.get(key);
        if (p) p.rps = count;
      }
      for (const [key, count] of denied) {
        const p = this.pods.get(key);
        if (p) p.denied = count;
      }
      for (const key of before) {
        const p = this.pods.get(key);
        if (p && !p.rps && !p.denied && !this.store.get('pods', p.namespace, p.name)) this.pods.delete(key);
      }
    }
    for (const [key, count] of served) this.podEntry(key).total += count;
    for (const [key, count] of denied) {
      const p = this.podEntry(key);
      p.denied = count;
      p.deniedTotal += count;
    }
  }

  private podEntry(key: string): PodTraffic {
    let p = this.pods.get(key);
    if (!p) {
      const [namespace, name] = key.split('/');
      this.pods.set(key, (p = { namespace, name, rps: 0, total: 0, denied: 0, deniedTotal: 0 }));
    }
    return p;
  }

  /**
   * Who the endpoint sees opening the connection: the sending pod, the ingress controller for
   * an Ingress (after the sender's own egress to the controller was allowed), or a client
   * outside the cluster; for an Ingress also the sender, whose egress must reach the controller.
   */
  private clientOf(s: TrafficSource): { peer: Peer; toController?: Peer } {
    const pod = s.from && this.store.get('pods', s.from.namespace, s.from.name);
    const sender: Peer = pod ? peerOfPod(pod) : { ip: EXTERNAL_CLIENT_ADDRESS };
    return s.target.kind === 'Ingress' ? { peer: INGRESS_CONTROLLER_PEER, toController: sender } : { peer: sender };
  }

  private dnsDropped(policy: NetworkPolicyEvaluator, s: TrafficSource, stillDropping: Set<string>): boolean {
    const pod = this.store.get('pods', s.from!.namespace, s.from!.name);
    if (!pod) return false;
    const client = peerOfPod(pod);
    const verdict = dnsVerdict(policy, this.store, client);
    if (verdict.allowed) return false;
    this.explainOnce(`${s.id}>dns`, verdict, stillDropping, () => recordPolicyDrop(this.reasons, verdict, client, { ip: KUBE_DNS_ADDRESS }, 53, 'UDP', this.store));
    return true;
  }

  /** Each new drop is explained once, and again only when the policies behind it change. */
  private explainOnce(key: string, verdict: PolicyVerdict, stillDropping: Set<string>, record: () => void): void {
    if (verdict.allowed) return;
    const signature = `${verdict.direction}:${verdict.isolatedBy.map((p) => p.name).join(',')}`;
    stillDropping.add(key);
    if (this.dropping.get(key) === signature) return;
    this.dropping.set(key, signature);
    record();
  }

  /** Whether policy drops this source's requests to one endpoint. */
  private dropped(policy: NetworkPolicyEvaluator, s: TrafficSource, svc: KObject, servicePort: Any, client: { peer: Peer; toController?: Peer }, podName: string, stillDropping: Set<string>): boolean {
    const pod = this.store.get('pods', svc.metadata.namespace, podName);
    if (!pod) return false;
    const destination = peerOfPod(pod);
    const { port, protocol } = podPortOf(servicePort, pod);
    let hop = { from: client.peer, to: destination, port, protocol };
    let verdict = client.toController ? policy.evaluate(client.toController, INGRESS_CONTROLLER_PEER, 80, 'TCP') : undefined;
    if (verdict && !verdict.allowed) hop = { from: client.toController!, to: INGRESS_CONTROLLER_PEER, port: 80, protocol: 'TCP' };
    else verdict = policy.evaluate(client.peer, destination, port, protocol);
    if (verdict.allowed) return false;
    this.explainOnce(`${s.id}>${svc.metadata.namespace}/${podName}`, verdict, stillDropping, () => recordPolicyDrop(this.reasons, verdict, hop.from, hop.to, hop.port, hop.protocol, this.store));
    return true;
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

/**
 * The Service port a target reaches: the NodePort's, the load balancer port's, the Ingress
 * backend's, else the first.
 */
function servicePortOf(svc: KObject, target: TrafficTarget, store: ObjectStore): Any {
  const ports = (svc.spec?.ports as Any[]) ?? [];
  let found: Any;
  if (target.kind === 'NodePort') found = ports.find((p) => p.nodePort === target.port);
  else if (target.kind === 'LoadBalancer' && target.port !== undefined) found = ports.find((p) => p.port === target.port);
  else if (target.kind === 'Ingress') {
    const route = routeIngress(store, target.host, target.path ?? '/');
    if (!('error' in route)) found = ports.find((p) => (route.port?.name ? p.name === route.port.name : p.port === route.port?.number));
  }
  return found ?? ports[0];
}

/**
 * The pod port a request lands on after kube-proxy's DNAT (what NetworkPolicy ports match),
 * a named targetPort looked up in the pod's containers.
 */
function podPortOf(sp: Any, pod: KObject): { port: number; protocol: Protocol } {
  if (!sp) return { port: 0, protocol: 'TCP' };
  let port = sp.targetPort ?? sp.port;
  const protocol: Protocol = sp.protocol ?? 'TCP';
  if (typeof port === 'string') {
    const named = ((pod.spec?.containers as Any[]) ?? []).flatMap((c) => c.ports ?? []).find((p: Any) => p.name === port && (p.protocol ?? 'TCP') === protocol);
    port = named?.containerPort ?? 0;
  }
  return { port: Number(port), protocol };
}
