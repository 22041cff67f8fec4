/** Lesson: rolling updates and rollback. */
import type { Lesson } from '../types';
import { ranCommand } from '../goals';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
`;

export const rollingUpdate: Lesson = {
  id: 'rolling-update',
  title: { en: 'Rolling updates and rollback', ko: '롤링 업데이트와 롤백' },
  summary: {
    en: 'Ship a new version without downtime, then take it back.',
    ko: '서비스를 멈추지 않고 새 버전을 내보내고, 다시 되돌려 봅니다.',
  },
  concepts: ['C17'],
  scenario: { cluster: { seed: 16, workers: 3 }, apply: [WEB], advanceSeconds: 30 },
  steps: [
    {
      id: 'update',
      highlight: [{ kind: 'Deployment', name: 'web' }],
      title: { en: 'Roll out nginx 1.27', ko: 'nginx 1.27 내보내기' },
      instructions: {
        en: 'Four pods run nginx:1.26. Change the image:\n\nkubectl set image deployment/web nginx=nginx:1.27\n\nThe Deployment makes a second ReplicaSet and shifts pods over a few at a time: at most 25 % extra (maxSurge) and at most 25 % missing (maxUnavailable), so the app keeps serving throughout.',
        ko: '파드 넷이 nginx:1.26을 실행 중입니다. 이미지를 바꿔 보세요.\n\nkubectl set image deployment/web nginx=nginx:1.27\n\n디플로이먼트가 두 번째 레플리카셋을 만들고 파드를 조금씩 옮깁니다. 추가 파드는 최대 25%(maxSurge), 부족한 파드도 최대 25%(maxUnavailable)까지라서 그동안에도 앱은 계속 응답합니다.',
      },
      suggestedCommand: 'kubectl set image deployment/web nginx=nginx:1.27',
      hints: [{ en: '`kubectl rollout status deployment/web` follows the rollout; `kubectl get rs` shows both ReplicaSets.', ko: '`kubectl rollout status deployment/web`으로 진행을 따라가고, `kubectl get rs`로 두 레플리카셋을 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl set image deployment/web nginx=nginx:1.27' }],
      goal: { says: { en: 'All four web pods run nginx:1.27', ko: 'web 파드 넷 모두 nginx:1.27을 실행합니다' }, deployment: { name: 'web', ready: 4, image: 'nginx:1.27' } },
    },
    {
      id: 'history',
      title: { en: 'Look at the history', ko: '기록 보기' },
      instructions: {
        en: 'Every template change is a revision, kept as an old ReplicaSet scaled to zero:\n\nkubectl rollout history deployment/web',
        ko: '템플릿이 바뀔 때마다 리비전이 생기고, 0으로 줄어든 예전 레플리카셋으로 남습니다.\n\nkubectl rollout history deployment/web',
      },
      suggestedCommand: 'kubectl rollout history deployment/web',
      hints: [{ en: 'Revision 1 is nginx:1.26, revision 2 is nginx:1.27.', ko: '리비전 1은 nginx:1.26, 리비전 2는 nginx:1.27입니다.' }],
      solution: [{ command: 'kubectl rollout history deployment/web' }],
      goal: ranCommand(/^rollout history (deployment\/web|deployments?\/web|deploy\/web|deployment web|deploy web)/, { en: 'You read the rollout history', ko: '롤아웃 기록을 읽었습니다' }),
    },
    {
      id: 'undo',
      highlight: [{ kind: 'Deployment', name: 'web' }],
      title: { en: 'Roll back', ko: '롤백하기' },
      instructions: {
        en: 'Suppose 1.27 misbehaves. Go back to the previous revision:\n\nkubectl rollout undo deployment/web\n\nThe old ReplicaSet is scaled up again and the new one down — a rolling update in reverse.',
        ko: '1.27에 문제가 있다고 해 봅시다. 이전 리비전으로 되돌리세요.\n\nkubectl rollout undo deployment/web\n\n예전 레플리카셋이 다시 늘고 새 것이 줄어듭니다. 거꾸로 하는 롤링 업데이트입니다.',
      },
      suggestedCommand: 'kubectl rollout undo deployment/web',
      hints: [{ en: '`--to-revision=1` picks a revision explicitly.', ko: '`--to-revision=1`로 리비전을 직접 고를 수도 있습니다.' }],
      solution: [{ command: 'kubectl rollout undo deployment/web' }],
      goal: { says: { en: 'All four web pods run nginx:1.26 again', ko: 'web 파드 넷이 다시 nginx:1.26을 실행합니다' }, all: [{ deployment: { name: 'web', ready: 4, image: 'nginx:1.26' } }, { command: { matches: /^rollout undo/.source } }] },
    },
  ],
};
