/**
 * RBAC as real kubectl v1.32 meets it: the same commands, acting as other users (`--as`,
 * `--as-group`) and as a ServiceAccount's token, typed into the simulator's kubectl and sent by
 * real kubectl to the served cluster — the same answers, byte for byte, refusals included.
 *
 * Without a kubectl binary this file reports itself skipped in one loud line; `.ci/run` sets
 * REQUIRE_REAL_KUBECTL so that it can never be skipped there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the RBAC conformance suite');

const VIEW_FOR_CI = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- kind: ServiceAccount
  name: ci
`;
const DANGLING = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ghost, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: nothere}
subjects:
- kind: User
  name: jane
`;
const CI = '--as=system:serviceaccount:default:ci';

/** In order: later commands depend on what earlier ones made. */
const COMMANDS: [string, string?][] = [
  ['create sa ci'], ['apply -f -', VIEW_FOR_CI], ['apply -f -', DANGLING],
  ['auth can-i --list'], [`auth can-i --list ${CI}`], ['auth can-i --list --as=jane'],
  ['auth can-i get pods --as=jane'], [`auth can-i get pods ${CI}`], [`auth can-i get nodes ${CI}`],
  [`auth can-i create deployments.apps ${CI}`], [`auth can-i get secrets ${CI}`], ['auth can-i impersonate users'],
  ['auth can-i get /healthz --as=jane'], ['auth can-i frob pods/x --as=jane'],
  [`auth whoami ${CI}`], ['auth whoami --as=jane --as-group=dev --as-group=ops'], ['auth whoami --as=jane -o yaml'],
  [`get pods ${CI}`], [`get pods -A ${CI}`], [`get pods -n kube-system ${CI}`], [`get nodes ${CI}`], [`get secrets ${CI}`],
  [`create deployment web --image=nginx ${CI}`], ['create deployment web --image=nginx'],
  [`scale deployment web --replicas=2 ${CI}`], [`label deployment web a=b ${CI}`], [`delete deployment web ${CI}`], [`delete pod nothere ${CI}`],
  [`create token ci ${CI}`], [`rollout restart deployment web ${CI}`],
  ['get deploy web --as=jane'], ['get pods --as-group=dev'], ['top pods --as=jane'], ['logs deploy/web --as=jane'],
  ['get ns default --as=jane'], ['get clusterroles --as=jane'],
];

describe.runIf(!!KUBECTL)('RBAC and impersonation: real kubectl v1.32 against the served cluster', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);

  beforeAll(async () => {
    served = await serveForTest({ seed: 7 });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('answers every --as command as the simulator’s kubectl does', async () => {
    const c = createCluster({ seed: 7 });
    const mismatches: string[] = [];
    for (const [cmd, stdin] of COMMANDS) {
      const ours = c.kubectl(cmd, stdin === undefined ? {} : { stdin });
      const real = await k(cmd.split(' '), stdin);
      if (ours.stdout !== real.stdout || ours.stderr !== real.stderr || ours.exitCode !== real.code) {
        mismatches.push(`$ kubectl ${cmd}\n--- simulator (${ours.exitCode})\n${ours.stdout}${ours.stderr}--- real kubectl (${real.code})\n${real.stdout}${real.stderr}`);
      }
      c.advance(1);
    }
    expect(mismatches).toEqual([]);
  });

  it('takes a ServiceAccount’s token as that account until the account is gone', async () => {
    await k(['create', 'sa', 'builder']);
    const made = await k(['create', 'token', 'builder']);
    expect(made.code).toBe(0);
    const token = made.stdout.trim();
    const as = (args: string[]) => k(['--token', token, ...args]);
    const who = await as(['auth', 'whoami']);
    expect(who.stdout).toMatch(/^Username +system:serviceaccount:default:builder$/m);
    expect(who.stdout).toMatch(/^Groups +\[system:serviceaccounts system:serviceaccounts:default system:authenticated\]$/m);
    expect((await as(['get', 'pods'])).stderr).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:builder" cannot list resource "pods" in API group "" in the namespace "default"\n');
    // Impersonating needs a grant of its own.
    expect((await as(['--as=jane', 'get', 'pods'])).stderr).toBe('Error from server (Forbidden): users "jane" is forbidden: User "system:serviceaccount:default:builder" cannot impersonate resource "users" in API group "" at the cluster scope\n');
    expect((await k(['create', 'rolebinding', 'builder-edit', '--clusterrole=edit', '--serviceaccount=default:builder'])).code).toBe(0);
    expect((await as(['run', 'job-runner', '--image=busybox', '--', 'sleep', '3600'])).stdout).toBe('pod/job-runner created\n');
    expect((await as(['get', 'pods', 'job-runner', '-o', 'name'])).stdout).toBe('pod/job-runner\n');
    expect((await as(['get', 'nodes'])).stderr).toContain('cannot list resource "nodes" in API group "" at the cluster scope');
    expect((await k(['--token', 'not.a-token.at-all', 'get', 'pods'])).stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
    await k(['delete', 'sa', 'builder']);
    expect((await as(['get', 'pods'])).stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
  });
});
