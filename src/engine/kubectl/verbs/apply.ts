/**
 * kubectl apply (client-side): creates missing objects with the last-applied-configuration
 * annotation; for existing ones merges the change three ways (last applied, new config, live)
 * so fields set by others survive, and reports created / configured / unchanged.
 */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { qualifiedKindName, qualifiedResource } from '../../api/registry';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { checkTypeMeta, readManifests, type Manifest } from '../manifests';
import { canonicalJson } from '../../helpers/deploymentutil';
import { checkOutput, selectorFlag } from './get';
import { checkPruneFlags, prune } from './applyPrune';
import { matches } from '../../api/labels';
import { printJson, printYaml } from '../printers/output';
import { checkSchema } from '../../api/schema';
import { strictCustomResourceError } from '../../api/apiextensions/customresource';
import { dryRunMode, dryRunSuffix } from '../dryrun';
import { applyConfiguration } from '../../api/apply/managedFields';
import { rfc3339 } from '../../sim/clock';
import { deepEqual } from '../../util/equal';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const APPLY_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'server-side', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'prune-allowlist', type: 'strings' },
  { name: 'record', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
];

/** What kubectl adds under an apply conflict (apply.go's conflict help). */
const CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/**
 * `apply --server-side`: the API server merges the configuration with field ownership
 * (../../api/apply/managedFields.ts) — as `npm run serve` does for real kubectl.
 */
function serverSideApply(ctx: VerbContext, manifests: Manifest[], mode: ReturnType<typeof dryRunMode>): void {
  const manager = str(ctx.args, 'field-manager') ?? 'kubectl';
  const force = bool(ctx.args, 'force-conflicts');
  for (const m of manifests) {
    try {
      const config = prepare(ctx, m);
      const type = ctx.cluster.api.typeOf(config);
      const live = ctx.cluster.api.tryGet(type, config.metadata.namespace, config.metadata.name ?? '');
      const next = applyConfiguration(live, config, manager, force, rfc3339(ctx.cluster.now()));
      if (!live) ctx.cluster.api.create(next, 'kubectl', { dryRun: mode !== 'none' });
      else if (!deepEqual(next, live)) ctx.cluster.api.update(next, 'kubectl', { dryRun: mode !== 'none' });
      ctx.out.push(`${qualifiedKindName(type)}/${config.metadata.name} serverside-applied${dryRunSuffix(mode)}\n`);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'Conflict' && err.message.startsWith('Apply failed')) {
        ctx.failed = true;
        ctx.err.push(`error: ${err.message}\n${CONFLICT_HELP}`);
      } else reportApiError(ctx, err, 'patching', m.source);
    }
  }
}

export { dryRunMode } from '../dryrun';

/** Reports an API error the way kubectl does for -f input ("error when creating …"). */
export function reportApiError(ctx: VerbContext, err: unknown, verb: string, source: string): void {
  ctx.failed = true;
  if (err instanceof ApiError) {
    if (err.reason === 'Invalid') ctx.err.push(err.kubectlMessage());
    else ctx.err.push(`Error from server (${err.reason}): error when ${verb} "${source}": ${err.message}`);
  } else if (err instanceof KubectlError) ctx.err.push(err.message);
  else throw err;
}

/** Checks a manifest's kind, namespace and schema before anything is sent. */
export function prepare(ctx: VerbContext, m: Manifest): KObject {
  checkTypeMeta(m);
  const obj = m.obj;
  const type = ctx.cluster.api.types.resolveKind(obj.apiVersion, obj.kind);
  if (!type) {
    throw new KubectlError(
      `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  const flagNs = ctx.args.flags.get('namespace');
  if (type.namespaced) {
    if (typeof flagNs === 'string' && obj.metadata.namespace && obj.metadata.namespace !== flagNs) {
      throw new KubectlError(`error: the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${flagNs}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
    }
    obj.metadata = { ...obj.metadata, namespace: obj.metadata.namespace || namespaceOf(ctx) };
  }
  const schemaErr = checkSchema(obj) ?? (type.custom ? strictCustomResourceError(type, obj) : undefined);
  if (schemaErr) throw new ApiError('BadRequest', 400, `${obj.kind} in version "${obj.apiVersion.split('/').pop()}" cannot be handled as a ${obj.kind}: ${schemaErr}`);
  return obj;
}

