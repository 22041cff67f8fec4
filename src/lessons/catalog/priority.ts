/**
 * Lesson: priorities and preemption — a full cluster turns a new pod away; a PriorityClass lets a
 * more important pod take the room of less important ones (the scheduler evicts them). The goals
 * read the pods, their priority and the Preempted events, never the commands typed.
 */
import type { Lesson } from '../types';
import { podRunning } from '../goals';

const BATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch
spec:
  replicas: 6
  selector:
    matchLabels: {app: batch}
  template:
    metadata:
      labels: {app: batch}
    spec:
      containers:
      - name: work
        image: busybox:1.36
        command: [sleep, "36000"]
        resources:
          requests: {cpu: 1200m, memory: 64Mi}
`;

const pod = (name: string, priorityClass?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${priorityClass ? `  priorityClassName: ${priorityClass}\n` : ''}  containers:
  - name: api
    image: nginx:1.27
    resources:
      requests: {cpu: "1", memory: 128Mi}
`;

const PAYMENTS = pod('payments');
const CHECKOUT = pod('checkout', 'high');

export const priority: Lesson = {
  id: 'priority',
  title: { en: 'When the cluster is full: priorities and preemption', ko: '클러스터가 꽉 찼을 때: 우선순위와 선점' },
  summary: {
    en: 'A full cluster leaves a new pod Pending. Give the important one a PriorityClass, and watch the scheduler make room by evicting less important pods.',
    ko: '꽉 찬 클러스터에서는 새 파드가 Pending에 머뭅니다. 중요한 파드에 우선순위 클래스(PriorityClass)를 주고, 스케줄러가 덜 중요한 파드를 내보내 자리를 만드는 모습을 봅니다.',
  },
  concepts: ['C31'],
  scenario: { cluster: { seed: 35, workers: 2 }, apply: [BATCH], advanceSeconds: 30 },
  steps: [
    {
      id: 'full',
      title: { en: 'No room left', ko: '남은 자리가 없습니다' },
      instructions: {
        en: 'Six batch pods ask for 1.2 CPU each on two nodes of 4 CPU:\n\nkubectl get pods -o wide\n\nkubectl describe node worker-1\n\n(see "Allocated resources"). Apply the editor\'s pod payments, which asks for 1 CPU, then:\n\nkubectl describe pod payments\n\nNo node has a whole CPU left: FailedScheduling, Insufficient cpu.',
        ko: 'batch 파드 여섯 개가 CPU 4개짜리 노드 두 대에서 각각 1.2 CPU를 요청합니다.\n\nkubectl get pods -o wide\n\nkubectl describe node worker-1\n\n("Allocated resources"를 보세요.) 편집기의 파드 payments는 CPU 1개를 요청합니다. 적용한 뒤 살펴보세요.\n\nkubectl describe pod payments\n\nCPU가 통째로 하나 남은 노드가 없어서 FailedScheduling, Insufficient cpu가 납니다.',
      },
      starterYaml: PAYMENTS,
      hints: [
        { en: 'The scheduler counts requests, not what containers use: a node is full when its pods\' requests add up to its allocatable CPU.', ko: '스케줄러는 실제 사용량이 아니라 요청량을 셉니다. 파드 요청량의 합이 노드의 할당 가능한 CPU에 이르면 노드는 꽉 찬 것입니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: PAYMENTS }],
      goal: { says: { en: 'Pod payments waits for room: no node has enough CPU', ko: '파드 payments가 자리를 기다립니다. CPU가 충분한 노드가 없습니다' }, waiting: { pod: 'payments', message: 'Insufficient cpu' } },
    },
    {
      id: 'preempt',
      title: { en: 'Make it matter', ko: '중요한 파드 정하기' },
      instructions: {
        en: 'Every pod so far has priority 0. A PriorityClass gives pods that name it a priority (the cluster already has two, for its own parts):\n\nkubectl get priorityclasses\n\nkubectl create priorityclass high --value=100000 --description="customer-facing"\n\nThe editor now holds pod checkout with priorityClassName: high. Apply it: nothing fits, so the scheduler looks for lower-priority pods whose eviction makes room, evicts them (a Preempted event) and nominates the node for checkout.\n\nkubectl get events --field-selector reason=Preempted\n\nkubectl get pods -o wide',
        ko: '지금까지의 파드는 모두 우선순위가 0입니다. 우선순위 클래스(PriorityClass)는 자기 이름을 댄 파드에 우선순위를 줍니다(클러스터에는 자기 구성 요소를 위한 클래스가 이미 둘 있습니다).\n\nkubectl get priorityclasses\n\nkubectl create priorityclass high --value=100000 --description="customer-facing"\n\n편집기에는 이제 priorityClassName: high를 가진 파드 checkout이 있습니다. 적용하면 들어갈 자리가 없으므로, 스케줄러는 내보내면 자리가 생기는 더 낮은 우선순위의 파드를 찾아 축출하고(Preempted 이벤트) 그 노드를 checkout에 지정합니다.\n\nkubectl get events --field-selector reason=Preempted\n\nkubectl get pods -o wide',
      },
      starterYaml: CHECKOUT,
      hints: [
        { en: 'payments stays Pending: with priority 0 it may not push out pods of priority 0. Preemption only ever evicts pods of lower priority.', ko: 'payments는 계속 Pending입니다. 우선순위 0인 파드는 우선순위 0인 파드를 밀어낼 수 없습니다. 선점은 더 낮은 우선순위의 파드만 축출합니다.' },
        { en: 'The evicted batch pod is replaced by its ReplicaSet, and that replacement now waits: the cluster is still full, only the order changed.', ko: '축출된 batch 파드는 레플리카셋이 다시 만들지만, 그 파드는 이제 기다립니다. 클러스터는 여전히 꽉 차 있고 순서만 바뀌었습니다.' },
      ],
      solution: [{ command: 'kubectl create priorityclass high --value=100000 --description="customer-facing"' }, { command: 'kubectl apply -f -', stdin: CHECKOUT }],
      goal: { says: { en: 'checkout (priority 100000) runs, on room a lower-priority pod was preempted for', ko: 'checkout(우선순위 100000)이 실행되고, 그 자리를 위해 낮은 우선순위의 파드가 선점되었습니다' }, all: [podRunning('checkout'), { object: { resource: 'pods', name: 'checkout', fields: [{ path: 'spec.priority', equals: 100000 }] } }, { event: { reason: 'Preempted' } }] },
    },
  ],
};
