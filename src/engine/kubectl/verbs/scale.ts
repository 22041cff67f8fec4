/** kubectl scale: sets spec.replicas of Deployments and ReplicaSets (with --current-replicas as a precondition). */
import { ApiError, notFound } from '../../api/errors';
import type { KObject } from '../../api/types';
import { qualifiedKindName, qualifiedResource } from '../../api/registry';
import { KubectlError, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { selectorFlag } from './get';
import { changeObject, dryRunMode, dryRunSuffix } from '../dryrun';

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int' },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'dry-run', type: 'string' },
];

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export function scaleCommand(ctx: VerbContext): void {
  const replicas = ctx.args.flags.get('replicas') as number | undefined;
  if (replicas === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const current = ctx.args.flags.get('current-replicas') as number;
  const sel = parseResourceArgs(ctx.args.positionals, ctx.cluster.api.types);
  if (sel.items.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nSee 'kubectl scale -h' for help and examples");
  const ns = namespaceOf(ctx);
  const selector = selectorFlag(ctx);
  const mode = dryRunMode(ctx);
  for (const { type, names } of sel.items) {
    if (!SCALABLE.has(type.kind)) throw new KubectlError(`error: no objects passed to scale ${qualifiedResource(type)} "${names[0] ?? ''}" is not scalable`);
    const objs = names.length ? names.map((n) => ctx.cluster.api.tryGet(type, ns, n) ?? n) : ctx.cluster.api.list(type, ns, selector);
    if (!names.length && objs.length === 0) throw new KubectlError('error: no objects passed to scale');
    for (const o of objs) {
      if (typeof o === 'string') {
        ctx.err.push(notFound(qualifiedResource(type), o).kubectlMessage());
        ctx.failed = true;
        continue;
      }
      if (current >= 0 && (o.spec?.replicas ?? 1) !== current) {
        ctx.err.push(`error: Expected replicas to be ${current}, was ${o.spec?.replicas ?? 1}`);
        ctx.failed = true;
        continue;
      }
      if (replicas > 2 ** 31 - 1) {
        ctx.err.push(scaleOverflow(o, replicas).kubectlMessage());
        ctx.failed = true;
        continue;
      }
      changeObject(ctx, mode, type, o.metadata.namespace, o.metadata.name!, (cur) => (cur.spec.replicas === replicas ? undefined : { ...cur, spec: { ...cur.spec, replicas } }));
      ctx.out.push(`${qualifiedKindName(type)}/${o.metadata.name} scaled${dryRunSuffix(mode)}\n`);
    }
  }
}

/** metav1.FormatLabelSelector: `app=web,tier in (a,b)`. */
function formatSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

/**
 * kubectl scale sends `{"spec":{"replicas":N}}` as a merge patch to the scale subresource; the
 * API server decodes the patched autoscaling/v1 Scale (keys sorted by the merge) and refuses a
 * count past int32 with the decoder's words (patch.go: field.Invalid(patch, patchedJS, err)).
 */
function scaleOverflow(o: KObject, replicas: number): ApiError {
  const metadata: Record<string, unknown> = {
    creationTimestamp: o.metadata.creationTimestamp,
    name: o.metadata.name,
    namespace: o.metadata.namespace,
    resourceVersion: o.metadata.resourceVersion,
    uid: o.metadata.uid,
  };
  const status: Record<string, unknown> = { replicas: o.status?.replicas ?? 0 };
  const selector = formatSelector(o.spec?.selector);
  if (selector !== '<none>') status.selector = selector;
  const patched = JSON.stringify({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata, spec: { replicas }, status });
  const cause = { field: 'patch', message: `Invalid value: ${JSON.stringify(patched)}: json: cannot unmarshal number ${replicas} into Go struct field ScaleSpec.spec.replicas of type int32` };
  return new ApiError('Invalid', 422, ` "" is invalid: patch: ${cause.message}`, { causes: [cause] });
}
