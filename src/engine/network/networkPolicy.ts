/**
 * NetworkPolicy as a network plugin enforces it (Calico, Cilium): given a connection from a
 * pod or an outside address to a destination, decide whether it may be made.
 *
 * The rules (networking.k8s.io/v1, "Network Policies" in the Kubernetes docs):
 * - A pod is isolated for ingress (egress) only when some policy in its namespace selects it
 *   and lists Ingress (Egress) in policyTypes; a pod no policy isolates accepts (sends) anything.
 * - Policies are additive: an isolated pod accepts a connection when any rule of any policy
 *   selecting it allows it. A rule allows when one of its ports matches (none listed: all) and
 *   one of its peers matches (none listed: all).
 * - A connection needs both sides: the source's egress and the destination's ingress.
 * - Policies see the connection after kube-proxy's DNAT: the destination pod's IP and port,
 *   never a Service's; a named port is looked up in the destination pod's container ports.
 *
 * With no NetworkPolicy in the cluster every connection is allowed before anything is read,
 * so a cluster without policies pays nothing.
 */
import type { KObject } from '../api/types';
import type { ObjectStore } from '../api/store';
import { matches, selectorFromObject, type LabelSelector, type Selector } from '../api/labels';
import { cidrContains, parseAddress, parseCidr } from '../util/cidr';
import type { ReasonLog } from '../client/reasons';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type PolicyDirection = 'Ingress' | 'Egress';

/**
 * One end of a connection: an address, and the pod behind it if there is one. `namespace` and
 * `labels` without a pod in the store describe a component the simulator runs outside the pod
 * list (the ingress controller), so namespaceSelector/podSelector peers can still name it.
 */
export interface Peer {
  ip: string;
  namespace?: string;
  name?: string;
  labels?: Record<string, string>;
  /** Container ports, for named ports on a destination. */
  ports?: { name?: string; containerPort: number; protocol?: string }[];
}

export interface PolicyRef {
  namespace: string;
  name: string;
}

/** Why a connection was allowed or dropped — data for the "Why?" view and for tests. */
export type PolicyVerdict =
  | {
      allowed: true;
      /** The first policy (name order) whose rule allowed each isolated side; empty when neither side is isolated. */
      allowedBy: (PolicyRef & { direction: PolicyDirection })[];
    }
  | {
      allowed: false;
      /** The side that dropped it: the source's egress, or the destination's ingress. */
      direction: PolicyDirection;
      /** The pod that is isolated in that direction. */
      pod: PolicyRef;
      /** Every policy isolating it in that direction: none of their rules allows this connection. */
      isolatedBy: PolicyRef[];
    };

/** Parsed selectors by the selector object itself: a stored policy is never mutated, only replaced. */
const parsedSelectors = new WeakMap<object, Selector>();

function selects(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel) return true;
  let parsed = parsedSelectors.get(sel);
  if (!parsed) parsedSelectors.set(sel, (parsed = selectorFromObject(sel)));
  return matches(parsed, labels);
}

export const ALLOWED: PolicyVerdict = Object.freeze({ allowed: true, allowedBy: [] }) as PolicyVerdict;

export function peerOfPod(pod: KObject): Peer {
  return {
    ip: pod.status?.podIP ?? '',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    labels: pod.metadata.labels ?? {},
    ports: ((pod.spec?.containers as Any[]) ?? []).flatMap((c) => c.ports ?? []),
  };
}

/**
 * Evaluates connections against the policies in the store. Policies and namespace labels are
 * read once per evaluator, so the traffic model makes one per tick and a wget makes one per
 * request: each sees the policies as they are at that moment.
 */
export class NetworkPolicyEvaluator {
  private byNamespace = new Map<string, KObject[]>();
  private namespaceLabels = new Map<string, Record<string, string> | undefined>();
  private cidrs = new Map<string, ReturnType<typeof parseCidr>>();
  readonly empty: boolean;

  constructor(private store: ObjectStore) {
    this.empty = store.count('networkpolicies') === 0;
  }

