/** Lesson: kubectl as it is used every day — watch, wait, diff before apply, edit the live object, and why the file should stay the truth. */
import type { Lesson } from '../types';

const web = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const WEB = web(2, 'nginx:1.27');
const WEB_4 = web(4, 'nginx:1.27');
const WEB_ALPINE = web(4, 'nginx:1.27-alpine');
/** What the learner's edit leaves: the live object with five replicas. */
const WEB_EDITED = web(5, 'nginx:1.27-alpine');

export const dailyKubectl: Lesson = {
  id: 'daily-kubectl',
  title: { en: 'kubectl for every day', ko: '매일 쓰는 kubectl' },
  summary: {
    en: 'Watch changes as they happen, wait until things are ready instead of guessing, see a diff before you apply, and edit a live object — knowing what that does to your files.',
    ko: '변화를 실시간으로 지켜보고, 짐작 대신 준비될 때까지 기다리고, 적용하기 전에 차이를 확인하고, 살아 있는 오브젝트를 고쳐 봅니다. 그렇게 고친 내용이 내 파일과 어긋난다는 점도 함께 봅니다.',
  },
  concepts: ['C35'],
  scenario: { cluster: { seed: 40, workers: 3 }, apply: [WEB], advanceSeconds: 30 },
  steps: [
    {
      id: 'watch',
      highlight: [{ kind: 'Deployment', name: 'web' }],
      title: { en: 'Watch instead of asking again', ko: '다시 묻는 대신 지켜보기' },
      instructions: {
        en: 'Running kubectl get pods over and over shows snapshots, and the interesting moment often falls between two of them. With -w, kubectl keeps the API server\'s watch open and prints a new row for every change:\n\nkubectl get pods -w\n\nWhile it watches, the terminal takes no commands — change the cluster from elsewhere: press Apply in the editor (web with 4 replicas). New rows appear as the two new pods go Pending, ContainerCreating, Running. Press Ctrl+C in the terminal to stop watching.',
        ko: '같은 kubectl get pods를 몇 번이고 다시 실행하면 그때그때의 스냅숏만 보입니다. 정작 중요한 순간은 그 사이에 지나가기 쉽죠. -w를 붙이면 kubectl이 API 서버의 watch를 열어 두고, 무언가 바뀔 때마다 새 줄을 출력합니다.\n\nkubectl get pods -w\n\n지켜보는 동안에는 터미널이 명령을 받지 않으니, 다른 곳에서 클러스터를 바꾸세요. 편집기에서 적용을 누르세요(레플리카가 4개인 web). 새 파드 두 개가 Pending, ContainerCreating, Running으로 바뀔 때마다 줄이 늘어납니다. 그만 보려면 터미널에서 Ctrl+C를 누르세요.',
      },
      starterYaml: WEB_4,
      hints: [
        { en: 'A row is printed for every change the watch sends, even one the columns do not show (a new condition, an IP) — so rows may repeat.', ko: 'watch가 보내는 변경마다 줄이 출력됩니다. 열에는 드러나지 않는 변경(새 상태 조건, IP 등)도 포함되니 같은 줄이 반복될 수 있습니다.' },
        { en: '--watch-only (without the first list) and --output-watch-events (ADDED, MODIFIED, DELETED) are its companions.', ko: '--watch-only(처음 목록 없이)와 --output-watch-events(ADDED, MODIFIED, DELETED)도 함께 쓸 만합니다.' },
      ],
      solution: [{ command: 'kubectl get pods -w' }, { command: 'kubectl apply -f -', stdin: WEB_4 }],
      goal: {
        says: { en: 'You watched the pods, and web has 4 ready replicas', ko: '파드를 지켜봤고, web의 준비된 레플리카가 4개입니다' },
        all: [{ command: { matches: '^get (pods?|po)\\b.*(-w|--watch)\\b' } }, { deployment: { name: 'web', ready: 4 } }],
      },
    },
    {
      id: 'wait',
      title: { en: 'Wait for it, don\'t guess', ko: '짐작하지 말고 기다리기' },
      instructions: {
        en: 'A deploy script that runs its smoke test right after creating a Deployment tests nothing: the pods are still pulling their image. "sleep 30" is a guess, too long on a good day and too short on a bad one. kubectl wait blocks until a condition holds, then returns:\n\nkubectl create deployment api --image=httpd:2.4 --replicas=2\n\nkubectl wait --for=condition=Available deployment/api --timeout=60s\n\nIt prints "condition met" and exits with 0 once the Deployment reports Available. If 60 seconds pass first, it exits with 1 and the script stops instead of testing a half-started app.',
        ko: '디플로이먼트를 만들자마자 스모크 테스트를 돌리는 배포 스크립트는 아무것도 시험하지 못합니다. 파드가 아직 이미지를 받고 있으니까요. "sleep 30"도 짐작일 뿐이라, 잘 풀리는 날에는 너무 길고 안 풀리는 날에는 너무 짧습니다. kubectl wait 명령은 조건이 맞을 때까지 기다렸다가 돌아옵니다.\n\nkubectl create deployment api --image=httpd:2.4 --replicas=2\n\nkubectl wait --for=condition=Available deployment/api --timeout=60s\n\n디플로이먼트가 Available 상태를 알리면 "condition met"을 출력하고 종료 코드 0으로 끝납니다. 그 전에 60초가 지나면 종료 코드 1로 끝나므로, 스크립트는 반쯤 뜬 앱을 시험하는 대신 그 자리에서 멈춥니다.',
      },
      hints: [
        { en: 'Other conditions: --for=condition=Ready pod/x, --for=condition=Complete job/x, --for=delete pod/x, --for=jsonpath=\'{.status.phase}\'=Running.', ko: '다른 조건도 있습니다. --for=condition=Ready pod/x, --for=condition=Complete job/x, --for=delete pod/x, --for=jsonpath=\'{.status.phase}\'=Running.' },
        { en: 'Available is only as honest as the readiness probe: without one, a pod counts as ready as soon as its container has started.', ko: 'Available 상태는 준비성 프로브(readiness probe)만큼만 정직합니다. 프로브가 없으면 컨테이너가 시작하자마자 파드를 준비된 것으로 칩니다.' },
      ],
      solution: [{ command: 'kubectl create deployment api --image=httpd:2.4 --replicas=2' }, { command: 'kubectl wait --for=condition=Available deployment/api --timeout=60s' }],
      goal: {
        says: { en: 'kubectl wait saw Deployment api become Available', ko: 'kubectl wait 명령으로 디플로이먼트 api가 Available 상태가 된 것을 확인했습니다' },
        command: { matches: '^wait\\b.*\\bdeploy(ment)?(s|\\.apps)?[/ ]api\\b', output: 'condition met' },
      },
    },
    {
      id: 'web',
      title: { en: 'See the change first', ko: '바뀔 내용 먼저 보기' },
      instructions: {
        en: 'The editor holds the web manifest as a colleague changed it. Before applying a file, ask what it would change in the live cluster:\n\nkubectl diff -f daily-kubectl-web.yaml\n\nLines with - are the live object, lines with + what it would become; the API server computes this with a dry run, defaults included. Exit code 1 here means "there are differences", not an error (0 means none, above 1 a real failure). Happy with it? Apply, then ask again:\n\nkubectl apply -f daily-kubectl-web.yaml\n\nkubectl diff -f daily-kubectl-web.yaml\n\nNothing printed, exit code 0: the cluster matches the file.',
        ko: '편집기에는 동료가 고친 web 매니페스트가 있습니다. 파일을 적용하기 전에, 그 파일이 지금 클러스터에서 무엇을 바꿀지 물어보세요.\n\nkubectl diff -f daily-kubectl-web.yaml\n\n-로 시작하는 줄은 지금 살아 있는 오브젝트, +로 시작하는 줄은 적용했을 때의 모습입니다. API 서버가 드라이 런(dry run)으로 기본값까지 채워서 계산해 줍니다. 여기서 종료 코드 1은 오류가 아니라 "차이가 있다"는 뜻입니다(0은 차이 없음, 1보다 크면 진짜 실패). 괜찮아 보이면 적용하고, 다시 물어보세요.\n\nkubectl apply -f daily-kubectl-web.yaml\n\nkubectl diff -f daily-kubectl-web.yaml\n\n아무것도 출력되지 않고 종료 코드가 0이면, 클러스터가 파일과 같다는 뜻입니다.',
      },
      starterYaml: WEB_ALPINE,
      hints: [
        { en: 'In a pipeline, kubectl diff in a review step shows reviewers the real effect of a change, not just the text of the file.', ko: '파이프라인의 검토 단계에서 kubectl diff를 돌리면, 검토자는 파일의 글자가 아니라 변경이 실제로 미칠 영향을 보게 됩니다.' },
        { en: 'ls in the terminal lists the editor\'s files by name.', ko: '터미널에서 ls를 치면 편집기의 파일 이름이 나옵니다.' },
      ],
      solution: [{ command: 'kubectl diff -f -', stdin: WEB_ALPINE, exitCode: 1 }, { command: 'kubectl apply -f -', stdin: WEB_ALPINE }, { command: 'kubectl diff -f -', stdin: WEB_ALPINE }],
      goal: {
        says: { en: 'kubectl diff showed the new image before you applied it; now web runs nginx:1.27-alpine and diff finds nothing left', ko: '적용하기 전에 kubectl diff가 새 이미지를 보여 주었고, 이제 web이 nginx:1.27-alpine을 실행하며 diff가 바꿀 것을 찾지 못합니다' },
        // What the learner received: a diff answering 1 with the new image in it, then one answering 0.
        all: [{ command: { matches: '^diff\\b', exitCode: 1, output: '\\+\\s+- image: nginx:1\\.27-alpine|\\+\\s+image: nginx:1\\.27-alpine' } }, { deployment: { name: 'web', ready: 4, image: 'nginx:1.27-alpine' } }, { command: { matches: '^diff\\b' } }],
      },
    },
    {
      id: 'edit',
      title: { en: 'Edit the live object', ko: '살아 있는 오브젝트 고치기' },
      instructions: {
        en: 'Sometimes you want to change one field now, without a file at hand:\n\nkubectl edit deployment web\n\nIt reads the object as the API server has it and opens it in an editor — here, the page\'s own editor, as edit-deployment-web.yaml. Change replicas: 4 to replicas: 5 under spec and press Save. The whole object goes back with the resourceVersion it was read at: if someone changed web in the meantime, the API server refuses with a Conflict instead of silently undoing their change.',
        ko: '손에 파일이 없는데 필드 하나만 지금 바로 바꾸고 싶을 때가 있습니다.\n\nkubectl edit deployment web\n\nkubectl은 API 서버가 가진 그대로의 오브젝트를 읽어 편집기로 엽니다. 여기서는 이 페이지의 편집기에 edit-deployment-web.yaml로 열립니다. spec 아래의 replicas: 4를 replicas: 5로 바꾸고 저장을 누르세요. 오브젝트는 읽었을 때의 resourceVersion과 함께 통째로 돌아갑니다. 그사이 누군가 web을 바꿨다면, API 서버는 그 변경을 몰래 덮어쓰는 대신 Conflict로 거부합니다.',
      },
      hints: [
        { en: 'replicas appears once under spec; status has its own replicas, which you cannot change this way.', ko: 'replicas는 spec 아래에 하나 있습니다. status에도 replicas가 있지만 그것은 이렇게 바꿀 수 없습니다.' },
        { en: 'The lines starting with # at the top are kubectl\'s note and are ignored.', ko: '맨 위의 #으로 시작하는 줄은 kubectl의 안내문이라 무시됩니다.' },
      ],
      solution: [{ command: 'kubectl replace -f -', stdin: WEB_EDITED }],
      goal: { says: { en: 'web has 5 ready replicas', ko: 'web의 준비된 레플리카가 5개입니다' }, deployment: { name: 'web', ready: 5 } },
    },
    {
      id: 'drift',
      title: { en: 'Whose truth?', ko: '누구의 말이 맞을까' },
      instructions: {
        en: 'The cluster now runs 5 replicas of web, but daily-kubectl-web.yaml in the editor still says 4. Ask kubectl what the file would do now:\n\nkubectl diff -f daily-kubectl-web.yaml',
        ko: '이제 클러스터에서는 web 파드가 5개 돌고 있지만, 편집기의 daily-kubectl-web.yaml에는 여전히 4라고 적혀 있습니다. 그 파일이 지금 무엇을 할지 kubectl에게 물어보세요.\n\nkubectl diff -f daily-kubectl-web.yaml',
      },
      quiz: {
        question: { en: 'What happens at the next kubectl apply -f daily-kubectl-web.yaml — say, in tomorrow\'s deploy?', ko: '다음번 kubectl apply -f daily-kubectl-web.yaml에서는, 이를테면 내일 배포에서는 어떻게 될까요?' },
        choices: [
          { en: 'web stays at 5: the most recent change wins', ko: 'web은 5개로 남는다. 가장 최근의 변경이 이긴다' },
          { en: 'web goes back to 4: apply makes the cluster match the file', ko: 'web은 4개로 돌아간다. apply는 클러스터를 파일에 맞춘다' },
          { en: 'The API server refuses it with a Conflict', ko: 'API 서버가 Conflict로 거부한다' },
        ],
        correct: 1,
        explanation: { en: 'Think of the diff you just ran: which side had replicas: 4, and where did that side come from?', ko: '방금 본 diff를 떠올려 보세요. replicas: 4는 어느 쪽에 있었고, 그쪽은 어디에서 왔나요?' },
        answerNote: {
          en: 'apply sends the file\'s replicas: 4, and nothing stops it — a Conflict comes only from writing back an old resourceVersion, and apply sends none. An edit made by hand is undone by the next apply unless it goes into the file too. Use edit to try something; keep the file, in version control, as the truth.',
          ko: 'apply는 파일의 replicas: 4를 보내고, 막을 것은 없습니다. Conflict는 예전에 읽은 버전(resourceVersion)을 들고 쓸 때 생기는데, apply는 버전을 보내지 않으니까요. 손으로 고친 내용은 파일에도 옮기지 않으면 다음 apply가 되돌립니다. edit은 시험해 볼 때 쓰고, 진실은 버전 관리되는 파일에 두세요.',
        },
      },
      hints: [{ en: 'diff shows - replicas: 5 (live) and + replicas: 4 (from the file).', ko: 'diff에 - replicas: 5(지금 클러스터)와 + replicas: 4(파일)가 보입니다.' }],
      solution: [{ answer: 1 }],
      goal: { answer: 1 },
    },
  ],
};