export function applyCommand(ctx: VerbContext): void {
  const output = str(ctx.args, 'output');
  checkOutput(output, ['json', 'name', 'yaml']);
  const mode = dryRunMode(ctx);
  const selector = selectorFlag(ctx);
  checkPruneFlags(ctx, selector);
  // -l applies only the manifests' objects it selects (the builder's LabelSelectorParam).
  const manifests = readManifests(ctx, (ctx.args.flags.get('filename') as string[] | undefined) ?? []).filter((m) => !selector || matches(selector, m.obj.metadata?.labels));
  if (manifests.length === 0) throw new KubectlError('error: no objects passed to apply');
  if (bool(ctx.args, 'server-side')) return serverSideApply(ctx, manifests, mode);
  const printed: KObject[] = [];
  const namespaces = new Set<string>();
  const appliedUids = new Set<string>();
  const reported = ctx.err.length;
  for (const m of manifests) {
    let verb = 'creating';
    try {
      const config = prepare(ctx, m);
      const type = ctx.cluster.api.typeOf(config);
      const live = ctx.cluster.api.tryGet(type, config.metadata.namespace, config.metadata.name ?? '');
      const annotated = withLastApplied(config);
      let result: KObject;
      let word: string;
      if (!live) {
        result = ctx.cluster.api.create(annotated, 'kubectl', { dryRun: mode !== 'none' });
        word = 'created';
      } else {
        verb = 'patching';
        // apply.go: a live object no apply made is patched all the same, with kubectl's warning.
        if (mode !== 'client' && !Object.hasOwn(live.metadata.annotations ?? {}, LAST_APPLIED)) {
          ctx.err.push(`Warning: resource ${qualifiedResource(type)}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
        }
        const last = parseLastApplied(live);
        const merged = threeWayMerge(live, last, annotated) as KObject;
        result = ctx.cluster.api.update(merged, 'kubectl', { dryRun: mode !== 'none' });
        // A client dry run sends no patch, so kubectl cannot tell "unchanged": it says configured.
        word = result === live && mode !== 'client' ? 'unchanged' : 'configured';
      }
      if (type.namespaced) namespaces.add(config.metadata.namespace!);
      if (result.metadata.uid) appliedUids.add(result.metadata.uid);
      if (output) printed.push(result);
      else ctx.out.push(`${qualifiedKindName(type)}/${config.metadata.name ?? result.metadata.name} ${word}${dryRunSuffix(mode)}\n`);
    } catch (err) {
      reportApiError(ctx, err, verb, m.source);
    }
  }
  // checkErr: one error is printed "error: …"; an aggregate of several, one per line without it.
  const errors = ctx.err.map((e, i) => (i >= reported && !e.startsWith('Warning:') ? i : -1)).filter((i) => i >= 0);
  if (errors.length > 1) for (const i of errors) ctx.err[i] = ctx.err[i]!.replace(/^error: /, '');
  if (output === 'yaml') ctx.out.push(printYaml(printed, printed.length === 1));
  else if (output === 'json') ctx.out.push(printJson(printed, printed.length === 1));
  else if (output === 'name') for (const o of printed) ctx.out.push(`${qualifiedKindName(ctx.cluster.api.typeOf(o))}/${o.metadata.name}\n`);
  if (bool(ctx.args, 'prune')) prune(ctx, selector, mode, namespaces, appliedUids);
}

export function withLastApplied(config: KObject): KObject {
  // kubectl stores the configuration with its own annotation taken out of an annotations map
  // that stays, empty or not: the recorded JSON reads `"annotations":{}` for a manifest without any.
  const copy: KObject = JSON.parse(JSON.stringify(config));
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}) };
  delete copy.metadata.annotations[LAST_APPLIED];
  const annotations = { ...(config.metadata.annotations ?? {}), [LAST_APPLIED]: canonicalJson(copy) + '\n' };
  return { ...config, metadata: { ...config.metadata, annotations } };
}

/** The configuration the last apply recorded on the object ({} when there is none or it does not parse). */
export function parseLastApplied(live: KObject): Record<string, unknown> {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Three-way merge: keys in the new config win; keys the last apply set but the new config
 * drops are removed; everything else in the live object (defaults, fields others set) stays.
 * Lists are replaced whole (the API server then re-applies defaults inside them).
 */
export function threeWayMerge(live: unknown, last: unknown, config: unknown): unknown {
  if (!isPlainObject(config) || !isPlainObject(live)) return config;
  const lastObj = isPlainObject(last) ? last : {};
  const out: Record<string, unknown> = { ...live };
  for (const k of Object.keys(lastObj)) if (!(k in config)) delete out[k];
  for (const [k, v] of Object.entries(config)) {
    out[k] = isPlainObject(v) && isPlainObject(live[k]) ? threeWayMerge(live[k], lastObj[k], v) : v;
  }
  return out;
}
