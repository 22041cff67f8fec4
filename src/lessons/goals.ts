/** Building blocks for lesson goals: predicates over a cluster, worded in both languages. */
import type { EnginePort } from '../engine/port';
import { withJosa } from './josa';
import type { Bilingual, Goal, GoalPicture, StepContext } from './types';

/** A Deployment has `replicas` ready pods (and no more wanted). */
export function deploymentReady(name: string, replicas: number, namespace = 'default'): Goal {
  return {
    description: { en: `Deployment ${name} has ${replicas} ready replicas`, ko: `디플로이먼트 ${name}의 준비된 레플리카가 ${replicas}개입니다` },
    picture: { pods: [{ label: name, count: replicas }] },
    met: (c: EnginePort) => {
      const d = c.get('deployments', namespace, name);
      // The status must describe the current spec (observedGeneration), or a fresh change would look done.
      return !!d && d.spec?.replicas === replicas && d.status?.observedGeneration === d.metadata.generation && (d.status?.readyReplicas ?? 0) === replicas && (d.status?.updatedReplicas ?? 0) === replicas && (d.status?.replicas ?? 0) === replicas;
    },
  };
}

/** Every pod matching `app=<label>` runs on a node other than `node`. */
export function podsMovedOff(node: string, app: string, count: number, namespace = 'default'): Goal {
  // One number for the check and the picture: the picture cannot promise pods the check does not ask for.
  return {
    description: { en: `All ${count} ${app} pods run on nodes other than ${node}`, ko: `${app} 파드 ${count}개가 모두 ${withJosa(node, '이/가')} 아닌 노드에서 실행 중입니다` },
    picture: { nodes: [{ name: node, down: true }], pods: [{ label: app, count, notOn: node }] },
    met: (c: EnginePort) => {
      const pods = c.list('pods', namespace).filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
      return pods.length >= count && pods.every((p) => p.spec?.nodeName !== node && p.status?.phase === 'Running');
    },
  };
}

/** The learner stopped a node (read from the action log: goals may look at what was done). */
export function nodeWasStopped(node: string): Goal {
  return {
    description: { en: `Node ${node} was stopped`, ko: `노드 ${withJosa(node, '을/를')} 중지했습니다` },
    picture: { nodes: [{ name: node, down: true }] },
    met: (c: EnginePort) => c.actionLog().some((a) => a.type === 'stopNode' && a.name === node),
  };
}

const podReady = (p: { status?: { phase?: string; conditions?: { type: string; status: string }[] } }) => p.status?.phase === 'Running' && !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** A pod runs with all its containers ready (`containers` of them, when given). */
export function podRunning(name: string, containers?: number, namespace = 'default'): Goal {
  return {
    description: containers ? { en: `Pod ${name} is Running with ${containers}/${containers} containers ready`, ko: `파드 ${withJosa(name, '이/가')} 컨테이너 ${containers}/${containers}개 준비된 채로 실행 중입니다` } : { en: `Pod ${name} is Running and ready`, ko: `파드 ${withJosa(name, '이/가')} 준비된 상태로 실행 중입니다` },
    picture: { pods: [{ label: name, count: 1, containers }] },
    met: (c: EnginePort) => {
      const p = c.get('pods', namespace, name);
      return !!p && !p.metadata.deletionTimestamp && podReady(p) && (containers === undefined || (p.status?.containerStatuses ?? []).filter((s: { ready?: boolean }) => s.ready).length === containers);
    },
  };
}

/** An HTTP error page as curl prints it (curl exits 0 on a 404 unless given -f). */
const HTTP_ERROR = /\b(404 Not Found|404 page not found|502 Bad Gateway|503 Service (Temporarily )?Unavailable)\b/i;

/** Whether a command succeeded: exit code 0, and for a request (curl, wget) no HTTP error page. */
export function succeeded(command: string, exitCode: number, stdout: string): boolean {
  return exitCode === 0 && !(/\b(curl|wget)\b/.test(command) && HTTP_ERROR.test(stdout));
}

/**
 * Whether a kubectl command matching `pattern` (without "kubectl ") succeeded since the step
 * began: its outcome, not its keystrokes — a command that failed, or a request answered with an
 * HTTP error, does not count.
 */
export function didRun(c: EnginePort, step: StepContext | undefined, pattern: RegExp): boolean {
  return successfulRuns(c, step, pattern) > 0;
}

/** How many kubectl commands matching `pattern` succeeded since the step began. */
export function successfulRuns(c: EnginePort, step: StepContext | undefined, pattern: RegExp): number {
  return c.commandOutcomes(step?.since ?? 0).filter((o) => pattern.test(o.command) && succeeded(o.command, o.exitCode, o.stdout)).length;
}

/** The learner ran a kubectl command matching `pattern` since the step began, and it succeeded. */
export function ranCommand(pattern: RegExp, description: Bilingual): Goal {
  return { description, met: (c: EnginePort, step?: StepContext) => didRun(c, step, pattern) };
}

/** Every listed goal is met. */
export function allOf(description: Bilingual, ...goals: Goal[]): Goal {
  const pictures = goals.map((g) => g.picture).filter((p): p is GoalPicture => !!p);
  const picture = pictures.length ? mergePictures(pictures) : undefined;
  return { description, ...(picture ? { picture } : {}), met: (c: EnginePort, step?: StepContext) => goals.every((g) => g.met(c, step)) };
}

