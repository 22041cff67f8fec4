/** 한국어 UI 문구. 용어는 shared/glossary-ko.tsv의 공식 번역을 따른다. */
import type { Messages } from './index';

export const ko: Messages = {
  app: {
    title: 'Wheelhouse',
    tagline: '브라우저에서 배우는 쿠버네티스',
  },
  clock: {
    label: '시뮬레이션 시간',
    pause: '일시 정지',
    play: '재생',
    speed: '{{speed}}배속',
    step: '한 단계',
  },
  language: { label: '언어', ko: '한국어', en: 'English' },
  cluster: {
    heading: '클러스터',
    controlPlane: '컨트롤 플레인',
    worker: '워커 노드',
    pods_one: '파드 {{count}}개',
    pods_other: '파드 {{count}}개',
    noPods: '이 노드에는 파드가 없습니다',
    stop: '노드 중지',
    start: '노드 시작',
    stopped: '머신 꺼짐',
  },
  console: {
    heading: 'kubectl',
    placeholder: 'kubectl get pods',
    run: '실행',
    hint: 'kubectl 명령을 입력하고 Enter를 누르세요. 예: kubectl create deployment web --image=nginx --replicas=3',
    notKubectl: '여기서는 kubectl 명령만 실행됩니다. "kubectl get nodes"를 입력해 보세요.',
    clear: '지우기',
  },
};
