/** kubectl label / annotate: `key=value` sets (with --overwrite to change), `key-` removes. */
import type { KObject } from '../../api/types';
import { ApiError, notFound } from '../../api/errors';
import { qualifiedKindName, qualifiedResource } from '../../api/registry';
import { KubectlError, bool, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { selectorFlag } from './get';
import { getOwn, hasOwn, setOwn } from '../../util/own';
import { dryRunMode, dryRunSuffix } from '../dryrun';

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
];

export function labelCommand(ctx: VerbContext, field: 'labels' | 'annotations'): void {
  const what = field === 'labels' ? 'label' : 'annotation';
  const positionals = ctx.args.positionals;
  // kubectl's rule: arguments with '=' or a trailing '-' are changes; the rest name resources.
  const changes = positionals.filter((p) => p.includes('=') || p.endsWith('-'));
  const resources = positionals.filter((p) => !changes.includes(p));
  if (resources.length === 0) throw new KubectlError(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>`);
  if (changes.length === 0 && !bool(ctx.args, 'list')) throw new KubectlError(`error: at least one ${what} update is required`);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const eq = c.indexOf('=');
      setOwn(set, c.slice(0, eq), c.slice(eq + 1));
    }
  }
  const sel = parseResourceArgs(resources, ctx.cluster.api.types);
  const ns = namespaceOf(ctx);
  const selector = selectorFlag(ctx);
  const overwrite = bool(ctx.args, 'overwrite');
  const mode = dryRunMode(ctx);
  for (const { type, names } of sel.items) {
    let targets: (KObject | string)[];
    if (names.length) targets = names.map((n) => ctx.cluster.api.tryGet(type, ns, n) ?? n);
    else if (selector || bool(ctx.args, 'all')) targets = ctx.cluster.api.list(type, bool(ctx.args, 'all-namespaces') ? undefined : ns, selector);
    else throw new KubectlError('error: resource(s) were provided, but no name was specified');
    for (const t of targets) {
      if (typeof t === 'string') {
        ctx.err.push(notFound(qualifiedResource(type), t).kubectlMessage());
        ctx.failed = true;
        continue;
      }
      if (bool(ctx.args, 'list')) {
        for (const [k, v] of Object.entries(t.metadata[field] ?? {})) ctx.out.push(`${k}=${v}\n`);
        continue;
      }
      const current: Record<string, string> = { ...((t.metadata[field] as Record<string, string>) ?? {}) };
      let conflict = '';
      for (const [k, v] of Object.entries(set)) if (hasOwn(current, k) && getOwn(current, k) !== v && !overwrite) conflict = `'${k}' already has a value (${getOwn(current, k)}), and --overwrite is false`;
      if (conflict) {
        ctx.err.push(`error: ${conflict}`);
        ctx.failed = true;
        continue;
      }
      for (const k of remove) delete current[k];
      for (const [k, v] of Object.entries(set)) setOwn(current, k, v);
      const changed = JSON.stringify(current) !== JSON.stringify(t.metadata[field] ?? {});
      try {
        if (changed) {
          const next = { ...t, metadata: { ...t.metadata, [field]: Object.keys(current).length ? current : undefined } };
          if (mode !== 'client') ctx.cluster.api.update(next, 'kubectl', { dryRun: mode === 'server' });
        }
        const verb = field === 'labels' ? 'labeled' : 'annotated';
        const un = field === 'labels' ? 'unlabeled' : 'unannotated';
        const word = !changed ? `not ${verb}` : Object.keys(set).length === 0 ? un : verb;
        ctx.out.push(`${qualifiedKindName(type)}/${t.metadata.name} ${word}${dryRunSuffix(mode)}\n`);
      } catch (e) {
        if (e instanceof ApiError) {
          ctx.err.push(e.kubectlMessage());
          ctx.failed = true;
        } else throw e;
      }
    }
  }
}
