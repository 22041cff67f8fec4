/**
 * Property test: whatever policies a learner writes, no connection NetworkPolicy forbids is ever
 * answered — neither a wget run in a pod nor a steady load from outside the cluster — and every
 * connection they allow is. The expected verdict comes from a small model of the rules written
 * here from the Kubernetes docs, apart from the evaluator the engine uses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster, k } from '../testing/helpers';
import { EXTERNAL_CLIENT_ADDRESS } from './traffic';

type PeerSpec = { role: 'x' | 'y' } | { app: 'a' | 'b' } | { cidr: string } | { anyPod: true };
type PortSpec = 80 | 81 | 'http' | 'web';
interface RuleSpec {
  peers: PeerSpec[];
  ports: PortSpec[];
}
interface PolicySpec {
  select: 'a' | 'b' | 'all';
  /** undefined: left to the API server's default. */
  types?: ('Ingress' | 'Egress')[];
  ingress: RuleSpec[];
  egress: RuleSpec[];
}

const peer: fc.Arbitrary<PeerSpec> = fc.oneof(
  fc.record({ role: fc.constantFrom('x' as const, 'y' as const) }),
  fc.record({ app: fc.constantFrom('a' as const, 'b' as const) }),
  fc.record({ cidr: fc.constantFrom('203.0.113.0/24', '10.0.0.0/8', '192.168.0.0/16') }),
  fc.constant({ anyPod: true as const }),
);
const rule: fc.Arbitrary<RuleSpec> = fc.record({ peers: fc.array(peer, { maxLength: 2 }), ports: fc.array(fc.constantFrom<PortSpec>(80, 81, 'http', 'web'), { maxLength: 2 }) });
const policySpec: fc.Arbitrary<PolicySpec> = fc.record({
  select: fc.constantFrom('a' as const, 'b' as const, 'all' as const),
  types: fc.option(fc.constantFrom<('Ingress' | 'Egress')[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']), { nil: undefined }),
  ingress: fc.array(rule, { maxLength: 2 }),
  egress: fc.array(rule, { maxLength: 2 }),
});

interface Party {
  labels: Record<string, string>;
  ip: string;
  pod: boolean;
  /** Named container ports (servers only). */
  named?: string;
}

function ipIn(ip: string, cidr: string): boolean {
  const n = (s: string) => s.split('.').reduce((v, o) => v * 256 + Number(o), 0);
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(n(ip) / size) === Math.floor(n(base) / size);
}

/** The docs' rules, for the few shapes generated above. */
function modelAllows(policies: PolicySpec[], src: Party, dst: Party): boolean {
  const selects = (p: PolicySpec, party: Party) => party.pod && (p.select === 'all' || party.labels.app === p.select);
  const types = (p: PolicySpec) => p.types ?? (p.egress.length ? ['Ingress', 'Egress'] : ['Ingress']);
  const peerMatches = (pe: PeerSpec, party: Party) =>
    'cidr' in pe ? ipIn(party.ip, pe.cidr) : 'anyPod' in pe ? party.pod : 'role' in pe ? party.pod && party.labels.role === pe.role : party.pod && party.labels.app === pe.app;
  const portMatches = (po: PortSpec) => po === 80 || po === dst.named;
  const ruleAllows = (r: RuleSpec, peerParty: Party) => (!r.ports.length || r.ports.some(portMatches)) && (!r.peers.length || r.peers.some((pe) => peerMatches(pe, peerParty)));
  const side = (dir: 'Ingress' | 'Egress', subject: Party, other: Party) => {
    const isolating = policies.filter((p) => selects(p, subject) && types(p).includes(dir));
    return !isolating.length || isolating.some((p) => (dir === 'Ingress' ? p.ingress : p.egress).some((r) => ruleAllows(r, other)));
  };
  return side('Egress', src, dst) && side('Ingress', dst, src);
}

function manifest(p: PolicySpec, i: number): string {
  const peerYaml = (pe: PeerSpec) => ('cidr' in pe ? { ipBlock: { cidr: pe.cidr } } : 'anyPod' in pe ? { podSelector: {} } : { podSelector: { matchLabels: pe } });
  const ruleYaml = (r: RuleSpec, key: 'from' | 'to') => ({ ...(r.peers.length ? { [key]: r.peers.map(peerYaml) } : {}), ...(r.ports.length ? { ports: r.ports.map((port) => ({ port })) } : {}) });
  return JSON.stringify({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `p${i}` },
    spec: {
      podSelector: p.select === 'all' ? {} : { matchLabels: { app: p.select } },
      ...(p.types ? { policyTypes: p.types } : {}),
      ...(p.ingress.length ? { ingress: p.ingress.map((r) => ruleYaml(r, 'from')) } : {}),
      ...(p.egress.length ? { egress: p.egress.map((r) => ruleYaml(r, 'to')) } : {}),
    },
  });
}

const SETUP = ['a', 'b']
  .map(
    (app) => `apiVersion: v1
kind: Pod
metadata: {name: server-${app}, labels: {app: ${app}}}
spec:
  containers: [{name: web, image: nginx:1.27, ports: [{name: ${app === 'a' ? 'http' : 'web'}, containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: svc-${app}}
spec:
  selector: {app: ${app}}
  ports: [{port: 80}]
`,
  )
  .join('---\n');

describe('no connection a NetworkPolicy forbids is answered', () => {
  it('holds for random policies, over wget from pods and load from outside', () => {
    fc.assert(
      fc.property(fc.array(policySpec, { minLength: 1, maxLength: 3 }), (policies) => {
        const c = createCluster({ seed: 3 });
        k(c, 'apply -f -', SETUP);
        for (const [name, labels] of [['client-x', 'role=x'], ['client-y', 'role=y'], ['client-none', 'tier=none']]) k(c, `run ${name} --image=busybox:1.36 --labels=${labels} -- sleep 3600`);
        c.advance(30);
        policies.forEach((p, i) => k(c, 'apply -f -', manifest(p, i)));
        const party = (pod: string): Party => {
          const o = c.store.get('pods', 'default', pod)!;
          return { labels: o.metadata.labels ?? {}, ip: o.status.podIP, pod: true, named: pod === 'server-a' ? 'http' : pod === 'server-b' ? 'web' : undefined };
        };
        const loads = ['a', 'b'].map((app) => c.startTraffic({ kind: 'Service', name: `svc-${app}` }, 20));
        c.advance(2);
        for (const app of ['a', 'b']) {
          const server = party(`server-${app}`);
          // By ClusterIP, so that only the connection itself is judged (no DNS lookup).
          const ip = c.store.get('services', 'default', `svc-${app}`)!.spec.clusterIP;
          for (const client of ['client-x', 'client-y', 'client-none']) {
            const r = c.kubectl(`exec ${client} -- wget -qO- -T 1 http://${ip}`);
            const allowed = modelAllows(policies, party(client), server);
            expect({ client, app, answered: r.exitCode === 0 }).toEqual({ client, app, answered: allowed });
            if (!allowed) expect(r.stderr).toContain('wget: download timed out');
          }
          const outside: Party = { labels: {}, ip: EXTERNAL_CLIENT_ADDRESS, pod: false };
          const load = c.traffic.list().find((s) => s.id === loads[app === 'a' ? 0 : 1].id)!;
          if (modelAllows(policies, outside, server)) expect(load.last).toMatchObject({ ok: 20, denied: 0 });
          else expect(load.last).toMatchObject({ ok: 0, denied: 20 });
          expect(c.traffic.podRate('default', `server-${app}`)).toBe(load.last.ok);
        }
      }),
      { numRuns: 25, seed: 20240601 },
    );
  }, 120_000);
});
