/**
 * Lesson: NetworkPolicy — by default every pod may reach every other; a policy that selects a
 * pod isolates it, and then only what some policy allows gets in. The goals read the stored
 * policies and what the learner's requests received, never which commands were typed.
 */
import type { Lesson } from '../types';

export const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: {app: api}
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: intruder
  labels: {app: intruder}
spec:
  containers:
  - name: shell
    image: busybox:1.36
    command: [sleep, "36000"]
`;

export const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const ALLOW = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-web
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
  - from:
    - podSelector:
        matchLabels: {app: web}
    ports:
    - port: 80
`;

export const networkPolicy: Lesson = {
  id: 'network-policy',
  title: { en: 'Who may talk to whom: NetworkPolicy', ko: '누가 누구와 통신하나: 네트워크 폴리시' },
  summary: {
    en: 'Every pod can reach every other until a NetworkPolicy says otherwise. Shut the api off from everyone, then let only the frontend in.',
    ko: '네트워크 폴리시가 없으면 모든 파드가 서로 닿을 수 있습니다. api를 모두에게서 막은 뒤 프론트엔드만 들어오게 합니다.',
  },
  concepts: ['C30'],
  scenario: { cluster: { seed: 33, workers: 2 }, apply: [APP], advanceSeconds: 40 },
  steps: [
    {
      id: 'deny',
      highlight: [{ kind: 'Service', name: 'api' }],
      title: { en: 'Shut every door', ko: '모든 문 닫기' },
      instructions: {
        en: 'A pod that has no business with the api can call it today:\n\nkubectl exec intruder -- wget -qO- -T 2 http://api\n\nThe editor holds a policy that selects every pod in the namespace (podSelector: {}) for Ingress and allows nothing. Apply it, then ask again: the request times out — the network plugin drops it at the pod, and "Why?" names the policy that isolated it.',
        ko: 'api와 상관없는 파드도 지금은 api를 부를 수 있습니다.\n\nkubectl exec intruder -- wget -qO- -T 2 http://api\n\n편집기의 폴리시는 네임스페이스의 모든 파드(podSelector: {})를 Ingress에 대해 고르고 아무것도 허락하지 않습니다. 적용한 뒤 다시 물어보면 요청이 시간 초과됩니다. 네트워크 플러그인이 파드 앞에서 버리고, "Why?"에 어떤 폴리시가 파드를 격리했는지 나옵니다.',
      },
      starterYaml: DENY,
      hints: [
        { en: 'A pod is isolated for incoming traffic as soon as one policy with policyType Ingress selects it. Policies only add what is allowed; they never take it away from one another.', ko: 'Ingress 정책 유형을 가진 폴리시 하나라도 파드를 고르면 그 파드는 들어오는 트래픽에 대해 격리됩니다. 폴리시는 허락을 더할 뿐, 서로의 허락을 빼앗지 않습니다.' },
        { en: 'The simulated network plugin enforces policies, as Calico or Cilium do; a plugin that does not would store them and ignore them.', ko: '시뮬레이션의 네트워크 플러그인은 Calico나 Cilium처럼 폴리시를 적용합니다. 적용하지 않는 플러그인이라면 저장만 하고 무시합니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: DENY }],
      goal: { says: { en: 'Every pod in default is isolated for incoming traffic', ko: 'default의 모든 파드가 들어오는 트래픽에 대해 격리되었습니다' }, all: [{ traffic: { from: 'app=intruder', to: 'app=api', port: 80, allowed: false } }, { traffic: { from: 'app=web', to: 'app=api', port: 80, allowed: false } }, { traffic: { from: 'app=api', to: 'app=web', port: 80, allowed: false } }] },
    },
    {
      id: 'allow',
      title: { en: 'Let the frontend in', ko: '프론트엔드만 들여보내기' },
      instructions: {
        en: 'Now the frontend is locked out too:\n\nkubectl exec deploy/web -- wget -qO- -T 2 http://api\n\nThe editor\'s second policy selects the api pods and allows port 80 from pods labelled app=web. Apply it, then call the api from web (it answers) and from intruder (it still times out).',
        ko: '이제 프론트엔드도 막혔습니다.\n\nkubectl exec deploy/web -- wget -qO- -T 2 http://api\n\n편집기의 두 번째 폴리시는 api 파드를 고르고, app=web 레이블이 붙은 파드에서 오는 80번 포트를 허락합니다. 적용한 뒤 web에서 api를 불러 보세요(응답합니다). intruder에서는 여전히 시간 초과됩니다.',
      },
      starterYaml: ALLOW,
      hints: [
        { en: 'Both policies select the api pods; a request gets in if any of them allows it.', ko: '두 폴리시 모두 api 파드를 고릅니다. 요청은 그중 하나라도 허락하면 들어갑니다.' },
        { en: 'Keep default-deny: deleting it would let intruder in again.', ko: 'default-deny는 남겨 두세요. 지우면 intruder가 다시 들어옵니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: ALLOW }, { command: 'kubectl exec deploy/web -- wget -qO- -T 2 http://api' }],
      goal: { says: { en: 'web reaches the api, while every pod stays isolated and the api is not open to all', ko: 'web이 api에 닿고, 모든 파드는 격리된 채이며 api가 모두에게 열려 있지 않습니다' }, all: [{ traffic: { from: 'app=web', to: 'app=api', port: 80, allowed: true } }, { traffic: { from: 'app=intruder', to: 'app=api', port: 80, allowed: false } }, { traffic: { from: 'app=api', to: 'app=web', port: 80, allowed: false } }, { command: { matches: /^exec\s+(deploy\/web|web-\S+)\s.*wget\b.*\bapi\b/.source } }] },
    },
  ],
};