  /** May `from` open a connection to `to` on port/protocol? */
  evaluate(from: Peer, to: Peer, port: number, protocol: Protocol = 'TCP'): PolicyVerdict {
    if (this.empty) return ALLOWED;
    const allowedBy: (PolicyRef & { direction: PolicyDirection })[] = [];
    if (from.namespace && from.name) {
      const egress = this.side(from, 'Egress', (rule) => this.ruleAllows(rule.to, rule.ports, to, to, port, protocol, from.namespace!));
      if (egress && !egress.allowed) return { allowed: false, direction: 'Egress', pod: { namespace: from.namespace, name: from.name }, isolatedBy: egress.isolatedBy };
      if (egress?.allowed) allowedBy.push({ ...egress.by, direction: 'Egress' });
    }
    if (to.namespace && to.name) {
      const ingress = this.side(to, 'Ingress', (rule) => this.ruleAllows(rule.from, rule.ports, from, to, port, protocol, to.namespace!));
      if (ingress && !ingress.allowed) return { allowed: false, direction: 'Ingress', pod: { namespace: to.namespace, name: to.name }, isolatedBy: ingress.isolatedBy };
      if (ingress?.allowed) allowedBy.push({ ...ingress.by, direction: 'Ingress' });
    }
    return allowedBy.length ? { allowed: true, allowedBy } : ALLOWED;
  }

  /** Whether any policy in the pod's namespace isolates it in `direction` (for the UI). */
  isolating(pod: Peer, direction: PolicyDirection): PolicyRef[] {
    if (this.empty || !pod.namespace) return [];
    return this.selecting(pod, direction).map((p) => ({ namespace: p.metadata.namespace!, name: p.metadata.name! }));
  }

  /** undefined: the pod is not isolated in this direction. */
  private side(pod: Peer, direction: PolicyDirection, ruleAllows: (rule: Any) => boolean): { allowed: true; by: PolicyRef } | { allowed: false; isolatedBy: PolicyRef[] } | undefined {
    const policies = this.selecting(pod, direction);
    if (!policies.length) return undefined;
    const key = direction === 'Ingress' ? 'ingress' : 'egress';
    for (const p of policies) {
      if (((p.spec?.[key] as Any[]) ?? []).some(ruleAllows)) return { allowed: true, by: { namespace: p.metadata.namespace!, name: p.metadata.name! } };
    }
    return { allowed: false, isolatedBy: policies.map((p) => ({ namespace: p.metadata.namespace!, name: p.metadata.name! })) };
  }

  private selecting(pod: Peer, direction: PolicyDirection): KObject[] {
    return this.policiesIn(pod.namespace!).filter((p) => policyTypes(p).includes(direction) && selects(p.spec?.podSelector, pod.labels));
  }

  private policiesIn(namespace: string): KObject[] {
    let list = this.byNamespace.get(namespace);
    if (!list) this.byNamespace.set(namespace, (list = this.store.list('networkpolicies', namespace)));
    return list;
  }

  private labelsOfNamespace(namespace: string): Record<string, string> | undefined {
    if (!this.namespaceLabels.has(namespace)) {
      // A namespace the store does not hold still has its name label (the ingress controller's).
      const ns = this.store.get('namespaces', undefined, namespace);
      this.namespaceLabels.set(namespace, ns ? (ns.metadata.labels ?? {}) : { 'kubernetes.io/metadata.name': namespace });
    }
    return this.namespaceLabels.get(namespace);
  }

  /** One rule: a port it lists (none: all ports) and a peer it lists (none: everyone). */
  private ruleAllows(peers: Any[] | undefined, ports: Any[] | undefined, peer: Peer, destination: Peer, port: number, protocol: Protocol, policyNamespace: string): boolean {
    if (ports?.length && !ports.some((p) => portMatches(p, destination, port, protocol))) return false;
    return !peers?.length || peers.some((p) => this.peerMatches(p, peer, policyNamespace));
  }

  private peerMatches(rule: Any, peer: Peer, policyNamespace: string): boolean {
    if (rule.ipBlock) return this.inBlock(rule.ipBlock, peer.ip);
    if (!peer.namespace) return false;
    // namespaceSelector picks namespaces (alone: every pod in them); podSelector alone means the policy's own namespace.
    if (rule.namespaceSelector) {
      if (!selects(rule.namespaceSelector, this.labelsOfNamespace(peer.namespace))) return false;
    } else if (peer.namespace !== policyNamespace) return false;
    return selects(rule.podSelector, peer.labels);
  }

