/**
 * kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json] [--subresource status|scale]:
 * the patch (JSON or YAML, as kubectl converts it) goes to the API server, which applies it
 * (api/patch/). kubectl prints `deployment.apps/web patched`, or `patched (no change)` when
 * the object came back as it was, and the server's warnings (unknown fields) on stderr.
 */
import { parse as parseYaml } from 'yaml';
import { ApiError } from '../../api/errors';
import type { KObject } from '../../api/types';
import { qualifiedKindName, typeForKind } from '../../api/registry';
import type { PatchType } from '../../api/patch/patch';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { checkOutput } from './get';
import { dryRunMode, dryRunSuffix } from '../dryrun';
import { printJson, printYaml } from '../printers/output';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'subresource', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'local', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
];

const PATCH_TYPES: PatchType[] = ['json', 'merge', 'strategic'];
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export function patchCommand(ctx: VerbContext): void {
  const text = str(ctx.args, 'patch');
  const file = str(ctx.args, 'patch-file');
  if (text !== undefined && file !== undefined) throw new KubectlError('error: cannot specify --patch and --patch-file together');
  if (!text && !file) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
  if (bool(ctx.args, 'local')) throw new KubectlError('error: "kubectl patch --local" is not available in this simulator; patch the live object instead');
  if ((ctx.args.flags.get('filename') as string[] | undefined)?.length) throw new KubectlError('error: "kubectl patch -f" is not available in this simulator; name the object (kubectl patch TYPE NAME)');
  const patchType = (str(ctx.args, 'type') ?? 'strategic').toLowerCase() as PatchType;
  if (!PATCH_TYPES.includes(patchType)) throw new KubectlError(`error: --type must be one of [json merge strategic], not ${JSON.stringify(str(ctx.args, 'type'))}`);
  const subresource = str(ctx.args, 'subresource');
  if (subresource !== undefined && subresource !== 'status' && subresource !== 'scale') {
    throw new KubectlError(`error: invalid subresource value: "${subresource}". Must be one of [status scale]`);
  }
  const output = str(ctx.args, 'output');
  checkOutput(output, ['yaml', 'json', 'name']);
  const mode = dryRunMode(ctx);

  let source: string;
  if (file !== undefined) {
    if (!Object.hasOwn(ctx.files, file)) throw new KubectlError(`error: unable to read patch file: open ${file}: no such file or directory`);
    source = ctx.files[file];
  } else source = text!;
  let patch: unknown;
  if (/^\s*[{[]/.test(source)) {
    // yaml.ToJSON passes JSON through untouched: the server is the one that fails to decode it.
    try {
      patch = JSON.parse(source);
    } catch (e) {
      ctx.err.push(`Error from server (BadRequest): ${goJsonError(source, e)}`);
      ctx.failed = true;
      return;
    }
  } else {
    try {
      patch = parseYaml(source, { version: '1.1' });
    } catch (e) {
      throw new KubectlError(`error: unable to parse ${JSON.stringify(text ?? '')}: yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }

  const sel = parseResourceArgs(ctx.args.positionals, ctx.cluster.api.types);
  if (sel.items.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nSee 'kubectl patch -h' for help and examples");
  const ns = namespaceOf(ctx);
  let count = 0;
  for (const { type, names } of sel.items) {
    if (names.length === 0) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    for (const name of names) {
      count++;
      try {
        if (subresource === 'scale' && mode !== 'client') {
          patchScale(ctx, type.kind, ns, name, patchType, patch, output, mode);
          continue;
        }
        const { object, changed, warnings } = ctx.cluster.api.patch(type, ns, name, patchType, patch, 'kubectl', { dryRun: mode !== 'none', subresource: subresource === 'status' ? 'status' : undefined });
        // A client dry run patches what kubectl fetched and sends nothing: no server warnings.
        if (mode !== 'client') for (const w of warnings) ctx.err.push(`Warning: ${w}`);
        print(ctx, type, object, changed, output, mode);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        ctx.err.push(e.kubectlMessage());
        ctx.failed = true;
      }
    }
  }
  if (count === 0) throw new KubectlError('error: no objects passed to patch');
}

function print(ctx: VerbContext, type: ReturnType<typeof typeForKind>, object: KObject, changed: boolean, output: string | undefined, mode: ReturnType<typeof dryRunMode>): void {
  if (output === 'yaml') ctx.out.push(printYaml([object], true));
  else if (output === 'json') ctx.out.push(printJson([object], true));
  else if (output === 'name') ctx.out.push(`${qualifiedKindName(type)}/${object.metadata.name}\n`);
  else ctx.out.push(`${qualifiedKindName(type)}/${object.metadata.name} ${changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(mode)}\n`);
}

/**
 * --subresource=scale: the patch applies to the workload's autoscaling/v1 Scale (spec.replicas,
 * status.replicas and selector), and only spec.replicas goes back to the workload.
 */
function patchScale(ctx: VerbContext, kind: string, ns: string, name: string, patchType: PatchType, patch: unknown, output: string | undefined, mode: ReturnType<typeof dryRunMode>): void {
  if (!SCALABLE.has(kind)) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  const type = typeForKind(kind);
  const obj = ctx.cluster.api.get(type, ns, name);
  const selector = Object.entries(obj.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const scale: KObject = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace: ns, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 1 },
    status: { replicas: obj.status?.replicas ?? 0, selector },
  };
  const merged = (patchType === 'json' ? undefined : mergeScale(scale, patch)) as KObject | undefined;
  if (!merged) throw new KubectlError('error: "kubectl patch --subresource=scale --type json" is not available in this simulator; use --type merge');
  const replicas = merged.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) throw new ApiError('Invalid', 422, `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`, { kind: 'Scale.autoscaling', name, causes: [{ field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` }] });
  const changed = replicas !== scale.spec.replicas;
  if (changed && mode === 'none') ctx.cluster.api.update({ ...obj, spec: { ...obj.spec, replicas } }, 'kubectl');
  const result: KObject = { ...scale, spec: { replicas } };
  if (output === 'yaml') ctx.out.push(printYaml([result], true));
  else if (output === 'json') ctx.out.push(printJson([result], true));
  else ctx.out.push(`scale.autoscaling/${name} ${changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(mode)}\n`);
}

function mergeScale(scale: KObject, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new ApiError('BadRequest', 400, 'Invalid JSON Patch');
  const spec = (patch as { spec?: { replicas?: unknown } }).spec;
  return { ...scale, spec: { ...scale.spec, ...(spec && typeof spec === 'object' ? spec : {}) } };
}

/** encoding/json's words for a body it cannot read (V8's message tells which case it is). */
function goJsonError(source: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const at = /at position (\d+)/.exec(message);
  const ch = at ? source[Number(at[1])] : undefined;
  const quoted = ch === undefined ? '' : ch === "'" ? "'\\''" : `'${ch}'`;
  if (/Unexpected end/.test(message)) return 'unexpected end of JSON input';
  if (/Expected property name/.test(message)) return `invalid character ${quoted} looking for beginning of object key string`;
  if (/Expected ':' after property name/.test(message)) return `invalid character ${quoted} after object key`;
  if (/after property value/.test(message)) return `invalid character ${quoted} after object key:value pair`;
  if (/after array element/.test(message)) return `invalid character ${quoted} after array element`;
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  return `invalid character '${token ?? ch ?? '?'}' looking for beginning of value`;
}
