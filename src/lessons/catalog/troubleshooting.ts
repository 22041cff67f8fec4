/**
 * The troubleshooting track: each lesson starts a cluster with one thing broken, as a learner
 * will meet it at work. The learner finds it with get, describe, logs, events, the diagram and
 * "Why?", then fixes it however they like — the goal checks the cluster, never the commands.
 * Hints are graded: where to look, what to look for, then the fix.
 *
 * Over 400 lines: the whole track (twelve short lessons and their broken manifests) is one file,
 * as the lesson panel shows it as one list.
 */
import type { Lesson } from '../types';
import { deploymentReady, podRunning } from '../goals';
import { APP as FRONT_AND_API, DENY as DEFAULT_DENY } from './networkPolicy';

/** A Deployment of `name` (label app=`name`): `containers` is the YAML under `containers:`, indented for it. */
function deployment(name: string, replicas: number, containers: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}${extra}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
${containers}`;
}

const REPORT = deployment(
  'report',
  2,
  `      - name: report
        image: nginx:1.27
        resources:
          requests:
            cpu: "6"
            memory: 128Mi
`,
);

const CACHE = deployment(
  'cache',
  2,
  `      - name: cache
        image: redis:7
      nodeSelector:
        disktype: ssd
`,
);

const WEB = deployment(
  'web',
  3,
  `      - name: web
        image: ngnix:1.27
`,
);

const WORKER = deployment(
  'worker',
  1,
  `      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo 'worker: polling the queue'; while true; do echo 'worker: nothing to do'; sleep 10"]
`,
);

const API = `${deployment(
  'api',
  2,
  `      - name: api
        image: nginx:1.27
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 8080
          periodSeconds: 5
`,
)}---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
  - port: 80
`;

const SHOP = `${deployment(
  'shop',
  2,
  `      - name: shop
        image: nginx:1.27
        ports:
        - containerPort: 80
`,
)}---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop-web
  ports:
  - port: 80
`;

const CLIENT = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sleep", "infinity"]
`;

const MENU = `${deployment(
  'menu',
  2,
  `      - name: menu
        image: nginx:1.27
        ports:
        - containerPort: 80
`,
)}---
apiVersion: v1
kind: Service
metadata:
  name: menu
spec:
  selector:
    app: menu
  ports:
  - port: 80
    targetPort: 8080
`;

const DB = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: fast-ssd
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: db
    image: postgres:16
    env:
    - name: POSTGRES_PASSWORD
      value: example
    volumeMounts:
    - name: data
      mountPath: /var/lib/postgresql/data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`;

const FAST_SSD = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast-ssd
provisioner: disk.csi.wheelhouse.dev
parameters:
  type: ssd
volumeBindingMode: WaitForFirstConsumer
`;

