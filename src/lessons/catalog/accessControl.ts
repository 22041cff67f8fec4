/**
 * Lesson: who may do what — ServiceAccounts, Roles and RoleBindings, and asking the API server
 * with `kubectl auth can-i` and `--as`. The goals ask the cluster's RBAC authorizer (through
 * read-only `auth can-i`), never which commands were typed.
 */
import type { Lesson } from '../types';

const CI = 'system:serviceaccount:default:ci';

const READER = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-reads-pods
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: pod-reader
subjects:
- kind: ServiceAccount
  name: ci
`;

export const accessControl: Lesson = {
  id: 'access-control',
  title: { en: 'Who may do what: ServiceAccounts and RBAC', ko: '누가 무엇을 할 수 있나: 서비스 어카운트와 RBAC' },
  summary: {
    en: 'Give a pipeline its own identity, see the API server refuse it, then grant exactly what it needs with a Role and a RoleBinding — and check with kubectl auth can-i.',
    ko: '배포 파이프라인에 자기 신원을 주고, API 서버가 거부하는 것을 본 뒤, 롤과 롤바인딩으로 필요한 만큼만 허락하고 kubectl auth can-i로 확인합니다.',
  },
  concepts: ['C29'],
  scenario: { cluster: { seed: 31, workers: 2 }, apply: [], advanceSeconds: 10 },
  steps: [
    {
      id: 'identity',
      title: { en: 'An identity for the pipeline', ko: '파이프라인의 신원' },
      instructions: {
        en: 'You are the cluster\'s admin: every request you send is allowed. A CI pipeline should not be: it gets a ServiceAccount of its own.\n\nkubectl create serviceaccount ci\n\nNow act as it — --as makes kubectl send the request as that user:\n\nkubectl get pods --as=system:serviceaccount:default:ci\n\nForbidden: nothing is allowed until someone allows it. The "Why?" tab says which rules the API server looked at.',
        ko: '여러분은 클러스터 관리자라서 보내는 요청이 모두 허용됩니다. CI 파이프라인은 그러면 안 되니 자기 서비스 어카운트를 받습니다.\n\nkubectl create serviceaccount ci\n\n이제 그 계정으로 요청해 보세요. --as를 주면 kubectl이 그 사용자로 요청을 보냅니다.\n\nkubectl get pods --as=system:serviceaccount:default:ci\n\nForbidden: 누군가 허락하기 전에는 아무것도 할 수 없습니다. "Why?" 탭에서 API 서버가 어떤 규칙을 살폈는지 볼 수 있습니다.',
      },
      hints: [
        { en: 'A ServiceAccount\'s user name is system:serviceaccount:<namespace>:<name>.', ko: '서비스 어카운트의 사용자 이름은 system:serviceaccount:<네임스페이스>:<이름>입니다.' },
        { en: 'kubectl auth whoami --as=system:serviceaccount:default:ci shows the groups it belongs to.', ko: 'kubectl auth whoami --as=system:serviceaccount:default:ci로 이 계정이 속한 그룹을 볼 수 있습니다.' },
      ],
      solution: [{ command: 'kubectl create serviceaccount ci' }],
      goal: { says: { en: 'ServiceAccount ci exists, and may not list pods', ko: '서비스 어카운트 ci가 있고, 파드 목록을 볼 수 없습니다' }, all: [{ object: { resource: 'serviceaccounts', name: 'ci' } }, { access: { user: CI, verb: 'list', resource: 'pods', allowed: false } }] },
    },
    {
      id: 'grant',
      title: { en: 'Grant reading pods', ko: '파드 읽기 허락하기' },
      instructions: {
        en: 'Permissions are rules in a Role (what may be done, in one namespace); a RoleBinding gives a Role to subjects (users, groups, ServiceAccounts). The editor holds both: pod-reader may get, list and watch pods and their logs, and ci-reads-pods gives it to ci. Apply them, then ask:\n\nkubectl auth can-i list pods --as=system:serviceaccount:default:ci\n\nkubectl auth can-i delete pods --as=system:serviceaccount:default:ci\n\nkubectl get pods --as=system:serviceaccount:default:ci',
        ko: '권한은 롤(Role)의 규칙(한 네임스페이스 안에서 무엇을 할 수 있는지)이고, 롤바인딩(RoleBinding)은 롤을 주체(사용자, 그룹, 서비스 어카운트)에게 줍니다. 편집기에 둘 다 있습니다. pod-reader는 파드와 그 로그를 get, list, watch할 수 있고, ci-reads-pods는 그 롤을 ci에게 줍니다. 적용한 뒤 물어보세요.\n\nkubectl auth can-i list pods --as=system:serviceaccount:default:ci\n\nkubectl auth can-i delete pods --as=system:serviceaccount:default:ci\n\nkubectl get pods --as=system:serviceaccount:default:ci',
      },
      starterYaml: READER,
      hints: [
        { en: 'RBAC only ever allows: there are no deny rules. Whatever no rule allows is refused.', ko: 'RBAC는 허락만 합니다. 거부 규칙은 없고, 어떤 규칙도 허락하지 않은 것은 거부됩니다.' },
        { en: 'kubectl auth can-i --list --as=system:serviceaccount:default:ci lists everything ci may do.', ko: 'kubectl auth can-i --list --as=system:serviceaccount:default:ci는 ci가 할 수 있는 일을 모두 보여 줍니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: READER }],
      goal: { says: { en: 'ci may list pods in default, but not delete them', ko: 'ci가 default에서 파드 목록은 볼 수 있지만 지울 수는 없습니다' }, all: [{ access: { user: CI, verb: 'list', resource: 'pods', allowed: true } }, { access: { user: CI, verb: 'get', resource: 'pods/log', allowed: true } }, { access: { user: CI, verb: 'delete', resource: 'pods', allowed: false } }] },
    },
    {
      id: 'deploy',
      title: { en: 'Let it deploy, here only', ko: '여기서만 배포하게 하기' },
      instructions: {
        en: 'The pipeline must also roll out Deployments. Rather than list every rule, bind the built-in ClusterRole edit — with a RoleBinding, so it counts in default only:\n\nkubectl create rolebinding ci-edit --clusterrole=edit --serviceaccount=default:ci\n\nkubectl auth can-i create deployments --as=system:serviceaccount:default:ci\n\nkubectl auth can-i create deployments -n kube-system --as=system:serviceaccount:default:ci\n\nA ClusterRoleBinding would have given edit in every namespace.',
        ko: '파이프라인은 디플로이먼트도 배포해야 합니다. 규칙을 하나하나 적는 대신 기본 클러스터롤 edit을 롤바인딩으로 주면 default 안에서만 효력이 있습니다.\n\nkubectl create rolebinding ci-edit --clusterrole=edit --serviceaccount=default:ci\n\nkubectl auth can-i create deployments --as=system:serviceaccount:default:ci\n\nkubectl auth can-i create deployments -n kube-system --as=system:serviceaccount:default:ci\n\n클러스터롤바인딩(ClusterRoleBinding)이었다면 모든 네임스페이스에서 edit 권한을 줬을 것입니다.',
      },
      hints: [
        { en: 'kubectl describe clusterrole edit shows its rules: the clusterrole-aggregation controller gathers them from the roles labelled aggregate-to-edit.', ko: 'kubectl describe clusterrole edit으로 규칙을 볼 수 있습니다. clusterrole-aggregation 컨트롤러가 aggregate-to-edit 레이블이 붙은 롤들에서 모아 옵니다.' },
      ],
      solution: [{ command: 'kubectl create rolebinding ci-edit --clusterrole=edit --serviceaccount=default:ci' }, { command: 'kubectl create deployment web --image=nginx --as=system:serviceaccount:default:ci' }],
      goal: { says: { en: 'ci may create Deployments in default, and nowhere else', ko: 'ci가 default에서만 디플로이먼트를 만들 수 있습니다' }, all: [{ access: { user: CI, verb: 'create', resource: 'deployments.apps', allowed: true } }, { access: { user: CI, verb: 'create', resource: 'deployments.apps', namespace: 'kube-system', allowed: false } }] },
    },
  ],
};
