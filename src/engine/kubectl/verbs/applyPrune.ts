/**
 * kubectl apply --prune (the legacy, label-selected prune; pkg/cmd/apply/prune.go): after the
 * apply, every object of the allowlisted kinds in the namespaces the manifests touched that
 * matches the selector, was made by `kubectl apply` (it has the last-applied annotation) and is
 * not one of the objects just applied, is deleted — "pruned", in kubectl's order: the
 * namespaced kinds per namespace, then the cluster-scoped ones.
 */
import type { KObject } from '../../api/types';
import { qualifiedKindName, type ResourceType } from '../../api/registry';
import type { Selector } from '../../api/labels';
import { KubectlError, bool, stringArray } from '../args';
import type { VerbContext } from '../context';
import { dryRunSuffix, type DryRunMode } from '../dryrun';
import { LAST_APPLIED } from './apply';

/** prune.defaultNamespacedPruneResources and defaultNonNamespacedPruneResources (kubectl 1.32). */
const DEFAULT_ALLOWLIST = [
  'v1/ConfigMap', 'v1/Endpoints', 'v1/PersistentVolumeClaim', 'v1/Pod', 'v1/ReplicationController', 'v1/Secret', 'v1/Service',
  'batch/v1/Job', 'batch/v1/CronJob', 'networking.k8s.io/v1/Ingress',
  'apps/v1/DaemonSet', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet',
  'v1/Namespace', 'v1/PersistentVolume',
];

/** ApplyOptions.Validate's checks on --prune, --all and -l. */
export function checkPruneFlags(ctx: VerbContext, selector: Selector | undefined): void {
  const all = bool(ctx.args, 'all');
  if (all && selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
  if (!bool(ctx.args, 'prune')) return;
  if (bool(ctx.args, 'force')) throw new KubectlError('error: --force cannot be used with --prune');
  if (!all && !selector) throw new KubectlError('error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
  if (bool(ctx.args, 'server-side')) throw new KubectlError("error: --prune is in alpha and doesn't currently work on objects created by server-side apply");
}

/** klog's line header: severity, MMDD hh:mm:ss.micros, the thread id (kubectl's pid), file:line. */
function klogWarning(now: number, where: string, message: string): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `W${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}${String(KUBECTL_PID).padStart(8)} ${where}] ${message}\n`;
}
/** The simulated kubectl process's id, as klog prints it. */
const KUBECTL_PID = 4242;

/** The kinds to prune: --prune-allowlist (group/version/kind; core as /v1/Kind or v1/Kind), or kubectl's default list. */
function allowlist(ctx: VerbContext): ResourceType[] {
  const given = stringArray(ctx.args, 'prune-allowlist');
  // kubectl always knows a namespace (its context's, or default), so 1.32 always warns here.
  if (!given.length) ctx.err.push(klogWarning(ctx.cluster.now(), 'prune.go:71', 'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.'));
  return (given.length ? given : DEFAULT_ALLOWLIST).map((gvk) => {
    const parts = gvk.replace(/^core\//, '/').split('/');
    const [group, version, kind] = parts.length === 3 ? parts : ['', parts[0], parts[1]];
    const t = ctx.cluster.api.types.resolveKind(group ? `${group}/${version}` : version!, kind ?? '');
    if (!t) throw new KubectlError(`error: invalid GroupVersionKind format: ${gvk}, please follow <group/version/kind>`);
    return t;
  });
}

export function prune(ctx: VerbContext, selector: Selector | undefined, mode: DryRunMode, namespaces: Set<string>, appliedUids: Set<string>): void {
  const api = ctx.cluster.api;
  const kinds = allowlist(ctx);
  const pruneIn = (type: ResourceType, namespace: string | undefined) => {
    for (const obj of api.list(type, namespace, selector) as KObject[]) {
      if (!Object.hasOwn(obj.metadata.annotations ?? {}, LAST_APPLIED) || appliedUids.has(obj.metadata.uid ?? '')) continue;
      if (mode !== 'client') api.delete(type, obj.metadata.namespace, obj.metadata.name!, 'kubectl', { propagationPolicy: 'Background', ...(mode === 'server' ? { dryRun: true } : {}) });
      ctx.out.push(`${qualifiedKindName(type)}/${obj.metadata.name} pruned${dryRunSuffix(mode)}\n`);
    }
  };
  for (const ns of namespaces) for (const t of kinds) if (t.namespaced) pruneIn(t, ns);
  for (const t of kinds) if (!t.namespaced) pruneIn(t, undefined);
}
