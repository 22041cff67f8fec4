/** Lesson: a Service gives replicas one address, and DNS gives it a name. */
import type { Lesson } from '../types';

export const services: Lesson = {
  id: 'services',
  title: { en: 'Services and DNS', ko: '서비스와 DNS' },
  summary: {
    en: 'Pods come and go with new addresses; a Service keeps one, and its name resolves in the cluster.',
    ko: '파드는 주소를 바꿔 가며 생겼다 사라집니다. 서비스는 주소 하나를 유지하고, 클러스터 안에서 이름으로 찾을 수 있습니다.',
  },
  concepts: ['C14', 'C15'],
  scenario: { cluster: { seed: 17, workers: 3 } },
  steps: [
    {
      id: 'expose',
      title: { en: 'One address for three pods', ko: '파드 셋에 주소 하나' },
      instructions: {
        en: 'Create three pods of a small web app that answers with its own pod name, and put a Service in front of them:\n\nkubectl create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3\n\nkubectl expose deployment hello --port=80 --target-port=8080\n\nThe Service gets a ClusterIP that never changes; its EndpointSlice lists the ready pods behind it. In the diagram, lines join the Service to its pods.',
        ko: '자기 파드 이름으로 대답하는 작은 웹 앱 파드 셋을 만들고, 앞에 서비스(Service)를 두세요.\n\nkubectl create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3\n\nkubectl expose deployment hello --port=80 --target-port=8080\n\n서비스는 바뀌지 않는 ClusterIP를 받고, 엔드포인트슬라이스(EndpointSlice)에는 뒤에 있는 준비된 파드가 나열됩니다. 다이어그램에서 서비스와 파드가 선으로 이어집니다.',
      },
      hints: [{ en: '`kubectl get endpointslices` lists the pod IPs behind the Service.', ko: '`kubectl get endpointslices`로 서비스 뒤의 파드 IP를 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3' }, { command: 'kubectl expose deployment hello --port=80 --target-port=8080' }],
      goal: { says: { en: 'Service hello has three ready endpoints', ko: '서비스 hello의 준비된 엔드포인트가 셋입니다' }, all: [{ endpoints: { service: 'hello', ready: 3 } }, { pods: { selector: 'app=hello', count: 3 } }] },
    },
    {
      id: 'spread',
      highlight: [{ kind: 'Service', name: 'hello' }],
      title: { en: 'Requests are spread', ko: '요청이 나뉘어 갑니다' },
      instructions: {
        en: 'Start a client pod and call the Service a few times from it:\n\nkubectl run client --image=busybox:1.36 -- sleep 3600\n\nkubectl exec client -- wget -qO- http://hello\n\nRun the second command three times or more: the Hostname changes from call to call. kube-proxy on every node sends each new connection to one of the ready endpoints, picked at random — that is the load balancing (uneven over three calls, even over many).',
        ko: '클라이언트 파드를 띄우고 거기서 서비스를 몇 번 불러 보세요.\n\nkubectl run client --image=busybox:1.36 -- sleep 3600\n\nkubectl exec client -- wget -qO- http://hello\n\n두 번째 명령을 세 번 이상 실행하면 부를 때마다 Hostname이 바뀝니다. 노드마다 있는 kube-proxy가 새 연결마다 준비된 엔드포인트 중 하나를 무작위로 골라 보내는데, 이것이 바로 부하 분산입니다(세 번으로는 고르지 않아도, 많이 부르면 고르게 나뉩니다).',
      },
      hints: [{ en: 'Use ↑ in the terminal to repeat the last command.', ko: '터미널에서 ↑를 누르면 직전 명령을 다시 쓸 수 있습니다.' }],
      solution: [{ command: 'kubectl run client --image=busybox:1.36 -- sleep 3600' }, { command: 'kubectl exec client -- wget -qO- http://hello' }, { command: 'kubectl exec client -- wget -qO- http://hello' }, { command: 'kubectl exec client -- wget -qO- http://hello' }],
      goal: { says: { en: 'You called the Service three times from a pod', ko: '파드 안에서 서비스를 세 번 불렀습니다' }, all: [{ command: { matches: /^exec\b.*\b(wget|curl)\b.*\bhello\b/.source, output: 'Hostname: hello-', times: 3 } }, { pods: { selector: 'app=hello', count: 3 } }] },
    },
    {
      id: 'endpoints-follow',
      highlight: [{ kind: 'Service', name: 'hello' }, { kind: 'Deployment', name: 'hello' }],
      title: { en: 'Endpoints follow the pods', ko: '엔드포인트는 파드를 따라갑니다' },
      instructions: {
        en: 'Delete one hello pod. For a moment the Service has two endpoints; when the replacement is ready, three again — with a new IP, behind the same ClusterIP. Clients never needed to know.',
        ko: 'hello 파드 하나를 지우세요. 잠깐 엔드포인트가 둘이 되었다가, 대신할 파드가 준비되면 다시 셋이 됩니다. IP는 새것이지만 ClusterIP는 그대로라 클라이언트는 알 필요가 없습니다.',
      },
      hints: [{ en: 'Click the Service: its panel’s Describe tab lists the endpoints.', ko: '서비스를 누르면 Describe 탭에 엔드포인트 목록이 보입니다.' }],
      solution: [{ command: 'kubectl delete pod -l app=hello --wait=false' }],
      goal: { says: { en: 'A pod was replaced and the Service has three endpoints again', ko: '파드가 교체되었고 서비스 엔드포인트가 다시 셋입니다' }, all: [{ pods: { selector: 'app=hello', count: 3, newSinceStep: true } }, { endpoints: { service: 'hello', ready: 3 } }] },
    },
    {
      id: 'dns',
      title: { en: 'Find it by name', ko: '이름으로 찾기' },
      instructions: {
        en: 'How did the client find "hello"? CoreDNS in kube-system answers for every Service: hello, hello.default and hello.default.svc.cluster.local all mean the same thing. Ask it yourself:\n\nkubectl exec client -- nslookup hello.default.svc.cluster.local',
        ko: '클라이언트는 "hello"를 어떻게 찾았을까요? kube-system의 CoreDNS가 모든 서비스의 이름에 답합니다. hello, hello.default, hello.default.svc.cluster.local은 모두 같은 서비스입니다. 직접 물어보세요.\n\nkubectl exec client -- nslookup hello.default.svc.cluster.local',
      },
      hints: [{ en: 'The answer is the Service’s ClusterIP, not a pod IP.', ko: '답은 파드 IP가 아니라 서비스의 ClusterIP입니다.' }],
      solution: [{ command: 'kubectl exec client -- nslookup hello.default.svc.cluster.local' }],
      goal: { says: { en: 'You resolved the Service’s name from a pod', ko: '파드 안에서 서비스 이름을 조회했습니다' }, command: { matches: /^exec\b.*nslookup hello(\.default(\.svc(\.cluster\.local)?)?)?\b/.source, output: 'Address' } },
    },
  ],
};
