/** Lesson: exposing an app — NodePort, LoadBalancer, and Ingress with its controller. */
import type { Lesson } from '../types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: app
        image: gcr.io/google-samples/hello-app:1.0
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sleep", "86400"]
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: shop
            port:
              number: 80
`;

export const exposing: Lesson = {
  id: 'exposing',
  title: { en: 'Opening an app to the outside', ko: '앱을 바깥에 공개하기' },
  summary: {
    en: 'Reach a Service from outside the cluster: a port on every node, a cloud load balancer, and an Ingress that routes by host name.',
    ko: '클러스터 밖에서 서비스에 닿는 방법들: 모든 노드의 포트, 클라우드 로드밸런서, 호스트 이름으로 나눠 주는 인그레스.',
  },
  concepts: ['C16'],
  scenario: { cluster: { seed: 21, workers: 3 }, apply: [APP], advanceSeconds: 30 },
  steps: [
    {
      id: 'nodeport',
      title: { en: 'A port on every node', ko: '모든 노드에 열리는 포트' },
      instructions: {
        en: 'A ClusterIP only works inside the cluster. A NodePort Service also opens the same port (30000–32767) on every node:\n\nkubectl expose deployment shop --type=NodePort --port=80 --target-port=8080\n\nkubectl get service shop\n\nThe PORT(S) column reads 80:3xxxx/TCP — the second number is the node port.',
        ko: 'ClusterIP는 클러스터 안에서만 쓸 수 있습니다. NodePort 서비스는 모든 노드에 같은 포트(30000–32767)도 엽니다.\n\nkubectl expose deployment shop --type=NodePort --port=80 --target-port=8080\n\nkubectl get service shop\n\nPORT(S) 열에 80:3xxxx/TCP가 보입니다. 뒤의 숫자가 노드 포트입니다.',
      },
      hints: [{ en: '`kubectl get nodes -o wide` lists the node addresses that port opens on.', ko: '`kubectl get nodes -o wide`로 포트가 열리는 노드 주소를 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl expose deployment shop --type=NodePort --port=80 --target-port=8080' }, { command: 'kubectl get service shop' }],
      goal: { says: { en: 'Service shop is a NodePort', ko: '서비스 shop이 NodePort입니다' }, object: { resource: 'services', name: 'shop', fields: [{ path: 'spec.type', equals: 'NodePort' }, { path: 'spec.ports[0].nodePort', present: true }] } },
    },
    {
      id: 'loadbalancer',
      highlight: [{ kind: 'Component', name: 'cloud-controller-manager' }, { kind: 'Service', name: 'shop' }],
      title: { en: 'A cloud load balancer', ko: '클라우드 로드밸런서' },
      instructions: {
        en: 'In a cloud, a LoadBalancer Service asks the cloud (through the cloud controller manager) for a load balancer with a public address that forwards to the node ports. Change the type — here by deleting and exposing again (the simulator has no kubectl patch):\n\nkubectl delete service shop\n\nkubectl expose deployment shop --type=LoadBalancer --port=80 --target-port=8080\n\nEXTERNAL-IP shows <pending> for a few seconds, then an address.',
        ko: '클라우드에서는 LoadBalancer 서비스가 (클라우드 컨트롤러 매니저를 통해) 공인 주소를 가진 로드밸런서를 요청하고, 로드밸런서가 노드 포트로 넘겨 줍니다. 타입을 바꿔 보세요. 여기서는 kubectl patch를 쓸 수 없으니 지우고 다시 만듭니다.\n\nkubectl delete service shop\n\nkubectl expose deployment shop --type=LoadBalancer --port=80 --target-port=8080\n\nEXTERNAL-IP는 몇 초 동안 <pending>이다가 주소로 바뀝니다.',
      },
      hints: [{ en: 'Watch the cloud-controller-manager in the diagram: it handles this request.', ko: '다이어그램의 cloud-controller-manager를 보세요. 이 요청을 처리합니다.' }],
      solution: [{ command: 'kubectl delete service shop' }, { command: 'kubectl expose deployment shop --type=LoadBalancer --port=80 --target-port=8080' }],
      goal: { says: { en: 'Service shop has an external IP', ko: '서비스 shop에 외부 IP가 있습니다' }, object: { resource: 'services', name: 'shop', fields: [{ path: 'spec.type', equals: 'LoadBalancer' }, { path: 'status.loadBalancer.ingress[0].ip', present: true }] } },
    },
    {
      id: 'ingress',
      title: { en: 'One entrance, routed by name', ko: '입구 하나, 이름으로 나누기' },
      instructions: {
        en: 'One load balancer per app gets expensive. An Ingress lets one entrance — the ingress controller — route by host name and path. Apply the Ingress in the editor, then ask the controller’s address for shop.example.com:\n\nkubectl get ingress shop\n\nkubectl exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/',
        ko: '앱마다 로드밸런서를 두면 비용이 큽니다. 인그레스(Ingress)를 쓰면 입구 하나, 즉 인그레스 컨트롤러가 호스트 이름과 경로로 요청을 나눕니다. 편집기의 인그레스를 적용하고, 컨트롤러 주소에 shop.example.com을 물어보세요.\n\nkubectl get ingress shop\n\nkubectl exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/',
      },
      starterYaml: INGRESS,
      hints: [{ en: 'Another host name gets 404 Not Found from the controller: no rule matches it.', ko: '다른 호스트 이름으로 물으면 맞는 규칙이 없어 컨트롤러가 404 Not Found로 답합니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: INGRESS }, { command: 'kubectl exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/' }],
      goal: { says: { en: 'Ingress shop has an address and you reached shop through it', ko: '인그레스 shop에 주소가 생겼고, 그것을 통해 shop에 닿았습니다' }, all: [{ object: { resource: 'ingresses', name: 'shop', fields: [{ path: 'status.loadBalancer.ingress[0].ip', present: true }] } }, { command: { matches: /^exec\b.*(wget|curl)\b.*[Hh]ost:\s*shop\.example\.com/.source } }] },
    },
  ],
};
