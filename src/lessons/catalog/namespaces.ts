/** Lesson: namespaces and labels — organising and selecting objects. */
import type { Lesson } from '../types';
import { ranCommand } from '../goals';

export const namespaces: Lesson = {
  id: 'namespaces',
  title: { en: 'Namespaces and labels', ko: '네임스페이스와 레이블' },
  summary: {
    en: 'Keep teams apart with namespaces and find things by label.',
    ko: '네임스페이스로 팀을 나누고, 레이블로 원하는 것을 찾습니다.',
  },
  concepts: ['C21'],
  scenario: { cluster: { seed: 20, workers: 3 } },
  steps: [
    {
      id: 'namespace',
      title: { en: 'Two teams, two namespaces', ko: '두 팀, 두 네임스페이스' },
      instructions: {
        en: 'A namespace is a named room in the cluster: names only need to be unique inside it. Give two teams their own and the same Deployment name in each:\n\nkubectl create namespace team-a\n\nkubectl create namespace team-b\n\nkubectl create deployment web --image=nginx -n team-a\n\nkubectl create deployment web --image=nginx -n team-b',
        ko: '네임스페이스(Namespace)는 클러스터 안의 이름 붙은 방입니다. 이름은 그 안에서만 겹치지 않으면 됩니다. 두 팀에 네임스페이스를 하나씩 주고, 각각에 같은 이름의 디플로이먼트를 만들어 보세요.\n\nkubectl create namespace team-a\n\nkubectl create namespace team-b\n\nkubectl create deployment web --image=nginx -n team-a\n\nkubectl create deployment web --image=nginx -n team-b',
      },
      hints: [{ en: 'Choose a namespace in the filter above the diagram to see only its pods.', ko: '다이어그램 위 필터에서 네임스페이스를 고르면 그 파드만 보입니다.' }],
      solution: [{ command: 'kubectl create namespace team-a' }, { command: 'kubectl create namespace team-b' }, { command: 'kubectl create deployment web --image=nginx -n team-a' }, { command: 'kubectl create deployment web --image=nginx -n team-b' }],
      goal: { says: { en: 'Deployment web exists in team-a and in team-b', ko: 'team-a와 team-b 모두에 디플로이먼트 web이 있습니다' }, all: [{ object: { resource: 'deployments', namespace: 'team-a', name: 'web' } }, { object: { resource: 'deployments', namespace: 'team-b', name: 'web' } }] },
    },
    {
      id: 'all',
      title: { en: 'Look across namespaces', ko: '네임스페이스를 가로질러 보기' },
      instructions: {
        en: 'kubectl looks in one namespace at a time (default, unless you say -n). To see every namespace at once:\n\nkubectl get pods -A',
        ko: 'kubectl은 한 번에 네임스페이스 하나만 봅니다(-n을 주지 않으면 default). 모든 네임스페이스를 한꺼번에 보려면:\n\nkubectl get pods -A',
      },
      suggestedCommand: 'kubectl get pods -A',
      hints: [{ en: 'The first column, NAMESPACE, appears only with -A.', ko: '첫 열 NAMESPACE는 -A를 줄 때만 나옵니다.' }],
      solution: [{ command: 'kubectl get pods -A' }],
      goal: ranCommand(/^get (pods?|po|all|deploy\w*)\b.*(-A\b|--all-namespaces)/, { en: 'You listed objects in every namespace', ko: '모든 네임스페이스의 오브젝트를 조회했습니다' }),
    },
    {
      id: 'labels',
      title: { en: 'Select by label', ko: '레이블로 고르기' },
      instructions: {
        en: 'Labels are free-form tags; selectors pick objects by them — that is how a Deployment finds its pods and a Service its endpoints. Tag team-a’s Deployment and find it by the tag:\n\nkubectl label deployment web tier=frontend -n team-a\n\nkubectl get deployments -A -l tier=frontend',
        ko: '레이블은 자유롭게 붙이는 꼬리표이고, 셀렉터(selector)는 레이블로 오브젝트를 고릅니다. 디플로이먼트가 자기 파드를, 서비스가 엔드포인트를 찾는 방법이 바로 이것입니다. team-a의 디플로이먼트에 꼬리표를 달고 그걸로 찾아보세요.\n\nkubectl label deployment web tier=frontend -n team-a\n\nkubectl get deployments -A -l tier=frontend',
      },
      hints: [{ en: '`--show-labels` prints every object’s labels.', ko: '`--show-labels`를 붙이면 모든 레이블이 보입니다.' }],
      solution: [{ command: 'kubectl label deployment web tier=frontend -n team-a' }, { command: 'kubectl get deployments -A -l tier=frontend' }],
      goal: { says: { en: 'team-a’s web is labelled tier=frontend and you selected by it', ko: 'team-a의 web에 tier=frontend 레이블이 있고, 그것으로 조회했습니다' }, all: [{ object: { resource: 'deployments', namespace: 'team-a', name: 'web', fields: [{ path: 'metadata.labels.tier', equals: 'frontend' }] } }, { command: { matches: /^get\b.*(-l|--selector)[= ]?tier=frontend/.source } }] },
    },
  ],
};