  private inBlock(block: { cidr?: string; except?: string[] }, ip: string): boolean {
    const address = parseAddress(ip);
    const cidr = this.cidr(block.cidr ?? '');
    if (!address || !cidr || !cidrContains(cidr, address)) return false;
    return !(block.except ?? []).some((e) => {
      const c = this.cidr(e);
      return c !== undefined && cidrContains(c, address);
    });
  }

  private cidr(text: string): ReturnType<typeof parseCidr> {
    if (!this.cidrs.has(text)) this.cidrs.set(text, parseCidr(text));
    return this.cidrs.get(text);
  }
}

/** spec.policyTypes as the API server defaults it (stored objects already carry it). */
function policyTypes(p: KObject): PolicyDirection[] {
  const types = p.spec?.policyTypes as PolicyDirection[] | undefined;
  if (types?.length) return types;
  return (p.spec?.egress as unknown[] | undefined)?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** A NetworkPolicyPort against the destination port: number (with endPort) or the pod's named port. */
function portMatches(rule: Any, destination: Peer, port: number, protocol: Protocol): boolean {
  if ((rule.protocol ?? 'TCP') !== protocol) return false;
  if (rule.port === undefined || rule.port === null) return true;
  if (typeof rule.port === 'number') return rule.endPort !== undefined ? port >= rule.port && port <= rule.endPort : port === rule.port;
  // A named port means whatever container port carries that name (and protocol) on the destination pod.
  return (destination.ports ?? []).some((p) => p.name === rule.port && (p.protocol ?? 'TCP') === protocol && p.containerPort === port);
}

/**
 * DNS from a pod: a UDP query to port 53 of a CoreDNS pod behind kube-dns. Resolvers ask over
 * UDP and use TCP only for truncated answers, so an egress policy that allows only TCP 53 still
 * breaks name resolution, as on a real cluster. Allowed when some CoreDNS pod may be reached.
 */
export function dnsVerdict(ev: NetworkPolicyEvaluator, store: ObjectStore, from: Peer): PolicyVerdict {
  if (ev.empty) return ALLOWED;
  let denied: PolicyVerdict | undefined;
  for (const p of store.list('pods', 'kube-system')) {
    if (p.metadata.labels?.['k8s-app'] !== 'kube-dns' || !p.status?.podIP || p.metadata.deletionTimestamp) continue;
    const v = ev.evaluate(from, peerOfPod(p), 53, 'UDP');
    if (v.allowed) return v;
    denied ??= v;
  }
  return denied ?? ALLOWED;
}

/** The kube-dns Service's ClusterIP, where pods send their DNS queries. */
export const KUBE_DNS_ADDRESS = '10.96.0.10';

/** The component recorded as deciding: the network plugin's policy agent on the nodes. */
export const POLICY_AGENT = 'network-policy-agent';

function describePeer(p: Peer): string {
  return p.namespace && p.name ? `${p.namespace}/${p.name}` : p.ip;
}

/** A dropped connection as a reason: which pod was isolated, by which policies, for what traffic. */
export function recordPolicyDrop(reasons: ReasonLog | undefined, verdict: PolicyVerdict, from: Peer, to: Peer, port: number, protocol: Protocol, store: ObjectStore): void {
  if (!reasons || verdict.allowed) return;
  const uid = store.get('pods', verdict.pod.namespace, verdict.pod.name)?.metadata.uid;
  reasons.record(
    POLICY_AGENT,
    verdict.direction === 'Ingress' ? 'network.ingressDenied' : 'network.egressDenied',
    { policies: verdict.isolatedBy.map((p) => p.name).join(', '), source: describePeer(from), destination: describePeer(to), port, protocol },
    [{ kind: 'Pod', namespace: verdict.pod.namespace, name: verdict.pod.name, ...(uid ? { uid } : {}) }, ...verdict.isolatedBy.map((p) => ({ kind: 'NetworkPolicy', ...p }))],
  );
}
