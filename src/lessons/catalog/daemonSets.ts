/** Lesson: DaemonSets — one pod per node, new nodes included; tolerations for the control plane, nodeSelector to choose. */
import type { Lesson } from '../types';

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels: {app: log-agent}
  template:
    metadata:
      labels: {app: log-agent}
    spec:
      containers:
      - name: fluent-bit
        image: fluent/fluent-bit:3.2
        resources:
          requests: {cpu: 50m, memory: 64Mi}
`;

/** The same agent, tolerating the control plane's taint. */
const AGENT_EVERYWHERE = AGENT.replace(
  '    spec:\n      containers:',
  `    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:`,
);

const BATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch
spec:
  replicas: 3
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
          requests: {cpu: 3, memory: 2Gi}
`;

const DISK_CHECK = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: disk-check
spec:
  selector:
    matchLabels: {app: disk-check}
  template:
    metadata:
      labels: {app: disk-check}
    spec:
      nodeSelector:
        disktype: ssd
      containers:
      - name: smart
        image: busybox:1.36
        command: ["sh", "-c", "while true; do echo disk ok; sleep 60; done"]
`;

export const daemonSets: Lesson = {
  id: 'daemon-sets',
  title: { en: 'One on every node: DaemonSets', ko: '노드마다 하나씩: 데몬셋' },
  summary: {
    en: 'Run an agent on every node with a DaemonSet: it follows new nodes by itself, reaches the control plane with a toleration, and keeps to chosen nodes with a nodeSelector.',
    ko: '데몬셋으로 노드마다 에이전트를 하나씩 실행합니다. 새 노드에는 알아서 따라가고, 톨러레이션으로 컨트롤 플레인에도 가며, nodeSelector로 고른 노드에만 머뭅니다.',
  },
  concepts: ['C34'],
  scenario: { cluster: { seed: 39, workers: 2 }, clusterAutoscaler: { name: 'pool', min: 0, max: 2, cpu: 4, memoryGi: 8, provisionSeconds: 60 } },
  steps: [
    {
      id: 'every-node',
      highlight: [{ kind: 'Component', name: 'kube-controller-manager' }],
      title: { en: 'An agent on each node', ko: '노드마다 에이전트 하나' },
      instructions: {
        en: 'Some programs belong to a machine, not to an app: a log collector reading each node\'s /var/log, a metrics exporter, a network plugin. You want exactly one on every node — a Deployment with "replicas: number of nodes" would put two on one node and none on another, and fall behind whenever a node comes or goes.\n\nA DaemonSet asks for that directly: it has no replicas field. Apply the log agent in the editor, then see where its pods went:\n\nkubectl get daemonset log-agent\n\nkubectl get pods -l app=log-agent -o wide\n\nOne pod on worker-1, one on worker-2 — and none on control-plane.',
        ko: '어떤 프로그램은 앱이 아니라 머신에 딸려 있습니다. 노드마다 /var/log를 읽는 로그 수집기, 메트릭 수집기, 네트워크 플러그인 같은 것들이죠. 이런 프로그램은 모든 노드에 정확히 하나씩 있어야 합니다. 디플로이먼트에 "replicas: 노드 수"를 쓰면 한 노드에 둘, 다른 노드에는 하나도 없을 수 있고, 노드가 늘거나 줄 때마다 뒤처집니다.\n\n데몬셋(DaemonSet)으로는 바로 그것을 요청할 수 있습니다. replicas 필드가 아예 없죠. 편집기의 로그 에이전트를 적용하고 파드가 어디에 갔는지 보세요.\n\nkubectl get daemonset log-agent\n\nkubectl get pods -l app=log-agent -o wide\n\nworker-1에 하나, worker-2에 하나가 있고, control-plane에는 없습니다.',
      },
      starterYaml: AGENT,
      hints: [
        { en: 'kube-proxy in kube-system is a DaemonSet too: kubectl get daemonsets -n kube-system.', ko: 'kube-system의 kube-proxy도 데몬셋입니다. kubectl get daemonsets -n kube-system으로 확인해 보세요.' },
        { en: 'DESIRED in kubectl get daemonset is the number of nodes the pod may run on.', ko: 'kubectl get daemonset의 DESIRED는 파드가 실행될 수 있는 노드의 수입니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: AGENT }],
      goal: {
        says: { en: 'A log-agent pod runs on each of the two workers', ko: '워커 두 대에 log-agent 파드가 하나씩 실행 중입니다' },
        pods: { selector: 'app=log-agent', count: 2, nodesAtLeast: 2 },
      },
    },
    {
      id: 'control-plane',
      highlight: [{ kind: 'Node', name: 'control-plane' }],
      title: { en: 'The control plane too', ko: '컨트롤 플레인에도' },
      instructions: {
        en: 'The control-plane node carries a taint, node-role.kubernetes.io/control-plane:NoSchedule, so that ordinary work stays off the machine that runs the API server. Yet its logs matter as much as any node\'s.\n\nkubectl describe node control-plane\n\nA pod may go where a taint would keep it out only if it tolerates the taint. The editor\'s version of log-agent adds that toleration; apply it. The DaemonSet controller sees one more node that fits and adds a pod there.',
        ko: '컨트롤 플레인 노드에는 테인트 node-role.kubernetes.io/control-plane:NoSchedule이 붙어 있습니다. 일반 작업이 API 서버가 도는 머신에 올라가지 않게 하려는 것이죠. 하지만 그 노드의 로그도 다른 노드만큼 중요합니다.\n\nkubectl describe node control-plane\n\n테인트가 막는 노드에 파드가 가려면 그 테인트를 견디는 톨러레이션(toleration)이 있어야 합니다. 편집기의 log-agent에 그 톨러레이션을 넣어 두었으니 적용하세요. 데몬셋 컨트롤러가 조건에 맞는 노드가 하나 늘어난 것을 보고 그곳에 파드를 더합니다.',
      },
      starterYaml: AGENT_EVERYWHERE,
      hints: [
        { en: 'Look for Taints: in the describe output. operator: Exists tolerates the taint whatever its value.', ko: 'describe 출력에서 Taints:를 찾아보세요. operator: Exists는 값이 무엇이든 그 테인트를 견딥니다.' },
        { en: 'kube-proxy has run on control-plane all along: its DaemonSet tolerates every taint.', ko: 'kube-proxy는 처음부터 control-plane에서 돌고 있었습니다. 그 데몬셋은 모든 테인트를 견딥니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: AGENT_EVERYWHERE }],
      goal: {
        says: { en: 'log-agent runs on all three nodes, control-plane included', ko: 'log-agent가 control-plane을 포함한 세 노드 모두에서 실행 중입니다' },
        // Three nodes so far (the autoscaler has added none): a pod on each means one on control-plane.
        pods: { selector: 'app=log-agent', count: 3, nodesAtLeast: 3 },
      },
    },
    {
      id: 'new-node',
      highlight: [{ kind: 'Component', name: 'cloud-controller-manager' }],
      title: { en: 'A new node gets one by itself', ko: '새 노드에는 저절로' },
      instructions: {
        en: 'This cluster can grow: the cluster autoscaler may add up to two machines from the cloud node group "pool". The Deployment in the editor runs three pods of 3 CPUs each; a worker has room for one, so the third waits and a new node joins. Apply it, and watch the nodes and the agents:\n\nkubectl get nodes\n\nkubectl get pods -l app=log-agent -o wide\n\nNobody tells the DaemonSet about the new machine. Its controller watches Nodes, and as soon as pool-… registers, it makes a log-agent pod for that node.',
        ko: '이 클러스터는 커질 수 있습니다. 클러스터 오토스케일러가 클라우드 노드 그룹 "pool"에서 머신을 두 대까지 더할 수 있죠. 편집기의 디플로이먼트는 CPU 3개짜리 파드 셋을 실행합니다. 워커 한 대에는 하나밖에 들어가지 않으니, 세 번째 파드가 기다리고 새 노드가 합류합니다. 적용하고 노드와 에이전트를 지켜보세요.\n\nkubectl get nodes\n\nkubectl get pods -l app=log-agent -o wide\n\n새 머신이 생겼다고 데몬셋에 알려 주는 사람은 없습니다. 데몬셋 컨트롤러가 노드를 지켜보다가 pool-… 노드가 등록되자마자 그 노드의 log-agent 파드를 만듭니다.',
      },
      starterYaml: BATCH,
      hints: [
        { en: 'The machine takes about a minute to boot. Speed the clock up if you like.', ko: '머신이 부팅하는 데 1분쯤 걸립니다. 원하면 시계를 빠르게 돌리세요.' },
        { en: 'When a node leaves, its DaemonSet pod goes with it; nothing is rescheduled elsewhere.', ko: '노드가 빠지면 그 노드의 데몬셋 파드도 함께 사라지고, 다른 곳으로 옮겨 가지 않습니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: BATCH }],
      goal: {
        says: { en: 'A log-agent pod runs on the node the autoscaler added', ko: '오토스케일러가 더한 노드에서 log-agent 파드가 실행 중입니다' },
        pods: { selector: 'app=log-agent', count: 4, atLeast: true, someOnNodePrefix: 'pool-' },
      },
    },
    {
      id: 'some-nodes',
      title: { en: 'Only where it belongs', ko: '필요한 노드에만' },
      instructions: {
        en: 'Not every agent is for every node. disk-check watches SSDs, so its pod template has nodeSelector: disktype: ssd. Apply it from the editor:\n\nkubectl get daemonset disk-check\n\nDESIRED is 0: no node carries that label yet. worker-1 has an SSD — say so with a label:\n\nkubectl label node worker-1 disktype=ssd\n\nThe DaemonSet follows node labels as it follows nodes: the label appears, and a pod appears with it. Remove the label later (disktype-) and the pod goes.',
        ko: '모든 에이전트가 모든 노드에 필요한 것은 아닙니다. disk-check는 SSD를 살피는 에이전트라서 파드 템플릿에 nodeSelector: disktype: ssd가 있습니다. 편집기에서 적용하세요.\n\nkubectl get daemonset disk-check\n\nDESIRED가 0입니다. 아직 그 레이블을 가진 노드가 없으니까요. worker-1에는 SSD가 있으니 레이블로 알려 주세요.\n\nkubectl label node worker-1 disktype=ssd\n\n데몬셋은 노드를 따라가듯 노드 레이블도 따라갑니다. 레이블이 생기면 파드도 생기고, 나중에 레이블을 지우면(disktype-) 파드도 사라집니다.',
      },
      starterYaml: DISK_CHECK,
      hints: [{ en: 'kubectl get nodes -L disktype shows the label as a column.', ko: 'kubectl get nodes -L disktype 명령으로 레이블을 열로 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: DISK_CHECK }, { command: 'kubectl label node worker-1 disktype=ssd' }],
      goal: {
        says: { en: 'disk-check runs only on the node labelled disktype=ssd', ko: 'disk-check가 disktype=ssd 레이블이 붙은 노드에서만 실행 중입니다' },
        pods: { selector: 'app=disk-check', count: 1, onNodes: 'disktype=ssd' },
      },
    },
  ],
};
