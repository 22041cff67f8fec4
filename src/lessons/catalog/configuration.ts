/** Lesson: configuration lives outside the image — ConfigMaps and Secrets. */
import type { Lesson } from '../types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sh", "-c", "echo mode=$MODE; sleep 86400"]
        envFrom:
        - configMapRef:
            name: shop-config
        volumeMounts:
        - name: config
          mountPath: /etc/shop
      volumes:
      - name: config
        configMap:
          name: shop-config
`;

export const configuration: Lesson = {
  id: 'configuration',
  title: { en: 'Configuration outside the image', ko: '이미지 밖에 두는 설정' },
  summary: {
    en: 'Give one image different settings with a ConfigMap, as variables and as files, and a password with a Secret.',
    ko: '컨피그맵으로 같은 이미지에 다른 설정을 변수와 파일로 넣고, 시크릿으로 비밀번호를 넣어 봅니다.',
  },
  concepts: ['C25'],
  scenario: { cluster: { seed: 18, workers: 3 } },
  steps: [
    {
      id: 'configmap',
      title: { en: 'A ConfigMap', ko: '컨피그맵 만들기' },
      instructions: {
        en: 'A ConfigMap holds settings as key-value pairs, so the same image can run in test and in production. Create one:\n\nkubectl create configmap shop-config --from-literal=MODE=test --from-literal=GREETING=hello',
        ko: '컨피그맵(ConfigMap)은 설정을 키-값으로 담습니다. 그래서 같은 이미지를 테스트와 운영에서 그대로 쓸 수 있습니다. 하나 만들어 보세요.\n\nkubectl create configmap shop-config --from-literal=MODE=test --from-literal=GREETING=hello',
      },
      suggestedCommand: 'kubectl create configmap shop-config --from-literal=MODE=test --from-literal=GREETING=hello',
      hints: [{ en: '`kubectl describe configmap shop-config` shows its data.', ko: '`kubectl describe configmap shop-config`로 내용을 볼 수 있습니다.' }],
      solution: [{ command: 'kubectl create configmap shop-config --from-literal=MODE=test --from-literal=GREETING=hello' }],
      goal: { says: { en: 'ConfigMap shop-config has MODE and GREETING', ko: '컨피그맵 shop-config에 MODE와 GREETING이 있습니다' }, object: { resource: 'configmaps', name: 'shop-config', fields: [{ path: 'data.MODE', present: true }, { path: 'data.GREETING', present: true }] } },
    },
    {
      id: 'use',
      title: { en: 'Use it as variables and files', ko: '변수와 파일로 쓰기' },
      instructions: {
        en: 'The Deployment in the editor takes every key as an environment variable (envFrom) and also mounts the ConfigMap as files under /etc/shop. Apply it, then check both:\n\nkubectl exec deploy/shop -- env\n\nkubectl exec deploy/shop -- cat /etc/shop/GREETING',
        ko: '편집기의 디플로이먼트는 모든 키를 환경 변수로 받고(envFrom), 컨피그맵을 /etc/shop 아래 파일로도 마운트합니다. 적용한 뒤 둘 다 확인해 보세요.\n\nkubectl exec deploy/shop -- env\n\nkubectl exec deploy/shop -- cat /etc/shop/GREETING',
      },
      starterYaml: APP,
      hints: [{ en: '`kubectl logs deploy/shop` prints mode=test: the program read $MODE.', ko: '`kubectl logs deploy/shop`에 mode=test가 찍힙니다. 프로그램이 $MODE를 읽은 것입니다.' }],
      solution: [{ command: 'kubectl apply -f -', stdin: APP }, { command: 'kubectl exec deploy/shop -- cat /etc/shop/GREETING' }],
      goal: { says: { en: 'A shop pod runs with the ConfigMap, and you read a mounted file', ko: 'shop 파드가 컨피그맵과 함께 실행되고, 마운트된 파일을 읽었습니다' }, all: [{ pods: { selector: 'app=shop', count: 1 } }, { command: { matches: /^exec\b.*(cat \/etc\/shop\/|-- env|printenv)/.source } }] },
    },
    {
      id: 'secret',
      title: { en: 'A Secret for the password', ko: '비밀번호는 시크릿으로' },
      instructions: {
        en: 'Passwords go in a Secret: the same idea, but kept apart, shown base64-encoded and only to those allowed to read Secrets. Create one and look at it:\n\nkubectl create secret generic shop-db --from-literal=password=s3cret\n\nkubectl get secret shop-db -o yaml',
        ko: '비밀번호는 시크릿(Secret)에 둡니다. 생각은 같지만 따로 보관되고, base64로 인코딩되어 보이며, 시크릿을 읽을 권한이 있는 사람만 볼 수 있습니다. 만들어서 살펴보세요.\n\nkubectl create secret generic shop-db --from-literal=password=s3cret\n\nkubectl get secret shop-db -o yaml',
      },
      hints: [{ en: 'base64 is an encoding, not encryption: anyone who can read the Secret can decode it.', ko: 'base64는 암호화가 아니라 인코딩입니다. 시크릿을 읽을 수 있으면 누구나 풀 수 있습니다.' }],
      solution: [{ command: 'kubectl create secret generic shop-db --from-literal=password=s3cret' }, { command: 'kubectl get secret shop-db -o yaml' }],
      goal: { says: { en: 'Secret shop-db holds a password', ko: '시크릿 shop-db에 password가 있습니다' }, object: { resource: 'secrets', name: 'shop-db', fields: [{ path: 'data.password', present: true }] } },
    },
  ],
};
