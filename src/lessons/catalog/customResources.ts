/**
 * Lesson: custom resources — a CustomResourceDefinition teaches the API server a new kind; its
 * schema guards what may be stored, its printer columns shape `kubectl get`, and deleting the
 * definition deletes every object of the kind. The goals read the CRD's conditions, the objects
 * stored and what kubectl answered, never the commands typed.
 */
import type { Lesson } from '../types';

export const BACKUP_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.ops.example.com
spec:
  group: ops.example.com
  scope: Namespaced
  names:
    plural: backups
    singular: backup
    kind: Backup
    shortNames: [bk]
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - name: Target
      type: string
      jsonPath: .spec.target
    - name: Schedule
      type: string
      jsonPath: .spec.schedule
    - name: Keep
      type: integer
      jsonPath: .spec.keepDays
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            description: What to back up, when, and how long to keep it.
            required: [target, schedule]
            properties:
              target:
                type: string
                description: The claim whose data is saved.
              schedule:
                type: string
                description: When to run, in cron format.
              keepDays:
                type: integer
                minimum: 1
                maximum: 30
                default: 7
                description: How many days a copy is kept.
`;

const NIGHTLY = `apiVersion: ops.example.com/v1
kind: Backup
metadata:
  name: nightly
spec:
  target: db-data
  schedule: "0 2 * * *"
`;

const WEEKLY_TOO_LONG = `apiVersion: ops.example.com/v1
kind: Backup
metadata:
  name: weekly
spec:
  target: db-data
  schedule: "0 3 * * 0"
  keepDays: 90
