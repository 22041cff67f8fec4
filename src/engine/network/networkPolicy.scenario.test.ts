/**
 * NetworkPolicy as a learner meets it: apply a policy, then what wget, curl, nslookup and a
 * steady load see — dropped connections time out, and the "Why?" log says which policy did it.
 */
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{name: http, containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`;

const DENY_WEB_INGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-deny}
spec:
  podSelector: {matchLabels: {app: web}}
`;

const ALLOW_CLIENTS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-allow-clients}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: client}}}]
    ports: [{port: http}]
`;

function cluster(): Cluster {
  const c = newCluster();
  k(c, 'apply -f -', APP);
  k(c, 'run client --image=busybox:1.36 --labels=role=client -- sleep 3600');
  k(c, 'run other --image=busybox:1.36 -- sleep 3600');
  k(c, 'run tools --image=nginx:1.27 -- sleep 3600');
  c.advance(30);
  return c;
}

describe('NetworkPolicy enforced by the network plugin', () => {
  it('wget and curl time out against an isolated pod; an allowing rule lets the chosen client through', () => {
    const c = cluster();
    expect(k(c, 'exec other -- wget -qO- http://web')).toContain('Welcome to nginx!');
    k(c, 'apply -f -', DENY_WEB_INGRESS);
    expect(kFail(c, 'exec other -- wget -qO- -T 2 http://web')).toBe('wget: download timed out\ncommand terminated with exit code 1\n');
    expect(kFail(c, 'exec tools -- curl -s -m 3 http://web')).toBe('curl: (28) Connection timed out after 3001 milliseconds\ncommand terminated with exit code 28\n');
    expect(kFail(c, 'exec tools -- curl -s --connect-timeout 2 http://web')).toMatch(/^curl: \(28\) Failed to connect to web port 80 after 2001 ms: Timeout was reached\n/);
    // Straight to a pod's IP: the same drop.
    const podIP = k(c, 'get pods -l app=web -o jsonpath={.items[0].status.podIP}');
    expect(kFail(c, `exec other -- wget -qO- http://${podIP}`)).toContain('wget: download timed out');

    k(c, 'apply -f -', ALLOW_CLIENTS);
    expect(k(c, 'exec client -- wget -qO- http://web')).toContain('Welcome to nginx!');
    expect(kFail(c, 'exec other -- wget -qO- http://web')).toContain('wget: download timed out');
    k(c, 'delete networkpolicy web-deny web-allow-clients');
    expect(k(c, 'exec other -- wget -qO- http://web')).toContain('Welcome to nginx!');
  });

  it('the "Why?" log names the pod, the isolating policy and the source that no rule allowed', () => {
    const c = cluster();
    k(c, 'apply -f -', DENY_WEB_INGRESS);
    kFail(c, 'exec other -- wget -qO- http://web');
    const r = c.reasons.recent().filter((x) => x.key === 'network.ingressDenied').at(-1)!;
    expect(r.actor).toBe('network-policy-agent');
    expect(r.params).toEqual({ policies: 'web-deny', source: 'default/other', destination: expect.stringMatching(/^default\/web-/), port: 80, protocol: 'TCP' });
    expect(r.objects.map((o) => `${o.kind}/${o.name}`)).toEqual([expect.stringMatching(/^Pod\/web-/), 'NetworkPolicy/web-deny']);
    expect(r.objects[0].uid).toBeTruthy();
  });

  it('an egress default-deny blocks DNS too, unless UDP 53 to kube-dns is allowed', () => {
    const c = cluster();
    k(c, 'apply -f -', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress}
spec:
  podSelector: {}
  policyTypes: [Egress]
`);
    expect(kFail(c, 'exec other -- wget -qO- http://web')).toContain("wget: bad address 'web'");
    expect(kFail(c, 'exec tools -- curl -s http://web')).toContain('curl: (6) Could not resolve host: web');
    expect(c.kubectl('exec other -- nslookup web')).toMatchObject({ stdout: ';; connection timed out; no servers could be reached\n\n', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
    expect(c.reasons.recent().some((r) => r.key === 'network.egressDenied' && r.params.port === 53 && r.params.protocol === 'UDP')).toBe(true);
    k(c, 'apply -f -', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns-and-web}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
  - to: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 80}]
`);
    expect(k(c, 'exec other -- nslookup web')).toContain('Name:\tweb.default.svc.cluster.local');
    expect(k(c, 'exec other -- wget -qO- http://web')).toContain('Welcome to nginx!');
  });

  it('steady load to an isolated Service is dropped and counted against each pod, and flows once a rule admits it', () => {
    const c = cluster();
    k(c, 'apply -f -', DENY_WEB_INGRESS);
    const load = c.startTraffic({ kind: 'Service', name: 'web' }, 100);
    c.advance(3);
    let s = c.traffic.list().find((x) => x.id === load.id)!;
    expect(s.last).toMatchObject({ ok: 0, denied: 100 });
    const pods = [...c.traffic.podRates().values()];
    expect(pods.reduce((sum, p) => sum + p.denied, 0)).toBe(100);
    expect(pods.every((p) => p.rps === 0)).toBe(true);
    // Explained once per pod, not once per request or per second.
    expect(c.reasons.recent().filter((r) => r.key === 'network.ingressDenied')).toHaveLength(2);
    // The outside client's address (TEST-NET-3) is admitted by an ipBlock.
    k(c, 'apply -f -', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-allow-outside}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{ipBlock: {cidr: 203.0.113.0/24}}]}]
`);
    c.advance(2);
    s = c.traffic.list().find((x) => x.id === load.id)!;
    expect(s.last).toMatchObject({ ok: 100, denied: 0 });
    expect([...c.traffic.podRates().values()].every((p) => p.denied === 0)).toBe(true);
  });

  it('a load generator pod is held to its own egress and to the named port of the pods it reaches', () => {
    const c = cluster();
    k(c, 'apply -f -', ALLOW_CLIENTS);
    k(c, 'run loader --image=busybox:1.36 --labels=role=client -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://web; done"');
    k(c, 'run intruder --image=busybox:1.36 -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://web; done"');
    c.advance(20);
    const [loader, intruder] = ['loader', 'intruder'].map((name) => c.traffic.list().find((s) => s.from?.name === name)!);
    expect(loader.last.ok).toBeGreaterThan(0);
    expect(loader.last.denied).toBe(0);
    expect(intruder.last.ok).toBe(0);
    expect(intruder.last.denied).toBeGreaterThan(0);
  });
});
