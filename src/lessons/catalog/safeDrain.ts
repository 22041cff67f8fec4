/** Lesson: maintenance without an outage — drain, the Eviction API, and a PodDisruptionBudget. */
import type { Lesson } from '../types';
import { answered } from '../goals';

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const BUDGET = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: shop
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: shop}
`;

export const safeDrain: Lesson = {
  id: 'safe-drain',
  title: { en: 'Maintenance without an outage', ko: '중단 없는 유지 보수' },
  summary: {
    en: 'Empty a node for maintenance with kubectl drain, and let a PodDisruptionBudget decide how many pods may go at once.',
    ko: 'kubectl drain으로 유지 보수할 노드를 비우고, 파드 중단 예산(PodDisruptionBudget)이 한 번에 몇 개까지 내보낼지 정하게 합니다.',
  },
  concepts: ['C28', 'C10'],
  scenario: { cluster: { seed: 23, workers: 3 }, apply: [SHOP], advanceSeconds: 30 },
  steps: [
    {
      id: 'drain',
      highlight: [{ kind: 'Node', name: 'worker-1' }, { kind: 'Deployment', name: 'shop' }],
      title: { en: 'Drain worker-1', ko: 'worker-1 비우기' },
      instructions: {
        en: 'worker-1 needs a new kernel. Stopping it would take its pods down without warning; draining asks them to leave first:\n\nkubectl drain worker-1 --ignore-daemonsets\n\nDrain cordons the node (no new pods) and evicts each pod through the Eviction API. The ReplicaSet starts replacements on the other nodes. DaemonSet pods (kube-proxy) stay: they belong to every node.',
        ko: 'worker-1의 커널을 새로 올려야 합니다. 그냥 끄면 파드가 예고 없이 멈추지만, drain은 먼저 파드를 내보냅니다.\n\nkubectl drain worker-1 --ignore-daemonsets\n\ndrain은 노드를 코든(cordon)해서 새 파드를 받지 않게 하고, 파드마다 축출(Eviction) API로 내보냅니다. 레플리카셋은 다른 노드에 대신할 파드를 띄웁니다. 데몬셋 파드(kube-proxy)는 모든 노드에 있어야 하므로 남습니다.',
      },
      hints: [
        { en: 'Without --ignore-daemonsets, drain refuses: it would have to remove kube-proxy, which the DaemonSet would put right back.', ko: '--ignore-daemonsets가 없으면 drain이 거부합니다. 데몬셋이 곧바로 다시 띄울 kube-proxy까지 지워야 하기 때문입니다.' },
        { en: 'kubectl get nodes shows worker-1 as Ready,SchedulingDisabled.', ko: 'kubectl get nodes에서 worker-1이 Ready,SchedulingDisabled로 보입니다.' },
      ],
      solution: [{ command: 'kubectl drain worker-1 --ignore-daemonsets' }],
      goal: { says: { en: 'worker-1 is cordoned and the three shop pods run on other nodes', ko: 'worker-1이 코든되고 shop 파드 세 개가 다른 노드에서 실행 중입니다' }, all: [{ node: { name: 'worker-1', cordoned: true } }, { pods: { selector: 'app=shop', count: 3, notOn: 'worker-1' } }] },
    },
    {
      id: 'budget',
      title: { en: 'Set a budget', ko: '예산 정하기' },
      instructions: {
        en: 'Maintenance done: let worker-1 take pods again.\n\nkubectl uncordon worker-1\n\nA drain of several nodes could still take too many shop pods at once. A PodDisruptionBudget says how many must stay: the one in the editor keeps at least 2 of the shop\'s pods running. Apply it, then look at ALLOWED DISRUPTIONS:\n\nkubectl get pdb',
        ko: '유지 보수가 끝났으니 worker-1이 다시 파드를 받게 하세요.\n\nkubectl uncordon worker-1\n\n노드 여러 대를 비우면 shop 파드가 한꺼번에 너무 많이 빠질 수 있습니다. 파드 중단 예산(PodDisruptionBudget)은 몇 개가 남아 있어야 하는지 정합니다. 편집기의 예산은 shop 파드를 최소 2개 남깁니다. 적용한 뒤 ALLOWED DISRUPTIONS를 보세요.\n\nkubectl get pdb',
      },
      starterYaml: BUDGET,
      hints: [
        { en: 'Three healthy pods, two required: one may be disrupted at a time. The disruption controller keeps that number up to date.', ko: '건강한 파드 셋 중 둘이 필요하니, 한 번에 하나까지 중단할 수 있습니다. 중단 컨트롤러(disruption controller)가 이 숫자를 계속 맞춥니다.' },
      ],
      solution: [{ command: 'kubectl uncordon worker-1' }, { command: 'kubectl apply -f -', stdin: BUDGET }],
      goal: { says: { en: 'worker-1 takes pods again, and budget shop allows one disruption', ko: 'worker-1이 다시 파드를 받고, 예산 shop이 중단 하나를 허용합니다' }, all: [{ node: { name: 'worker-1', cordoned: false } }, { object: { resource: 'poddisruptionbudgets', name: 'shop', fields: [{ path: 'status.disruptionsAllowed', equals: 1 }] } }] },
    },
    {
      id: 'blocked',
      title: { en: 'A budget with no room', ko: '여유가 없는 예산' },
      instructions: {
        en: 'Now the shop runs only two pods:\n\nkubectl scale deployment shop --replicas=2\n\nkubectl get pdb\n\nALLOWED DISRUPTIONS drops to 0. Try draining worker-2 if you like (kubectl drain worker-2 --ignore-daemonsets --timeout=30s) and read what kubectl prints — then answer.',
        ko: '이번에는 shop 파드가 둘뿐입니다.\n\nkubectl scale deployment shop --replicas=2\n\nkubectl get pdb\n\nALLOWED DISRUPTIONS가 0으로 떨어집니다. 원하면 worker-2를 비워 보고(kubectl drain worker-2 --ignore-daemonsets --timeout=30s) kubectl이 출력하는 내용을 읽은 뒤 답하세요.',
      },
      quiz: {
        question: { en: 'What does a drain of worker-2 do now, with its shop pod?', ko: '지금 worker-2를 비우면 그 노드의 shop 파드는 어떻게 될까요?' },
        choices: [
          { en: 'Evicts it at once; the Deployment starts a replacement elsewhere', ko: '곧바로 축출되고, 디플로이먼트가 다른 곳에 대신할 파드를 띄운다' },
          { en: 'Asks again every 5 seconds: the API server refuses each eviction while the budget allows none', ko: '5초마다 다시 요청하지만, 예산이 허용하지 않는 동안 API 서버가 축출을 매번 거부한다' },
          { en: 'Deletes the budget so that the drain can finish', ko: 'drain을 끝내려고 예산을 지운다' },
        ],
        correct: 1,
        explanation: { en: 'Who decides whether a pod may go — kubectl, or the component that reads the numbers in kubectl get pdb?', ko: '파드를 내보내도 되는지는 누가 정할까요? kubectl일까요, 아니면 kubectl get pdb의 숫자를 읽는 쪽일까요?' },
        answerNote: {
          en: 'With 2 healthy pods and 2 required, the budget allows 0 disruptions, so the API server answers 429 "Cannot evict pod as it would violate the pod\'s disruption budget." kubectl waits for room; nothing is broken.',
          ko: '건강한 파드 2개에 필요한 것도 2개라서 예산이 허용하는 중단은 0입니다. 그래서 API 서버는 429 "Cannot evict pod as it would violate the pod\'s disruption budget."로 답하고, kubectl은 여유가 생기기를 기다립니다. 고장 난 것은 없습니다.',
        },
      },
      hints: [{ en: 'kubectl describe pdb shop shows Allowed disruptions, Current and Desired.', ko: 'kubectl describe pdb shop에 Allowed disruptions, Current, Desired가 나옵니다.' }],
      solution: [{ command: 'kubectl scale deployment shop --replicas=2' }, { command: 'kubectl get pdb' }, { answer: 1 }],
      goal: answered(1),
    },
    {
      id: 'through',
      title: { en: 'Make room, then drain', ko: '여유를 만들고 비우기' },
      instructions: {
        en: 'Give the budget room with a third replica, and drain again: this time each eviction waits until the budget can spare a pod.\n\nkubectl scale deployment shop --replicas=3\n\nkubectl drain worker-2 --ignore-daemonsets --timeout=2m',
        ko: '레플리카를 하나 늘려 예산에 여유를 주고 다시 비워 보세요. 이번에는 축출마다 예산이 파드를 내줄 수 있을 때까지 기다립니다.\n\nkubectl scale deployment shop --replicas=3\n\nkubectl drain worker-2 --ignore-daemonsets --timeout=2m',
      },
      hints: [
        { en: 'If the new pod is not ready yet, the first eviction is refused and retried 5 s later: that is the budget doing its job.', ko: '새 파드가 아직 준비되지 않았다면 첫 축출은 거부되고 5초 뒤 다시 시도됩니다. 예산이 제 역할을 하는 것입니다.' },
      ],
      solution: [{ command: 'kubectl scale deployment shop --replicas=3' }, { command: 'kubectl drain worker-2 --ignore-daemonsets --timeout=2m' }],
      goal: { says: { en: 'worker-2 is drained and three shop pods run elsewhere', ko: 'worker-2가 비워지고 shop 파드 세 개가 다른 노드에서 실행 중입니다' }, all: [{ node: { name: 'worker-2', cordoned: true } }, { pods: { selector: 'app=shop', count: 3, notOn: 'worker-2' } }] },
    },
  ],
};
