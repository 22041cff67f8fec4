/** kubectl scale: sets spec.replicas of Deployments and ReplicaSets (with --current-replicas as a precondition). */
import { notFound } from '../../api/errors';
import { qualifiedKindName, qualifiedResource } from '../../api/registry';
import { KubectlError, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { selectorFlag } from './get';

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int' },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'string' },
];

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export function scaleCommand(ctx: VerbContext): void {
  const replicas = ctx.args.flags.get('replicas') as number | undefined;
  if (replicas === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const current = ctx.args.flags.get('current-replicas') as number;
  const sel = parseResourceArgs(ctx.args.positionals);
  if (sel.items.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nSee 'kubectl scale -h' for help and examples");
  const ns = namespaceOf(ctx);
  const selector = selectorFlag(ctx);
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
      ctx.cluster.api.mutate(type, o.metadata.namespace, o.metadata.name!, 'kubectl', (cur) => (cur.spec.replicas === replicas ? undefined : { ...cur, spec: { ...cur.spec, replicas } }));
      ctx.out.push(`${qualifiedKindName(type)}/${o.metadata.name} scaled\n`);
    }
  }
}
