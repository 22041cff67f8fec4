/** The API server's checks on roles and bindings (pkg/apis/rbac/validation), in its words. */
import { describe, expect, it } from 'vitest';
import { kFail, newCluster, k } from '../../testing/helpers';

const doc = (body: string) => `apiVersion: rbac.authorization.k8s.io/v1\n${body}`;

describe('RBAC validation', () => {
  it('refuses rules without verbs, and non-resource URLs in a namespaced Role', () => {
    const c = newCluster({ minimal: true });
    const role = doc(`kind: Role
metadata: {name: r}
rules:
- apiGroups: [""]
  resources: [pods]
- nonResourceURLs: ["/healthz"]
  verbs: [get]
`);
    expect(kFail(c, 'apply -f -', role)).toBe(
      'The Role "r" is invalid: \n* rules[0].verbs: Required value: verbs must contain at least one value\n* rules[1].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs\n',
    );
  });

  it('refuses a ClusterRole rule mixing resources and URLs, or naming no resources', () => {
    const c = newCluster({ minimal: true });
    const role = doc(`kind: ClusterRole
metadata: {name: "system:odd"}
rules:
- nonResourceURLs: ["/healthz"]
  resources: [pods]
  verbs: [get]
- verbs: [get]
`);
    expect(kFail(c, 'apply -f -', role)).toBe(
      'The ClusterRole "system:odd" is invalid: \n* rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: rules cannot apply to both regular resources and non-resource URLs\n* rules[1].apiGroups: Required value: resource rules must supply at least one api group\n* rules[1].resources: Required value: resource rules must supply at least one resource\n',
    );
  });

  it('checks the roleRef and every subject of a binding', () => {
    const c = newCluster({ minimal: true });
    const binding = doc(`kind: ClusterRoleBinding
metadata: {name: b}
roleRef: {apiGroup: example.com, kind: Role, name: view}
subjects:
- {kind: ServiceAccount, name: default}
- {kind: Robot, name: r2}
- {kind: User, apiGroup: "", name: alice}
`);
    expect(kFail(c, 'apply -f -', binding)).toBe(
      'The ClusterRoleBinding "b" is invalid: \n* roleRef.apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"\n* roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n* subjects[0].namespace: Required value\n* subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"\n',
    );
  });

  it('defaults the RBAC group of a roleRef and of User and Group subjects', () => {
    const c = newCluster({ minimal: true });
    const binding = doc(`kind: RoleBinding
metadata: {name: b}
roleRef: {kind: Role, name: reader}
subjects:
- {kind: User, name: alice}
- {kind: ServiceAccount, name: default}
`);
    k(c, 'apply -f -', binding);
    expect(k(c, 'get rolebinding b -o jsonpath={.roleRef.apiGroup}/{.subjects[0].apiGroup}/{.subjects[1].apiGroup}')).toBe('rbac.authorization.k8s.io/rbac.authorization.k8s.io/');
  });

  it('never lets a binding point at another role', () => {
    const c = newCluster({ minimal: true });
    k(c, 'create rolebinding b --clusterrole=view --user=alice');
    const changed = doc(`kind: RoleBinding
metadata: {name: b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {kind: User, name: alice}
`);
    // The binding was made by create, not apply: kubectl warns before it patches (and is refused).
    expect(kFail(c, 'apply -f -', changed)).toBe(
      'Warning: resource rolebindings.rbac.authorization.k8s.io/b is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n' +
        'The RoleBinding "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef\n',
    );
  });
});
