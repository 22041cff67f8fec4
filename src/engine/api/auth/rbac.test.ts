import { describe, expect, it } from 'vitest';
import { createCluster } from '../../testing/helpers';
import type { Cluster } from '../../cluster/cluster';
import { ruleAllows } from './rbac';
import { impersonatedUser, serviceAccountUser, ADMIN_USER } from './user';
import { forbiddenError } from './attributes';

const jane = impersonatedUser('jane', []);
const apply = (c: Cluster, yaml: string) => {
  const r = c.kubectl('apply -f -', { stdin: yaml });
  expect(r.stderr).toBe('');
};

describe('RBAC rule matching (evaluation_helpers.go)', () => {
  const pods = { user: jane, verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default' };
  it('matches verbs, groups and resources, with * standing for any', () => {
    expect(ruleAllows(pods, { verbs: ['get'], apiGroups: [''], resources: ['pods'] })).toBe(true);
    expect(ruleAllows(pods, { verbs: ['list'], apiGroups: [''], resources: ['pods'] })).toBe(false);
    expect(ruleAllows(pods, { verbs: ['*'], apiGroups: ['*'], resources: ['*'] })).toBe(true);
    expect(ruleAllows(pods, { verbs: ['get'], apiGroups: ['apps'], resources: ['pods'] })).toBe(false);
  });
  it('names a subresource as resource/subresource, or */subresource for any resource', () => {
    const log = { ...pods, subresource: 'log' };
    expect(ruleAllows(log, { verbs: ['get'], apiGroups: [''], resources: ['pods'] })).toBe(false);
    expect(ruleAllows(log, { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] })).toBe(true);
    expect(ruleAllows(log, { verbs: ['get'], apiGroups: [''], resources: ['*/log'] })).toBe(true);
    expect(ruleAllows(pods, { verbs: ['get'], apiGroups: [''], resources: ['*/log'] })).toBe(false);
  });
  it('limits a rule with resourceNames to those names (a list, which has no name, is not allowed)', () => {
    const rule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['web'] };
    expect(ruleAllows({ ...pods, name: 'web' }, rule)).toBe(true);
    expect(ruleAllows({ ...pods, name: 'db' }, rule)).toBe(false);
    expect(ruleAllows({ ...pods, verb: 'list' }, rule)).toBe(false);
  });
  it('matches URL paths exactly or by a trailing *', () => {
    const rule = { verbs: ['get'], nonResourceURLs: ['/healthz', '/apis/*'] };
    expect(ruleAllows({ user: jane, verb: 'get', path: '/healthz' }, rule)).toBe(true);
    expect(ruleAllows({ user: jane, verb: 'get', path: '/apis/apps/v1' }, rule)).toBe(true);
    expect(ruleAllows({ user: jane, verb: 'get', path: '/metrics' }, rule)).toBe(false);
  });
});

describe('the RBAC authorizer over the stored roles', () => {
  it('allows the admin through kubeadm’s binding, and names the binding as the API server does', () => {
    const c = createCluster({ workers: 1 });
    const d = c.api.authorizer.authorize({ user: ADMIN_USER, verb: 'delete', apiGroup: '', resource: 'nodes', name: 'worker-1' });
    expect(d).toMatchObject({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' });
  });

  it('grants a ServiceAccount what a RoleBinding in its namespace gives it, there and nowhere else', () => {
    const c = createCluster({ workers: 1 });
    c.kubectl('create namespace other');
    apply(c, `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- kind: ServiceAccount
  name: default
`);
    const sa = serviceAccountUser('default', 'default');
    const here = c.api.authorizer.authorize({ user: sa, verb: 'list', apiGroup: '', resource: 'pods', namespace: 'default' });
    expect(here.reason).toBe('RBAC: allowed by RoleBinding "read-pods/default" of Role "pod-reader" to ServiceAccount "default/default"');
    expect(c.api.authorizer.authorize({ user: sa, verb: 'list', apiGroup: '', resource: 'pods', namespace: 'other' }).allowed).toBe(false);
    expect(c.api.authorizer.authorize({ user: sa, verb: 'delete', apiGroup: '', resource: 'pods', namespace: 'default', name: 'x' }).allowed).toBe(false);
    // The same account name in another namespace is another account.
    expect(c.api.authorizer.authorize({ user: serviceAccountUser('other', 'default'), verb: 'list', apiGroup: '', resource: 'pods', namespace: 'default' }).allowed).toBe(false);
  });

  it('says which binding points at a role that does not exist, for the subject it names only', () => {
    const c = createCluster({ workers: 1 });
    apply(c, `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ghost}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: no-such-role}
subjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]
`);
    expect(c.api.authorizer.authorize({ user: jane, verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default' })).toEqual({ allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "no-such-role" not found' });
    expect(c.api.authorizer.authorize({ user: impersonatedUser('joe', []), verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default' })).toEqual({ allowed: false, reason: '' });
  });

  it('words the refusal as the API server’s authorization filter does', () => {
    expect(forbiddenError({ user: jane, verb: 'get', apiGroup: '', resource: 'pods', subresource: 'log', name: 'web', namespace: 'default' }).kubectlMessage()).toBe(
      'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
    expect(forbiddenError({ user: jane, verb: 'list', apiGroup: 'apps', resource: 'deployments' }).message).toBe('deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" at the cluster scope');
    expect(forbiddenError({ user: jane, verb: 'get', path: '/metrics' }).message).toBe('forbidden: User "jane" cannot get path "/metrics"');
  });
});

describe('impersonated users', () => {
  it('get system:authenticated, and a ServiceAccount its groups unless groups are named', () => {
    expect(impersonatedUser('jane', ['dev'])).toEqual({ username: 'jane', groups: ['dev', 'system:authenticated'] });
    expect(impersonatedUser('system:serviceaccount:ci:builder', [])).toEqual({ username: 'system:serviceaccount:ci:builder', groups: ['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'] });
    expect(impersonatedUser('system:serviceaccount:ci:builder', ['x']).groups).toEqual(['x', 'system:authenticated']);
    expect(impersonatedUser('system:anonymous', []).groups).toEqual([]);
  });
});

describe('the clusterrole-aggregation controller', () => {
  it('gathers the rules of roles labelled aggregate-to-view into view (and edit and admin, which aggregate view), and lets go of them', () => {
    const c = createCluster({ workers: 1 });
    const rules = (name: string) => JSON.stringify(c.store.get('clusterroles', undefined, name)?.rules ?? []);
    expect(rules('view')).toContain('"pods/log"');
    expect(rules('edit')).toContain('"pods/exec"');
    expect(rules('admin')).toContain('"rolebindings"');
    expect(rules('view')).not.toContain('widgets');
    apply(c, `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widgets-view
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
- apiGroups: [example.com]
  resources: [widgets]
  verbs: [get, list, watch]
`);
    c.advance(1);
    for (const name of ['view', 'edit', 'admin']) expect(rules(name)).toContain('widgets');
    expect(c.kubectl('label clusterrole widgets-view rbac.authorization.k8s.io/aggregate-to-view-').exitCode).toBe(0);
    c.advance(1);
    for (const name of ['view', 'edit', 'admin']) expect(rules(name)).not.toContain('widgets');
  });
});
