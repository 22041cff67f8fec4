/** Lesson: desired state — a Deployment keeps its replicas, whatever happens to its pods. */
import type { Lesson } from '../types';
import { deploymentReady, ranCommand, allOf, replacementRunning, deploymentGone } from '../goals';

export const desiredState: Lesson = {
  id: 'desired-state',
  title: { en: 'Desired state and self-healing', ko: '의도한 상태와 자가 치유' },
  summary: {
    en: 'Tell Kubernetes what you want, not what to do: a Deployment keeps its pods coming back.',
    ko: '무엇을 할지가 아니라 무엇을 원하는지 말합니다. 디플로이먼트는 파드를 계속 되살립니다.',
  },
  concepts: ['C08', 'C09'],
  scenario: { cluster: { seed: 12, workers: 3 } },
  steps: [
    {
      id: 'create',
      title: { en: 'Declare three replicas', ko: '레플리카 3개 선언하기' },
      instructions: {
        en: 'A Deployment says "I want N copies of this pod". Ask for three:\n\nkubectl create deployment web --image=nginx --replicas=3\n\nThe Deployment makes a ReplicaSet, and the ReplicaSet makes the pods. Click the "Deployment web" chip above the diagram to see which pods are its own.',
        ko: '디플로이먼트(Deployment)는 "이 파드를 N개 원한다"는 선언입니다. 3개를 요청해 봅시다.\n\nkubectl create deployment web --image=nginx --replicas=3\n\n디플로이먼트가 레플리카셋(ReplicaSet)을 만들고, 레플리카셋이 파드를 만듭니다. 다이어그램 위의 "디플로이먼트 web" 칩을 누르면 어떤 파드가 그 소속인지 보입니다.',
      },
      suggestedCommand: 'kubectl create deployment web --image=nginx --replicas=3',
      hints: [{ en: '`kubectl get deployment,replicaset,pods` shows the whole chain.', ko: '`kubectl get deployment,replicaset,pods`로 전체 사슬을 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl create deployment web --image=nginx --replicas=3' }],
      goal: deploymentReady('web', 3),
    },
    {
      id: 'delete-pod',
      highlight: [{ kind: 'Deployment', name: 'web' }, { kind: 'Component', name: 'kube-controller-manager' }],
      title: { en: 'Delete a pod — it comes back', ko: '파드를 지워도 돌아옵니다' },
      instructions: {
        en: 'Delete one of the web pods (click it in the diagram and press "Delete pod", or use kubectl delete pod with its name). The ReplicaSet sees two where three are wanted and makes a new one at once.',
        ko: 'web 파드 하나를 지워 보세요. 다이어그램에서 파드를 눌러 "파드 삭제"를 누르거나, 이름을 넣어 kubectl delete pod를 실행하면 됩니다. 레플리카셋은 파드 3개를 원하는데 2개뿐인 것을 보고 곧바로 새 파드를 만듭니다.',
      },
      hints: [
        { en: '`kubectl get pods` lists the names; they start with web-.', ko: '`kubectl get pods`로 이름을 확인하세요. web-으로 시작합니다.' },
        { en: 'Look at the "Why?" tab: the ReplicaSet explains what it did.', ko: '"왜?" 탭을 보면 레플리카셋이 무엇을 했는지 설명합니다.' },
      ],
      solution: [{ command: 'kubectl delete pod -l app=web --wait=false' }],
      goal: allOf(
        { en: 'You deleted a web pod and a new one took its place', ko: 'web 파드를 지웠고 새 파드가 그 자리를 채웠습니다' },
        ranCommand(/^delete (pods?|po)\b/, { en: 'a pod deleted', ko: '파드 삭제' }),
        replacementRunning('web'),
        deploymentReady('web', 3),
      ),
    },
    {
      id: 'scale',
      highlight: [{ kind: 'Deployment', name: 'web' }],
      title: { en: 'Change what you want', ko: '의도한 상태 바꾸기' },
      instructions: {
        en: 'Now want five. Change the desired state and let the controllers do the rest:\n\nkubectl scale deployment web --replicas=5\n\n(The − and + buttons in the Deployment’s panel do the same.)',
        ko: '이제 다섯 개를 원한다고 해 봅시다. 의도한 상태만 바꾸고 나머지는 컨트롤러에게 맡기세요.\n\nkubectl scale deployment web --replicas=5\n\n(디플로이먼트 패널의 −, + 버튼도 같은 일을 합니다.)',
      },
      suggestedCommand: 'kubectl scale deployment web --replicas=5',
      hints: [{ en: 'You could also edit replicas: 5 in YAML and apply it — same result.', ko: 'YAML에서 replicas: 5로 고쳐 적용해도 결과는 같습니다.' }],
      solution: [{ command: 'kubectl scale deployment web --replicas=5' }],
      goal: deploymentReady('web', 5),
    },
    {
      id: 'delete-deployment',
      title: { en: 'Delete the owner, and the pods go for good', ko: '소유자를 지우면 파드도 사라집니다' },
      instructions: {
        en: 'Deleting a pod only made the Deployment replace it. To make the pods go, delete what wants them:\n\nkubectl delete deployment web\n\nThe garbage collector then removes the ReplicaSet and its pods.',
        ko: '파드를 지우면 디플로이먼트가 다시 만들 뿐입니다. 파드를 없애려면 파드를 원하는 쪽을 지워야 합니다.\n\nkubectl delete deployment web\n\n그러면 가비지 수집기가 레플리카셋과 파드를 정리합니다.',
      },
      suggestedCommand: 'kubectl delete deployment web',
      hints: [{ en: 'Pods take a few seconds to stop (their grace period).', ko: '파드가 멈추는 데는 유예 기간만큼 몇 초가 걸립니다.' }],
      solution: [{ command: 'kubectl delete deployment web' }],
      goal: deploymentGone('web'),
    },
  ],
};
