// Every expected text below is what real kubectl v1.32 printed against `npm run serve` for the
// same commands (src/server/conformance/impersonation.test.ts runs both side by side).
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';

const CI = '--as=system:serviceaccount:default:ci';
const VIEW_FOR_CI = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- kind: ServiceAccount
  name: ci
`;

describe('kubectl auth', () => {
  it('answers can-i from RBAC, with kubectl’s warnings for unknown verbs and types', () => {
    const c = newCluster();
    expect(k(c, 'auth can-i delete pods')).toBe('yes\n');
    const r = c.kubectl('auth can-i frob widgets');
    expect(r).toMatchObject({ exitCode: 0, stdout: 'yes\n', stderr: "Warning: the server doesn't have a resource type 'widgets'\n\nWarning: verb 'frob' is not a known verb\n\n" });
    expect(kFail(c, 'auth can-i get')).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n");
    // No for someone with no binding: exit code 1, as kubectl exits.
    expect(c.kubectl('auth can-i get pods --as=jane')).toMatchObject({ exitCode: 1, stdout: 'no\n', stderr: '' });
    expect(c.kubectl(`auth can-i get nodes ${CI}`)).toMatchObject({ exitCode: 1, stdout: 'no\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n" });
  });

  it('lists what the admin may do as kubectl compacts and sorts the rules', () => {
    const c = newCluster();
    const list = k(c, 'auth can-i --list').split('\n');
    expect(list.slice(0, 6)).toEqual([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
      'selfsubjectreviews.authentication.k8s.io        []                  []               [create]',
      'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
      'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]',
    ]);
    // Duplicates stay: /healthz comes from system:discovery and system:public-info-viewer both.
    expect(list.filter((l) => l.includes('[/healthz]'))).toHaveLength(2);
  });

  it('acts as a ServiceAccount given view by a RoleBinding: reads in its namespace, refused elsewhere and for writes', () => {
    const c = newCluster();
    k(c, 'create sa ci');
    k(c, 'apply -f -', VIEW_FOR_CI);
    k(c, 'create deployment web --image=nginx');
    expect(k(c, `auth can-i get pods ${CI}`)).toBe('yes\n');
    expect(c.kubectl(`auth can-i get secrets ${CI}`).stdout).toBe('no\n');
    expect(k(c, `get deploy ${CI}`)).toMatch(/^NAME {3}READY/);
    expect(kFail(c, `get pods -A ${CI}`)).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:ci" cannot list resource "pods" in API group "" at the cluster scope\n');
    expect(kFail(c, `get pods -n kube-system ${CI}`)).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:ci" cannot list resource "pods" in API group "" in the namespace "kube-system"\n');
    expect(kFail(c, `scale deployment web --replicas=2 ${CI}`)).toBe('Error from server (Forbidden): deployments.apps "web" is forbidden: User "system:serviceaccount:default:ci" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"\n');
    expect(kFail(c, `label deployment web a=b ${CI}`)).toBe('Error from server (Forbidden): deployments.apps "web" is forbidden: User "system:serviceaccount:default:ci" cannot patch resource "deployments" in API group "apps" in the namespace "default"\n');
    // A DELETE is refused as a DELETE, before anyone looks whether the object exists.
    expect(kFail(c, `delete pod nothere ${CI}`)).toBe('Error from server (Forbidden): pods "nothere" is forbidden: User "system:serviceaccount:default:ci" cannot delete resource "pods" in API group "" in the namespace "default"\n');
    expect(kFail(c, `create deployment db --image=nginx ${CI}`)).toBe('error: failed to create deployment: deployments.apps is forbidden: User "system:serviceaccount:default:ci" cannot create resource "deployments" in API group "apps" in the namespace "default"\n');
    expect(kFail(c, `create token ci ${CI}`)).toBe('error: failed to create token: serviceaccounts "ci" is forbidden: User "system:serviceaccount:default:ci" cannot create resource "serviceaccounts/token" in API group "" in the namespace "default"\n');
    expect(kFail(c, 'top pods --as=jane')).toBe('Error from server (Forbidden): pods.metrics.k8s.io is forbidden: User "jane" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "default"\n');
    // Nothing was changed by the refused commands.
    expect(c.store.get('deployments', 'default', 'web')?.spec.replicas).toBe(1);
    expect(c.store.get('deployments', 'default', 'db')).toBeUndefined();
  });

  it('tells a binding to a missing role in can-i’s answer', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ghost}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: nothere}\nsubjects: [{kind: User, name: jane}]\n');
    expect(c.kubectl('auth can-i get pods --as=jane').stdout).toBe('no - RBAC: role.rbac.authorization.k8s.io "nothere" not found\n');
  });

  it('says who the learner is, or whom they act as', () => {
    const c = newCluster();
    expect(k(c, 'auth whoami')).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
    expect(k(c, `auth whoami ${CI}`)).toBe('ATTRIBUTE   VALUE\nUsername    system:serviceaccount:default:ci\nGroups      [system:serviceaccounts system:serviceaccounts:default system:authenticated]\n');
    expect(k(c, 'auth whoami --as=jane --as-group=dev --as-group=ops')).toBe('ATTRIBUTE   VALUE\nUsername    jane\nGroups      [dev ops system:authenticated]\n');
    expect(kFail(c, 'get pods --as-group=dev')).toBe('error: requesting uid, groups or user-extra for wheelhouse-admin without impersonating a user\n');
  });

  it('records each decision for the "Why?" view, naming the ServiceAccount, binding and role', () => {
    const c = newCluster();
    k(c, 'create sa ci');
    k(c, 'apply -f -', VIEW_FOR_CI);
    k(c, `get pods ${CI}`);
    kFail(c, `delete pod x ${CI}`);
    const rbac = c.reasons.recent(50).filter((r) => r.key.startsWith('rbac.'));
    expect(rbac.map((r) => [r.key, r.params.verb, r.objects.map((o) => `${o.kind}/${o.name}`)])).toEqual([
      ['rbac.allowed', 'list', ['ServiceAccount/ci', 'RoleBinding/ci-view', 'ClusterRole/view']],
      ['rbac.denied', 'delete', ['ServiceAccount/ci']],
    ]);
  });
});
