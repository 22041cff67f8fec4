/** Lessons: the Horizontal Pod Autoscaler under load, and the cluster autoscaler adding nodes. */
import type { Lesson } from '../types';

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels: {run: php-apache}
  template:
    metadata:
      labels: {run: php-apache}
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 500m}
          requests: {cpu: 200m}
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
spec:
  ports:
  - port: 80
  selector: {run: php-apache}
`;

const LOAD = 'kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"';

export const hpa: Lesson = {
  id: 'hpa',
  title: { en: 'Scaling with the load', ko: '부하에 맞춰 늘고 줄기' },
  summary: {
    en: 'A HorizontalPodAutoscaler watches CPU and changes the number of replicas: more under load, fewer after.',
    ko: 'HorizontalPodAutoscaler가 CPU를 지켜보며 레플리카 수를 바꿉니다. 부하가 오면 늘리고, 지나가면 줄입니다.',
  },
  concepts: ['C18'],
  scenario: { cluster: { seed: 22, workers: 3 }, apply: [PHP_APACHE], advanceSeconds: 30 },
  steps: [
    {
      id: 'autoscale',
      title: { en: 'Add an autoscaler', ko: '오토스케일러 붙이기' },
      instructions: {
        en: 'php-apache burns CPU on every request. Ask for 1 to 10 replicas, aiming at 50 % of the CPU each pod requests:\n\nkubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10\n\nkubectl get hpa\n\nTARGETS shows the current use against the target once metrics-server has a first sample.',
        ko: 'php-apache는 요청마다 CPU를 씁니다. 각 파드가 요청한 CPU의 50%를 목표로, 레플리카를 1개에서 10개 사이로 조절하게 하세요.\n\nkubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10\n\nkubectl get hpa\n\nmetrics-server가 첫 측정값을 얻으면 TARGETS에 현재 사용량과 목표가 보입니다.',
      },
      hints: [{ en: '`kubectl top pods` shows the CPU the HPA reads.', ko: '`kubectl top pods`로 HPA가 읽는 CPU를 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10' }],
      goal: { says: { en: 'HPA php-apache reads the CPU of its pods', ko: 'HPA php-apache가 파드의 CPU를 읽고 있습니다' }, object: { resource: 'horizontalpodautoscalers', name: 'php-apache', fields: [{ path: 'status.currentMetrics', atLeast: 1 }] } },
    },
    {
      id: 'load',
      highlight: [{ kind: 'Deployment', name: 'php-apache' }, { kind: 'Service', name: 'php-apache' }],
      title: { en: 'Send load', ko: '부하 보내기' },
      instructions: {
        en: 'Start a pod that calls php-apache in a tight loop:\n\n' + LOAD + '\n\nWithin a minute or two the CPU climbs past the target and the HPA raises the replicas (ratio of current to target use). Watch the Service lines multiply in the diagram.',
        ko: 'php-apache를 쉬지 않고 부르는 파드를 띄우세요.\n\n' + LOAD + '\n\n1~2분 안에 CPU가 목표를 넘고, HPA가 (현재 사용량 ÷ 목표) 비율로 레플리카를 늘립니다. 다이어그램에서 서비스 선이 늘어나는 것을 보세요.',
      },
      suggestedCommand: LOAD,
      hints: [{ en: '`kubectl get hpa` shows TARGETS like cpu: 250%/50%.', ko: '`kubectl get hpa`에 cpu: 250%/50% 같은 TARGETS가 보입니다.' }],
      solution: [{ command: LOAD }],
      goal: { says: { en: 'php-apache has scaled to more than one ready replica', ko: 'php-apache가 준비된 레플리카 둘 이상으로 늘어났습니다' }, deployment: { name: 'php-apache', readyAtLeast: 2 } },
    },
    {
      id: 'calm',
      title: { en: 'Stop the load', ko: '부하 멈추기' },
      instructions: {
        en: 'Delete the load generator:\n\nkubectl delete pod load-generator\n\nCPU drops at once, but the HPA waits: it scales down only to the highest recommendation of the last 5 minutes (the stabilization window), so a short lull does not throw pods away. Speed up the clock.',
        ko: '부하 생성기를 지우세요.\n\nkubectl delete pod load-generator\n\nCPU는 곧바로 떨어지지만 HPA는 기다립니다. 지난 5분 동안의 권장값 중 가장 높은 값까지만 줄이기 때문입니다(안정화 기간). 잠깐 한가해졌다고 파드를 버리지 않으려는 것이죠. 시계를 빠르게 돌려 보세요.',
      },
      suggestedCommand: 'kubectl delete pod load-generator',
      hints: [{ en: '`kubectl describe hpa php-apache` explains each decision.', ko: '`kubectl describe hpa php-apache`가 결정마다 이유를 설명합니다.' }],
      solution: [{ command: 'kubectl delete pod load-generator' }],
      goal: { says: { en: 'php-apache is back to one replica', ko: 'php-apache가 레플리카 하나로 돌아왔습니다' }, all: [{ object: { resource: 'pods', name: 'load-generator', exists: false } }, { deployment: { name: 'php-apache', ready: 1 } }] },
    },
  ],
};

const BIG = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch
spec:
  replicas: 4
  selector:
    matchLabels: {app: batch}
  template:
    metadata:
      labels: {app: batch}
    spec:
      containers:
      - name: worker
        image: nginx:1.27
        resources:
          requests: {cpu: 1500m, memory: 1Gi}
`;

