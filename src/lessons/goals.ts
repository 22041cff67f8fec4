/** Building blocks for lesson goals: predicates over a cluster, worded in both languages. */
import type { Cluster } from '../engine';
import type { Goal } from './types';

/** A Deployment has `replicas` ready pods (and no more wanted). */
export function deploymentReady(name: string, replicas: number, namespace = 'default'): Goal {
  return {
    description: { en: `Deployment ${name} has ${replicas} ready replicas`, ko: `디플로이먼트 ${name}의 준비된 레플리카가 ${replicas}개입니다` },
    met: (c: Cluster) => {
      const d = c.store.get('deployments', namespace, name);
      return !!d && d.spec?.replicas === replicas && (d.status?.readyReplicas ?? 0) === replicas && (d.status?.updatedReplicas ?? 0) === replicas;
    },
  };
}

/** Every pod matching `app=<label>` runs on a node other than `node`. */
export function podsMovedOff(node: string, app: string, namespace = 'default'): Goal {
  return {
    description: { en: `All ${app} pods run on nodes other than ${node}`, ko: `${app} 파드가 모두 ${node}가 아닌 노드에서 실행 중입니다` },
    met: (c: Cluster) => {
      const pods = c.store.list('pods', namespace).filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
      return pods.length > 0 && pods.every((p) => p.spec?.nodeName !== node && p.status?.phase === 'Running');
    },
  };
}

/** The learner stopped a node (read from the action log: goals may look at what was done). */
export function nodeWasStopped(node: string): Goal {
  return {
    description: { en: `Node ${node} was stopped`, ko: `노드 ${node}를 중지했습니다` },
    met: (c: Cluster) => c.actionLog().some((a) => a.type === 'stopNode' && a.name === node),
  };
}