const APP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  db_host: db.internal
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: DB_HOST
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: DB_HOST
`;

const STORE_STRATEGY = `
  strategy:
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1`;
const store = (image: string) => deployment('store', 3, `      - name: store\n        image: ${image}\n`, STORE_STRATEGY);

export const fixPending: Lesson = {
  id: 'fix-pending-resources',
  track: 'troubleshooting',
  title: { en: 'Broken: pods that never start', ko: '고장: 시작하지 않는 파드' },
  summary: {
    en: 'The report service was deployed a minute ago and nothing runs. Find why the scheduler places none of its pods, and fix it.',
    ko: 'report 서비스를 1분 전에 배포했는데 아무것도 실행되지 않습니다. 스케줄러가 파드를 하나도 배치하지 않는 이유를 찾아 고치세요.',
  },
  concepts: ['C27', 'C11'],
  scenario: { cluster: { seed: 41, workers: 3 }, apply: [REPORT], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Get report running', ko: 'report 실행하기' },
      instructions: {
        en: 'Both report pods have been Pending since they were created. Start from the symptom:\n\nkubectl get pods\n\nkubectl describe pod -l app=report\n\nThe manifest the team applied is in the editor. Fix the cause, not the symptom: both replicas must run.',
        ko: 'report 파드 두 개가 만들어진 뒤로 계속 Pending입니다. 증상부터 살펴보세요.\n\nkubectl get pods\n\nkubectl describe pod -l app=report\n\n팀이 적용한 매니페스트가 편집기에 있습니다. 증상이 아니라 원인을 고치세요. 레플리카 두 개가 모두 실행되어야 합니다.',
      },
      starterYaml: REPORT,
      hints: [
        { en: 'A Pending pod has no node yet. Why the scheduler left it there is in its events (describe), and in its panel when you click it on the diagram.', ko: 'Pending 파드는 아직 노드가 없습니다. 스케줄러가 왜 배치하지 않았는지는 파드의 이벤트(describe)와, 다이어그램에서 파드를 눌렀을 때 나오는 패널에 있습니다.' },
        { en: 'FailedScheduling says Insufficient cpu: each replica requests 6 CPUs, more than any node can give (see Allocatable in kubectl describe node worker-1).', ko: 'FailedScheduling 이벤트에 Insufficient cpu라고 나옵니다. 레플리카마다 CPU 6개를 요청하는데, 어느 노드도 그만큼 줄 수 없습니다(kubectl describe node worker-1의 Allocatable 참고).' },
        { en: 'Ask for what the service needs, e.g. cpu: "600m" (0.6 of a CPU), in the editor, and press Apply.', ko: '편집기에서 서비스에 필요한 만큼만, 예를 들어 cpu: "600m"(CPU 0.6개)으로 요청을 바꾸고 적용을 누르세요.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: REPORT.replace('cpu: "6"', 'cpu: "600m"') }],
      goal: deploymentReady('report', 2),
    },
  ],
};

export const fixNodeSelector: Lesson = {
  id: 'fix-node-selector',
  track: 'troubleshooting',
  title: { en: 'Broken: no node will do', ko: '고장: 맞는 노드가 없음' },
  summary: {
    en: 'The cache pods wait for a node forever, though every node has room. Find what they ask of a node, and fix it.',
    ko: 'cache 파드가 노드를 끝없이 기다립니다. 노드마다 자리는 넉넉한데도요. 파드가 노드에 무엇을 요구하는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C12'],
  scenario: { cluster: { seed: 42, workers: 3 }, apply: [CACHE], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Get cache running', ko: 'cache 실행하기' },
      instructions: {
        en: 'Every node is Ready and nearly empty, yet the cache pods stay Pending.\n\nkubectl get pods -o wide\n\nkubectl describe pod -l app=cache\n\nOur worker-2 has the fast disk the cache was meant for. Make both replicas run.',
        ko: '모든 노드가 Ready이고 거의 비어 있는데도 cache 파드는 Pending에 머뭅니다.\n\nkubectl get pods -o wide\n\nkubectl describe pod -l app=cache\n\ncache가 쓰려던 빠른 디스크는 worker-2에 달려 있습니다. 레플리카 두 개가 모두 실행되게 하세요.',
      },
      starterYaml: CACHE,
      hints: [
        { en: 'Read the FailedScheduling event: it counts, node by node, why each one was ruled out.', ko: 'FailedScheduling 이벤트를 읽어 보세요. 노드마다 왜 제외됐는지 세어서 알려 줍니다.' },
        { en: "3 node(s) didn't match Pod's node affinity/selector: the pods want a node labelled disktype=ssd (Node-Selectors in describe), and kubectl get nodes --show-labels shows that none has it.", ko: "3 node(s) didn't match Pod's node affinity/selector — 파드는 disktype=ssd 레이블이 붙은 노드를 원하는데(describe의 Node-Selectors), kubectl get nodes --show-labels를 보면 그런 노드가 없습니다." },
        { en: "Label the node that has the disk: kubectl label node worker-2 disktype=ssd — the scheduler places the pods there at once. (Dropping the nodeSelector would work too, but the cache would lose its fast disk.)", ko: '디스크가 있는 노드에 레이블을 붙이세요: kubectl label node worker-2 disktype=ssd — 스케줄러가 곧바로 파드를 그 노드에 배치합니다. (nodeSelector를 지워도 되지만 그러면 빠른 디스크를 못 씁니다.)' },
      ],
      solution: [{ command: 'kubectl label node worker-2 disktype=ssd' }],
      goal: deploymentReady('cache', 2),
    },
  ],
};

export const fixImage: Lesson = {
  id: 'fix-image-pull',
  track: 'troubleshooting',
  title: { en: 'Broken: the image never arrives', ko: '고장: 이미지를 받지 못함' },
  summary: {
    en: 'The web pods were placed on nodes, but none of them starts. Find what the kubelet cannot do, and fix it.',
    ko: 'web 파드가 노드에 배치됐지만 하나도 시작하지 않습니다. kubelet이 무엇을 못 하는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C07'],
  scenario: { cluster: { seed: 43, workers: 3 }, apply: [WEB], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Get web running', ko: 'web 실행하기' },
      instructions: {
        en: 'The pods have nodes, so the scheduler did its part. Something fails after that:\n\nkubectl get pods\n\nkubectl describe pod -l app=web\n\nMake all three replicas run.',
        ko: '파드에 노드가 정해졌으니 스케줄러는 할 일을 했습니다. 그다음 단계에서 무언가 실패합니다.\n\nkubectl get pods\n\nkubectl describe pod -l app=web\n\n레플리카 세 개가 모두 실행되게 하세요.',
      },
      starterYaml: WEB,
      hints: [
        { en: 'ErrImagePull and ImagePullBackOff mean the node could not download the image; the kubelet tries again with growing pauses. The events name the image.', ko: 'ErrImagePull과 ImagePullBackOff는 노드가 이미지를 내려받지 못했다는 뜻입니다. kubelet은 점점 간격을 늘려 가며 다시 시도합니다. 이벤트에 이미지 이름이 나옵니다.' },
        { en: 'Read the image name letter by letter: ngnix is not nginx. The pod panel on the diagram says so too.', ko: '이미지 이름을 한 글자씩 읽어 보세요. ngnix는 nginx가 아닙니다. 다이어그램의 파드 패널도 그렇게 알려 줍니다.' },
        { en: 'Point the Deployment at the right image: kubectl set image deployment/web web=nginx:1.27 (or fix the editor\'s manifest and apply it).', ko: '디플로이먼트가 올바른 이미지를 쓰게 하세요: kubectl set image deployment/web web=nginx:1.27 (또는 편집기의 매니페스트를 고쳐 적용).' },
      ],
      solution: [{ command: 'kubectl set image deployment/web web=nginx:1.27' }],
      goal: deploymentReady('web', 3),
    },
  ],
};

export const fixCrashLoop: Lesson = {
  id: 'fix-crash-loop',
  track: 'troubleshooting',
  title: { en: 'Broken: a container that keeps dying', ko: '고장: 계속 죽는 컨테이너' },
  summary: {
    en: 'The worker starts, dies and is started again, ever more slowly. Find out from its own output why, and fix it.',
    ko: 'worker가 시작했다가 죽고, 점점 더 느리게 다시 시작됩니다. 컨테이너가 남긴 출력에서 이유를 찾아 고치세요.',
  },
  concepts: ['C27', 'C26'],
  scenario: { cluster: { seed: 44, workers: 3 }, apply: [WORKER], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Keep worker running', ko: 'worker가 계속 실행되게 하기' },
      instructions: {
        en: 'Watch the RESTARTS column grow:\n\nkubectl get pods\n\nA container that died left its output behind. Read what the last run said:\n\nkubectl logs deploy/worker --previous\n\nThe manifest is in the editor. The worker must stay up.',
        ko: 'RESTARTS 열이 늘어나는 것을 보세요.\n\nkubectl get pods\n\n죽은 컨테이너는 출력을 남깁니다. 직전 실행이 남긴 말을 읽어 보세요.\n\nkubectl logs deploy/worker --previous\n\n매니페스트는 편집기에 있습니다. worker가 계속 살아 있어야 합니다.',
      },
      starterYaml: WORKER,
      hints: [
        { en: 'CrashLoopBackOff is not the cause, it is the kubelet waiting (10 s, 20 s, 40 s … up to 5 minutes) before it restarts a container that keeps exiting. The cause is in the container\'s logs.', ko: 'CrashLoopBackOff는 원인이 아니라, 계속 끝나 버리는 컨테이너를 kubelet이 다시 시작하기 전에 기다리는 상태입니다(10초, 20초, 40초 … 최대 5분). 원인은 컨테이너 로그에 있습니다.' },
        { en: 'sh says: syntax error: unexpected end of file (expecting "done"). The command\'s while loop is never closed, so the shell refuses the script and exits with code 2 (see Last State in describe).', ko: 'sh가 syntax error: unexpected end of file (expecting "done")이라고 말합니다. 명령의 while 반복문이 닫히지 않아서 셸이 스크립트를 거부하고 코드 2로 끝납니다(describe의 Last State 참고).' },
        { en: "Close the loop — ...; sleep 10; done — in the editor's command, and apply. The new pod replaces the crashing one.", ko: '편집기의 command에서 반복문을 닫으세요 — ...; sleep 10; done — 그리고 적용하세요. 새 파드가 죽던 파드를 대신합니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: WORKER.replace("sleep 10\"]", "sleep 10; done\"]") }],
      goal: { says: { en: 'Deployment worker has run for 30 s without a restart', ko: '디플로이먼트 worker가 재시작 없이 30초 동안 실행되었습니다' }, pods: { selector: 'app=worker', count: 1, steadyForSeconds: 30 } },
    },
  ],
};

export const fixReadiness: Lesson = {
  id: 'fix-readiness',
  track: 'troubleshooting',
  title: { en: 'Broken: running, but no traffic', ko: '고장: 실행 중인데 트래픽이 없음' },
  summary: {
    en: 'The api pods run, yet the api Service has nowhere to send requests. Find why the pods are never counted ready, and fix it.',
    ko: 'api 파드는 실행 중인데 서비스 api는 요청을 보낼 곳이 없습니다. 파드가 왜 준비된 것으로 인정받지 못하는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C26', 'C14'],
  scenario: { cluster: { seed: 45, workers: 3 }, apply: [API], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      highlight: [{ kind: 'Service', name: 'api' }],
      title: { en: 'Give the api Service its endpoints', ko: '서비스 api에 엔드포인트 주기' },
      instructions: {
        en: 'STATUS says Running, READY says 0/1, and the Service has no endpoints:\n\nkubectl get pods\n\nkubectl get endpoints api\n\nkubectl describe pod -l app=api\n\nThe manifest is in the editor. Both pods must receive traffic.',
        ko: 'STATUS는 Running인데 READY는 0/1이고, 서비스에는 엔드포인트가 없습니다.\n\nkubectl get pods\n\nkubectl get endpoints api\n\nkubectl describe pod -l app=api\n\n매니페스트는 편집기에 있습니다. 두 파드 모두 트래픽을 받아야 합니다.',
      },
      starterYaml: API,
      hints: [
        { en: 'A Service sends traffic only to ready pods. Readiness is decided by the container\'s readiness probe, and each failure is an Unhealthy event.', ko: '서비스는 준비된 파드에만 트래픽을 보냅니다. 준비 여부는 컨테이너의 준비성 프로브가 정하고, 실패할 때마다 Unhealthy 이벤트가 남습니다.' },
        { en: 'Readiness probe failed: … :8080/: connection refused. The probe knocks on port 8080, but nginx listens on 80 (the containerPort).', ko: 'Readiness probe failed: … :8080/: connection refused. 프로브는 8080번 포트를 두드리는데 nginx는 80번(containerPort)에서 기다립니다.' },
        { en: 'Make the probe ask port 80 in the editor, and apply. The new pods turn 1/1 and appear in kubectl get endpoints api.', ko: '편집기에서 프로브가 80번 포트를 묻게 고치고 적용하세요. 새 파드가 1/1이 되고 kubectl get endpoints api에 나타납니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: API.replace('port: 8080', 'port: 80') }],
      goal: { says: { en: 'Service api has two ready endpoints', ko: '서비스 api에 준비된 엔드포인트가 둘입니다' }, all: [{ endpoints: { service: 'api', ready: 2 } }, { pods: { selector: 'app=api', count: 2 } }] },
    },
  ],
};

export const fixSelector: Lesson = {
  id: 'fix-service-selector',
  track: 'troubleshooting',
  title: { en: 'Broken: a Service that finds no pods', ko: '고장: 파드를 못 찾는 서비스' },
  summary: {
    en: 'The shop pods are ready, but the shop Service has no endpoints. Find why it does not see them, and fix it.',
    ko: 'shop 파드는 준비됐는데 서비스 shop에는 엔드포인트가 없습니다. 서비스가 왜 파드를 못 보는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C14', 'C21'],
  scenario: { cluster: { seed: 46, workers: 3 }, apply: [SHOP], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      highlight: [{ kind: 'Service', name: 'shop' }],
      title: { en: 'Connect the shop Service to its pods', ko: '서비스 shop을 파드에 연결하기' },
      instructions: {
        en: 'The pods are 1/1, and still:\n\nkubectl get endpoints shop\n\nkubectl describe service shop\n\nkubectl get pods --show-labels\n\nThe Service must send traffic to both shop pods.',
        ko: '파드는 1/1인데도 이렇습니다.\n\nkubectl get endpoints shop\n\nkubectl describe service shop\n\nkubectl get pods --show-labels\n\n서비스가 shop 파드 두 개 모두에 트래픽을 보내야 합니다.',
      },
      starterYaml: SHOP,
      hints: [
        { en: 'A Service does not know its pods by name: it selects them by labels, and the endpoints follow whatever matches.', ko: '서비스는 파드를 이름으로 알지 않습니다. 레이블로 고르고, 엔드포인트는 일치하는 파드를 따라갑니다.' },
        { en: 'Selector: app=shop-web in describe service, but the pods are labelled app=shop. Nothing matches, so there is nothing to send to.', ko: 'describe service의 Selector는 app=shop-web인데 파드의 레이블은 app=shop입니다. 일치하는 파드가 없으니 보낼 곳도 없습니다.' },
        { en: 'Make the selector match the pods: kubectl patch service shop -p \'{"spec":{"selector":{"app":"shop"}}}\' (or fix the manifest and apply).', ko: '셀렉터가 파드와 맞게 고치세요: kubectl patch service shop -p \'{"spec":{"selector":{"app":"shop"}}}\' (또는 매니페스트를 고쳐 적용).' },
      ],
      solution: [{ command: 'kubectl patch service shop -p \'{"spec":{"selector":{"app":"shop"}}}\'' }],
      goal: { says: { en: 'Service shop has two ready endpoints', ko: '서비스 shop에 준비된 엔드포인트가 둘입니다' }, all: [{ endpoints: { service: 'shop', ready: 2 } }, { pods: { selector: 'app=shop', count: 2 } }] },
    },
  ],
};

export const fixTargetPort: Lesson = {
  id: 'fix-target-port',
  track: 'troubleshooting',
  title: { en: 'Broken: endpoints, but refused', ko: '고장: 엔드포인트는 있는데 거부됨' },
  summary: {
    en: 'The menu Service has its endpoints, yet every request to it is refused. Find where the requests go, and fix it.',
    ko: '서비스 menu에는 엔드포인트가 있는데 요청마다 거부됩니다. 요청이 어디로 가는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C14'],
  scenario: { cluster: { seed: 47, workers: 3 }, apply: [MENU, CLIENT], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      highlight: [{ kind: 'Service', name: 'menu' }],
      title: { en: 'Let requests reach menu', ko: '요청이 menu에 닿게 하기' },
      instructions: {
        en: 'Ask the Service from inside the cluster, from the client pod:\n\nkubectl exec client -- wget -qO- http://menu\n\nkubectl get endpoints menu\n\nkubectl describe service menu\n\nRequests to menu must reach nginx in its pods.',
        ko: '클러스터 안의 client 파드에서 서비스에 요청해 보세요.\n\nkubectl exec client -- wget -qO- http://menu\n\nkubectl get endpoints menu\n\nkubectl describe service menu\n\nmenu로 가는 요청이 파드 안의 nginx에 닿아야 합니다.',
      },
      starterYaml: MENU,
      hints: [
        { en: 'Endpoints exist, so the selector is right and the pods are ready. Look at the port the endpoints list.', ko: '엔드포인트가 있으니 셀렉터는 맞고 파드도 준비되었습니다. 엔드포인트에 적힌 포트를 보세요.' },
        { en: 'The Service forwards port 80 to targetPort 8080 (TargetPort in describe service), but the container listens on 80: the pod answers "connection refused".', ko: '서비스는 80번 포트를 targetPort 8080으로 넘기는데(describe service의 TargetPort), 컨테이너는 80번에서 기다립니다. 그래서 파드가 "connection refused"로 답합니다.' },
        { en: 'Set targetPort to the container\'s port: kubectl patch service menu -p \'{"spec":{"ports":[{"port":80,"targetPort":80}]}}\' — then ask again from client.', ko: 'targetPort를 컨테이너 포트로 맞추세요: kubectl patch service menu -p \'{"spec":{"ports":[{"port":80,"targetPort":80}]}}\' — 그리고 client에서 다시 요청해 보세요.' },
      ],
      solution: [{ command: 'kubectl patch service menu -p \'{"spec":{"ports":[{"port":80,"targetPort":80}]}}\'' }, { command: 'kubectl exec client -- wget -qO- http://menu' }],
      goal: { says: { en: 'Service menu sends requests to port 80 of its two pods', ko: '서비스 menu가 두 파드의 80번 포트로 요청을 보냅니다' }, endpoints: { service: 'menu', ready: 2, port: 80 } },
    },
  ],
};

export const fixStorageClass: Lesson = {
  id: 'fix-storage-class',
  track: 'troubleshooting',
  title: { en: 'Broken: a volume that never comes', ko: '고장: 오지 않는 볼륨' },
  summary: {
    en: 'The db pod waits for its disk, and its claim waits too. Find what the claim asks for, and fix it.',
    ko: 'db 파드가 디스크를 기다리고, 그 클레임도 기다리고 있습니다. 클레임이 무엇을 요청하는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C20'],
  scenario: { cluster: { seed: 48, workers: 3 }, apply: [DB], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Get db its volume', ko: 'db에 볼륨 주기' },
      instructions: {
        en: 'The pod is Pending, and so is its PersistentVolumeClaim:\n\nkubectl get pods,pvc\n\nkubectl describe pvc data\n\nkubectl get storageclass\n\nThe claim must be bound and db running.',
        ko: '파드도 Pending이고 퍼시스턴트볼륨클레임도 Pending입니다.\n\nkubectl get pods,pvc\n\nkubectl describe pvc data\n\nkubectl get storageclass\n\n클레임이 바인딩되고 db가 실행되어야 합니다.',
      },
      starterYaml: DB,
      hints: [
        { en: 'A pod with a claim is not placed until its volume can be provided. The claim\'s events say what stops the provisioner.', ko: '클레임을 쓰는 파드는 볼륨을 마련할 수 있을 때까지 배치되지 않습니다. 클레임의 이벤트에 프로비저너를 막는 이유가 있습니다.' },
        { en: 'ProvisioningFailed: storageclass.storage.k8s.io "fast-ssd" not found. The claim names a class this cluster does not have (kubectl get storageclass lists hdd, ssd and standard).', ko: 'ProvisioningFailed: storageclass.storage.k8s.io "fast-ssd" not found. 클레임이 이 클러스터에 없는 스토리지클래스를 가리킵니다(kubectl get storageclass에는 hdd, ssd, standard가 있습니다).' },
        { en: 'Create the class the claim names — a StorageClass fast-ssd with provisioner disk.csi.wheelhouse.dev — and the waiting claim is provisioned. (A claim\'s class cannot be changed in place: the other way is to delete the pod and claim and apply them with storageClassName: ssd.)', ko: '클레임이 가리키는 클래스를 만드세요 — provisioner가 disk.csi.wheelhouse.dev인 스토리지클래스 fast-ssd — 그러면 기다리던 클레임에 볼륨이 마련됩니다. (클레임의 클래스는 나중에 바꿀 수 없으니, 다른 방법은 파드와 클레임을 지우고 storageClassName: ssd로 다시 적용하는 것입니다.)' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: FAST_SSD }],
      goal: { says: { en: 'Claim data is Bound and pod db is Running', ko: '클레임 data가 Bound이고 파드 db가 실행 중입니다' }, all: [{ claim: { name: 'data' } }, podRunning('db')] },
    },
  ],
};

export const fixConfigKey: Lesson = {
  id: 'fix-config-key',
  track: 'troubleshooting',
  title: { en: 'Broken: configuration that is not there', ko: '고장: 없는 설정' },
  summary: {
    en: 'The app pod has a node and its image, but its container is never created. Find what its configuration lacks, and fix it.',
    ko: 'app 파드는 노드도 이미지도 있는데 컨테이너가 만들어지지 않습니다. 설정에 무엇이 빠졌는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C25'],
  scenario: { cluster: { seed: 49, workers: 3 }, apply: [APP], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Get app running', ko: 'app 실행하기' },
      instructions: {
        en: 'A status you may not have met yet:\n\nkubectl get pods\n\nkubectl describe pod app\n\nkubectl get configmap app-config -o yaml\n\nThe app must run, with DB_HOST set to db.internal.',
        ko: '아직 못 본 상태일 수도 있습니다.\n\nkubectl get pods\n\nkubectl describe pod app\n\nkubectl get configmap app-config -o yaml\n\napp 파드를 실행하되, DB_HOST는 db.internal이어야 합니다.',
      },
      starterYaml: APP,
      hints: [
        { en: 'CreateContainerConfigError: the kubelet could not assemble what the container needs before starting it (environment, mounted files). The events say which piece is missing.', ko: 'CreateContainerConfigError는 kubelet이 컨테이너를 시작하기 전에 필요한 것(환경 변수, 마운트할 파일)을 갖추지 못했다는 뜻입니다. 무엇이 빠졌는지는 이벤트에 있습니다.' },
        { en: "Error: couldn't find key DB_HOST in ConfigMap default/app-config. The ConfigMap has db_host — keys are case-sensitive.", ko: "Error: couldn't find key DB_HOST in ConfigMap default/app-config. 컨피그맵에는 db_host가 있습니다. 키는 대소문자를 구분합니다." },
        { en: 'Give the ConfigMap the key the pod asks for: kubectl patch configmap app-config -p \'{"data":{"DB_HOST":"db.internal"}}\'. The kubelet retries on its own and the container starts.', ko: '파드가 찾는 키를 컨피그맵에 넣으세요: kubectl patch configmap app-config -p \'{"data":{"DB_HOST":"db.internal"}}\'. kubelet이 스스로 다시 시도해서 컨테이너가 시작됩니다.' },
      ],
      solution: [{ command: 'kubectl patch configmap app-config -p \'{"data":{"DB_HOST":"db.internal"}}\'' }],
      goal: { says: { en: 'Pod app is Running with DB_HOST from its ConfigMap', ko: '컨피그맵의 DB_HOST를 받은 app 파드가 실행 중입니다' }, all: [podRunning('app'), { object: { resource: 'configmaps', name: 'app-config', fields: [{ path: 'data.DB_HOST', equals: 'db.internal' }] } }] },
    },
  ],
};

export const fixRollout: Lesson = {
  id: 'fix-stuck-rollout',
  track: 'troubleshooting',
  title: { en: 'Broken: a rollout that never finishes', ko: '고장: 끝나지 않는 롤아웃' },
  summary: {
    en: 'A new version of store was rolled out and the rollout is stuck halfway. The shop still serves — find why it is stuck, and fix it.',
    ko: 'store의 새 버전을 배포했는데 롤아웃이 중간에 멈췄습니다. 가게는 아직 돌아갑니다. 왜 멈췄는지 찾아 고치세요.',
  },
  concepts: ['C27', 'C17'],
  // Version 1.27 runs; 1.99 was applied right after it and never came up.
  scenario: { cluster: { seed: 50, workers: 3 }, apply: [store('nginx:1.27'), { advanceSeconds: 60 }, store('nginx:1.99')], advanceSeconds: 60 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Finish the store rollout', ko: 'store 롤아웃 끝내기' },
      instructions: {
        en: 'A teammate released version 1.99 of store a minute ago:\n\nkubectl rollout status deployment/store\n\nkubectl get pods\n\nThe old pods keep serving — maxUnavailable is 0 — but the rollout goes no further. All three replicas must end up updated and ready on an image that works.',
        ko: '동료가 1분 전에 store 1.99 버전을 내보냈습니다.\n\nkubectl rollout status deployment/store\n\nkubectl get pods\n\nmaxUnavailable 값이 0이라 예전 파드가 계속 서비스하지만 롤아웃은 더 나아가지 않습니다. 레플리카 세 개 모두 제대로 동작하는 이미지로 업데이트되고 준비되어야 합니다.',
      },
      hints: [
        { en: 'With maxSurge 1 and maxUnavailable 0 the controller adds one new pod and waits for it to be ready before it removes an old one. Look at the new pod.', ko: 'maxSurge 1, maxUnavailable 0이면 컨트롤러는 새 파드를 하나 더하고, 그 파드가 준비될 때까지 기다린 뒤에야 예전 파드를 지웁니다. 새 파드를 살펴보세요.' },
        { en: 'The new pod is in ImagePullBackOff: nginx:1.99 does not exist. kubectl rollout history deployment/store lists the revisions.', ko: '새 파드가 ImagePullBackOff 상태입니다. nginx:1.99라는 이미지는 없습니다. kubectl rollout history deployment/store에 리비전 목록이 있습니다.' },
        { en: 'Go back to the revision that worked: kubectl rollout undo deployment/store (or set an image tag that exists).', ko: '잘 동작하던 리비전으로 돌아가세요: kubectl rollout undo deployment/store (또는 존재하는 이미지 태그로 바꾸기).' },
      ],
      solution: [{ command: 'kubectl rollout undo deployment/store' }],
      goal: { says: { en: 'Deployment store has 3 updated, ready replicas and no pod failing to pull', ko: '디플로이먼트 store의 레플리카 3개가 모두 업데이트되어 준비됐고, 이미지를 못 받는 파드가 없습니다' }, all: [{ pods: { selector: 'app=store', count: 3, noneWaiting: 'ImagePull|ErrImage' } }, deploymentReady('store', 3)] },
    },
  ],
};

const BUILDER = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: builder
  namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: shop
rules:
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, update, patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
  namespace: default
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deployer
subjects:
- kind: ServiceAccount
  name: builder
  namespace: shop
`;
const BUILDER_USER = 'system:serviceaccount:shop:builder';