/** One picture from several: the same node or pod group drawn once (the last word wins). */
export function mergePictures(pictures: GoalPicture[]): GoalPicture {
  const out: GoalPicture = {};
  for (const p of pictures) {
    for (const n of p.nodes ?? []) out.nodes = [...(out.nodes ?? []).filter((x) => x.name !== n.name), n];
    for (const g of p.pods ?? []) {
      const prev = out.pods?.find((x) => x.label === g.label);
      out.pods = [...(out.pods ?? []).filter((x) => x.label !== g.label), { ...prev, ...g }];
    }
    for (const s of p.services ?? []) out.services = [...(out.services ?? []).filter((x) => x.name !== s.name), s];
    for (const d of p.disks ?? []) out.disks = [...(out.disks ?? []).filter((x) => x.claim !== d.claim), { ...out.disks?.find((x) => x.claim === d.claim), ...d }];
  }
  return out;
}

/** A pod of the workload labelled app=<app> was created after the step began and runs (a replacement). */
export function replacementRunning(app: string, namespace = 'default'): Goal {
  return {
    description: { en: `A new ${app} pod has replaced the one that went`, ko: `사라진 ${app} 파드 대신 새 파드가 실행 중입니다` },
    picture: { pods: [{ label: app, count: 1 }] },
    met: (c: EnginePort, step?: StepContext) =>
      c.list('pods', namespace).some((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp && Date.parse(p.metadata.creationTimestamp!) >= (step?.since ?? 0) - 999 && podReady(p)),
  };
}

/** No Deployment `name` and no pods labelled app=<name> remain. */
export function deploymentGone(name: string, namespace = 'default'): Goal {
  return {
    description: { en: `Deployment ${name} and its pods are gone`, ko: `디플로이먼트 ${withJosa(name, '과/와')} 그 파드가 모두 사라졌습니다` },
    picture: { pods: [{ label: name, count: 0 }] },
    met: (c: EnginePort) => !c.get('deployments', namespace, name) && !c.list('pods', namespace).some((p) => p.metadata.labels?.app === name),
  };
}

/** A node's machine runs and its Node is Ready again. */
export function nodeReady(node: string): Goal {
  return {
    description: { en: `Node ${node} is running and Ready`, ko: `노드 ${withJosa(node, '이/가')} 켜져 있고 Ready 상태입니다` },
    picture: { nodes: [{ name: node }] },
    met: (c: EnginePort) => c.isNodeRunning(node) && !!c.get('nodes', undefined, node)?.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True'),
  };
}

/** A claim is Bound and a pod labelled app=<app> that mounts it runs. */
export function claimInUse(claim: string, app: string, namespace = 'default'): Goal {
  return {
    description: { en: `Claim ${claim} is Bound and a ${app} pod runs with it`, ko: `클레임 ${withJosa(claim, '이/가')} Bound 상태이고 이를 쓰는 ${app} 파드가 실행 중입니다` },
    picture: { pods: [{ label: app, count: 1 }], disks: [{ claim }] },
    met: (c: EnginePort) =>
      c.get('persistentvolumeclaims', namespace, claim)?.status?.phase === 'Bound' &&
      c.list('pods', namespace).some((p) => p.metadata.labels?.app === app && podReady(p) && (p.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName?: string } }) => v.persistentVolumeClaim?.claimName === claim)),
  };
}

/** The volume bound to `claim` holds `file` (a path relative to the volume's root). */
export function fileOnClaim(claim: string, file: string, namespace = 'default'): Goal {
  return {
    description: { en: `The volume of claim ${claim} holds ${file}`, ko: `클레임 ${claim}의 볼륨에 ${file} 파일이 있습니다` },
    picture: { disks: [{ claim, file }] },
    met: (c: EnginePort) => c.claimFile(namespace, claim, file) !== undefined,
  };
}

/** A goal written in place: a description and a predicate (for checks only one lesson needs). */
export function goal(description: Bilingual, met: (c: EnginePort, step?: StepContext) => boolean, picture?: GoalPicture): Goal {
  return picture ? { description, met, picture } : { description, met };
}

/** Pods labelled app=<app> that are Running and ready. */
export function readyPods(c: EnginePort, app: string, namespace = 'default') {
  return c.list('pods', namespace).filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp && podReady(p));
}

/** The latest FailedScheduling message for a pod, if it is waiting for a node. */
export function schedulingMessage(c: EnginePort, name: string, namespace = 'default'): string | undefined {
  const p = c.get('pods', namespace, name);
  if (!p || p.spec?.nodeName) return undefined;
  return c.schedulingAttempt(namespace, name)?.message;
}

/** The learner chose the right answer to the step's question. */
export function answered(correct: number): Goal {
  return {
    description: { en: 'You answered the question', ko: '질문에 답했습니다' },
    met: (_c: EnginePort, step?: StepContext) => step?.answer === correct,
  };
}

/** Ready endpoints behind a Service (its EndpointSlices). */
export function readyEndpoints(c: EnginePort, service: string, namespace = 'default'): number {
  return c
    .list('endpointslices', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((s) => (s.endpoints as { conditions?: { ready?: boolean } }[]) ?? [])
    .filter((e) => e.conditions?.ready).length;
}

/** Whether RBAC lets `user` do `verb` on `resource` in `namespace`: the API server's answer to kubectl auth can-i (read-only, nothing recorded). */
export function may(c: EnginePort, user: string, verb: string, resource: string, namespace = 'default'): boolean {
  return c.query(`auth can-i ${verb} ${resource} -n ${namespace} --as=${user}`).stdout === 'yes\n';
}
