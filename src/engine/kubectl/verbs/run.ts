/** kubectl run: one Pod from an image, labelled run=<name>, with optional command, env, port. */
import type { KObject } from '../../api/types';
import { setOwn } from '../../util/own';
import { KubectlError, bool, str, strings, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { checkOutput } from './get';
import { dryRunMode, reportApiError } from './apply';
import { clientDryRun } from './create';
import { printJson, printYaml } from '../printers/output';
import { mergePatch } from '../../util/mergePatch';

export const RUN_FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'port', type: 'int' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'strings' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'annotations', type: 'strings' },
  { name: 'expose', type: 'bool' },
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
];

export function runCommand(ctx: VerbContext): void {
  const name = ctx.args.positionals[0];
  if (!name) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const image = str(ctx.args, 'image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  if (bool(ctx.args, 'stdin') || bool(ctx.args, 'tty')) throw new KubectlError('error: interactive sessions (-i/-t) are not available in this simulator; run the pod, then use "kubectl logs"');
  if (bool(ctx.args, 'expose')) throw new KubectlError('error: --expose is not available in this simulator yet');
  const restart = str(ctx.args, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  const output = str(ctx.args, 'output');
  checkOutput(output, ['json', 'name', 'yaml']);
  const labels: Record<string, string> = {};
  const labelText = str(ctx.args, 'labels');
  if (labelText) {
    for (const pair of labelText.split(',')) {
      const [k, v] = pair.split('=');
      if (!k || v === undefined) throw new KubectlError(`error: invalid label spec: ${pair}`);
      setOwn(labels, k, v);
    }
  } else labels.run = name;
  const container: Record<string, unknown> = { image, name, resources: {} };
  const pullPolicy = str(ctx.args, 'image-pull-policy');
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  const extra = [...ctx.args.positionals.slice(1), ...ctx.args.rest];
  if (extra.length) {
    if (bool(ctx.args, 'command')) container.command = extra;
    else container.args = extra;
  }
  const env = strings(ctx.args, 'env').map((e) => {
    const eq = e.indexOf('=');
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  if (env.length) container.env = env;
  const port = ctx.args.flags.get('port') as number | undefined;
  if (port !== undefined) container.ports = [{ containerPort: port }];
  const generated: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name, namespace: namespaceOf(ctx) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
  };
  const pod = withOverrides(generated, str(ctx.args, 'overrides'), str(ctx.args, 'override-type') ?? 'merge');
  const mode = dryRunMode(ctx);
  try {
    const result = mode === 'client' ? clientDryRun(pod) : ctx.cluster.api.create(pod, 'kubectl', { dryRun: mode === 'server' });
    if (output === 'yaml') ctx.out.push(printYaml([result], true));
    else if (output === 'json') ctx.out.push(printJson([result], true));
    else if (output === 'name') ctx.out.push(`pod/${name}\n`);
    else ctx.out.push(`pod/${name} created${mode === 'none' ? '' : ` (${mode} dry run)`}\n`);
  } catch (e) {
    reportApiError(ctx, e, 'creating', 'STDIN');
  }
}

/**
 * `--overrides`: inline JSON laid over the generated pod, as a JSON merge patch by default
 * (kubectl's --override-type=merge). The JSON Patch and strategic forms are not simulated.
 */
function withOverrides(pod: KObject, overrides: string | undefined, type: string): KObject {
  if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError('error: --override-type must be one of (json, merge, strategic)');
  if (!overrides) return pod;
  if (type !== 'merge') throw new KubectlError(`error: --override-type=${type} is not available in this simulator; --override-type=merge (the default) is`);
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw new KubectlError('error: Invalid JSON Patch');
  }
  const merged = mergePatch(pod, patch);
  if (typeof merged !== 'object' || merged === null || Array.isArray(merged)) throw new KubectlError('error: Invalid JSON Patch');
  return merged as KObject;
}
