/**
 * Privilege-escalation prevention, as a learner meets it with `--as`: a ServiceAccount allowed
 * to write Roles and RoleBindings still cannot grant what it does not hold — unless it may
 * `escalate` or `bind` — and the refusal lists the missing rules as the API server does.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, k, kFail } from '../../testing/helpers';
import { uncoveredRules, compactString } from './escalation';

const CI = '--as=system:serviceaccount:default:ci';
const GROUPS = '(groups=["system:serviceaccounts" "system:serviceaccounts:default" "system:authenticated"])';

function clusterWithRoleWriter() {
  const c = createCluster({ seed: 7 });
  k(c, 'create serviceaccount ci');
  k(c, 'create role role-writer --verb=get,list,create,update,patch --resource=roles,rolebindings --verb=get --resource=pods');
  k(c, 'create rolebinding ci-role-writer --role=role-writer --serviceaccount=default:ci');
  return c;
}

describe('RBAC escalation checks', () => {
  it('let a user write a Role with rules it holds, and refuse one with more, listing what is missing', () => {
    const c = clusterWithRoleWriter();
    expect(k(c, `create role mine --verb=get --resource=pods ${CI}`)).toBe('role.rbac.authorization.k8s.io/mine created\n');
    expect(kFail(c, `create role more --verb=get,delete --resource=pods,deployments.apps ${CI}`)).toBe(
      `Error from server (Forbidden): roles.rbac.authorization.k8s.io "more" is forbidden: user "system:serviceaccount:default:ci" ${GROUPS} is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}\n{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "delete"]}\n`,
    );
    expect(c.store.get('roles', 'default', 'more')).toBeUndefined();
  });

  it('check what a patch would store, not only creates', () => {
    const c = clusterWithRoleWriter();
    k(c, `create role mine --verb=get --resource=pods ${CI}`);
    const err = kFail(c, `patch role mine --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}}]' ${CI}`);
    expect(err).toContain('roles.rbac.authorization.k8s.io "mine" is forbidden: user "system:serviceaccount:default:ci"');
    expect(err).toContain('{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}');
    expect((c.store.get('roles', 'default', 'mine')!.rules as unknown[]).length).toBe(1);
  });

  it('refuse a binding to a role whose rules the user lacks, unless it may bind that role', () => {
    const c = clusterWithRoleWriter();
    const grab = kFail(c, `create rolebinding grab --clusterrole=cluster-admin --serviceaccount=default:ci ${CI}`);
    expect(grab).toBe(`error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "grab" is forbidden: user "system:serviceaccount:default:ci" ${GROUPS} is attempting to grant RBAC permissions not currently held:\n{APIGroups:["*"], Resources:["*"], Verbs:["*"]}\n{NonResourceURLs:["*"], Verbs:["*"]}\n`);
    // Rules it holds may be bound.
    k(c, `create role mine --verb=get --resource=pods ${CI}`);
    expect(k(c, `create rolebinding ok --role=mine --serviceaccount=default:ci ${CI}`)).toBe('rolebinding.rbac.authorization.k8s.io/ok created\n');
    // `bind` on one ClusterRole, by name: that one may be bound, another not.
    k(c, 'create clusterrole binder --verb=bind --resource=clusterroles --resource-name=view');
    k(c, 'create rolebinding ci-binder --clusterrole=binder --serviceaccount=default:ci');
    expect(k(c, `create rolebinding view-ci --clusterrole=view --serviceaccount=default:ci ${CI}`)).toBe('rolebinding.rbac.authorization.k8s.io/view-ci created\n');
    expect(kFail(c, `create rolebinding edit-ci --clusterrole=edit --serviceaccount=default:ci ${CI}`)).toContain('is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["configmaps"], Verbs:["create" "delete" "deletecollection" "patch" "update"]}');
    // A binding to a role that does not exist is refused as the registry answers.
    expect(kFail(c, `create rolebinding ghost --role=nothing --serviceaccount=default:ci ${CI}`)).toBe('error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "ghost" is forbidden: roles.rbac.authorization.k8s.io "nothing" not found\n');
  });

  it('let a user that may `escalate` write any Role, and the admin everything', () => {
    const c = clusterWithRoleWriter();
    k(c, 'create role escalator --verb=escalate --resource=roles');
    k(c, 'create rolebinding ci-escalator --role=escalator --serviceaccount=default:ci');
    expect(k(c, `create role wide --verb=* --resource=secrets ${CI}`)).toBe('role.rbac.authorization.k8s.io/wide created\n');
    expect(k(c, 'create clusterrole all --verb=* --resource=*')).toBe('clusterrole.rbac.authorization.k8s.io/all created\n');
  });

  it('cover subresources with */sub and res/*, names only when the owner names them or none', () => {
    const rule = (r: Partial<{ verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames: string[]; nonResourceURLs: string[] }>) => ({ verbs: [], ...r });
    expect(uncoveredRules([rule({ verbs: ['get'], apiGroups: [''], resources: ['*/status'] })], [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/status'] })])).toEqual([]);
    expect(uncoveredRules([rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/*'] })], [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] })])).toEqual([]);
    expect(uncoveredRules([rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] })], [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] })]).map(compactString)).toEqual(['{APIGroups:[""], Resources:["pods"], Verbs:["get"]}']);
    expect(uncoveredRules([rule({ verbs: ['get'], nonResourceURLs: ['/logs/*'] })], [rule({ verbs: ['get'], nonResourceURLs: ['/logs/kubelet'] })])).toEqual([]);
  });
});
