/**
 * Roles and bindings through real kubectl v1.32 against the served API: `get` (the server's
 * Tables), `describe` (formatted by real kubectl from the served objects: rules broken down,
 * compacted and sorted) and the `create role|clusterrole|rolebinding|clusterrolebinding`
 * generators must print the same bytes as the simulator's own kubectl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the RBAC kinds conformance suite');

/** The lines here quote nothing: words are what the spaces separate. */
const splitCommandLine = (line: string) => line.split(' ');

const LABELLED = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-extra
  labels: {rbac.example.com/aggregate-to-monitoring: "true"}
  annotations: {owner: ops}
rules:
- apiGroups: ["", apps]
  resources: [pods, deployments, deployments/scale]
  verbs: [get, list]
- apiGroups: [""]
  resources: [pods]
  verbs: [watch, get]
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [b, a]
  verbs: [update]
- nonResourceURLs: [/metrics, /healthz/*]
  verbs: [get, head]
`;

/** Real kubectl's creates that set up the cluster both kubectls then read. */
const SETUP = [
  'create role reader --verb=get,list,watch --resource=pods,pods/log,deployments.apps,secrets --resource-name=web',
  'create role anything --verb=* --resource=*',
  'create clusterrole nodes-and-health --verb=get --resource=nodes --non-resource-url=/healthz,/version',
  'create clusterrole monitoring --aggregation-rule=rbac.example.com/aggregate-to-monitoring=true',
  'create rolebinding reader-binding --role=reader --user=alice --user=bob --group=devs --serviceaccount=default:default --serviceaccount=kube-system:builder',
  'create rolebinding nobody --clusterrole=view',
  'create clusterrolebinding health --clusterrole=nodes-and-health --group=devs --serviceaccount=kube-system:default',
];

/** Lines kubectl answers without changing the cluster: client and server dry runs, and its own refusals. */
const GENERATOR_LINES = [
  'create role pod-reader --verb=get --verb=list --verb=watch --resource=pods --dry-run=client -o yaml',
  'create role foo --verb=get,list,watch --resource=rs.apps,pods/status,deploy.app --resource-name=a --dry-run=client -o yaml',
  'create role r1 --verb=frob --resource=pods --dry-run=client',
  'create role r2 --verb=escalate --resource=pods --dry-run=client',
  'create role r3 --verb=get --resource=widgets.apps --dry-run=client',
  'create role r4 --verb=get --resource=pods --save-config -n kube-system --dry-run=client -o json',
  'create role r5 --verb=get --resource=pods --dry-run=server -o yaml',
  'create clusterrole c1 --verb=get --resource=nodes --non-resource-url=/logs/* --dry-run=client -o yaml',
  'create clusterrole c2 --verb=list --non-resource-url=/logs --dry-run=client',
  'create clusterrole c3 --aggregation-rule=a=b --dry-run=client -o json',
  'create rolebinding b1 --role=x --clusterrole=y --dry-run=client',
  'create rolebinding b2 --clusterrole=admin --user=u1 --group=g1 --serviceaccount=monitoring:sa-dev --dry-run=client -o yaml',
  'create rolebinding b3 --clusterrole=view --serviceaccount=sa-dev --dry-run=client',
  'create clusterrolebinding cb1 --user=u1 --dry-run=client',
  'create clusterrolebinding cb2 --clusterrole=view --group=g --save-config --dry-run=client -o yaml',
  'create clusterrolebinding cb3 --clusterrole=view --user=u1 --dry-run=server -o name',
];

describe.runIf(!!KUBECTL)('RBAC kinds through real kubectl v1.32', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);
  const sim = (line: string) => served.server.runner.host.query(line);

  beforeAll(async () => {
    served = await serveForTest({ seed: 13 });
    for (const line of SETUP) expect((await k(splitCommandLine(line))).code).toBe(0);
    expect((await k(['apply', '-f', '-'], LABELLED)).code).toBe(0);
    served.server.runner.host.setClock({ paused: true });
  });
  afterAll(async () => {
    served?.server.runner.host.setClock({ paused: false });
    await served?.close();
  });

  it('lists roles with CREATED AT and bindings with ROLE, and their subjects with -o wide', async () => {
    const lines = ['get roles', 'get roles -A', 'get clusterroles nodes-and-health monitoring', 'get rolebindings', 'get rolebindings -o wide', 'get rolebindings -A -o wide', 'get clusterrolebindings health -o wide', 'get clusterrolebindings'];
    for (const line of lines) {
      const real = await k(splitCommandLine(line));
      expect(real.stderr).toBe('');
      expect(sim(line).stdout, line).toBe(real.stdout);
    }
    expect((await k(['get', 'rolebindings', '-o', 'wide'])).stdout).toMatch(/^NAME +ROLE +AGE +USERS +GROUPS +SERVICEACCOUNTS\nnobody +ClusterRole\/view +\d+s {3,}\nreader-binding +Role\/reader +\d+s +alice, bob +devs +default\/default, kube-system\/builder\n$/);
    expect((await k(['get', 'roles'])).stdout).toMatch(/^NAME +CREATED AT\nanything +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\nreader +/);
  });

  it('describes roles and bindings byte for byte as real kubectl does', async () => {
    const lines = ['describe role reader', 'describe role anything', 'describe roles', 'describe clusterrole nodes-and-health', 'describe clusterrole monitoring-extra', 'describe clusterrole monitoring', 'describe clusterrole admin', 'describe clusterrole view', 'describe clusterrole system:discovery', 'describe rolebinding reader-binding', 'describe rolebinding nobody', 'describe clusterrolebinding health', 'describe clusterrolebinding cluster-admin'];
    for (const line of lines) {
      const real = await k(splitCommandLine(line));
      expect(real.stderr, line).toBe('');
      expect(sim(line).stdout, line).toBe(real.stdout);
    }
    // Rules broken down per resource, merged back per resource with verbs in first-seen order, sorted by verbs first.
    expect((await k(['describe', 'clusterrole', 'monitoring-extra'])).stdout).toContain('  pods                    []                 []              [get list watch]\n');
  });

  it('generates, refuses and dry-runs as kubectl 1.32 does', async () => {
    const own = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    for (const line of GENERATOR_LINES) {
      const real = await k(splitCommandLine(line));
      const mine = own.kubectl(line);
      expect(mine.stdout + mine.stderr, line).toBe(real.stdout + real.stderr);
      expect(mine.exitCode, line).toBe(real.code);
    }
  });

  it('creates what it generated, and refuses what the API server refuses', async () => {
    const own = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    for (const line of ['create role made --verb=get --resource=pods', 'create role made --verb=list --resource=pods', 'create clusterrolebinding made --clusterrole=view --user=u1']) {
      const real = await k(splitCommandLine(line));
      const mine = own.kubectl(line);
      expect(mine.stdout + mine.stderr, line).toBe(real.stdout + real.stderr);
    }
    // Escalation prevention: acting as a ServiceAccount that may write Roles, not grant more than it holds.
    const setup = ['create serviceaccount esc', 'create role role-writer --verb=get,list,create,update,patch --resource=roles,rolebindings --verb=get --resource=pods', 'create rolebinding esc-role-writer --role=role-writer --serviceaccount=default:esc'];
    for (const line of setup) {
      expect((await k(splitCommandLine(line))).code, line).toBe(0);
      expect(own.kubectl(line).exitCode, line).toBe(0);
    }
    // The aggregated roles (edit gathers view's rules) are filled in by their controller first.
    own.advance(5);
    const AS = '--as=system:serviceaccount:default:esc';
    for (const line of [`create role esc-mine --verb=get --resource=pods ${AS}`, `create role esc-more --verb=get,delete --resource=pods,deployments.apps ${AS}`, `create rolebinding esc-grab --clusterrole=cluster-admin --serviceaccount=default:esc ${AS}`, `create rolebinding esc-edit --clusterrole=edit --serviceaccount=default:esc ${AS}`, `create rolebinding esc-ghost --role=nothing --serviceaccount=default:esc ${AS}`, `create rolebinding esc-ok --role=esc-mine --serviceaccount=default:esc ${AS}`]) {
      const real = await k(splitCommandLine(line));
      const mine = own.kubectl(line);
      expect(mine.stdout + mine.stderr, line).toBe(real.stdout + real.stderr);
      expect(mine.exitCode, line).toBe(real.code);
    }
    const refused = await k(['create', 'clusterrolebinding', 'bad', '--clusterrole=a/b']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`roleRef.name: Invalid value: "a/b": may not contain '/'`);
  });
});
