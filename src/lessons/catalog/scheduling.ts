/** Lesson: how the scheduler chooses — resources, labels, and spreading. */
import type { Lesson } from '../types';

const BIG = `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
        memory: 1Gi
`;

const FAST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fast
spec:
  replicas: 3
  selector:
    matchLabels: {app: fast}
  template:
    metadata:
      labels: {app: fast}
    spec:
      nodeSelector:
        disktype: ssd
      containers:
      - name: app
        image: nginx:1.27
`;

export const scheduling: Lesson = {
  id: 'scheduling',
  title: { en: 'How the scheduler chooses a node', ko: '스케줄러가 노드를 고르는 법' },
  summary: {
    en: 'Ask for more CPU than any node has, steer pods to SSD nodes with labels, and watch replicas spread.',
    ko: '어느 노드에도 없는 CPU를 요청해 보고, 레이블로 파드를 SSD 노드에 보내고, 레플리카가 퍼지는 것을 봅니다.',
  },
  concepts: ['C11', 'C12', 'C13'],
  scenario: { cluster: { seed: 15, workers: 3 } },
  steps: [
    {
      id: 'too-big',
      highlight: [{ kind: 'Component', name: 'kube-scheduler' }],
      title: { en: 'A pod too big for any node', ko: '어느 노드에도 안 들어가는 파드' },
      instructions: {
        en: 'Each worker has 4 CPUs. The editor holds a pod that requests 6 (resources.requests). Apply it: the scheduler filters out every node, and the pod waits in the tray with a FailedScheduling event that says why. Click the pod to see the verdict for each node.',
        ko: '워커마다 CPU가 4개 있습니다. 편집기에 CPU 6개를 요청(resources.requests)하는 파드가 있습니다. 적용해 보세요. 스케줄러가 모든 노드를 걸러 내고, 파드는 이유가 적힌 FailedScheduling 이벤트와 함께 대기열에서 기다립니다. 파드를 누르면 노드마다 판단 결과가 보입니다.',
      },
      starterYaml: BIG,
      hints: [{ en: '`kubectl describe pod big` shows "0/4 nodes are available: … Insufficient cpu".', ko: '`kubectl describe pod big`에 "0/4 nodes are available: … Insufficient cpu"가 보입니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: BIG }],
      goal: { says: { en: 'Pod big waits for a node: Insufficient cpu', ko: '파드 big이 노드를 기다립니다: Insufficient cpu' }, waiting: { pod: 'big', message: 'Insufficient cpu' } },
    },
    {
      id: 'fit',
      title: { en: 'Make it fit', ko: '들어가게 만들기' },
      instructions: {
        en: 'A pod’s requests cannot be changed in place. Delete it, change the request to 500m (half a CPU) and apply it again. Now a node has room, and the scheduler places it.',
        ko: '파드의 요청량은 실행 중에 바꿀 수 없습니다. 파드를 지우고 요청을 500m(CPU 절반)으로 고쳐 다시 적용하세요. 이제 자리가 있는 노드가 있어 스케줄러가 파드를 배치합니다.',
      },
      hints: [
        { en: 'kubectl delete pod big, then edit cpu: "6" to cpu: 500m and Apply.', ko: 'kubectl delete pod big 후 cpu: "6"을 cpu: 500m으로 고쳐 적용하세요.' },
      ],
      solution: [{ command: 'kubectl delete pod big --grace-period=0 --force' }, { command: 'kubectl apply -f -', stdin: BIG.replace('cpu: "6"', 'cpu: 500m') }],
      goal: { says: { en: 'Pod big runs with a 500m CPU request', ko: '파드 big이 CPU 500m 요청으로 실행 중입니다' }, object: { resource: 'pods', name: 'big', fields: [{ path: 'status.phase', equals: 'Running' }, { path: 'spec.containers[0].resources.requests.cpu', equals: '500m' }] } },
    },
    {
      id: 'ssd',
      highlight: [{ kind: 'Node', name: 'worker-3' }],
      title: { en: 'Pods that need an SSD', ko: 'SSD가 필요한 파드' },
      instructions: {
        en: 'Labels describe nodes too. Mark worker-3 as having an SSD:\n\nkubectl label node worker-3 disktype=ssd\n\nThen apply the Deployment fast from the editor: its nodeSelector asks for disktype=ssd, so all three replicas can only go to worker-3.',
        ko: '레이블(Label)은 노드를 설명하는 데도 씁니다. worker-3에 SSD가 있다고 표시하세요.\n\nkubectl label node worker-3 disktype=ssd\n\n그리고 편집기에서 디플로이먼트 fast를 적용하세요. nodeSelector가 disktype=ssd를 요구하므로 레플리카 3개 모두 worker-3에만 갈 수 있습니다.',
      },
      starterYaml: FAST,
      hints: [
        { en: 'Apply before labelling and the pods wait: "didn’t match Pod’s node affinity/selector".', ko: '레이블을 붙이기 전에 적용하면 파드가 "didn’t match Pod’s node affinity/selector"로 기다립니다.' },
        { en: 'The diagram shows disktype=ssd on the node once it is labelled.', ko: '레이블을 붙이면 다이어그램의 노드에 disktype=ssd가 보입니다.' },
      ],
      solution: [{ command: 'kubectl label node worker-3 disktype=ssd' }, { command: 'kubectl apply -f -', stdin: FAST }],
      goal: { says: { en: 'Three fast pods run, all on the SSD node', ko: 'fast 파드 셋이 모두 SSD 노드에서 실행 중입니다' }, pods: { selector: 'app=fast', count: 3, onNodes: 'disktype=ssd' } },
    },
    {
      id: 'spread',
      highlight: [{ kind: 'Deployment', name: 'spread' }],
      title: { en: 'Replicas spread out', ko: '레플리카는 퍼집니다' },
      instructions: {
        en: 'Without a selector, the scheduler scores the nodes that fit and prefers spreading a Deployment’s replicas over nodes (so one failure takes few of them). Create six replicas and see where they land:\n\nkubectl create deployment spread --image=nginx --replicas=6',
        ko: '셀렉터가 없으면 스케줄러는 들어갈 수 있는 노드에 점수를 매기고, 한 디플로이먼트의 레플리카를 여러 노드에 퍼뜨리는 쪽을 선호합니다. 장애 하나로 많이 잃지 않도록요. 레플리카 여섯 개를 만들어 어디에 놓이는지 보세요.\n\nkubectl create deployment spread --image=nginx --replicas=6',
      },
      suggestedCommand: 'kubectl create deployment spread --image=nginx --replicas=6',
      hints: [{ en: 'Click a spread pod: its panel shows each node’s score.', ko: 'spread 파드를 눌러 보세요. 패널에 노드별 점수가 나옵니다.' }],
      solution: [{ command: 'kubectl create deployment spread --image=nginx --replicas=6' }],
      goal: { says: { en: 'Six spread pods run on all three workers', ko: 'spread 파드 여섯 개가 워커 세 대 모두에서 실행 중입니다' }, pods: { selector: 'app=spread', count: 6, nodesAtLeast: 3 } },
    },
  ],
};
