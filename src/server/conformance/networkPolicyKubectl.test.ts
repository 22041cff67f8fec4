/**
 * NetworkPolicy through real kubectl v1.32 against the served API: `get netpol` (the server's
 * Table) and `describe networkpolicy` (formatted by real kubectl from the served object) must
 * print the same bytes as the simulator's own kubectl, and the API server's defaulting and
 * validation answers reach kubectl as a real API server's would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the NetworkPolicy conformance suite');

const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow
  labels: {team: shop, tier: backend}
  annotations: {owner: alice}
spec:
  podSelector:
    matchLabels: {app: api, tier: backend}
    matchExpressions:
    - {key: env, operator: In, values: [qa, prod]}
    - {key: canary, operator: DoesNotExist}
  ingress:
  - from:
    - podSelector: {matchLabels: {role: frontend}}
    - namespaceSelector: {matchLabels: {team: ops}}
      podSelector: {matchLabels: {app: monitor}}
    - namespaceSelector: {}
    ports:
    - port: 8080
    - port: http
      protocol: TCP
    - port: 9000
      endPort: 9100
      protocol: UDP
  - {}
  egress:
  - to:
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.0.0/16]}
    - ipBlock: {cidr: 192.168.0.0/16}
  - ports:
    - {port: 53, protocol: UDP}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: egress-only
spec:
  podSelector: {matchLabels: {app: batch}}
  policyTypes: [Egress]
`;

describe.runIf(!!KUBECTL)('NetworkPolicy through real kubectl v1.32', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);
  const sim = (args: string[]) => served.server.runner.host.query(args.join(' '));

  beforeAll(async () => {
    served = await serveForTest({ seed: 11 });
    await k(['apply', '-f', '-'], POLICIES);
    served.server.runner.host.setClock({ paused: true });
  });
  afterAll(async () => {
    served?.server.runner.host.setClock({ paused: false });
    await served?.close();
  });

  it('lists policies with their pod selector as the simulator does', async () => {
    for (const args of [['get', 'netpol'], ['get', 'networkpolicies', '-A'], ['get', 'netpol', 'api-allow', '-o', 'wide']]) {
      const real = await k(args);
      expect(real.stderr).toBe('');
      expect(sim(args).stdout).toBe(real.stdout);
    }
    const table = (await k(['get', 'netpol'])).stdout;
    // metav1.FormatLabelSelector: requirements sorted by key, set values sorted.
    expect(table).toMatch(/^NAME +POD-SELECTOR +AGE\napi-allow +app=api,!canary,env in \(prod,qa\),tier=backend +\d+s\ndefault-deny +<none> +\d+s\negress-only +app=batch +\d+s\n$/);
  });

  it('describes each policy byte for byte as real kubectl does', async () => {
    for (const name of ['default-deny', 'api-allow', 'egress-only']) {
      const real = await k(['describe', 'networkpolicy', name]);
      expect(real.stderr).toBe('');
      expect(sim(['describe', 'networkpolicy', name]).stdout).toBe(real.stdout);
    }
    const text = (await k(['describe', 'netpol', 'api-allow'])).stdout;
    expect(text).toContain('    To Port Range: 9000-9100/UDP\n');
    expect(text).toContain('        Except: 10.1.0.0/16, 10.2.0.0/16\n');
    expect(text).toContain('  Policy Types: Ingress, Egress\n');
  });

  it('stores the defaults the API server sets: policyTypes and TCP ports', async () => {
    const np = JSON.parse((await k(['get', 'netpol', 'api-allow', '-o', 'json'])).stdout);
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.ingress[0].ports[0]).toEqual({ port: 8080, protocol: 'TCP' });
    expect(np.spec.egress[1].ports[0]).toEqual({ port: 53, protocol: 'UDP' });
    const deny = JSON.parse((await k(['get', 'netpol', 'egress-only', '-o', 'json'])).stdout);
    expect(deny.spec.policyTypes).toEqual(['Egress']);
  });

  it('refuses an invalid policy with the API server’s words', async () => {
    const bad = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad}
spec:
  podSelector:
    matchExpressions: [{key: app, operator: In}]
  policyTypes: [Ingress, Sideways]
  ingress:
  - from:
    - ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}
      podSelector: {}
    ports:
    - {port: 70000}
    - {port: web--port, endPort: 90}
    - {protocol: ICMP}
`;
    const real = await k(['apply', '-f', '-'], bad);
    expect(real.code).toBe(1);
    expect(real.stderr).toBe(
      'The NetworkPolicy "bad" is invalid: \n' +
        "* spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'\n" +
        '* spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n' +
        '* spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric\n' +
        '* spec.ingress[0].ports[1].port: Invalid value: "web--port": must not contain consecutive hyphens\n' +
        '* spec.ingress[0].ports[2].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"\n' +
        '* spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`\n' +
        '* spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer\n' +
        '* spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"\n',
    );
    expect(sim(['get', 'netpol', 'bad']).stderr).toBe('Error from server (NotFound): networkpolicies.networking.k8s.io "bad" not found\n');
  });
});
