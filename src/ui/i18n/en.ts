/** English UI text. Every key here must exist in ko.ts too (see i18n.test.ts). */
export const en = {
  app: {
    title: 'Wheelhouse',
    tagline: 'A Kubernetes classroom in your browser',
  },
  clock: {
    label: 'Simulated time',
    pause: 'Pause',
    play: 'Play',
    speed: 'Speed ×{{speed}}',
    step: 'Step',
  },
  language: { label: 'Language', ko: '한국어', en: 'English' },
  cluster: {
    heading: 'Cluster',
    controlPlane: 'Control plane',
    worker: 'Worker node',
    pods_one: '{{count}} pod',
    pods_other: '{{count}} pods',
    noPods: 'No pods on this node',
    stop: 'Stop node',
    start: 'Start node',
    stopped: 'Machine stopped',
  },
  console: {
    heading: 'kubectl',
    placeholder: 'kubectl get pods',
    run: 'Run',
    hint: 'Type a kubectl command and press Enter. Try: kubectl create deployment web --image=nginx --replicas=3',
    notKubectl: 'Only kubectl commands run here. Try "kubectl get nodes".',
    clear: 'Clear',
  },
} as const;
