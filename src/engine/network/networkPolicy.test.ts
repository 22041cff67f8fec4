import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../api/store';
import type { KObject } from '../api/types';
import { NetworkPolicyEvaluator, dnsVerdict, peerOfPod, type Peer } from './networkPolicy';

function store(...objs: KObject[]): ObjectStore {
  const s = new ObjectStore((r) => r);
  const resource: Record<string, string> = { Pod: 'pods', Namespace: 'namespaces', NetworkPolicy: 'networkpolicies' };
  for (const o of objs) s.insert(resource[o.kind], o);
  return s;
}

const ns = (name: string, labels: Record<string, string> = {}): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } });

let ip = 10;
function pod(namespace: string, name: string, labels: Record<string, string>, ports: { name?: string; containerPort: number; protocol?: string }[] = []): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, labels }, spec: { containers: [{ name: 'c', image: 'nginx', ports }] }, status: { podIP: `10.244.1.${ip++}` } };
}

function policy(namespace: string, name: string, spec: Record<string, unknown>): KObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

const web = pod('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]);
const api = pod('shop', 'api', { app: 'api' });
const front = pod('shop', 'front', { role: 'frontend' });
const monitor = pod('ops', 'monitor', { app: 'monitor' });
const stranger = pod('dev', 'stranger', { app: 'monitor' });
const base = [ns('shop'), ns('ops', { team: 'ops' }), ns('dev'), web, api, front, monitor, stranger];
const P = (o: KObject): Peer => peerOfPod(o);

describe('NetworkPolicy evaluation', () => {
  it('allows everything when no policy exists, and a pod no policy selects is not isolated', () => {
    const none = new NetworkPolicyEvaluator(store(...base));
    expect(none.empty).toBe(true);
    expect(none.evaluate(P(front), P(web), 8080)).toEqual({ allowed: true, allowedBy: [] });
    const ev = new NetworkPolicyEvaluator(store(...base, policy('shop', 'deny-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] })));
    expect(ev.evaluate(P(front), P(api), 80)).toEqual({ allowed: true, allowedBy: [] });
    expect(ev.evaluate(P(front), P(web), 8080)).toEqual({ allowed: false, direction: 'Ingress', pod: { namespace: 'shop', name: 'web' }, isolatedBy: [{ namespace: 'shop', name: 'deny-web' }] });
  });

  it('isolates only in the directions listed in policyTypes', () => {
    const ev = new NetworkPolicyEvaluator(store(...base, policy('shop', 'egress-only', { podSelector: {}, policyTypes: ['Egress'] })));
    // web's ingress is untouched; front's egress is denied.
    expect(ev.evaluate({ ip: '203.0.113.5' }, P(web), 8080).allowed).toBe(true);
    expect(ev.evaluate(P(front), P(monitor), 80)).toMatchObject({ allowed: false, direction: 'Egress', pod: { name: 'front' } });
  });

  it('policies are additive: any rule of any selecting policy allows', () => {
    const ev = new NetworkPolicyEvaluator(
      store(
        ...base,
        policy('shop', 'a-deny', { podSelector: {}, policyTypes: ['Ingress'] }),
        policy('shop', 'b-front', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] }),
      ),
    );
    expect(ev.evaluate(P(front), P(web), 8080)).toEqual({ allowed: true, allowedBy: [{ namespace: 'shop', name: 'b-front', direction: 'Ingress' }] });
    expect(ev.evaluate(P(api), P(web), 8080)).toMatchObject({ allowed: false, isolatedBy: [{ name: 'a-deny' }, { name: 'b-front' }] });
  });

  it('podSelector alone means the policy namespace; namespaceSelector alone every pod there; both must hold together', () => {
    const rules = (from: unknown[]) => new NetworkPolicyEvaluator(store(...base, policy('shop', 'p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from }] })));
    const podOnly = rules([{ podSelector: { matchLabels: { app: 'monitor' } } }]);
    expect(podOnly.evaluate(P(monitor), P(web), 8080).allowed).toBe(false);
    const nsOnly = rules([{ namespaceSelector: { matchLabels: { team: 'ops' } } }]);
    expect(nsOnly.evaluate(P(monitor), P(web), 8080).allowed).toBe(true);
    expect(nsOnly.evaluate(P(stranger), P(web), 8080).allowed).toBe(false);
    const both = rules([{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'monitor' } } }]);
    expect(both.evaluate(P(monitor), P(web), 8080).allowed).toBe(true);
    expect(both.evaluate(P(stranger), P(web), 8080).allowed).toBe(false);
    // Two peers instead of one: either suffices.
    const either = rules([{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }]);
    expect(either.evaluate(P(front), P(web), 8080).allowed).toBe(true);
    expect(either.evaluate(P(api), P(web), 8080).allowed).toBe(false);
    const allNamespaces = rules([{ namespaceSelector: {} }]);
    expect(allNamespaces.evaluate(P(stranger), P(web), 8080).allowed).toBe(true);
    expect(allNamespaces.evaluate({ ip: '203.0.113.5' }, P(web), 8080).allowed).toBe(false);
    // An empty rule allows everyone, pods and outside addresses alike.
    const open = new NetworkPolicyEvaluator(store(...base, policy('shop', 'p', { podSelector: {}, ingress: [{}] })));
    expect(open.evaluate({ ip: '203.0.113.5' }, P(web), 1).allowed).toBe(true);
  });

  it('ipBlock matches addresses inside the CIDR but not in an except', () => {
    const ev = new NetworkPolicyEvaluator(store(...base, policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] } }] }] })));
    expect(ev.evaluate({ ip: '203.0.113.5' }, P(web), 8080).allowed).toBe(true);
    expect(ev.evaluate({ ip: '203.0.113.200' }, P(web), 8080).allowed).toBe(false);
    expect(ev.evaluate({ ip: '198.51.100.1' }, P(web), 8080).allowed).toBe(false);
    const v6 = new NetworkPolicyEvaluator(store(...base, policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '::/0' } }] }] })));
    expect(v6.evaluate({ ip: '203.0.113.5' }, P(web), 8080).allowed).toBe(false);
  });

  it('ports: number, protocol, endPort ranges and named ports of the destination pod', () => {
    const withPorts = (ports: unknown[]) => new NetworkPolicyEvaluator(store(...base, policy('shop', 'p', { podSelector: {}, ingress: [{ ports }] })));
    const numbered = withPorts([{ port: 8080, protocol: 'TCP' }]);
    expect(numbered.evaluate(P(front), P(web), 8080).allowed).toBe(true);
    expect(numbered.evaluate(P(front), P(web), 8081).allowed).toBe(false);
    expect(numbered.evaluate(P(front), P(web), 8080, 'UDP').allowed).toBe(false);
    const range = withPorts([{ port: 9000, endPort: 9100, protocol: 'TCP' }]);
    expect([8999, 9000, 9050, 9100, 9101].map((p) => range.evaluate(P(front), P(web), p).allowed)).toEqual([false, true, true, true, false]);
    const named = withPorts([{ port: 'http', protocol: 'TCP' }]);
    expect(named.evaluate(P(front), P(web), 8080).allowed).toBe(true);
    expect(named.evaluate(P(front), P(web), 9090).allowed).toBe(false);
    // api declares no port named http: nothing matches.
    expect(named.evaluate(P(front), P(api), 8080).allowed).toBe(false);
    const anyTcp = withPorts([{ protocol: 'TCP' }]);
    expect(anyTcp.evaluate(P(front), P(web), 1234).allowed).toBe(true);
    expect(anyTcp.evaluate(P(front), P(web), 53, 'UDP').allowed).toBe(false);
  });

  it('needs both the source’s egress and the destination’s ingress', () => {
    const ev = new NetworkPolicyEvaluator(
      store(
        ...base,
        policy('shop', 'front-egress', { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }),
        policy('shop', 'web-ingress', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] }),
      ),
    );
    // web admits front, but front may only send to api.
    expect(ev.evaluate(P(front), P(web), 8080)).toMatchObject({ allowed: false, direction: 'Egress', pod: { name: 'front' }, isolatedBy: [{ name: 'front-egress' }] });
    expect(ev.evaluate(P(front), P(api), 8080)).toEqual({ allowed: true, allowedBy: [{ namespace: 'shop', name: 'front-egress', direction: 'Egress' }] });
    expect(ev.evaluate(P(api), P(web), 8080)).toMatchObject({ allowed: false, direction: 'Ingress' });
  });

  it('DNS needs UDP 53 to CoreDNS: an egress default-deny breaks it, allowing port 53 over TCP only does not help', () => {
    const coredns = pod('kube-system', 'coredns-1', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
    const objs = [...base, ns('kube-system'), coredns, policy('shop', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] })];
    const denied = store(...objs);
    expect(dnsVerdict(new NetworkPolicyEvaluator(denied), denied, P(front))).toMatchObject({ allowed: false, direction: 'Egress' });
    const tcpOnly = store(...objs, policy('shop', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] }));
    expect(dnsVerdict(new NetworkPolicyEvaluator(tcpOnly), tcpOnly, P(front)).allowed).toBe(false);
    const allowed = store(...objs, policy('shop', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] }));
    expect(dnsVerdict(new NetworkPolicyEvaluator(allowed), allowed, P(front)).allowed).toBe(true);
    // Pods of a namespace without policies resolve names as before.
    expect(dnsVerdict(new NetworkPolicyEvaluator(denied), denied, P(monitor)).allowed).toBe(true);
  });
});
