/**
 * Words the page builds from cluster data, in the learner's language: object kinds, the
 * scheduler's filter messages, ages. Text that kubectl itself prints (the terminal, describe,
 * events) keeps Kubernetes' own words; these are for the page's titles, buttons and tables.
 */
import type { TFunction } from 'i18next';

type T = TFunction | ((key: string, options?: Record<string, unknown>) => string);

/** `Deployment` → 디플로이먼트 (unknown kinds stay as they are). */
export function kindName(t: T, kind: string): string {
  return (t as TFunction)(`kind.${kind}`, { defaultValue: kind });
}

/** "Deployment web" → "디플로이먼트 web". */
export function objectName(t: T, kind: string, name: string, namespace?: string): string {
  return `${kindName(t, kind)} ${namespace ? `${namespace}/` : ''}${name}`;
}

// kube-scheduler's messages (pkg/scheduler/framework/plugins/*), matched as the plugins word them.
const SCHEDULER_MESSAGES: [RegExp, string][] = [
  [/^node\(s\) didn't match the requested node name$/, 'nodeName'],
  [/^node\(s\) were unschedulable$/, 'unschedulable'],
  [/^Too many pods$/, 'tooManyPods'],
  [/^Insufficient (?<resource>\S+)$/, 'insufficient'],
  [/^node\(s\) had untolerated taint (?<taint>.*)$/, 'untoleratedTaint'],
  [/^node\(s\) didn't have free ports for the requested pod ports$/, 'freePorts'],
  [/^node\(s\) had volume node affinity conflict$/, 'volumeNodeAffinity'],
  [/^node\(s\) didn't find available persistent volumes to bind$/, 'noPersistentVolume'],
  [/^node\(s\) unavailable due to one or more pvc\(s\) bound to non-existent pv\(s\)$/, 'missingPersistentVolume'],
  [/^node\(s\) didn't match Pod's node affinity\/selector$/, 'nodeAffinity'],
  [/^node\(s\) didn't match pod topology spread constraints \(missing required label\)$/, 'topologySpreadLabel'],
  [/^node\(s\) didn't match pod topology spread constraints$/, 'topologySpread'],
  [/^node\(s\) didn't match pod affinity rules$/, 'podAffinity'],
  [/^node\(s\) didn't match pod anti-affinity rules$/, 'podAntiAffinity'],
  [/^node\(s\) didn't satisfy existing pods anti-affinity rules$/, 'existingAntiAffinity'],
];

/** One of the scheduler's filter messages in the learner's words; a message not known here is shown as the scheduler wrote it. */
export function schedulerReason(t: T, message: string): string {
  for (const [re, key] of SCHEDULER_MESSAGES) {
    const m = re.exec(message);
    if (m) return (t as TFunction)(`schedulerReason.${key}`, { ...m.groups });
  }
  return message;
}

/** kubectl's short age (`5s`, `2m30s`, `3h`) in the learner's units (`2분 30초`). */
export function ageText(t: T, kubectlAge: string): string {
  const parts = [...kubectlAge.matchAll(/(\d+)([ydhms])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== kubectlAge) return kubectlAge;
  return parts.map(([, n, unit]) => (t as TFunction)(`age.${unit}`, { n })).join((t as TFunction)('age.separator'));
}

/** A "why" reason (a key and parameters from the engine) as a sentence in the learner's language. */
export function reasonSentence(t: T, r: { key: string; params: Record<string, string | number | boolean>; node?: string; objects: { kind: string; name: string }[] }): string {
  const [first, second] = r.objects;
  // A `namespace` parameter reads as where it happened: "in namespace x", or cluster-wide when empty.
  const scope = 'namespace' in r.params ? (r.params.namespace ? t('reasons.scope.namespace', { namespace: String(r.params.namespace) }) : t('reasons.scope.cluster')) : '';
  return (t as TFunction)(`reasons.${r.key}`, { ...r.params, scope, node: r.params.node ?? r.node ?? '', object: first ? `${first.kind.toLowerCase()}/${first.name}` : '', object2: second ? `${second.kind.toLowerCase()}/${second.name}` : '' });
}

/** Simulated time as a wall-clock reading, e.g. "09:05:12". */
export function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}
