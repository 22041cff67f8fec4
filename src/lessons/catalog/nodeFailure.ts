/** Lesson: a node dies; the control plane notices and the pods come back elsewhere. */
import type { Lesson } from '../types';
import { deploymentReady, podsMovedOff, nodeWasStopped, allOf, nodeReady } from '../goals';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 6
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

export const nodeFailure: Lesson = {
  id: 'node-failure',
  title: { en: 'When a node dies', ko: '노드가 죽었을 때' },
  summary: {
    en: 'Switch a machine off and watch the cluster notice, wait, and move its pods.',
    ko: '머신 하나를 끄고, 클러스터가 알아차리고 기다렸다가 파드를 옮기는 과정을 지켜봅니다.',
  },
  concepts: ['C10', 'C02'],
  scenario: { cluster: { seed: 13, workers: 3 }, apply: [WEB], advanceSeconds: 30 },
  steps: [
    {
      id: 'stop',
      highlight: [{ kind: 'Node', name: 'worker-2' }],
      title: { en: 'Switch worker-2 off', ko: 'worker-2 끄기' },
      instructions: {
        en: 'Six web pods run on three workers. Click worker-2 in the diagram and press "Stop node": the machine is gone, as if its power failed.',
        ko: '워커 세 대에서 web 파드 여섯 개가 실행 중입니다. 다이어그램에서 worker-2를 누르고 "노드 중지"를 누르세요. 전원이 나간 것처럼 머신이 사라집니다.',
      },
      hints: [{ en: 'The node’s panel opens on the right when you click its frame.', ko: '노드 테두리를 누르면 오른쪽에 노드 패널이 열립니다.' }],
      solution: [{ stopNode: 'worker-2' }],
      goal: nodeWasStopped('worker-2'),
    },
    {
      id: 'evict',
      highlight: [{ kind: 'Node', name: 'worker-2' }, { kind: 'Deployment', name: 'web' }, { kind: 'Component', name: 'kube-controller-manager' }],
      title: { en: 'Wait for the control plane', ko: '컨트롤 플레인 기다리기' },
      instructions: {
        en: 'The kubelet no longer reports. After 50 seconds without a heartbeat the node becomes NotReady and gets an "unreachable" taint. Its pods carry a toleration for that taint (added by default) that lasts 300 seconds — a short outage should not move everything — and are then evicted, and the ReplicaSet starts replacements on the healthy nodes. Speed the clock up (×16) and watch "Why?".',
        ko: 'kubelet이 더는 보고하지 않습니다. 하트비트가 50초 동안 없으면 노드는 NotReady가 되고 "unreachable" 테인트(taint)가 붙습니다. 파드에는 이 테인트를 300초 동안 견디게 하는 톨러레이션(toleration)이 기본으로 붙어 있습니다. 잠깐의 장애로 모든 것을 옮기지 않으려는 것이죠. 그 뒤 파드가 축출되고, 레플리카셋이 건강한 노드에 대신할 파드를 띄웁니다. 시계를 16배속으로 하고 "왜?" 탭을 지켜보세요.',
      },
      hints: [
        { en: 'Six minutes of simulated time pass in about 25 seconds at ×16.', ko: '16배속이면 시뮬레이션 시간 6분이 약 25초에 지나갑니다.' },
        { en: '`kubectl describe node worker-2` shows the taints and conditions.', ko: '`kubectl describe node worker-2`로 테인트와 상태(condition)를 볼 수 있습니다.' },
      ],
      solution: [],
      goal: allOf(
        { en: 'All six web pods run on the other nodes', ko: 'web 파드 여섯 개가 모두 다른 노드에서 실행 중입니다' },
        podsMovedOff('worker-2', 'web', 6),
        deploymentReady('web', 6),
      ),
    },
    {
      id: 'restart',
      highlight: [{ kind: 'Node', name: 'worker-2' }],
      title: { en: 'Bring the machine back', ko: '머신 되살리기' },
      instructions: {
        en: 'Start worker-2 again from its panel. The kubelet reports, the node turns Ready and its taints are lifted. The pods stay where they are: nothing forces them back, and the scheduler uses worker-2 for new pods.',
        ko: '노드 패널에서 worker-2를 다시 시작하세요. kubelet이 보고를 재개하면 노드는 Ready가 되고 테인트가 풀립니다. 옮겨 간 파드는 그 자리에 남습니다. 되돌릴 이유가 없으니까요. 새 파드부터 worker-2가 다시 쓰입니다.',
      },
      hints: [{ en: 'The same button now says "Start node".', ko: '같은 버튼이 이제 "노드 시작"으로 바뀌어 있습니다.' }],
      solution: [{ startNode: 'worker-2' }],
      goal: nodeReady('worker-2'),
    },
  ],
};
