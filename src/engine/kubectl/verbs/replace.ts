/**
 * kubectl replace -f: each object sent whole with PUT — the stored one is replaced by it. When the
 * manifest carries a resourceVersion (as one read from the cluster does: `get -o yaml`, the
 * page's `kubectl edit`), the API server refuses it with a Conflict if the object changed since,
 * so nobody's change is overwritten unseen (optimistic concurrency).
 */
import { ApiError } from '../../api/errors';
import { qualifiedKindName } from '../../api/registry';
import { KubectlError, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { checkTypeMeta, readManifests } from '../manifests';
import { dryRunMode, dryRunSuffix } from '../dryrun';
import { printJson, printYaml } from '../printers/output';

export const REPLACE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'save-config', type: 'bool' },
];

export function replaceCommand(ctx: VerbContext): void {
  const filenames = (ctx.args.flags.get('filename') as string[] | undefined) ?? [];
  if (filenames.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const output = str(ctx.args, 'output');
  if (output && !['yaml', 'json', 'name'].includes(output)) throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  const mode = dryRunMode(ctx);
  const manifests = readManifests(ctx, filenames);
  for (const m of manifests) {
    checkTypeMeta(m);
    const obj = { ...m.obj, metadata: { ...m.obj.metadata } };
    const type = ctx.cluster.api.typeOf(obj);
    if (type.namespaced) obj.metadata.namespace ||= namespaceOf(ctx);
    try {
      // A client dry run prints the object as read; otherwise the PUT (with dryRun=All for --dry-run=server).
      const result = mode === 'client' ? obj : ctx.cluster.api.update(obj, 'kubectl', { dryRun: mode === 'server' });
      if (output === 'yaml') ctx.out.push(printYaml([result], true));
      else if (output === 'json') ctx.out.push(printJson([result], true));
      else if (output === 'name') ctx.out.push(`${qualifiedKindName(type)}/${obj.metadata.name}\n`);
      else ctx.out.push(`${qualifiedKindName(type)}/${obj.metadata.name} replaced${dryRunSuffix(mode)}\n`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // cmdutil.AddSourceToErr: the server's status, with where the object came from.
      ctx.err.push(`Error from server (${e.reason}): error when replacing "${m.source}": ${e.message}`);
      ctx.failed = true;
    }
  }
}
