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
];

export const CONCEPTS: ConceptId[] = [...SEED_CONCEPTS, ...PROJECT_CONCEPTS.map((c) => c.id)];
