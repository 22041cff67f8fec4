/** Lesson: health checks — liveness restarts, readiness keeps traffic away, CrashLoopBackOff. */
import type { Lesson } from '../types';

const CRASH = `apiVersion: v1
kind: Pod
metadata:
  name: crashy
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; sleep 3; echo oops; exit 1"]
`;

const LIVE = `apiVersion: v1
kind: Pod
metadata:
  name: tired
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const READY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        readinessProbe:
          httpGet:
            path: /ready
            port: 80
          periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: {app: api}
  ports:
  - port: 80
`;

export const healthChecks: Lesson = {
  id: 'health-checks',
  title: { en: 'Health checks and restarts', ko: '헬스 체크와 재시작' },
  summary: {
    en: 'See a crashing container restarted with growing back-off, a stuck one restarted by its liveness probe, and an unready one kept out of its Service.',
    ko: '죽는 컨테이너가 점점 긴 간격으로 재시작되고, 멈춘 컨테이너는 활성 프로브로 재시작되고, 준비되지 않은 컨테이너는 서비스에서 빠지는 것을 봅니다.',
  },
  concepts: ['C26'],
  scenario: { cluster: { seed: 19, workers: 3 } },
  steps: [
    {
      id: 'crash',
      title: { en: 'A container that keeps crashing', ko: '계속 죽는 컨테이너' },
      instructions: {
        en: 'Apply the pod in the editor: its program exits with code 1 after three seconds. With restartPolicy Always (the default) the kubelet restarts it — after 10 s, then 20, 40 … up to 5 minutes. Meanwhile STATUS shows CrashLoopBackOff.',
        ko: '편집기의 파드를 적용하세요. 프로그램이 3초 뒤 코드 1로 끝납니다. restartPolicy가 Always(기본값)이므로 kubelet이 다시 시작하는데, 10초, 20초, 40초… 최대 5분까지 간격을 늘려 가며 시작합니다. 그동안 STATUS에는 CrashLoopBackOff가 보입니다.',
      },
      starterYaml: CRASH,
      hints: [{ en: '`kubectl logs crashy --previous` shows the output of the run before.', ko: '`kubectl logs crashy --previous`로 직전 실행의 출력을 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: CRASH }],
      goal: { says: { en: 'Pod crashy has restarted at least twice', ko: '파드 crashy가 두 번 이상 재시작했습니다' }, object: { resource: 'pods', name: 'crashy', fields: [{ path: 'status.containerStatuses[0].restartCount', atLeast: 2 }] } },
    },
    {
      id: 'liveness',
      title: { en: 'Alive, but stuck', ko: '살아 있지만 멈춘 상태' },
      instructions: {
        en: 'Some programs hang instead of exiting. A liveness probe asks the container regularly if it is well; after three failures in a row the kubelet restarts it. The pod in the editor is healthy for 30 seconds, then its check file disappears. Apply it and watch for "Liveness probe failed" in its events.',
        ko: '어떤 프로그램은 끝나지 않고 멈춰 버립니다. 활성 프로브(liveness probe)는 컨테이너가 괜찮은지 주기적으로 묻고, 세 번 연속 실패하면 kubelet이 재시작합니다. 편집기의 파드는 30초 동안 건강하다가 확인용 파일이 사라집니다. 적용하고 이벤트에서 "Liveness probe failed"를 찾아보세요.',
      },
      starterYaml: LIVE,
      hints: [{ en: '`kubectl describe pod tired` lists the probe and its failures.', ko: '`kubectl describe pod tired`에 프로브 설정과 실패 기록이 있습니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: LIVE }],
      goal: { says: { en: 'Pod tired was restarted by its liveness probe', ko: '파드 tired가 활성 프로브 때문에 재시작되었습니다' }, object: { resource: 'pods', name: 'tired', fields: [{ path: 'status.containerStatuses[0].restartCount', atLeast: 1 }] } },
    },
    {
      id: 'readiness',
      highlight: [{ kind: 'Service', name: 'api' }],
      title: { en: 'Not ready, no traffic', ko: '준비 안 되면 트래픽도 없음' },
      instructions: {
        en: 'A readiness probe decides whether a pod receives traffic. The api pods in the editor ask nginx for /ready, which it does not serve: they run, but stay 0/1 and the Service api has no endpoints. Apply it, see that, then fix the probe path to / and apply again.',
        ko: '준비성 프로브(readiness probe)는 파드가 트래픽을 받을지 정합니다. 편집기의 api 파드는 nginx에 /ready를 묻는데, nginx는 그런 경로가 없습니다. 그래서 실행은 되지만 0/1에 머물고 서비스 api에는 엔드포인트가 없습니다. 적용해서 확인한 뒤, 프로브 경로를 /로 고쳐 다시 적용하세요.',
      },
      starterYaml: READY,
      hints: [
        { en: 'The diagram draws the Service dashed red while it has no endpoints.', ko: '엔드포인트가 없는 동안 다이어그램은 서비스를 빨간 점선으로 그립니다.' },
        { en: 'Changing the template rolls out new pods with the fixed probe.', ko: '템플릿을 바꾸면 고친 프로브를 가진 새 파드가 배포됩니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: READY.replace('path: /ready', 'path: /') }],
      goal: { says: { en: 'Service api has two ready endpoints', ko: '서비스 api에 준비된 엔드포인트가 둘입니다' }, all: [{ endpoints: { service: 'api', ready: 2 } }, { pods: { selector: 'app=api', count: 2 } }] },
    },
  ],
};
