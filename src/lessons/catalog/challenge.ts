/** The final challenge: a small shop of several services, built with what the lessons taught. */
import type { Lesson } from '../types';

const CATALOG = `apiVersion: apps/v1
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
        resources:
          requests: {cpu: 100m}
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
`;

const DB = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: postgres
        image: postgres:16
        env:
        - name: POSTGRES_PASSWORD
          valueFrom:
            secretKeyRef: {name: db-secret, key: password}
        volumeMounts:
        - {name: data, mountPath: /var/lib/postgresql/data}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests: {storage: 1Gi}
`;

const FRONT = `apiVersion: apps/v1
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
      - name: web
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: storefront
spec:
  selector: {app: storefront}
  ports:
  - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service: {name: catalog, port: {number: 80}}
      - path: /
        pathType: Prefix
        backend:
          service: {name: storefront, port: {number: 80}}
`;

export const challenge: Lesson = {
  id: 'challenge',
  title: { en: 'Final challenge: a small shop', ko: '마지막 도전: 작은 쇼핑몰' },
  summary: {
    en: 'Put it all together: services, a database on a disk, one entrance, and autoscaling. Less guidance this time — hints are there if you need them.',
    ko: '배운 것을 모두 합칩니다. 서비스, 디스크 위의 데이터베이스, 입구 하나, 오토스케일링. 이번엔 안내를 줄였습니다. 필요하면 힌트를 보세요.',
  },
  concepts: ['C23', 'C14', 'C16', 'C20', 'C25', 'C18'],
  scenario: { cluster: { seed: 26, workers: 3 }, apply: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n  - name: client\n    image: busybox:1.36\n    command: ["sleep", "86400"]\n'], advanceSeconds: 20 },
  steps: [
    {
      id: 'catalog',
      title: { en: 'The catalog service', ko: '카탈로그 서비스' },
      instructions: {
        en: 'Run a catalog of two replicas (image gcr.io/google-samples/hello-app:1.0, listening on 8080) behind a Service named catalog on port 80.',
        ko: '카탈로그를 레플리카 둘로 실행하고(이미지 gcr.io/google-samples/hello-app:1.0, 8080 포트), 80 포트의 catalog 서비스 뒤에 두세요.',
      },
      hints: [
        { en: 'kubectl create deployment and kubectl expose with --target-port=8080 do it in two commands.', ko: 'kubectl create deployment와 --target-port=8080을 준 kubectl expose 두 명령이면 됩니다.' },
        { en: 'Or write both objects in YAML: "+ New file" has Deployment and Service templates.', ko: 'YAML로 써도 됩니다. "+ 새 파일"에 디플로이먼트와 서비스 템플릿이 있습니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: CATALOG }],
      goal: { says: { en: 'Service catalog has two ready endpoints', ko: '서비스 catalog의 준비된 엔드포인트가 둘입니다' }, all: [{ endpoints: { service: 'catalog', ready: 2 } }, { pods: { selector: 'app=catalog', count: 2 } }] },
    },
    {
      id: 'db',
      title: { en: 'A database that keeps its data', ko: '데이터를 지키는 데이터베이스' },
      instructions: {
        en: 'Store the database password in a Secret db-secret (key password), then run postgres:16 as a StatefulSet db whose data lives on its own 1Gi claim and whose POSTGRES_PASSWORD comes from the Secret.',
        ko: '데이터베이스 비밀번호를 시크릿 db-secret(키 password)에 넣고, postgres:16을 스테이트풀셋 db로 실행하세요. 데이터는 1Gi짜리 자기 클레임에 두고, POSTGRES_PASSWORD는 시크릿에서 가져옵니다.',
      },
      hints: [
        { en: 'kubectl create secret generic db-secret --from-literal=password=…', ko: 'kubectl create secret generic db-secret --from-literal=password=…' },
        { en: 'A StatefulSet’s volumeClaimTemplates give each replica its own claim (data-db-0).', ko: '스테이트풀셋의 volumeClaimTemplates가 레플리카마다 클레임(data-db-0)을 만들어 줍니다.' },
      ],
      solution: [{ command: 'kubectl create secret generic db-secret --from-literal=password=example' }, { command: 'kubectl apply -f -', stdin: DB }],
      goal: { says: { en: 'db-0 runs with its claim bound and its password from the Secret', ko: 'db-0이 바인딩된 클레임과 시크릿의 비밀번호로 실행 중입니다' }, all: [{ object: { resource: 'pods', name: 'db-0', fields: [{ path: 'status.phase', equals: 'Running' }, { path: 'spec.containers[0].env[name=POSTGRES_PASSWORD].valueFrom.secretKeyRef.name', equals: 'db-secret' }] } }, { claim: { name: 'data-db-0' } }] },
    },
    {
      id: 'entrance',
      title: { en: 'One entrance', ko: '입구 하나' },
      instructions: {
        en: 'Add a storefront (nginx, two replicas, Service storefront) and one Ingress for shop.example.com: /api goes to catalog, everything else to storefront. Prove it from the client pod with a request to /api through the ingress controller (198.51.100.10).',
        ko: 'storefront(nginx, 레플리카 둘, 서비스 storefront)를 추가하고, shop.example.com용 인그레스 하나를 만드세요. /api는 catalog로, 나머지는 storefront로 갑니다. client 파드에서 인그레스 컨트롤러(198.51.100.10)를 거쳐 /api로 요청해 확인하세요.',
      },
      hints: [
        { en: 'The longest matching path wins, so /api and / can live in one rule.', ko: '가장 길게 맞는 경로가 이기므로 /api와 /를 한 규칙에 둘 수 있습니다.' },
        { en: 'kubectl exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/api', ko: 'kubectl exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/api' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: FRONT }, { command: 'kubectl exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/api' }],
      goal: { says: { en: 'The Ingress routes /api to catalog and you reached it', ko: '인그레스가 /api를 catalog로 보내고, 그곳에 닿았습니다' }, all: [{ pods: { selector: 'app=storefront', count: 2 } }, { object: { resource: 'ingresses', name: 'shop', fields: [{ path: 'status.loadBalancer.ingress', atLeast: 1 }] } }, { command: { matches: /^exec\b.*(wget|curl)\b.*[Hh]ost:\s*shop\.example\.com.*\/api/.source } }] },
    },
    {
      id: 'scale',
      title: { en: 'Ready for the rush', ko: '손님이 몰려도 괜찮게' },
      instructions: {
        en: 'Let the catalog scale between 2 and 6 replicas at 60 % CPU.',
        ko: '카탈로그가 CPU 60%를 기준으로 레플리카 2~6개 사이에서 늘고 줄게 하세요.',
      },
      hints: [{ en: 'kubectl autoscale deployment catalog --cpu-percent=60 --min=2 --max=6', ko: 'kubectl autoscale deployment catalog --cpu-percent=60 --min=2 --max=6' }],
      solution: [{ command: 'kubectl autoscale deployment catalog --cpu-percent=60 --min=2 --max=6' }],
      goal: { says: { en: 'An HPA keeps catalog between 2 and 6 replicas', ko: 'HPA가 catalog를 레플리카 2~6개로 유지합니다' }, object: { resource: 'horizontalpodautoscalers', fields: [{ path: 'spec.scaleTargetRef.name', equals: 'catalog' }, { path: 'spec.minReplicas', equals: 2 }, { path: 'spec.maxReplicas', equals: 6 }, { path: 'status.currentMetrics', atLeast: 1 }] } },
    },
  ],
};
