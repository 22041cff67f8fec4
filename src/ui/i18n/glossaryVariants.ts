/**
 * Korean terms the learner must see one way only. Each entry names a term of `glossary-ko.tsv`
 * (a copy of the project's glossary, /work/shared/glossary-ko.tsv, drawn from the Korean
 * Kubernetes docs' content/ko/docs/reference/glossary — see its `seen_in` column) and the
 * variants that other translations use for it. glossary.test.ts fails when a Korean resource or
 * lesson text uses a variant.
 */
export interface TermVariants {
  /** The glossary's English column. */
  en: string;
  /** The glossary's Korean term (or the part of it that is the term, e.g. 라이프사이클 of 파드 라이프사이클). */
  term: string;
  avoid: string[];
}

export const TERM_VARIANTS: TermVariants[] = [
  { en: 'Cloud Provider', term: '클라우드 공급자', avoid: ['클라우드 제공자', '클라우드 제공 업체', '클라우드 프로바이더'] },
  { en: 'Garbage Collection', term: '가비지 수집', avoid: ['가비지 컬렉션', '가비지 컬렉터', '가비지 콜렉', '쓰레기 수집'] },
  { en: 'Pod Lifecycle', term: '라이프사이클', avoid: ['수명 주기', '수명주기', '생명 주기', '생명주기'] },
  { en: 'toleration', term: '톨러레이션', avoid: ['용인', '관용', '톨러레이션즈'] },
  { en: 'desired state', term: '의도한 상태', avoid: ['원하는 상태', '바라는 상태', '희망 상태', '목표 상태'] },
  { en: 'Label', term: '레이블', avoid: ['라벨'] },
  { en: 'Selector', term: '셀렉터', avoid: ['선택자', '셀렉타'] },
  { en: 'Namespace', term: '네임스페이스', avoid: ['이름공간', '이름 공간', '네임 스페이스'] },
  { en: 'Control Plane', term: '컨트롤 플레인', avoid: ['제어 플레인', '제어 평면', '컨트롤플레인'] },
  { en: 'Pod', term: '파드', avoid: ['포드'] },
  { en: 'Eviction', term: '축출', avoid: ['퇴거'] },
  { en: 'Persistent Volume', term: '퍼시스턴트 볼륨', avoid: ['영구 볼륨', '영속 볼륨', '영구볼륨'] },
  { en: 'ConfigMap', term: '컨피그맵', avoid: ['컨피그 맵', '구성 맵', '구성맵'] },
  { en: 'Taint', term: '테인트', avoid: ['오염'] },
  { en: 'Annotation', term: '어노테이션', avoid: ['애너테이션', '주석을 달'] },
  { en: 'control loop', term: '컨트롤 루프', avoid: ['제어 루프'] },
  { en: 'replica set (ReplicaSet)', term: '레플리카셋', avoid: ['레플리카 셋', '리플리카셋', '레플리카세트'] },
  { en: 'StatefulSet', term: '스테이트풀셋', avoid: ['스테이트풀 셋', '스테이트풀세트'] },
  { en: 'DaemonSet', term: '데몬셋', avoid: ['데몬 셋', '데몬세트'] },
  { en: 'Ingress', term: '인그레스', avoid: ['인그래스'] },
  { en: 'Endpoints', term: '엔드포인트', avoid: ['엔드 포인트', '끝점'] },
  { en: 'rolling update', term: '롤링 업데이트', avoid: ['순차 업데이트', '롤링업데이트'] },
  { en: 'worker node', term: '워커 노드', avoid: ['작업자 노드', '워커노드'] },
  { en: 'Container Runtime', term: '컨테이너 런타임', avoid: ['컨테이너 실행 환경'] },
];
