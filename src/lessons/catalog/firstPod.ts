/** Lesson: the first pod, and the path it takes through the control plane. */
import type { Lesson } from '../types';
import { podRunning, ranCommand, allOf } from '../goals';

const DUO = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: web
    image: nginx:1.27
  - name: helper
    image: busybox:1.36
    command: ["sh", "-c", "while true; do wget -q -O /dev/null http://localhost:80 && echo ok; sleep 5; done"]
`;

export const firstPod: Lesson = {
  id: 'first-pod',
  title: { en: 'Your first pod and the path it takes', ko: '첫 파드, 그리고 파드가 지나가는 길' },
  summary: {
    en: 'Start a pod with one command and follow it from kubectl to a running container.',
    ko: '명령 하나로 파드를 띄우고, kubectl에서 실행 중인 컨테이너까지 따라가 봅니다.',
  },
  concepts: ['C06', 'C07', 'C22'],
  scenario: { cluster: { seed: 11, workers: 3 } },
  steps: [
    {
      id: 'run',
      highlight: [{ kind: 'Component', name: 'kubectl' }, { kind: 'Component', name: 'kube-apiserver' }, { kind: 'Component', name: 'etcd' }, { kind: 'Component', name: 'kube-scheduler' }],
      title: { en: 'Run a pod', ko: '파드 실행하기' },
      instructions: {
        en: 'A pod (Pod) is the smallest thing Kubernetes runs: one or more containers that share an address. Start one running the nginx web server:\n\nkubectl run hello --image=nginx\n\nThen watch the diagram: a dot leaves kubectl for the API server, lands in etcd, the scheduler picks a node, and that node’s kubelet asks the container runtime to start it.',
        ko: '파드(Pod)는 쿠버네티스가 실행하는 가장 작은 단위입니다. 주소 하나를 함께 쓰는 컨테이너 하나 이상으로 이루어지죠. nginx 웹 서버를 실행하는 파드를 띄워 봅시다.\n\nkubectl run hello --image=nginx\n\n그리고 다이어그램을 보세요. 점 하나가 kubectl에서 API 서버로 가서 etcd에 저장되고, 스케줄러가 노드를 고르면 그 노드의 kubelet이 컨테이너 런타임에 시작을 요청합니다.',
      },
      suggestedCommand: 'kubectl run hello --image=nginx',
      figure: {
        kind: 'path',
        caption: { en: 'The path of a new pod', ko: '새 파드가 지나가는 길' },
        stops: [
          { name: 'kubectl', does: { en: 'sends the pod to the API server', ko: '파드를 API 서버에 보냄' } },
          { name: 'kube-apiserver', does: { en: 'checks it, fills in defaults', ko: '검사하고 기본값을 채움' } },
          { name: 'etcd', does: { en: 'stores it, still without a node', ko: '노드 없이 저장' } },
          { name: 'kube-scheduler', does: { en: 'sees it, picks a node, binds it', ko: '보고, 노드를 골라 바인딩' } },
          { name: 'kubelet', does: { en: 'on that node, sees the binding', ko: '그 노드에서 바인딩을 봄' } },
          { name: 'containerd', does: { en: 'pulls the image, starts the container', ko: '이미지를 받고 컨테이너 시작' } },
        ],
      },
      hints: [
        { en: 'Type the command in the Terminal tab and press Enter.', ko: '터미널 탭에 명령을 입력하고 Enter를 누르세요.' },
        { en: 'Nothing moving? Check the clock is playing (top bar), or press ×4.', ko: '움직임이 없나요? 위쪽 막대에서 시계가 재생 중인지 확인하거나 4배속을 눌러 보세요.' },
      ],
      solution: [{ command: 'kubectl run hello --image=nginx' }],
      goal: podRunning('hello'),
    },
    {
      id: 'path',
      title: { en: 'Read the path in the events', ko: '이벤트로 경로 읽기' },
      instructions: {
        en: 'Every hop left a trace. Ask for the pod’s story:\n\nkubectl describe pod hello\n\nAt the bottom, the events read in order: Scheduled (the scheduler chose a node), Pulling and Pulled (the kubelet fetched the image), Created and Started (the runtime started the container).',
        ko: '지나온 길마다 흔적이 남습니다. 파드의 이야기를 물어보세요.\n\nkubectl describe pod hello\n\n맨 아래 이벤트(Event)가 순서대로 보입니다. Scheduled(스케줄러가 노드를 고름), Pulling과 Pulled(kubelet이 이미지를 받음), Created와 Started(런타임이 컨테이너를 시작함).',
      },
      suggestedCommand: 'kubectl describe pod hello',
      hints: [{ en: '`kubectl get events` shows the same events for every object in the namespace.', ko: '`kubectl get events`로 네임스페이스의 모든 오브젝트 이벤트를 볼 수도 있습니다.' }],
      solution: [{ command: 'kubectl describe pod hello' }],
      goal: ranCommand(/^(describe (pod|pods|po) hello|describe pod\/hello|get (events|ev)\b)/, { en: 'You read the pod’s events', ko: '파드의 이벤트를 읽었습니다' }),
    },
    {
      id: 'duo',
      highlight: [{ kind: 'Pod', name: 'duo' }],
      title: { en: 'Two containers, one pod', ko: '컨테이너 둘, 파드 하나' },
      instructions: {
        en: 'Containers in one pod share its network: they reach each other on localhost. Open the Editor tab, choose "+ New file… → Pod", and replace it with a pod named duo that has two containers — nginx, and a helper that calls http://localhost:80 every few seconds. Apply it (Ctrl+Enter) and wait for READY 2/2.',
        ko: '한 파드 안의 컨테이너는 네트워크를 함께 씁니다. 그래서 localhost로 서로 닿습니다. 편집기 탭에서 "+ 새 파일… → 파드"를 고른 뒤, 컨테이너가 둘인 duo 파드로 바꿔 보세요. 하나는 nginx, 다른 하나는 몇 초마다 http://localhost:80을 부르는 도우미입니다. 적용(Ctrl+Enter)하고 READY가 2/2가 될 때까지 기다리세요.',
      },
      starterYaml: DUO,
      hints: [
        { en: 'Both containers go under spec.containers, each with its own name and image.', ko: '두 컨테이너 모두 spec.containers 아래에 이름과 이미지를 따로 적습니다.' },
        { en: 'Then `kubectl logs duo -c helper` shows "ok": the helper reached nginx on localhost.', ko: '그다음 `kubectl logs duo -c helper`에 "ok"가 보이면 도우미가 localhost로 nginx에 닿은 것입니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: DUO }],
      goal: podRunning('duo', 2),
    },
    {
      id: 'system',
      title: { en: 'The cluster runs on pods too', ko: '클러스터도 파드로 돌아갑니다' },
      instructions: {
        en: 'Your pods live in the default namespace. The cluster’s own parts — the API server, etcd, the scheduler, CoreDNS, kube-proxy — run as pods in kube-system. List them:\n\nkubectl get pods -n kube-system',
        ko: '지금까지 만든 파드는 default 네임스페이스에 있습니다. API 서버, etcd, 스케줄러, CoreDNS, kube-proxy 같은 클러스터 자신의 구성 요소도 kube-system 네임스페이스에서 파드로 실행됩니다. 확인해 보세요.\n\nkubectl get pods -n kube-system',
      },
      suggestedCommand: 'kubectl get pods -n kube-system',
      hints: [{ en: 'The namespace filter above the diagram can show kube-system too.', ko: '다이어그램 위의 네임스페이스 필터로 kube-system도 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl get pods -n kube-system' }],
      goal: allOf(
        { en: 'You listed the pods of kube-system', ko: 'kube-system의 파드 목록을 봤습니다' },
        ranCommand(/^get (pods?|po)\b.*(-n[= ]?kube-system|--namespace[= ]kube-system|-A\b|--all-namespaces)/, { en: 'kube-system listed', ko: 'kube-system 조회' }),
      ),
    },
  ],
};