export const clusterAutoscaling: Lesson = {
  id: 'cluster-autoscaling',
  title: { en: 'When the cluster itself grows', ko: '클러스터 자체가 커질 때' },
  summary: {
    en: 'Pods that fit on no node make the cluster autoscaler ask the cloud for more machines — and give them back when idle.',
    ko: '어느 노드에도 들어가지 않는 파드가 있으면 클러스터 오토스케일러가 클라우드에 머신을 더 요청하고, 한가해지면 돌려줍니다.',
  },
  concepts: ['C19', 'C03'],
  scenario: { cluster: { seed: 23, workers: 1 }, clusterAutoscaler: { name: 'pool', min: 0, max: 3, cpu: 4, memoryGi: 8, provisionSeconds: 60 } },
  steps: [
    {
      id: 'pending',
      highlight: [{ kind: 'Component', name: 'cloud-controller-manager' }, { kind: 'Deployment', name: 'batch' }],
      title: { en: 'More than one node can hold', ko: '노드 하나로는 모자랄 때' },
      instructions: {
        en: 'This cluster has one worker and a cloud node group "pool" (0 to 3 machines of 4 CPUs). Apply the Deployment in the editor: four pods asking 1.5 CPUs each. Two fit; two wait, and the cluster autoscaler, seeing them, asks the cloud for a node (TriggeredScaleUp). The machine takes about a minute to boot and join.',
        ko: '이 클러스터에는 워커 하나와 클라우드 노드 그룹 "pool"(CPU 4개짜리 머신 0~3대)이 있습니다. 편집기의 디플로이먼트를 적용하세요. CPU를 1.5개씩 요청하는 파드 넷입니다. 둘은 들어가고 둘은 기다리는데, 클러스터 오토스케일러가 이를 보고 클라우드에 노드를 요청합니다(TriggeredScaleUp). 머신이 부팅해 합류하는 데 1분쯤 걸립니다.',
      },
      starterYaml: BIG,
      hints: [{ en: 'Watch for a new pool-… node in the diagram, and the events.', ko: '다이어그램에 새 pool-… 노드가 생기는지, 이벤트는 어떤지 보세요.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: BIG }],
      goal: { says: { en: 'All four batch pods run, on a node the autoscaler added', ko: 'batch 파드 넷이 모두 실행 중이고, 그중 일부는 오토스케일러가 더한 노드에 있습니다' }, pods: { selector: 'app=batch', count: 4, someOnNodePrefix: 'pool-' } },
    },
    {
      id: 'shrink',
      title: { en: 'Give machines back', ko: '머신 돌려주기' },
      instructions: {
        en: 'Scale the work down:\n\nkubectl scale deployment batch --replicas=1\n\nA pool node that stays under half used for 10 minutes is tainted, drained and removed — the cloud stops charging for it. Speed the clock up and watch the node go.',
        ko: '일을 줄여 보세요.\n\nkubectl scale deployment batch --replicas=1\n\n10분 동안 절반도 쓰이지 않은 pool 노드는 테인트가 붙고, 비워진 뒤 제거됩니다. 클라우드 비용도 더는 나가지 않죠. 시계를 빠르게 하고 노드가 사라지는 것을 보세요.',
      },
      suggestedCommand: 'kubectl scale deployment batch --replicas=1',
      hints: [{ en: 'The autoscaler waits 10 minutes after adding a node before it removes any.', ko: '오토스케일러는 노드를 더한 뒤 10분 동안은 노드를 빼지 않습니다.' }],
      solution: [{ command: 'kubectl scale deployment batch --replicas=1' }],
      goal: { says: { en: 'The autoscaler removed the pool nodes again', ko: '오토스케일러가 pool 노드를 다시 제거했습니다' }, all: [{ nodeCount: { prefix: 'pool-', count: 0 } }, { pods: { selector: 'app=batch', count: 1 } }] },
    },
  ],
};
