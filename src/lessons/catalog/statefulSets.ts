/** Lesson: StatefulSets — stable names, ordered start, a headless Service, and a claim per replica that outlives its pod. */
import type { Lesson } from '../types';

const CLIENT = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sleep", "86400"]
`;

const DB = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector: {app: db}
  ports:
  - port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16
        env:
        - {name: POSTGRES_PASSWORD, value: example}
        - {name: PGDATA, value: /data/pgdata}
        volumeMounts:
        - {name: data, mountPath: /data}
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

export const statefulSets: Lesson = {
  id: 'stateful-sets',
  title: { en: 'Replicas with a name and a disk of their own', ko: '이름과 디스크를 가진 레플리카' },
  summary: {
    en: 'A StatefulSet gives each replica a stable name, starts them in order, and gives each its own claim — which stays when the pod goes.',
    ko: '스테이트풀셋은 레플리카마다 바뀌지 않는 이름을 주고, 순서대로 시작하며, 각자의 클레임을 줍니다. 그 클레임은 파드가 사라져도 남습니다.',
  },
  concepts: ['C33', 'C20'],
  scenario: { cluster: { seed: 38, workers: 3 }, apply: [CLIENT], advanceSeconds: 20 },
  steps: [
    {
      id: 'ordered',
      highlight: [{ kind: 'StatefulSet', name: 'db' }],
      title: { en: 'One at a time, in order', ko: '하나씩, 순서대로' },
      instructions: {
        en: 'The pods of a Deployment are interchangeable: random names, any one may replace any other. A database cluster is not like that — the first member often sets things up, the others join it, and each keeps its own data.\n\nThe editor holds a StatefulSet db with three replicas, and a Service for it. Apply it and watch the order:\n\nkubectl get pods -l app=db\n\nkubectl get pvc\n\nThe pods are db-0, db-1 and db-2, and db-1 is created only once db-0 is Running and ready. From volumeClaimTemplates the StatefulSet makes one claim per pod: data-db-0, data-db-1, data-db-2.',
        ko: '디플로이먼트의 파드는 서로 바꿔 쓸 수 있습니다. 이름은 무작위이고, 어느 파드든 다른 파드를 대신할 수 있죠. 데이터베이스 클러스터는 다릅니다. 보통 첫 멤버가 먼저 준비를 마치고 나머지가 거기에 합류하며, 멤버마다 자기 데이터를 따로 가집니다.\n\n편집기에 레플리카 3개를 둔 스테이트풀셋 db와, 이를 위한 서비스가 있습니다. 적용하고 순서를 지켜보세요.\n\nkubectl get pods -l app=db\n\nkubectl get pvc\n\n파드 이름은 db-0, db-1, db-2이고, db-1은 db-0이 Running이 되어 준비를 마친 뒤에야 만들어집니다. 스테이트풀셋은 volumeClaimTemplates를 보고 파드마다 클레임을 하나씩 만듭니다. data-db-0, data-db-1, data-db-2입니다.',
      },
      figure: {
        kind: 'table',
        caption: { en: 'Two ways to run replicas', ko: '레플리카를 돌리는 두 가지 방법' },
        header: [{ en: 'Deployment', ko: '디플로이먼트' }, { en: 'StatefulSet', ko: '스테이트풀셋' }],
        rows: [
          [{ en: 'random names', ko: '무작위 이름' }, { en: 'db-0, db-1 …', ko: 'db-0, db-1 …' }],
          [{ en: 'start all at once', ko: '한꺼번에 시작' }, { en: 'start in order', ko: '순서대로 시작' }],
          [{ en: 'a replacement gets a new name', ko: '대신할 파드는 새 이름' }, { en: 'a replacement keeps the name', ko: '대신할 파드도 같은 이름' }],
          [{ en: 'one shared claim, or none', ko: '클레임을 함께 쓰거나 없음' }, { en: 'a claim per pod, kept', ko: '파드마다 클레임, 계속 남음' }],
        ],
      },
      starterYaml: DB,
      hints: [
        { en: 'Run kubectl get pods -l app=db a few times while they start: never two of them Pending at once.', ko: '파드가 시작하는 동안 kubectl get pods -l app=db를 몇 번 실행해 보세요. 두 파드가 동시에 Pending인 순간은 없습니다.' },
        { en: 'podManagementPolicy: Parallel would start them all at once, for apps that need no order.', ko: '순서가 필요 없는 앱이라면 podManagementPolicy: Parallel로 한꺼번에 시작할 수 있습니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: DB }],
      goal: {
        says: { en: 'db-0, db-1 and db-2 run, each with its own Bound claim', ko: 'db-0, db-1, db-2가 각자 Bound된 클레임을 가지고 실행 중입니다' },
        all: [
          { pods: { selector: 'app=db', count: 3 } },
          { claim: { name: 'data-db-0', usedBy: 'statefulset.kubernetes.io/pod-name=db-0' } },
          { claim: { name: 'data-db-1', usedBy: 'statefulset.kubernetes.io/pod-name=db-1' } },
          { claim: { name: 'data-db-2', usedBy: 'statefulset.kubernetes.io/pod-name=db-2' } },
        ],
      },
    },
    {
      id: 'dns',
      highlight: [{ kind: 'Service', name: 'db' }],
      title: { en: 'A Service without a virtual IP', ko: '가상 IP가 없는 서비스' },
      instructions: {
        en: 'The Service db has clusterIP: None: it is headless. An ordinary Service gives clients one virtual IP and picks a pod for each connection; a database client usually needs to know the members and choose (writes to the primary, reads anywhere). So the cluster DNS answers a headless Service\'s name with every ready pod\'s own IP. Ask from the client pod:\n\nkubectl exec client -- nslookup db\n\nAnd each pod\'s hostname is its stable name, the same after any restart:\n\nkubectl exec db-0 -- hostname',
        ko: '서비스 db에는 clusterIP: None이 있습니다. 헤드리스(headless) 서비스라는 뜻입니다. 보통의 서비스는 클라이언트에게 가상 IP 하나를 주고 연결마다 파드를 골라 줍니다. 하지만 데이터베이스 클라이언트는 대개 멤버를 알고 직접 골라야 합니다(쓰기는 프라이머리로, 읽기는 아무 데나). 그래서 클러스터 DNS는 헤드리스 서비스의 이름을 물으면 준비된 파드 각각의 IP로 답합니다. client 파드에서 물어보세요.\n\nkubectl exec client -- nslookup db\n\n파드의 호스트 이름도 그 고정된 이름 그대로이고, 파드가 다시 만들어져도 바뀌지 않습니다.\n\nkubectl exec db-0 -- hostname',
      },
      hints: [
        { en: 'Compare kubectl get pods -l app=db -o wide: the addresses nslookup printed are the pods\' IPs.', ko: 'kubectl get pods -l app=db -o wide와 비교해 보세요. nslookup이 출력한 주소가 바로 파드의 IP입니다.' },
        { en: 'serviceName: db in the StatefulSet names this Service as the one that governs its pods.', ko: '스테이트풀셋의 serviceName: db는 파드들의 네트워크 신원을 이 서비스가 맡는다는 뜻입니다.' },
      ],
      solution: [{ command: 'kubectl exec client -- nslookup db' }, { command: 'kubectl exec db-0 -- hostname' }],
      goal: {
        says: { en: 'You looked up db and got the pods\' own addresses', ko: 'db를 조회해 파드 각각의 주소를 받았습니다' },
        command: { matches: '^exec\\b.*\\bnslookup db\\b', output: 'Address: 10\\.244\\.\\S+\\s+Name:\\s+\\S+\\s+Address: 10\\.244\\.\\S+\\s+Name:\\s+\\S+\\s+Address: 10\\.244\\.' },
      },
    },
    {
      id: 'write',
      title: { en: 'Write on db-0\'s disk', ko: 'db-0의 디스크에 쓰기' },
      instructions: {
        en: 'Each replica mounts its own claim at /data. Mark db-0 as the primary on its own volume:\n\nkubectl exec db-0 -- sh -c "echo primary > /data/role.txt"\n\ndb-1 and db-2 do not see this file: their /data is a different disk.',
        ko: '레플리카마다 자기 클레임을 /data에 마운트합니다. db-0의 볼륨에 이 파드가 프라이머리라고 적어 두세요.\n\nkubectl exec db-0 -- sh -c "echo primary > /data/role.txt"\n\ndb-1과 db-2는 이 파일을 볼 수 없습니다. 그 파드들의 /data는 다른 디스크입니다.',
      },
      hints: [{ en: 'kubectl exec db-1 -- ls /data: no role.txt there.', ko: 'kubectl exec db-1 -- ls /data를 실행해 보세요. 거기에는 role.txt가 없습니다.' }],
      solution: [{ command: 'kubectl exec db-0 -- sh -c "echo primary > /data/role.txt"' }],
      goal: { says: { en: 'The volume of claim data-db-0 holds role.txt', ko: '클레임 data-db-0의 볼륨에 role.txt가 있습니다' }, claim: { name: 'data-db-0', holds: 'role.txt' } },
    },
    {
      id: 'replace',
      highlight: [{ kind: 'Pod', name: 'db-0' }],
      title: { en: 'Same name, same disk', ko: '같은 이름, 같은 디스크' },
      instructions: {
        en: 'Delete db-0, as a crash or a node repair would:\n\nkubectl delete pod db-0\n\nA Deployment would make a pod with a new random name and no memory of the old one. The StatefulSet makes db-0 again — the same name, the same claim data-db-0 — and the disk follows it to whichever node it lands on. Read what the old pod wrote:\n\nkubectl exec db-0 -- cat /data/role.txt',
        ko: '장애가 나거나 노드를 수리할 때처럼 db-0을 지워 보세요.\n\nkubectl delete pod db-0\n\n디플로이먼트였다면 무작위 이름의 새 파드를 만들었을 테고, 그 파드는 예전 파드에 대해 아무것도 모릅니다. 스테이트풀셋은 db-0을 다시 만듭니다. 이름도 같고 클레임도 data-db-0 그대로이며, 디스크는 새 파드가 놓인 노드로 따라갑니다. 예전 파드가 쓴 내용을 읽어 보세요.\n\nkubectl exec db-0 -- cat /data/role.txt',
      },
      hints: [
        { en: 'If exec says the pod is not running yet, wait a moment: the new db-0 starts only after the old one has gone.', ko: 'exec가 파드가 아직 실행 중이 아니라고 하면 잠시 기다리세요. 새 db-0은 예전 db-0이 완전히 사라진 뒤에야 시작합니다.' },
        { en: 'kubectl get pod db-0 -o wide: look at AGE (new) and NODE.', ko: 'kubectl get pod db-0 -o wide에서 AGE(새로 생김)와 NODE를 보세요.' },
      ],
      solution: [{ command: 'kubectl delete pod db-0' }, { command: 'kubectl exec db-0 -- cat /data/role.txt' }],
      goal: {
        says: { en: 'A new db-0 runs on claim data-db-0, and you read role.txt from it', ko: '새 db-0이 클레임 data-db-0으로 실행 중이고, 거기서 role.txt를 읽었습니다' },
        all: [
          { pods: { selector: 'statefulset.kubernetes.io/pod-name=db-0', count: 1, newSinceStep: true, claim: 'data-db-0' } },
          { command: { matches: '^exec\\b.*\\bdb-0\\b.*\\bcat /data/role\\.txt', output: 'primary' } },
        ],
      },
    },
    {
      id: 'scale-down',
      highlight: [{ kind: 'StatefulSet', name: 'db' }],
      title: { en: 'Scaling down keeps the data', ko: '줄여도 데이터는 남는다' },
      instructions: {
        en: 'Scale the StatefulSet down to one replica:\n\nkubectl scale statefulset db --replicas=1\n\nIt removes pods in reverse order — db-2 first, then db-1 — so db-0, the one the others depend on, goes last. Now look at the claims:\n\nkubectl get pvc\n\nAll three are still Bound. Fewer replicas is not a decision to throw data away, and a deleted disk cannot be brought back; so Kubernetes leaves that to you.',
        ko: '스테이트풀셋을 레플리카 하나로 줄이세요.\n\nkubectl scale statefulset db --replicas=1\n\n파드는 만들어진 순서의 반대로 지워집니다. db-2가 먼저, 그다음 db-1입니다. 다른 멤버가 기대는 db-0이 가장 늦게 떠나는 셈입니다. 이제 클레임을 보세요.\n\nkubectl get pvc\n\n셋 다 여전히 Bound입니다. 레플리카를 줄인다고 데이터를 버리기로 한 것은 아니고, 지운 디스크는 되살릴 수 없습니다. 그래서 쿠버네티스는 그 결정을 사람에게 맡깁니다.',
      },
      hints: [{ en: 'persistentVolumeClaimRetentionPolicy (whenScaled: Delete) asks the StatefulSet to delete the claims of removed replicas instead.', ko: 'persistentVolumeClaimRetentionPolicy에 whenScaled: Delete를 쓰면 스테이트풀셋이 없어진 레플리카의 클레임을 대신 지웁니다.' }],
      solution: [{ command: 'kubectl scale statefulset db --replicas=1' }, { command: 'kubectl get pvc' }],
      goal: {
        says: { en: 'Only db-0 runs, and claims data-db-1 and data-db-2 are still Bound', ko: 'db-0만 실행 중이고, 클레임 data-db-1과 data-db-2는 여전히 Bound입니다' },
        all: [
          { pods: { selector: 'app=db', count: 1 } },
          { object: { resource: 'persistentvolumeclaims', name: 'data-db-1', fields: [{ path: 'status.phase', equals: 'Bound' }] } },
          { object: { resource: 'persistentvolumeclaims', name: 'data-db-2', fields: [{ path: 'status.phase', equals: 'Bound' }] } },
        ],
      },
    },
    {
      id: 'scale-up',
      title: { en: 'Back to three', ko: '다시 셋으로' },
      instructions: {
        en: 'Before you scale back up, think about what db-2 will find in /data.\n\nkubectl scale statefulset db --replicas=3\n\nkubectl get pods -l app=db',
        ko: '다시 늘리기 전에, db-2가 /data에서 무엇을 보게 될지 생각해 보세요.\n\nkubectl scale statefulset db --replicas=3\n\nkubectl get pods -l app=db',
      },
      quiz: {
        question: { en: 'Which volume does the new db-2 mount?', ko: '새 db-2는 어느 볼륨을 마운트할까요?' },
        choices: [
          { en: 'A new, empty one: its claim is made afresh', ko: '새로 만든 빈 볼륨. 클레임도 새로 만들어진다' },
          { en: 'The one it had before, through claim data-db-2, with whatever it held', ko: '예전에 쓰던 볼륨. 클레임 data-db-2를 통해, 담겨 있던 내용 그대로' },
          { en: 'db-0\'s volume, shared with it', ko: 'db-0의 볼륨을 함께 쓴다' },
        ],
        correct: 1,
        explanation: { en: 'How is the PVC of each replica named, and what did kubectl get pvc list after scaling down?', ko: '레플리카마다 받는 PVC의 이름은 어떻게 정해질까요? 줄인 뒤 kubectl get pvc에는 무엇이 남아 있었나요?' },
        answerNote: {
          en: 'The claim is named <template>-<pod>: data-db-2. The StatefulSet finds it still there and mounts it again, so db-2 picks up where it left off.',
          ko: '클레임 이름은 <템플릿>-<파드> 꼴, 곧 data-db-2입니다. 스테이트풀셋은 그 클레임이 아직 있는 것을 보고 다시 마운트하므로, db-2는 멈췄던 곳에서 이어 갑니다.',
        },
      },
      hints: [{ en: 'kubectl get pvc shows no new claim after the scale-up.', ko: '늘린 뒤에도 kubectl get pvc에 새 클레임은 보이지 않습니다.' }],
      solution: [{ command: 'kubectl scale statefulset db --replicas=3' }, { answer: 1 }],
      goal: { answer: 1 },
    },
  ],
};
