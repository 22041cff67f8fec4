/** Lesson: a tour of the cluster — the control plane’s parts and a worker node’s parts. */
import type { Lesson } from '../types';
import { ranCommand } from '../goals';

export const tour: Lesson = {
  id: 'tour',
  title: { en: 'A tour of the cluster', ko: '클러스터 둘러보기' },
  summary: {
    en: 'Meet the control plane’s components and what runs on every worker node.',
    ko: '컨트롤 플레인의 구성 요소와, 워커 노드마다 실행되는 것들을 만나 봅니다.',
  },
  concepts: ['C04', 'C05'],
  scenario: { cluster: { seed: 25, workers: 3 } },
  steps: [
    {
      id: 'control-plane',
      highlight: [{ kind: 'Component', name: 'kube-apiserver' }, { kind: 'Component', name: 'etcd' }, { kind: 'Component', name: 'kube-scheduler' }, { kind: 'Component', name: 'kube-controller-manager' }, { kind: 'Component', name: 'cloud-controller-manager' }],
      title: { en: 'The control plane', ko: '컨트롤 플레인' },
      instructions: {
        en: 'Click each box in the control plane to read what it does: the API server is the only door in; etcd stores every object; the scheduler picks nodes; the controller manager runs the control loops; the cloud controller manager talks to the cloud. On this kubeadm-style cluster they run as pods on the control-plane node:\n\nkubectl get pods -n kube-system -o wide',
        ko: '컨트롤 플레인(control plane)의 상자를 하나씩 눌러 무슨 일을 하는지 읽어 보세요. API 서버는 유일한 출입문이고, etcd는 모든 오브젝트를 저장하고, 스케줄러는 노드를 고르고, 컨트롤러 매니저는 컨트롤 루프를 돌리고, 클라우드 컨트롤러 매니저는 클라우드와 대화합니다. 이 kubeadm 방식 클러스터에서는 이들이 컨트롤 플레인 노드에서 파드로 실행됩니다.\n\nkubectl get pods -n kube-system -o wide',
      },
      suggestedCommand: 'kubectl get pods -n kube-system -o wide',
      hints: [{ en: 'The NODE column shows control-plane for etcd, kube-apiserver, kube-scheduler and kube-controller-manager.', ko: 'NODE 열을 보면 etcd, kube-apiserver, kube-scheduler, kube-controller-manager가 control-plane에 있습니다.' }],
      solution: [{ command: 'kubectl get pods -n kube-system -o wide' }],
      goal: ranCommand(/^get (pods?|po)\b.*(-n[= ]?kube-system|--namespace[= ]kube-system|-A\b|--all-namespaces).*-o[= ]?wide|^get (pods?|po)\b.*-o[= ]?wide.*(-n[= ]?kube-system|--namespace[= ]kube-system|-A\b)/, { en: 'You listed the system pods with their nodes', ko: '시스템 파드와 노드를 함께 조회했습니다' }),
    },
    {
      id: 'node',
      highlight: [{ kind: 'Node', name: 'worker-1' }],
      title: { en: 'What runs on a worker', ko: '워커에서 실행되는 것' },
      instructions: {
        en: 'Every worker node runs three things drawn on its card: the kubelet (it starts and watches the pods assigned to the node), kube-proxy (it makes Service addresses work on the node) and the container runtime (containerd, which actually runs containers). Ask a node about itself:\n\nkubectl describe node worker-1\n\nLook for Kubelet Version, Container Runtime Version, and the kube-proxy pod in its pod list.',
        ko: '워커 노드마다 카드에 그려진 세 가지가 실행됩니다. kubelet(노드에 배정된 파드를 시작하고 지켜봄), kube-proxy(서비스 주소가 노드에서 통하게 함), 그리고 컨테이너 런타임(containerd, 실제로 컨테이너를 실행함)입니다. 노드에게 직접 물어보세요.\n\nkubectl describe node worker-1\n\nKubelet Version, Container Runtime Version, 그리고 파드 목록의 kube-proxy 파드를 찾아보세요.',
      },
      suggestedCommand: 'kubectl describe node worker-1',
      hints: [{ en: 'Click worker-1 in the diagram: its panel shows the same describe output.', ko: '다이어그램에서 worker-1을 누르면 패널에 같은 describe 결과가 나옵니다.' }],
      solution: [{ command: 'kubectl describe node worker-1' }],
      goal: ranCommand(/^describe (nodes?|no) worker-\d|^describe (nodes?|no)\/worker-\d/, { en: 'You described a worker node', ko: '워커 노드를 describe 했습니다' }),
    },
  ],
};
