/** Lesson: a claim, a cloud disk, and data that outlives its pod. */
import type { Lesson } from '../types';
import { ranCommand, allOf, replacementRunning, claimInUse, fileOnClaim } from '../goals';

const DB = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  replicas: 1
  strategy: {type: Recreate}
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "sleep 86400"]
        volumeMounts:
        - {name: data, mountPath: /data}
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: data}
`;

export const storage: Lesson = {
  id: 'storage',
  title: { en: 'Storage that outlives its pod', ko: '파드보다 오래가는 저장소' },
  summary: {
    en: 'Claim a disk, write to it, replace the pod, and find the data again.',
    ko: '디스크를 요청해 데이터를 쓰고, 파드를 바꾼 뒤 데이터를 다시 찾아봅니다.',
  },
  concepts: ['C20'],
  scenario: { cluster: { seed: 14, workers: 3 } },
  steps: [
    {
      id: 'claim',
      title: { en: 'Claim a disk', ko: '디스크 요청하기' },
      instructions: {
        en: 'A PersistentVolumeClaim asks for storage; the StorageClass standard makes a cloud disk for it, in the zone of the node the pod lands on. Apply the claim and a Deployment db that mounts it at /data (the Editor has it ready — press Apply).',
        ko: '퍼시스턴트 볼륨 클레임(PersistentVolumeClaim)은 저장 공간을 요청합니다. 스토리지클래스 standard가 파드가 놓일 노드의 존(zone)에 클라우드 디스크를 만들어 줍니다. 클레임과, 이를 /data에 마운트하는 디플로이먼트 db를 적용하세요. 편집기에 준비해 두었으니 적용을 누르면 됩니다.',
      },
      starterYaml: DB,
      hints: [
        { en: '`kubectl get pvc,pv` shows the claim Pending, then Bound to a pvc-… volume.', ko: '`kubectl get pvc,pv`로 클레임이 Pending에서 pvc-… 볼륨에 Bound되는 과정을 볼 수 있습니다.' },
        { en: 'Watch the node: a disk appears on it when the volume is attached.', ko: '노드를 보세요. 볼륨이 연결되면 노드에 디스크가 나타납니다.' },
      ],
      solution: [{ command: 'kubectl apply -f -', stdin: DB }],
      goal: claimInUse('data', 'db'),
    },
    {
      id: 'write',
      title: { en: 'Write something', ko: '무언가 쓰기' },
      instructions: {
        en: 'Write a file onto the disk from inside the pod:\n\nkubectl exec deploy/db -- sh -c "echo hello > /data/hello.txt"',
        ko: '파드 안에서 디스크에 파일을 써 봅시다.\n\nkubectl exec deploy/db -- sh -c "echo hello > /data/hello.txt"',
      },
      suggestedCommand: 'kubectl exec deploy/db -- sh -c "echo hello > /data/hello.txt"',
      hints: [{ en: 'deploy/db picks the running pod of the db Deployment for you.', ko: 'deploy/db라고 쓰면 db 디플로이먼트의 실행 중인 파드를 골라 줍니다.' }],
      solution: [{ command: 'kubectl exec deploy/db -- sh -c "echo hello > /data/hello.txt"' }],
      goal: fileOnClaim('data', 'hello.txt'),
    },
    {
      id: 'replace',
      highlight: [{ kind: 'Deployment', name: 'db' }],
      title: { en: 'Replace the pod', ko: '파드 바꾸기' },
      instructions: {
        en: 'Delete the db pod. Its Deployment makes a new one; the disk is detached from the old pod’s node and attached where the new one runs.',
        ko: 'db 파드를 지우세요. 디플로이먼트가 새 파드를 만들고, 디스크는 예전 노드에서 분리되어 새 파드가 실행되는 노드에 연결됩니다.',
      },
      hints: [{ en: 'kubectl delete pod -l app=db deletes it by label.', ko: 'kubectl delete pod -l app=db로 레이블을 써서 지울 수 있습니다.' }],
      solution: [{ command: 'kubectl delete pod -l app=db --wait=false' }],
      goal: allOf(
        { en: 'A new db pod runs with the same claim', ko: '새 db 파드가 같은 클레임으로 실행 중입니다' },
        ranCommand(/^delete (pods?|po)\b/, { en: 'a pod deleted', ko: '파드 삭제' }),
        replacementRunning('db'),
        claimInUse('data', 'db'),
      ),
    },
    {
      id: 'read',
      title: { en: 'Read it back', ko: '다시 읽기' },
      instructions: {
        en: 'The new pod never wrote anything — yet:\n\nkubectl exec deploy/db -- cat /data/hello.txt\n\nThe data lives on the volume, not in the pod. (A file written outside /data, in the container’s own layer, would be gone.)',
        ko: '새 파드는 아무것도 쓴 적이 없습니다. 그런데도:\n\nkubectl exec deploy/db -- cat /data/hello.txt\n\n데이터는 파드가 아니라 볼륨에 있습니다. (/data 밖, 컨테이너 자신의 레이어에 쓴 파일이었다면 사라졌을 겁니다.)',
      },
      suggestedCommand: 'kubectl exec deploy/db -- cat /data/hello.txt',
      hints: [{ en: 'Try the same with /tmp to see the difference.', ko: '/tmp로 똑같이 해 보면 차이를 알 수 있습니다.' }],
      solution: [{ command: 'kubectl exec deploy/db -- cat /data/hello.txt' }],
      goal: allOf(
        { en: 'You read the file from the new pod', ko: '새 파드에서 파일을 읽었습니다' },
        ranCommand(/^exec\b.*\bcat \/data\/hello\.txt/, { en: 'file read', ko: '파일 읽기' }),
        fileOnClaim('data', 'hello.txt'),
      ),
    },
  ],
};
