/** kubectl autoscale (deployment|replicaset|statefulset) NAME --max=N [--min=N] [--cpu-percent=N] [--name=…]. */
import { resolveResourceName, apiVersionOf } from '../../api/registry';
import { notFound } from '../../api/errors';
import { KubectlError, int, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { reportApiError } from './apply';
import { dryRunMode, dryRunSuffix } from '../dryrun';
import type { KObject } from '../../api/types';

export const AUTOSCALE_FLAGS: FlagSpec[] = [
  { name: 'min', type: 'int' },
  { name: 'max', type: 'int' },
  { name: 'cpu-percent', type: 'int' },
  { name: 'name', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

export function autoscaleCommand(ctx: VerbContext): void {
  const [first, second] = ctx.args.positionals;
  const [typeName, name] = first?.includes('/') ? first.split('/') : [first, second];
  if (!typeName || !name) throw new KubectlError("error: required resource not specified\nSee 'kubectl autoscale -h' for help and examples");
  const type = resolveResourceName(typeName);
  if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${typeName}"`);
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(type.kind)) throw new KubectlError(`error: cannot autoscale a ${type.kind}: ${type.kind.toLowerCase()}s are not scalable`);
  const max = int(ctx.args, 'max');
  if (max === undefined || max < 1) throw new KubectlError("error: --max=MAXPODS is required and must be at least 1\nSee 'kubectl autoscale -h' for help and examples");
  const min = int(ctx.args, 'min');
  if (min !== undefined && min > max) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, currently ${max} < ${min}`);
  const ns = namespaceOf(ctx);
  const target = ctx.cluster.api.tryGet(type, ns, name);
  if (!target) throw new KubectlError(notFound(type.group ? `${type.resource}.${type.group}` : type.resource, name).kubectlMessage());
  const cpu = int(ctx.args, 'cpu-percent');
  const hpa: KObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: str(ctx.args, 'name') ?? name, namespace: ns },
    spec: {
      scaleTargetRef: { apiVersion: apiVersionOf(type), kind: type.kind, name },
      ...(min !== undefined ? { minReplicas: min } : {}),
      maxReplicas: max,
      ...(cpu !== undefined && cpu >= 0 ? { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] } : {}),
    },
  };
  const mode = dryRunMode(ctx);
  try {
    const created = mode === 'client' ? hpa : ctx.cluster.api.create(hpa, 'kubectl', { dryRun: mode === 'server' });
    ctx.out.push(`horizontalpodautoscaler.autoscaling/${created.metadata.name} autoscaled${dryRunSuffix(mode)}\n`);
  } catch (err) {
    reportApiError(ctx, err, 'creating', 'STDIN');
  }
}
