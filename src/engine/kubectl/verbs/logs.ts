/** kubectl logs: a container's output (simulated by its program), -c, --previous, --tail, TYPE/NAME. */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { podsForTarget } from '../podTarget';
import { defaultContainer } from '../podContainer';
import { resolveType } from '../resources';
import { selectorFlag } from './get';
import { parseGoDuration } from '../../util/cron';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'since', type: 'string' },
  { name: 'prefix', type: 'bool' },
];

function podsFor(ctx: VerbContext, target: string): KObject[] {
  const pods = podsForTarget(ctx, target);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  // Pods in creation order, as the log lines of a workload are printed.
  return target.includes('/') ? [...pods].sort((x, y) => (x.metadata.creationTimestamp! < y.metadata.creationTimestamp! ? -1 : 1)) : pods;
}

export function logsCommand(ctx: VerbContext): void {
  const target = ctx.args.positionals[0];
  const selector = selectorFlag(ctx);
  if (!target && !selector) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  let pods: KObject[];
  try {
    pods = target ? podsFor(ctx, target) : ctx.cluster.api.list(resolveType('pods'), namespaceOf(ctx), selector);
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(e.kubectlMessage());
    throw e;
  }
  if (pods.length === 0) throw new KubectlError('No resources found in ' + namespaceOf(ctx) + ' namespace.');
  if (target?.includes('/') && pods.length > 1) ctx.err.push(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
  if (target) pods = pods.slice(0, 1);
  const tail = ctx.args.flags.get('tail') as number;
  // --since is a Go duration (kubectl's DurationVar): lines newer than that, read only that far back.
  const sinceText = str(ctx.args, 'since');
  let sinceMs: number | undefined;
  if (sinceText !== undefined) {
    try {
      sinceMs = ctx.cluster.now() - parseGoDuration(sinceText);
    } catch (e) {
      throw new KubectlError(`error: invalid argument "${sinceText}" for "--since" flag: ${(e as Error).message}\nSee 'kubectl logs --help' for usage.`);
    }
  }
  let container = str(ctx.args, 'container');
  const previous = bool(ctx.args, 'previous');
  for (const pod of pods) {
    const names: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
    const all = bool(ctx.args, 'all-containers');
    if (!container && !all) {
      // logsForObject defaults as exec does: init and ephemeral containers count as others to choose from.
      const chosen = defaultContainer(pod);
      if (chosen.notice) ctx.err.push(chosen.notice);
      container = chosen.name;
    }
    const which = all ? names : [container ?? names[0]];
    for (const c of which) {
      if (!names.includes(c) && ![...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((x: { name: string }) => x.name === c)) {
        throw new KubectlError(`error: container ${c} is not valid for pod ${pod.metadata.name}`);
      }
      const result = ctx.cluster.api.podLogs(pod, c, previous, { ...(tail >= 0 ? { tail } : {}), ...(sinceMs !== undefined ? { sinceMs } : {}) });
      if ('unscheduled' in result) throw new KubectlError(`Error from server (BadRequest): container "${c}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating`);
      if ('unreachable' in result) {
        throw new KubectlError(`Error from server: Get "https://${pod.status?.hostIP ?? pod.spec.nodeName}:10250/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${c}": dial tcp ${pod.status?.hostIP ?? ''}:10250: connect: no route to host`);
      }
      if ('error' in result) throw new KubectlError(`Error from server (BadRequest): ${result.error}`);
      let lines = result.lines;
      if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
      // kubectl prefixes lines with their source only when asked (--prefix), even for a selector's several pods.
      const prefix = bool(ctx.args, 'prefix') ? `[pod/${pod.metadata.name}/${c}] ` : '';
      for (const l of lines) ctx.out.push(`${prefix}${l}\n`);
    }
  }
}
