/** Lesson: work that finishes — Jobs (completions, parallelism, backoffLimit) and CronJobs on a schedule. */
import type { Lesson } from '../types';

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(40)"]
`;

const MIGRATE = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: busybox:1.36
        command: ["sh", "-c", "echo connecting to db:5432; echo connection refused; exit 1"]
`;

const REPORT = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/1 * * * *"
  successfulJobsHistoryLimit: 2
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: busybox:1.36
            command: ["sh", "-c", "date; echo report written"]
`;

export const jobs: Lesson = {
  id: 'jobs',
  title: { en: 'Work that finishes: Jobs and CronJobs', ko: '끝나는 일: 잡과 크론잡' },
  summary: {
    en: 'Run a task to completion with a Job, see what happens when it keeps failing, and let a CronJob start one on a schedule.',
    ko: '잡으로 작업을 끝까지 실행하고, 계속 실패하면 어떻게 되는지 본 뒤, 크론잡이 정해진 때마다 잡을 시작하게 합니다.',
  },
  concepts: ['C32'],
  scenario: { cluster: { seed: 37, workers: 3 } },
  steps: [
    {
      id: 'complete',
      highlight: [{ kind: 'Component', name: 'kube-controller-manager' }],
      title: { en: 'Run to completion', ko: '끝날 때까지 실행하기' },
      instructions: {
        en: 'A Deployment keeps its pods running forever: a pod that exits is restarted. Some work is meant to end — a batch import, a backup, a calculation. A Job runs pods until enough of them have succeeded, and then stops.\n\nThe Job in the editor computes π. completions: 3 asks for three successful runs, parallelism: 2 lets two run at a time. Press Apply, then see the pods finish:\n\nkubectl get pods\n\nkubectl get jobs\n\nA finished pod shows Completed and is not restarted (restartPolicy: Never); it stays, so its logs can still be read.',
        ko: '디플로이먼트는 파드를 계속 실행합니다. 파드가 끝나면 다시 시작하죠. 하지만 끝나야 하는 일도 있습니다. 데이터 가져오기, 백업, 계산 같은 일이요. 잡(Job)은 파드가 정해진 횟수만큼 성공할 때까지 실행하고, 그다음에는 멈춥니다.\n\n편집기의 잡은 원주율을 계산합니다. completions: 3은 세 번 성공해야 한다는 뜻이고, parallelism: 2는 한 번에 두 개까지 동시에 실행한다는 뜻입니다. 적용을 누른 뒤 파드가 끝나는 모습을 보세요.\n\nkubectl get pods\n\nkubectl get jobs\n\n끝난 파드는 Completed로 표시되고 다시 시작되지 않습니다(restartPolicy: Never). 파드가 지워지지 않고 남아 있으니 로그도 나중에 읽을 수 있습니다.',
      },
      figure: {
        kind: 'table',
        caption: { en: 'Which workload for which work', ko: '어떤 일에 어떤 워크로드를' },
        header: [{ en: 'Kind', ko: '종류' }, { en: 'Its pods — and what for', ko: '파드의 동작 — 쓰임' }],
        rows: [
          [{ en: 'Deployment', ko: '디플로이먼트' }, { en: 'run on, any may replace another — web servers, APIs', ko: '계속 실행, 서로 바꿔 쓸 수 있음 — 웹 서버, API' }],
          [{ en: 'StatefulSet', ko: '스테이트풀셋' }, { en: 'each keeps a name and a disk — databases, queues', ko: '저마다 이름과 디스크를 가짐 — 데이터베이스, 큐' }],
          [{ en: 'DaemonSet', ko: '데몬셋' }, { en: 'one on every node — log and metrics agents', ko: '노드마다 하나 — 로그·메트릭 에이전트' }],
          [{ en: 'Job', ko: '잡' }, { en: 'run until they succeed — imports, migrations', ko: '성공할 때까지 실행 — 데이터 가져오기, 마이그레이션' }],
          [{ en: 'CronJob', ko: '크론잡' }, { en: 'a Job on a schedule — backups, reports', ko: '일정에 따라 잡을 만듦 — 백업, 보고서' }],
        ],
      },
      starterYaml: PI,
      hints: [
        { en: 'Two pods start first; the third starts when one of them has finished. COMPLETIONS in kubectl get jobs counts up to 3/3.', ko: '먼저 파드 두 개가 시작하고, 그중 하나가 끝나면 세 번째가 시작합니다. kubectl get jobs의 COMPLETIONS가 3/3까지 올라갑니다.' },
        { en: 'The perl image is large: the first pull takes a few seconds.', ko: 'perl 이미지는 커서 처음 받을 때 몇 초 걸립니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: PI }],
      goal: {
        says: { en: 'Job pi is Complete: three pods succeeded', ko: '잡 pi가 Complete 상태입니다. 파드 세 개가 성공했습니다' },
        object: { resource: 'jobs', name: 'pi', fields: [{ path: 'status.succeeded', equals: 3 }, { path: 'status.conditions[type=Complete].status', equals: 'True' }] },
      },
    },
    {
      id: 'logs',
      title: { en: 'Read the result', ko: '결과 읽기' },
      instructions: {
        en: 'What a Job computed is in its pods\' logs. You need not look up a pod name:\n\nkubectl logs job/pi\n\nOf the Job\'s pods, kubectl picks one and says which (Found 3 pods, using pod/…). Each pod ran the same program, so each printed the same digits.',
        ko: '잡이 계산한 결과는 파드의 로그에 있습니다. 파드 이름을 찾아볼 필요는 없습니다.\n\nkubectl logs job/pi\n\nkubectl이 잡의 파드 가운데 하나를 골라 어느 파드인지 알려 줍니다(Found 3 pods, using pod/…). 파드 셋이 같은 프로그램을 실행했으니 모두 같은 숫자를 출력했습니다.',
      },
      suggestedCommand: 'kubectl logs job/pi',
      hints: [{ en: 'kubectl logs -l job-name=pi --prefix prints every pod\'s log, each line marked with its pod.', ko: 'kubectl logs -l job-name=pi --prefix로 모든 파드의 로그를, 줄마다 파드 이름을 붙여 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl logs job/pi' }],
      goal: {
        says: { en: 'You read π from the Job\'s log', ko: '잡의 로그에서 원주율을 읽었습니다' },
        command: { matches: '^logs\\b.*\\bjob/pi\\b', output: '3\\.14159' },
      },
    },
    {
      id: 'backoff',
      title: { en: 'When it keeps failing', ko: '계속 실패할 때' },
      instructions: {
        en: 'Now a Job that cannot succeed: migrate tries to reach a database that is not there and exits with code 1. Apply it from the editor and watch:\n\nkubectl get pods\n\nWith restartPolicy: Never, every failure is a new pod, started after a growing delay (10 s, 20 s, 40 s …) so a broken task does not hammer what it depends on. backoffLimit: 2 allows two retries; after the third failure the Job gives up and gets the condition Failed, reason BackoffLimitExceeded:\n\nkubectl describe job migrate',
        ko: '이번에는 성공할 수 없는 잡입니다. migrate는 없는 데이터베이스에 접속하려다 종료 코드 1로 끝납니다. 편집기에서 적용하고 지켜보세요.\n\nkubectl get pods\n\nrestartPolicy가 Never이면 실패할 때마다 새 파드가 생기는데, 그 사이 간격은 10초, 20초, 40초…로 점점 길어집니다. 고장 난 작업이 의존하는 서비스를 쉴 새 없이 두드리지 않게 하려는 것입니다. backoffLimit: 2는 재시도를 두 번까지 허락합니다. 세 번째로 실패하면 잡은 포기하고 Failed 상태(condition)가 되며, 이유는 BackoffLimitExceeded입니다.\n\nkubectl describe job migrate',
      },
      starterYaml: MIGRATE,
      hints: [
        { en: 'kubectl logs job/migrate shows why it failed: read the logs of a failed Job before running it again.', ko: 'kubectl logs job/migrate로 실패한 이유를 볼 수 있습니다. 잡을 다시 돌리기 전에 로그부터 읽으세요.' },
        { en: 'With restartPolicy: OnFailure the kubelet restarts the container in the same pod instead, and RESTARTS counts up.', ko: 'restartPolicy가 OnFailure라면 새 파드 대신 kubelet이 같은 파드 안에서 컨테이너를 다시 시작하고, RESTARTS가 올라갑니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: MIGRATE }],
      goal: {
        says: { en: 'Job migrate has failed: its backoff limit is reached', ko: '잡 migrate가 재시도 한도에 도달해 실패했습니다' },
        object: { resource: 'jobs', name: 'migrate', fields: [{ path: 'status.conditions[type=Failed].status', equals: 'True' }, { path: 'status.failed', equals: 3 }] },
      },
    },
    {
      id: 'schedule',
      highlight: [{ kind: 'Component', name: 'kube-controller-manager' }],
      title: { en: 'On a schedule', ko: '정해진 때마다' },
      instructions: {
        en: 'A CronJob makes Jobs on a schedule written as in cron: minute, hour, day of month, month, day of week. The report in the editor runs every minute ("*/1 * * * *"). Apply it and let the clock run (speed it up if you like):\n\nkubectl get cronjobs\n\nkubectl get jobs\n\nEach Job is named after the CronJob and the minute it was due (report-29540…), so the same run is never started twice. LAST SCHEDULE shows when the last one began.',
        ko: '크론잡(CronJob)은 cron과 같은 형식의 일정에 따라 잡을 만듭니다. 분, 시, 일, 월, 요일 순서입니다. 편집기의 report는 1분마다 실행됩니다("*/1 * * * *"). 적용하고 시계가 흐르게 두세요(빠르게 돌려도 됩니다).\n\nkubectl get cronjobs\n\nkubectl get jobs\n\n잡 이름에는 크론잡 이름과 예정된 시각(분)이 붙습니다(report-29540…). 그래서 같은 회차가 두 번 시작되는 일이 없습니다. LAST SCHEDULE은 마지막 잡이 언제 시작했는지 보여 줍니다.',
      },
      starterYaml: REPORT,
      hints: [
        { en: 'The first Job starts at the next full minute of the cluster\'s clock, not the moment you apply.', ko: '첫 잡은 적용한 순간이 아니라 클러스터 시계의 다음 정각 분에 시작합니다.' },
        { en: '"0 3 * * *" would be every day at 03:00; "*/15 * * * *" every quarter of an hour.', ko: '"0 3 * * *"는 매일 03:00, "*/15 * * * *"는 15분마다입니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: REPORT }],
      goal: {
        says: { en: 'CronJob report has run a Job that succeeded', ko: '크론잡 report가 실행한 잡이 성공했습니다' },
        object: { resource: 'cronjobs', name: 'report', fields: [{ path: 'status.lastSuccessfulTime', present: true }] },
      },
    },
    {
      id: 'now',
      title: { en: 'Run it now', ko: '지금 바로 실행하기' },
      instructions: {
        en: 'Someone needs the report now, not at the next run. Instead of copying the CronJob\'s template by hand, make a Job from it:\n\nkubectl create job report-now --from=cronjob/report\n\nkubectl logs job/report-now\n\nThe new Job gets the same pod template, so it does exactly what the scheduled runs do.',
        ko: '다음 회차까지 기다릴 수 없어서 지금 바로 보고서가 필요하다고 합시다. 크론잡의 템플릿을 손으로 베끼는 대신, 크론잡에서 잡을 만드세요.\n\nkubectl create job report-now --from=cronjob/report\n\nkubectl logs job/report-now\n\n새 잡은 같은 파드 템플릿을 받으므로 예약된 회차와 똑같은 일을 합니다.',
      },
      hints: [{ en: 'This is also how to test a CronJob right after writing it, without waiting for 03:00.', ko: '크론잡을 새로 만든 뒤 새벽 3시까지 기다리지 않고 시험해 볼 때도 이렇게 합니다.' }],
      solution: [{ command: 'kubectl create job report-now --from=cronjob/report' }, { command: 'kubectl logs job/report-now' }],
      goal: {
        says: { en: 'Job report-now, made from the CronJob, has succeeded', ko: '크론잡에서 만든 잡 report-now가 성공했습니다' },
        object: { resource: 'jobs', name: 'report-now', fields: [{ path: 'status.succeeded', equals: 1 }] },
      },
    },
    {
      id: 'history',
      title: { en: 'Finished Jobs are cleared away', ko: '끝난 잡은 치워진다' },
      instructions: {
        en: 'A CronJob that runs every minute would leave a pile of finished Jobs and pods behind. successfulJobsHistoryLimit: 2 keeps only the two newest successful Jobs (failedJobsHistoryLimit: 1, one failed); the CronJob controller deletes older ones, and their pods with them.\n\nreport-now counts too: kubectl create job --from gave it the CronJob as its owner. Let the clock run and look again after two more runs:\n\nkubectl get jobs\n\nA Job that no CronJob owns can clean up after itself: ttlSecondsAfterFinished: 600 in its spec lets the TTL controller delete it ten minutes after it finishes.',
        ko: '1분마다 실행되는 크론잡을 그냥 두면 끝난 잡과 파드가 잔뜩 쌓입니다. successfulJobsHistoryLimit: 2는 성공한 잡 가운데 가장 최근 두 개만 남깁니다(failedJobsHistoryLimit: 1은 실패한 잡 하나). 더 오래된 잡은 크론잡 컨트롤러가 지우고, 그 파드도 함께 사라집니다.\n\nreport-now도 여기에 포함됩니다. kubectl create job --from이 크론잡을 소유자(owner)로 달아 주었기 때문입니다. 시계가 흐르게 두고, 두 회차가 더 지난 뒤 다시 보세요.\n\nkubectl get jobs\n\n크론잡이 소유하지 않은 잡은 스스로 치우게 할 수 있습니다. 스펙에 ttlSecondsAfterFinished: 600을 쓰면 TTL 컨트롤러가 잡이 끝나고 10분 뒤에 지웁니다.',
      },
      hints: [{ en: 'kubectl get job report-now -o yaml shows its ownerReferences: kind CronJob, name report.', ko: 'kubectl get job report-now -o yaml에서 ownerReferences를 보면 kind가 CronJob, name이 report입니다.' }],
      solution: [{ command: 'kubectl get jobs' }],
      goal: {
        says: { en: 'report-now is gone: newer runs pushed it out of the history', ko: 'report-now가 사라졌습니다. 더 최근 회차에 밀려 기록에서 빠졌습니다' },
        object: { resource: 'jobs', name: 'report-now', exists: false },
      },
    },
  ],
};