export const fixRoleBinding: Lesson = {
  id: 'fix-rolebinding',
  track: 'troubleshooting',
  title: { en: 'Broken: Forbidden, though a binding exists', ko: '고장: 바인딩이 있는데도 Forbidden' },
  summary: {
    en: 'The shop pipeline runs as ServiceAccount builder and must create Deployments in namespace shop. It gets Forbidden, though someone bound it a Role. Find why, and fix it.',
    ko: 'shop 파이프라인은 서비스 어카운트 builder로 실행되고 네임스페이스 shop에 디플로이먼트를 만들어야 합니다. 누군가 롤을 바인딩했는데도 Forbidden이 납니다. 이유를 찾아 고치세요.',
  },
  concepts: ['C27', 'C29'],
  scenario: { cluster: { seed: 49, workers: 2 }, apply: [BUILDER], advanceSeconds: 10 },
  steps: [
    {
      id: 'fix',
      title: { en: 'Let builder deploy in shop', ko: 'builder가 shop에 배포하게 하기' },
      instructions: {
        en: 'Ask as the pipeline would:\n\nkubectl create deployment web --image=nginx -n shop --as=system:serviceaccount:shop:builder\n\nkubectl auth can-i create deployments -n shop --as=system:serviceaccount:shop:builder\n\nkubectl get roles,rolebindings -A\n\nbuilder must be able to create Deployments in shop (and nothing more than the Role allows).',
        ko: '파이프라인처럼 요청해 보세요.\n\nkubectl create deployment web --image=nginx -n shop --as=system:serviceaccount:shop:builder\n\nkubectl auth can-i create deployments -n shop --as=system:serviceaccount:shop:builder\n\nkubectl get roles,rolebindings -A\n\nbuilder가 shop에 디플로이먼트를 만들 수 있어야 합니다(롤이 허락하는 것 이상은 안 됩니다).',
      },
      hints: [
        { en: 'A RoleBinding grants its Role only in the namespace the binding lives in — whatever namespace its subject comes from.', ko: '롤바인딩은 자기가 있는 네임스페이스에서만 롤을 줍니다. 주체가 어느 네임스페이스에서 왔든 상관없습니다.' },
        { en: 'kubectl describe rolebinding deployer -n default: the binding is in default, and refers to a Role deployer that exists only in shop. Requests in shop never look at it.', ko: 'kubectl describe rolebinding deployer -n default를 보면 바인딩은 default에 있고, shop에만 있는 롤 deployer를 가리킵니다. shop 안의 요청은 이 바인딩을 보지 않습니다.' },
        { en: 'Bind the Role where it lives: kubectl create rolebinding deployer -n shop --role=deployer --serviceaccount=shop:builder (and you may delete the stray one in default).', ko: '롤이 있는 곳에서 바인딩하세요: kubectl create rolebinding deployer -n shop --role=deployer --serviceaccount=shop:builder (default에 잘못 만든 것은 지워도 됩니다).' },
      ],
      solution: [{ command: 'kubectl create rolebinding deployer -n shop --role=deployer --serviceaccount=shop:builder' }, { command: 'kubectl delete rolebinding deployer -n default' }],
      goal: { says: { en: 'builder may create Deployments in shop, and still not delete them', ko: 'builder가 shop에 디플로이먼트를 만들 수 있고, 지울 수는 여전히 없습니다' }, all: [{ access: { user: BUILDER_USER, verb: 'create', resource: 'deployments.apps', namespace: 'shop', allowed: true } }, { access: { user: BUILDER_USER, verb: 'delete', resource: 'deployments.apps', namespace: 'shop', allowed: false } }] },
    },
  ],
};

