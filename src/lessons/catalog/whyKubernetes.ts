/** Lesson: why containers, why orchestration, and where Kubernetes clusters come from. */
import type { Lesson } from '../types';
import { answered } from '../goals';

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
spec:
  replicas: 2
  selector:
    matchLabels: {app: catalog}
  template:
    metadata:
      labels: {app: catalog}
    spec:
      containers:
      - name: catalog
        image: gcr.io/google-samples/hello-app:1.0
---
apiVersion: v1
kind: Service
metadata:
  name: catalog
spec:
  selector: {app: catalog}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
spec:
  replicas: 2
  selector:
    matchLabels: {app: storefront}
  template:
    metadata:
      labels: {app: storefront}
    spec:
      containers:
      - name: storefront
        image: nginx:1.27
`;

export const whyKubernetes: Lesson = {
  id: 'why-kubernetes',
  title: { en: 'Why containers, and why Kubernetes', ko: '왜 컨테이너이고, 왜 쿠버네티스인가' },
  summary: {
    en: 'From physical servers to virtual machines to containers; from one big program to many small services — and who runs the clusters.',
    ko: '물리 서버에서 가상 머신, 컨테이너로. 커다란 프로그램 하나에서 작은 서비스 여럿으로. 그리고 클러스터는 누가 운영하는지.',
  },
  concepts: ['C01', 'C23', 'C24'],
  scenario: { cluster: { seed: 24, workers: 3 } },
  steps: [
    {
      id: 'eras',
      title: { en: 'Three ways to run a program', ko: '프로그램을 실행하는 세 가지 방법' },
      instructions: {
        en: 'On a physical server, programs share one operating system and can trip over each other. Virtual machines give each program a whole guest OS on a hypervisor: isolated, but heavy — each boots an OS and holds its memory. Containers share the host’s kernel and are isolated by namespaces (what they can see) and cgroups (what they can use): they start in about a second, and many fit where few VMs did. The image carries the program and its libraries, so it runs the same everywhere.',
        ko: '물리 서버에서는 프로그램들이 운영 체제 하나를 함께 써서 서로 부딪히기 쉽습니다. 가상 머신은 하이퍼바이저 위에서 프로그램마다 게스트 OS를 통째로 줍니다. 격리는 되지만 무겁습니다. OS를 부팅하고 그 메모리를 차지하니까요. 컨테이너는 호스트의 커널을 함께 쓰면서 네임스페이스(볼 수 있는 것)와 cgroup(쓸 수 있는 자원)으로 격리됩니다. 1초 남짓이면 시작되고, VM 몇 대가 들어가던 곳에 컨테이너는 훨씬 많이 들어갑니다. 이미지에 프로그램과 라이브러리가 함께 들어 있어 어디서나 똑같이 실행됩니다.',
      },
      figure: {
        kind: 'stacks',
        caption: { en: 'What sits between the hardware and your program', ko: '하드웨어와 내 프로그램 사이에 있는 것' },
        columns: [
          { title: { en: 'Physical server', ko: '물리 서버' }, layers: [{ en: 'App A · App B', ko: '앱 A · 앱 B' }, { en: 'Operating system', ko: '운영 체제' }, { en: 'Hardware', ko: '하드웨어' }], note: { en: 'apps collide', ko: '앱끼리 충돌' } },
          { title: { en: 'Virtual machines', ko: '가상 머신' }, layers: [{ en: 'App A | App B', ko: '앱 A | 앱 B' }, { en: 'Guest OS | Guest OS', ko: '게스트 OS | 게스트 OS' }, { en: 'Hypervisor', ko: '하이퍼바이저' }, { en: 'Host OS / hardware', ko: '호스트 OS / 하드웨어' }], note: { en: 'boots in minutes, GBs each', ko: '부팅에 몇 분, 각각 수 GB' } },
          { title: { en: 'Containers', ko: '컨테이너' }, layers: [{ en: 'App A | App B', ko: '앱 A | 앱 B' }, { en: 'Container runtime', ko: '컨테이너 런타임' }, { en: 'One OS kernel (namespaces, cgroups)', ko: 'OS 커널 하나 (네임스페이스, cgroup)' }, { en: 'Hardware', ko: '하드웨어' }], note: { en: 'starts in ~1 s, MBs each', ko: '약 1초에 시작, 각각 수 MB' } },
        ],
      },
      quiz: {
        question: { en: 'What do containers on one machine share that virtual machines do not?', ko: '한 머신의 컨테이너들이 함께 쓰지만 가상 머신들은 함께 쓰지 않는 것은?' },
        choices: [
          { en: 'The operating system kernel', ko: '운영 체제 커널' },
          { en: 'Their memory and files', ko: '메모리와 파일' },
          { en: 'A hypervisor per container', ko: '컨테이너마다 하나씩인 하이퍼바이저' },
        ],
        correct: 0,
        explanation: { en: 'Not quite. Each container gets its own files and processes (namespaces) and its own share of memory (cgroups), and there is no hypervisor under them. So what is left that all of them use together? Look for the layer drawn only once in the container column.', ko: '아쉽습니다. 컨테이너마다 파일과 프로세스는 네임스페이스로, 메모리는 cgroup으로 따로 나뉘고, 그 아래에 하이퍼바이저도 없습니다. 그렇다면 모두가 함께 쓰는 것은 무엇일까요? 컨테이너 열에서 한 번만 그려진 층을 찾아보세요.' },
        answerNote: { en: 'Right: namespaces keep their files and processes apart and cgroups their memory, but they all run on the one kernel of the machine.', ko: '맞습니다. 파일과 프로세스는 네임스페이스가, 메모리는 cgroup이 갈라놓지만, 모두 그 머신의 커널 하나 위에서 돌아갑니다.' },
      },
      hints: [{ en: 'Look at the layers in the figure: which one appears only once in the container column?', ko: '그림의 층을 보세요. 컨테이너 열에서 한 번만 나오는 층은 무엇일까요?' }],
      solution: [{ answer: 0 }],
      goal: answered(0),
    },
    {
      id: 'fast',
      title: { en: 'Start some containers', ko: '컨테이너 몇 개 띄워 보기' },
      instructions: {
        en: 'See for yourself how quickly containers start. Ask for five nginx containers at once:\n\nkubectl create deployment many --image=nginx --replicas=5\n\nThe image is pulled once per node; after that a container starts in about a second.',
        ko: '컨테이너가 얼마나 빨리 뜨는지 직접 보세요. nginx 컨테이너 다섯 개를 한꺼번에 요청합니다.\n\nkubectl create deployment many --image=nginx --replicas=5\n\n이미지는 노드마다 한 번만 받고, 그다음부터 컨테이너는 1초 남짓이면 시작됩니다.',
      },
      suggestedCommand: 'kubectl create deployment many --image=nginx --replicas=5',
      hints: [{ en: 'The events show the time between Pulled and Started.', ko: '이벤트에서 Pulled와 Started 사이의 시간을 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl create deployment many --image=nginx --replicas=5' }],
      goal: { says: { en: 'Five many pods run', ko: 'many 파드 다섯 개가 실행 중입니다' }, pods: { selector: 'app=many', count: 5 } },
    },
    {
      id: 'microservices',
      title: { en: 'Many small services', ko: '작은 서비스 여럿' },
      instructions: {
        en: 'A monolith is one program doing everything; to change one part you redeploy all of it. Microservices split it into small services that are deployed, scaled and replaced on their own — which means many containers to place, connect and watch: exactly an orchestrator’s job. Apply the little shop in the editor (a catalog service and a storefront), then let the storefront call the catalog by its name:\n\nkubectl exec deploy/storefront -- curl -s http://catalog',
        ko: '모놀리스(monolith)는 모든 일을 하는 프로그램 하나라서, 한 부분을 바꾸려 해도 전체를 다시 배포해야 합니다. 마이크로서비스는 이를 작은 서비스로 나눠 각각 따로 배포하고, 늘리고, 바꿉니다. 그만큼 배치하고 연결하고 지켜볼 컨테이너가 많아지는데, 바로 오케스트레이터가 할 일입니다. 편집기의 작은 쇼핑몰(catalog 서비스와 storefront)를 적용하고, storefront가 catalog를 이름으로 부르게 해 보세요.\n\nkubectl exec deploy/storefront -- curl -s http://catalog',
      },
      starterYaml: SHOP,
      hints: [{ en: 'The name "catalog" is resolved by the cluster DNS to the catalog Service.', ko: '"catalog"라는 이름은 클러스터 DNS가 catalog 서비스로 풀어 줍니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: SHOP }, { command: 'kubectl exec deploy/storefront -- curl -s http://catalog' }],
      goal: { says: { en: 'The storefront reached the catalog by name', ko: 'storefront가 이름으로 catalog에 닿았습니다' }, all: [{ pods: { selector: 'app=catalog', count: 2 } }, { pods: { selector: 'app=storefront', count: 2 } }, { command: { matches: /^exec\b.*(curl|wget)\b.*\bcatalog\b/.source } }] },
    },
    {
      id: 'origins',
      title: { en: 'Where clusters come from', ko: '클러스터는 어디서 오는가' },
      instructions: {
        en: 'Kubernetes grew out of Google’s internal systems Borg and Omega, was opened in 2014 and given to the CNCF (Cloud Native Computing Foundation). Today you can run it yourself (kubeadm), rent it managed from a cloud, run a small one on a laptop, or get it inside a larger platform.',
        ko: '쿠버네티스는 구글 내부 시스템인 Borg와 Omega에서 나와 2014년에 공개되었고, CNCF(Cloud Native Computing Foundation)에 기증되었습니다. 지금은 직접 설치해 운영하거나(kubeadm), 클라우드의 관리형 서비스로 빌리거나, 노트북에 작게 띄우거나, 더 큰 플랫폼 안에서 쓸 수 있습니다.',
      },
      figure: {
        kind: 'table',
        caption: { en: 'Ways to get a cluster', ko: '클러스터를 얻는 방법' },
        header: [{ en: 'Kind', ko: '종류' }, { en: 'Examples', ko: '예' }, { en: 'Who runs the control plane', ko: '컨트롤 플레인은 누가 운영하나' }],
        rows: [
          [{ en: 'Managed', ko: '관리형' }, { en: 'EKS, GKE, AKS', ko: 'EKS, GKE, AKS' }, { en: 'the cloud provider', ko: '클라우드 공급자' }],
          [{ en: 'Self-built', ko: '직접 구축' }, { en: 'kubeadm', ko: 'kubeadm' }, { en: 'you', ko: '나' }],
          [{ en: 'Local', ko: '로컬' }, { en: 'kind, minikube, Docker Desktop', ko: 'kind, minikube, Docker Desktop' }, { en: 'you, on one machine', ko: '내 컴퓨터 한 대에서 나' }],
          [{ en: 'Platform', ko: '플랫폼' }, { en: 'Rancher, OpenShift', ko: 'Rancher, OpenShift' }, { en: 'the platform (on your machines or a cloud)', ko: '플랫폼 (내 머신이나 클라우드 위)' }],
        ],
      },
      quiz: {
        question: { en: 'With EKS, GKE or AKS, who operates the control plane?', ko: 'EKS, GKE, AKS에서는 컨트롤 플레인을 누가 운영하나요?' },
        choices: [
          { en: 'You, with kubeadm', ko: 'kubeadm으로 내가' },
          { en: 'The cloud provider', ko: '클라우드 공급자가' },
          { en: 'Nobody: managed clusters have none', ko: '아무도 없음: 관리형 클러스터엔 컨트롤 플레인이 없음' },
        ],
        correct: 1,
        explanation: { en: 'Not quite. Every cluster has a control plane, and someone has to keep it running. Think about what you hand over when you pay for a "managed" service.', ko: '아쉽습니다. 모든 클러스터에는 컨트롤 플레인이 있고, 누군가는 그것을 운영해야 합니다. "관리형" 서비스에 돈을 내면 무엇을 맡기게 되는지 생각해 보세요.' },
        answerNote: { en: 'Right: with a managed service the provider runs the control plane, and you manage the worker nodes and workloads.', ko: '맞습니다. 관리형 서비스에서는 공급자가 컨트롤 플레인을 운영하고, 나는 워커 노드와 워크로드를 관리합니다.' },
      },
      hints: [{ en: '"Managed" is the answer’s hint.', ko: '"관리형"이라는 말에 답이 있습니다.' }],
      solution: [{ answer: 1 }],
      goal: answered(1),
    },
  ],
};
