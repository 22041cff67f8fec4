/**
 * What a pod's panel leads with, worked out where the engine runs: the scheduler's decision as
 * it was recorded at binding time, and why the pod is failing (image pull, crash loop, config,
 * probe), if it is.
 */
import type { EnginePort, Reason } from '../../engine/port';

/** A recorded scheduling decision, as the panel shows it. */
export interface PodDecision {
  time: number;
  node: string;
  evaluated: number;
  feasible: number;
  top: { node: string; total: number }[];
  /** Rejection reasons (scheduler words) with how many nodes gave each. */
  rejected: [string, number][];
}

/** Why a pod is not doing its job, as its status and the kubelet tell it. */
export interface PodProblem {
  kind: 'image' | 'crash' | 'config' | 'probe' | 'other';
  reason: string;
  container: string;
  message?: string;
  exitCode?: number;
  restarts?: number;
  image?: string;
  /** The kubelet's own explanation (an image it does not know, a likely typo …). */
  why?: Reason;
}

export interface PodDiagnosis {
  decision?: PodDecision;
  pendingMessage?: string;
  problem?: PodProblem;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStatus = any;

/** The first container in trouble, most telling first: config, image, crash, then readiness. */
function podProblem(pod: { metadata: { name?: string; namespace?: string }; spec?: AnyStatus; status?: AnyStatus }, cluster: EnginePort): PodProblem | undefined {
  const statuses: AnyStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const imageOf = (c: string) => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((x: AnyStatus) => x.name === c)?.image;
  const kubeletWhy = (keys: string[]) => {
    const mine = cluster.recentReasons().filter((r) => keys.includes(r.key) && r.objects.some((o) => o.kind === 'Pod' && o.name === pod.metadata.name && o.namespace === pod.metadata.namespace));
    return mine[mine.length - 1];
  };
  for (const st of statuses) {
    const waiting = st.state?.waiting;
    if (!waiting?.reason || waiting.reason === 'ContainerCreating' || waiting.reason === 'PodInitializing') continue;
    const base = { reason: waiting.reason, container: st.name, message: waiting.message, restarts: st.restartCount };
    if (waiting.reason === 'ImagePullBackOff' || waiting.reason === 'ErrImagePull' || waiting.reason === 'InvalidImageName') {
      return { ...base, kind: 'image', image: imageOf(st.name), why: kubeletWhy(['kubelet.imageTypo', 'kubelet.imageUnknownTag', 'kubelet.imageUnknownRepository']) };
    }
    if (waiting.reason === 'CrashLoopBackOff') return { ...base, kind: 'crash', exitCode: st.lastState?.terminated?.exitCode };
    if (waiting.reason === 'CreateContainerConfigError' || waiting.reason === 'CreateContainerError') return { ...base, kind: 'config' };
    return { ...base, kind: 'other' };
  }
  const running = pod.status?.phase === 'Running';
  const ready = (pod.status?.conditions ?? []).some((c: AnyStatus) => c.type === 'Ready' && c.status === 'True');
  if (running && !ready) {
    const unready = statuses.find((st) => st.state?.running && !st.ready);
    if (unready) {
      const events = cluster.eventsFor({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name! });
      const probe = [...events].reverse().find((e) => e.reason === 'Unhealthy');
      return { kind: 'probe', reason: 'Unhealthy', container: unready.name, message: probe?.message, restarts: unready.restartCount };
    }
  }
  return undefined;
}

export function podDiagnosis(cluster: EnginePort, namespace: string, name: string): PodDiagnosis | undefined {
  const pod = cluster.get('pods', namespace, name);
  if (!pod) return undefined;
  const a = cluster.schedulingAttempt(namespace, name);
  const decision = a?.node && a.node === pod.spec?.nodeName ? { time: a.time, node: a.node, evaluated: a.evaluatedNodes, feasible: a.feasibleNodes, top: a.topScores.map((s) => ({ node: s.node, total: s.total })), rejected: Object.entries(a.reasons) } : undefined;
  return { decision, pendingMessage: pod.spec?.nodeName ? undefined : a?.message, problem: podProblem(pod, cluster) };
}
