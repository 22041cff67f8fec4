/**
 * Every concept the lessons teach. C01–C26 are the seed documents' (their curriculum table is
 * kept outside this repository; their ids are kept here); from C27 on are the project's own, for
 * what Wheelhouse teaches beyond the seeds. A test fails for any concept, old or new, that no
 * lesson step with a goal covers.
 */
import type { Bilingual, ConceptId } from './types';

/** The seeds' concepts, by id (their descriptions live in the curriculum document). */
export const SEED_CONCEPTS: ConceptId[] = Array.from({ length: 26 }, (_, i) => `C${String(i + 1).padStart(2, '0')}` as ConceptId);

/** The project's own concepts, described here. */
export const PROJECT_CONCEPTS: { id: ConceptId; concept: Bilingual; learnerDoes: Bilingual }[] = [
  {
    id: 'C27',
    concept: {
      en: 'Troubleshooting: from a symptom (Pending, ImagePullBackOff, CrashLoopBackOff, 0/1 ready, no endpoints, refused connections, an unbound claim, CreateContainerConfigError, a stuck rollout) to its cause, with get, describe, logs and events',
      ko: '문제 해결: 증상(Pending, ImagePullBackOff, CrashLoopBackOff, 0/1 준비, 엔드포인트 없음, 거부된 연결, 바인딩되지 않은 클레임, CreateContainerConfigError, 멈춘 롤아웃)에서 get, describe, logs, 이벤트로 원인을 찾기',
    },
    learnerDoes: {
      en: 'opens a cluster with one fault, finds it, and fixes it any way that works; the goal checks the cluster',
      ko: '고장이 하나 있는 클러스터를 열어 원인을 찾고, 통하는 방법이면 무엇으로든 고칩니다. 목표는 클러스터 상태로 확인합니다',
    },
  },
  {
    id: 'C28',
    concept: {
      en: 'Voluntary disruptions: draining a node through the Eviction API, and PodDisruptionBudgets that keep enough replicas running',
      ko: '자발적 중단: 축출(Eviction) API로 노드를 비우기, 그리고 충분한 레플리카를 지키는 파드 중단 예산(PodDisruptionBudget)',
    },
    learnerDoes: {
      en: 'drains a node, sets a budget, sees a drain held back by it, makes room and drains again',
      ko: '노드를 비우고, 예산을 정하고, 예산에 붙잡힌 drain을 본 뒤, 여유를 만들어 다시 비웁니다',
    },
  },
  {
    id: 'C29',
    concept: {
      en: 'Access control: ServiceAccounts as identities, RBAC Roles and ClusterRoles (rules that only allow), RoleBindings and ClusterRoleBindings, and asking with kubectl auth can-i and --as',
      ko: '접근 제어: 신원으로서의 서비스 어카운트, RBAC 롤과 클러스터롤(허락만 하는 규칙), 롤바인딩과 클러스터롤바인딩, 그리고 kubectl auth can-i와 --as로 확인하기',
    },
    learnerDoes: {
      en: 'creates a ServiceAccount, sees it refused, grants it a Role in one namespace and a built-in ClusterRole through a RoleBinding, and checks each answer',
      ko: '서비스 어카운트를 만들고 거부되는 것을 본 뒤, 한 네임스페이스의 롤과 기본 클러스터롤을 롤바인딩으로 주고 답을 하나하나 확인합니다',
    },
  },
  {
    id: 'C30',
    concept: {
      en: 'NetworkPolicy: every pod reaches every other until a policy selects it; then only traffic some policy allows (by pod, namespace, address block and port) gets through, if the network plugin enforces policies',
      ko: '네트워크 폴리시: 폴리시가 고르기 전까지 모든 파드는 서로 닿고, 고른 뒤에는 어떤 폴리시가 (파드, 네임스페이스, 주소 블록, 포트로) 허락한 트래픽만 지나갑니다. 네트워크 플러그인이 폴리시를 적용할 때의 이야기입니다',
    },
    learnerDoes: {
      en: 'isolates every pod with a default-deny policy, sees a request time out, then lets only the frontend reach the api',
      ko: 'default-deny 폴리시로 모든 파드를 격리하고, 요청이 시간 초과되는 것을 본 뒤, 프론트엔드만 api에 닿게 합니다',
    },
  },
  {
    id: 'C31',
    concept: {
      en: 'Pod priority and preemption: PriorityClasses give pods a priority; when a pod fits nowhere the scheduler evicts lower-priority pods to make room, and never pods of equal or higher priority',
      ko: '파드 우선순위와 선점: 우선순위 클래스가 파드에 우선순위를 주고, 들어갈 자리가 없으면 스케줄러가 더 낮은 우선순위의 파드를 축출해 자리를 만듭니다. 같거나 높은 우선순위의 파드는 내보내지 않습니다',
    },
    learnerDoes: {
      en: 'fills the cluster, sees a pod wait for room, creates a PriorityClass and watches a more important pod preempt a batch pod',
      ko: '클러스터를 채우고, 자리를 기다리는 파드를 본 뒤, 우선순위 클래스를 만들어 더 중요한 파드가 batch 파드를 선점하는 것을 지켜봅니다',
    },
  },
  {
    id: 'C32',
    concept: {
      en: 'Jobs and CronJobs: work that runs to completion (completions, parallelism), retries with a growing delay up to backoffLimit, and Jobs started on a cron schedule, with finished ones cleared by history limits or a TTL',
      ko: '잡과 크론잡: 끝날 때까지 실행되는 작업(completions, parallelism), backoffLimit까지 점점 긴 간격을 두고 하는 재시도, cron 일정에 따라 시작되는 잡, 그리고 기록 한도나 TTL로 치워지는 끝난 잡',
    },
    learnerDoes: {
      en: 'runs a Job to three completions and reads its log, sees a failing Job give up, lets a CronJob run on schedule, starts one by hand, and sees the history limit clear it',
      ko: '잡을 세 번 완료될 때까지 실행해 로그를 읽고, 실패하는 잡이 포기하는 것을 본 뒤, 크론잡을 일정대로 돌리고 손으로도 하나 시작해, 기록 한도가 그것을 치우는 것을 봅니다',
    },
  },
  {
    id: 'C33',
    concept: {
      en: 'StatefulSets: replicas with stable names and hostnames, created in order and removed in reverse, found through a headless Service, each with its own claim from volumeClaimTemplates that outlives the pod and a scale-down',
      ko: '스테이트풀셋: 바뀌지 않는 이름과 호스트 이름을 가진 레플리카, 순서대로 만들어지고 거꾸로 지워지며, 헤드리스 서비스로 찾고, volumeClaimTemplates에서 받은 각자의 클레임이 파드와 스케일 다운보다 오래 남는다',
    },
    learnerDoes: {
      en: 'starts a three-member StatefulSet, looks it up through its headless Service, writes on db-0\'s volume, deletes db-0 and reads the file from the new db-0, then scales down and finds the claims kept',
      ko: '멤버 셋인 스테이트풀셋을 시작해 헤드리스 서비스로 조회하고, db-0의 볼륨에 쓴 뒤 db-0을 지우고 새 db-0에서 파일을 읽어 보며, 줄인 뒤에도 클레임이 남는 것을 확인합니다',
    },
  },
  {
    id: 'C34',
    concept: {
      en: 'DaemonSets: one pod on every node that fits — new nodes included — reaching tainted nodes such as the control plane only with a toleration, and kept to some nodes by a nodeSelector',
      ko: '데몬셋: 조건에 맞는 모든 노드에 파드 하나씩(새로 생긴 노드도 포함), 컨트롤 플레인처럼 테인트가 있는 노드에는 톨러레이션이 있어야 가고, nodeSelector로 일부 노드에만 둔다',
    },
    learnerDoes: {
      en: 'runs a log agent on every worker, adds a toleration to reach the control plane, sees a node the autoscaler adds get an agent, and limits a second DaemonSet to labelled nodes',
      ko: '모든 워커에 로그 에이전트를 띄우고, 톨러레이션을 더해 컨트롤 플레인까지 보내고, 오토스케일러가 더한 노드에 에이전트가 생기는 것을 본 뒤, 두 번째 데몬셋을 레이블이 붙은 노드로 제한합니다',
    },
  },
  {
    id: 'C35',
    concept: {
      en: 'kubectl in daily use: watching changes (get -w), waiting for a condition instead of sleeping (wait), seeing what a file would change (diff, and its exit code), editing a live object (edit) — and the file as the truth that apply restores',
      ko: '일상의 kubectl: 변화 지켜보기(get -w), sleep 대신 조건 기다리기(wait), 파일이 무엇을 바꿀지 미리 보기(diff와 그 종료 코드), 살아 있는 오브젝트 고치기(edit), 그리고 apply가 되돌려 놓는 진실로서의 파일',
    },
    learnerDoes: {
      en: 'watches pods while applying a change, waits for a new Deployment to be Available, diffs a changed file before and after applying it, edits replicas in the live object, and predicts what the next apply does',
      ko: '변경을 적용하며 파드를 지켜보고, 새 디플로이먼트가 Available이 되기를 기다리고, 바뀐 파일을 적용 전후로 diff해 보고, 살아 있는 오브젝트의 replicas를 고친 뒤, 다음 apply가 무엇을 할지 예측합니다',
    },
  },
  {
    id: 'C36',
    concept: {
      en: 'Custom resources: a CustomResourceDefinition adds a kind to the API server — its schema validates and defaults what is stored, its printer columns shape kubectl get, explain reads it, and deleting the definition deletes its objects; controllers (operators) give the kind its behaviour',
      ko: '커스텀 리소스: 커스텀 리소스 데피니션이 API 서버에 종류를 더합니다. 스키마가 저장할 내용을 검증하고 기본값을 채우며, 출력 열이 kubectl get의 모양을 정하고, explain이 스키마를 읽고, 정의를 지우면 오브젝트도 지워집니다. 그 종류에 동작을 주는 것은 컨트롤러(오퍼레이터)입니다',
    },
    learnerDoes: {
      en: 'defines a Backup kind, creates one and sees the schema default and the printer columns, is refused by the schema and fixes the object after reading explain, then deletes the definition and its objects with it',
      ko: 'Backup 종류를 정의하고, 하나를 만들어 스키마의 기본값과 출력 열을 보고, 스키마에 거부당한 뒤 explain을 읽고 오브젝트를 고치고, 마지막으로 정의를 지워 오브젝트까지 함께 사라지게 합니다',
    },
  },
];

export const CONCEPTS: ConceptId[] = [...SEED_CONCEPTS, ...PROJECT_CONCEPTS.map((c) => c.id)];
