/** kubectl delete: by name, TYPE/NAME, -l, --all or -f, with grace periods and cascading. */
import { ApiError, notFound } from '../../api/errors';
import { qualifiedKindName, qualifiedResource, type ResourceType } from '../../api/registry';
import type { PropagationPolicy } from '../../api/server';
import { foreverTimeout } from '../waitTimeout';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { readManifests } from '../manifests';
import { selectorFlag } from './get';
import { prepare } from './apply';
import { dryRunMode, dryRunSuffix } from '../dryrun';

export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'wait', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'dry-run', type: 'string' },
];

function cascadePolicy(v: string | undefined): PropagationPolicy {
  switch (v ?? 'background') {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(`error: invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

export function deleteCommand(ctx: VerbContext): void {
  const { args, cluster } = ctx;
  const policy = cascadePolicy(str(args, 'cascade'));
  const mode = dryRunMode(ctx);
  let grace = args.flags.get('grace-period') as number;
  const force = bool(args, 'force');
  if (bool(args, 'now')) {
    if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (force && grace === -1) grace = 0;
  if (force && grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
  if (grace === 0 && !force) grace = 1; // kubectl: a zero grace period without --force means 1 second
  if (force) ctx.err.push('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  const all = bool(args, 'all');
  const allNs = bool(args, 'all-namespaces');
  const selector = selectorFlag(ctx);
  const ns = namespaceOf(ctx);
  const ignoreNotFound = bool(args, 'ignore-not-found');
  const filenames = (args.flags.get('filename') as string[] | undefined) ?? [];

  const targets: { type: ResourceType; namespace?: string; name: string; explicit: boolean }[] = [];
  if (filenames.length) {
    for (const m of readManifests(ctx, filenames)) {
      try {
        const obj = prepare(ctx, m);
        targets.push({ type: cluster.api.typeOf(obj), namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', explicit: true });
      } catch (e) {
        if (e instanceof KubectlError || e instanceof ApiError) {
          ctx.err.push(e instanceof ApiError ? e.kubectlMessage() : e.message);
          ctx.failed = true;
        } else throw e;
      }
    }
  } else {
    const sel = parseResourceArgs(args.positionals, ctx.cluster.api.types);
    if (sel.items.length === 0) {
      throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    }
    for (const { type, names } of sel.items) {
      if (names.length) {
        if (all || selector) throw new KubectlError('error: name cannot be provided when a selector is specified');
        for (const name of names) targets.push({ type, namespace: ns, name, explicit: true });
      } else {
        if (!all && !selector) throw new KubectlError('error: resource(s) were provided, but no name was specified');
        for (const o of cluster.api.list(type, type.namespaced && !allNs ? ns : undefined, selector)) targets.push({ type, namespace: o.metadata.namespace, name: o.metadata.name!, explicit: false });
      }
    }
  }
  if (targets.length === 0 && !ctx.failed) {
    ctx.out.push('No resources found\n');
    return;
  }
  const deleted: { type: ResourceType; namespace?: string; name: string; uid?: string }[] = [];
  for (const t of targets) {
    try {
      const opts: { propagationPolicy: PropagationPolicy; gracePeriodSeconds?: number; dryRun?: boolean } = { propagationPolicy: policy };
      // Which object the wait is for (a new one of the same name is not it); read from the store: kubectl sends no GET.
      const uid = mode === 'none' ? cluster.store.get(t.type.resource, t.type.namespaced ? t.namespace : undefined, t.name)?.metadata.uid : undefined;
      if (grace >= 0) opts.gracePeriodSeconds = grace;
      if (mode === 'server') opts.dryRun = true;
      // Client dry run: kubectl reads the object and stops before the DELETE. Otherwise a named
      // object is deleted straight away (so a user who may read but not delete is refused the
      // DELETE, not told the object is missing).
      const exists = mode === 'client' ? !!cluster.api.tryGet(t.type, t.namespace, t.name) : deleteIfPresent(() => cluster.api.delete(t.type, t.namespace, t.name, 'kubectl', opts));
      if (!exists) {
        if (ignoreNotFound) continue;
        throw notFound(qualifiedResource(t.type), t.name);
      }
      if (mode === 'none') deleted.push({ ...t, ...(uid ? { uid } : {}) });
      if (str(args, 'output') === 'name') ctx.out.push(`${qualifiedKindName(t.type)}/${t.name}\n`);
      else ctx.out.push(`${qualifiedKindName(t.type)} "${t.name}" ${force ? 'force deleted' : 'deleted'}${dryRunSuffix(mode)}\n`);
    } catch (e) {
      if (e instanceof ApiError) {
        ctx.err.push(e.kubectlMessage());
        ctx.failed = true;
      } else throw e;
    }
  }
  waitForDeletion(ctx, deleted, force);
}

/**
 * --wait (the default): kubectl returns once every deleted object is gone — graceful termination,
 * finalizers, foreground deletion of dependents done — or a new object of the same name stands in
 * its place (another uid). Force deletion does not wait.
 */
function waitForDeletion(ctx: VerbContext, deleted: { type: ResourceType; namespace?: string; name: string; uid?: string }[], force: boolean): void {
  const waitFlag = str(ctx.args, 'wait') ?? 'true';
  if (waitFlag === 'false' || force || !deleted.length) return;
  const timeoutMs = foreverTimeout(ctx, 'delete');
  // kubectl waits on a watch (one request, authorized once); polling the store records no requests.
  const isGone = (d: (typeof deleted)[number]) => {
    const now = ctx.cluster.store.get(d.type.resource, d.type.namespaced ? d.namespace : undefined, d.name);
    return !now || (!!d.uid && now.metadata.uid !== d.uid);
  };
  if (!ctx.cluster.waitFor(() => deleted.every(isGone), timeoutMs)) {
    // wait's extendErrWaitTimeout names the object still there.
    const left = deleted.find((d) => !isGone(d))!;
    ctx.err.push(`error: timed out waiting for the condition on ${left.type.resource}/${left.name}`);
    ctx.failed = true;
  }
}

/** Runs a DELETE; false when the object was not there (a 404), any other refusal thrown. */
function deleteIfPresent(del: () => unknown): boolean {
  try {
    del();
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.code === 404) return false;
    throw e;
  }
}