const FRONTEND_ONLY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-frontend
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
  - from:
    - podSelector:
        matchLabels: {app: frontend}
    ports:
    - port: 80
`;

export const fixNetworkPolicy: Lesson = {
  id: 'fix-network-policy',
  track: 'troubleshooting',
  title: { en: 'Broken: the frontend cannot reach the api', ko: '고장: 프론트엔드가 api에 닿지 않음' },
  summary: {
    en: 'Someone locked the namespace down with NetworkPolicies and opened the api to the frontend — yet every request from web times out. Find why, and let the frontend in without opening the api to everyone.',
    ko: '누군가 네트워크 폴리시로 네임스페이스를 잠그고 api를 프론트엔드에만 열었는데, web에서 보내는 요청이 모두 시간 초과됩니다. 이유를 찾아, api를 모두에게 열지 않고 프론트엔드만 들어오게 하세요.',
  },
  concepts: ['C27', 'C30'],
  scenario: { cluster: { seed: 50, workers: 2 }, apply: [FRONT_AND_API, DEFAULT_DENY, FRONTEND_ONLY], advanceSeconds: 40 },
  steps: [
    {
      id: 'fix',
      highlight: [{ kind: 'Service', name: 'api' }],
      title: { en: 'Let web reach the api, and nobody else', ko: 'web만 api에 닿게 하기' },
      instructions: {
        en: 'Ask as the frontend does:\n\nkubectl exec deploy/web -- wget -qO- -T 2 http://api\n\nkubectl get networkpolicies\n\nkubectl describe networkpolicy api-from-frontend\n\nkubectl get pods --show-labels\n\nweb must reach the api on port 80; intruder must stay out.',
        ko: '프론트엔드처럼 요청해 보세요.\n\nkubectl exec deploy/web -- wget -qO- -T 2 http://api\n\nkubectl get networkpolicies\n\nkubectl describe networkpolicy api-from-frontend\n\nkubectl get pods --show-labels\n\nweb은 80번 포트로 api에 닿아야 하고, intruder는 계속 막혀야 합니다.',
      },
      hints: [
        { en: 'A timeout (not a refusal) means packets are dropped on the way: look at the policies that select the api pods, and at what they let in. "Why?" names them too.', ko: '거부가 아니라 시간 초과라면 패킷이 도중에 버려진다는 뜻입니다. api 파드를 고르는 폴리시와 그 폴리시가 들여보내는 것을 보세요. "Why?"에도 이름이 나옵니다.' },
        { en: 'api-from-frontend allows pods labelled app=frontend, but the frontend\'s pods are labelled app=web: the rule matches nobody.', ko: 'api-from-frontend는 app=frontend 레이블의 파드를 허락하는데, 프론트엔드 파드의 레이블은 app=web입니다. 규칙에 맞는 파드가 없습니다.' },
        { en: 'Make the rule name the web pods: kubectl patch networkpolicy api-from-frontend --type=json -p \'[{"op":"replace","path":"/spec/ingress/0/from/0/podSelector/matchLabels/app","value":"web"}]\' — keep default-deny.', ko: '규칙이 web 파드를 가리키게 하세요: kubectl patch networkpolicy api-from-frontend --type=json -p \'[{"op":"replace","path":"/spec/ingress/0/from/0/podSelector/matchLabels/app","value":"web"}]\' — default-deny는 그대로 둡니다.' },
      ],
      solution: [{ command: 'kubectl patch networkpolicy api-from-frontend --type=json -p \'[{"op":"replace","path":"/spec/ingress/0/from/0/podSelector/matchLabels/app","value":"web"}]\'' }],
      goal: { says: { en: 'web reaches the api on port 80, and intruder still does not', ko: 'web은 80번 포트로 api에 닿고, intruder는 여전히 닿지 않습니다' }, all: [{ traffic: { from: 'app=web', to: 'app=api', port: 80, allowed: true } }, { traffic: { from: 'app=intruder', to: 'app=api', port: 80, allowed: false } }] },
    },
  ],
};

export const TROUBLESHOOTING: Lesson[] = [fixPending, fixNodeSelector, fixImage, fixCrashLoop, fixReadiness, fixSelector, fixTargetPort, fixStorageClass, fixConfigKey, fixRollout, fixRoleBinding, fixNetworkPolicy];