`;

const WEEKLY = WEEKLY_TOO_LONG.replace('keepDays: 90', 'keepDays: 30');

export const customResources: Lesson = {
  id: 'custom-resources',
  title: { en: 'Teaching the API new words: custom resources', ko: 'API에 새 단어 가르치기: 커스텀 리소스' },
  summary: {
    en: 'A CustomResourceDefinition adds a kind of your own to the API server — stored, validated and listed like the built-in ones.',
    ko: '커스텀 리소스 데피니션(CustomResourceDefinition)으로 API 서버에 나만의 종류를 더합니다. 내장 종류처럼 저장되고, 검증되고, 조회됩니다.',
  },
  concepts: ['C36'],
  scenario: { cluster: { seed: 36, workers: 2 } },
  steps: [
    {
      id: 'define',
      title: { en: 'A new kind', ko: '새로운 종류' },
      instructions: {
        en: 'Pods, Services and Deployments are kinds the API server knows from birth. The editor holds a CustomResourceDefinition that teaches it one more: Backup, in the group ops.example.com. Apply it and ask for it:\n\nkubectl get crd\n\nOnce the API server has checked the names and the schema, the definition is Established, and backups (short: bk) is a resource type like any other — kubectl api-resources lists it.',
        ko: '파드, 서비스, 디플로이먼트는 API 서버가 처음부터 아는 종류입니다. 편집기의 커스텀 리소스 데피니션은 하나를 더 가르칩니다. ops.example.com 그룹의 Backup입니다. 적용하고 확인해 보세요.\n\nkubectl get crd\n\nAPI 서버가 이름과 스키마를 검사하고 나면 정의는 Established 상태가 되고, backups(줄여서 bk)는 다른 리소스 타입과 똑같이 쓸 수 있습니다. kubectl api-resources에도 나옵니다.',
      },
      starterYaml: BACKUP_CRD,
      hints: [
        { en: 'The name of a CRD is always <plural>.<group>: backups.ops.example.com.', ko: 'CRD의 이름은 언제나 <복수형>.<그룹>입니다. 여기서는 backups.ops.example.com입니다.' },
        { en: 'kubectl describe crd backups.ops.example.com shows its conditions: NamesAccepted, then Established.', ko: 'kubectl describe crd backups.ops.example.com을 보면 NamesAccepted, 그다음 Established 상태를 볼 수 있습니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: BACKUP_CRD }, { command: 'kubectl get crd' }],
      goal: {
        says: { en: 'The API server serves Backups: the definition is Established', ko: 'API 서버가 Backup을 제공합니다. 정의가 Established 상태입니다' },
        object: { resource: 'customresourcedefinitions', name: 'backups.ops.example.com', fields: [{ path: 'status.conditions[type=Established].status', equals: 'True' }] },
      },
    },
    {
      id: 'create',
      title: { en: 'Objects of your kind', ko: '내 종류의 오브젝트' },
      instructions: {
        en: 'Now a Backup is an object like a Pod: it has apiVersion, kind, metadata and spec, and lives in a namespace. Create one from the editor, then list them:\n\nkubectl get backups\n\nThe columns TARGET, SCHEDULE and KEEP come from the definition\'s additionalPrinterColumns. KEEP says 7 though the manifest never set it: the schema\'s default filled it in when the API server stored the object.',
        ko: '이제 Backup은 파드와 같은 오브젝트입니다. apiVersion, kind, metadata, spec 필드를 갖추고 네임스페이스 안에 삽니다. 편집기에서 하나 만들고 목록을 보세요.\n\nkubectl get backups\n\nTARGET, SCHEDULE, KEEP 열은 정의의 additionalPrinterColumns에서 옵니다. 매니페스트에 쓰지 않았는데도 KEEP이 7인 것은, API 서버가 오브젝트를 저장할 때 스키마의 기본값(default)을 채웠기 때문입니다.',
      },
      starterYaml: NIGHTLY,
      hints: [
        { en: 'kubectl get bk works too: the short name from the definition.', ko: 'kubectl get bk도 됩니다. 정의에 적힌 짧은 이름입니다.' },
        { en: 'Nothing runs a backup here: in a real cluster an operator — a controller someone installs — would watch Backups and act on them. The API only stores and serves them.', ko: '여기서는 실제로 백업을 하는 것이 없습니다. 실제 클러스터라면 누군가 설치한 컨트롤러, 즉 오퍼레이터가 Backup을 지켜보다가 일을 합니다. API는 저장하고 제공할 뿐입니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: NIGHTLY }, { command: 'kubectl get backups' }],
      goal: {
        says: { en: 'Backup nightly is stored with keepDays 7 from the default, and you listed it with its columns', ko: 'Backup nightly가 기본값 keepDays 7로 저장되었고, 열과 함께 목록을 봤습니다' },
        all: [
          { object: { resource: 'backups', name: 'nightly', fields: [{ path: 'spec.keepDays', equals: 7 }] } },
          { command: { matches: '^get (backups?|bk)\\b', output: 'SCHEDULE +KEEP' } },
        ],
      },
    },
    {
      id: 'validate',
      title: { en: 'The schema keeps the door', ko: '스키마가 문을 지킵니다' },
      instructions: {
        en: 'The editor\'s second Backup wants to keep copies for 90 days. Apply it: the API server refuses it, naming the field and the rule (keepDays at most 30) — nothing is stored. Ask what the field means, fix the value and apply again:\n\nkubectl explain backup.spec',
        ko: '편집기의 두 번째 Backup은 사본을 90일 동안 두려고 합니다. 적용해 보면 API 서버가 필드와 규칙(keepDays는 30 이하)을 짚으며 거부하고, 아무것도 저장되지 않습니다. 필드의 뜻을 물어본 뒤 값을 고쳐 다시 적용하세요.\n\nkubectl explain backup.spec',
      },
      starterYaml: WEEKLY_TOO_LONG,
      hints: [
        { en: 'explain reads the definition\'s schema: the same descriptions, types and limits the API server checks.', ko: 'explain은 정의의 스키마를 읽습니다. API 서버가 검사하는 바로 그 설명, 타입, 한계입니다.' },
        { en: 'Set keepDays to 30 or less.', ko: 'keepDays를 30 이하로 바꾸세요.' },
      ],
      solution: [{ command: 'kubectl explain backup.spec' }, { command: 'kubectl apply -f -', stdin: WEEKLY }],
      goal: {
        says: { en: 'Backup weekly is stored, within the schema\'s limit, and you read the field\'s explanation', ko: 'Backup weekly가 스키마의 한계 안에서 저장되었고, 필드 설명을 읽었습니다' },
        all: [
          { object: { resource: 'backups', name: 'weekly', fields: [{ path: 'spec.keepDays', atMost: 30 }] } },
          { command: { matches: '^explain (backups?|bk)\\b', output: 'keepDays' } },
        ],
      },
    },
    {
      id: 'remove',
      title: { en: 'Taking the word back', ko: '단어 거두기' },
      instructions: {
        en: 'A definition owns its objects. Delete it:\n\nkubectl delete crd backups.ops.example.com\n\nThe API server first deletes every Backup, then the definition itself. Afterwards kubectl get backups answers as it does for any word the server does not know.',
        ko: '정의는 자기 오브젝트를 거느립니다. 정의를 지워 보세요.\n\nkubectl delete crd backups.ops.example.com\n\nAPI 서버는 먼저 모든 Backup을 지우고, 그다음 정의를 지웁니다. 그 뒤 kubectl get backups는 서버가 모르는 단어를 물었을 때와 똑같이 답합니다.',
      },
      hints: [{ en: 'Deleting a CRD is how a whole kind — with all its data — disappears at once; in a real cluster, do it with care.', ko: 'CRD를 지우면 한 종류가 데이터째 한꺼번에 사라집니다. 실제 클러스터에서는 조심해서 하세요.' }],
      solution: [{ command: 'kubectl delete crd backups.ops.example.com' }],
      goal: {
        says: { en: 'The definition and both Backups are gone', ko: '정의와 Backup 두 개가 모두 사라졌습니다' },
        all: [
          { object: { resource: 'customresourcedefinitions', name: 'backups.ops.example.com', exists: false } },
          { object: { resource: 'backups', name: 'nightly', exists: false } },
          { object: { resource: 'backups', name: 'weekly', exists: false } },
        ],
      },
    },
  ],
};
