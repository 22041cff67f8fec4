/** kubectl get: tables (-o wide, --show-labels, -A), -o yaml|json|name|jsonpath|custom-columns, label selectors. */
import type { KObject } from '../../api/types';
import { apiVersionOf, qualifiedKindName, qualifiedResource, type ResourceType } from '../../api/registry';
import { formatLabels, parseSelector, SelectorParseError, type Selector } from '../../api/labels';
import { eventObject } from '../../api/events';
import { notFound } from '../../api/errors';
import { FieldSelectorError, fieldsMatch, parseFieldSelector, unsupportedField, type FieldRequirement } from '../../api/fieldSelector';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { formatTable } from '../table';
import { customResourceTable } from '../printers/customresource';
import { COLUMNS, EVENT_HEADER, EVENT_WIDE_HEADER, eventRow } from '../printers/columns';
import { nameOf, printJson, printYaml } from '../printers/output';
import { readManifests } from '../manifests';
import { isTemplateOutput, printTemplate } from '../printers/templates';
import { jsonPathValue } from '../jsonpath';
import { getWatch } from './getWatch';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

export const OUTPUT_FORMATS = ['json', 'name', 'wide', 'yaml'];

export function checkOutput(format: string | undefined, allowed = OUTPUT_FORMATS): void {
  if (format === undefined || allowed.includes(format)) return;
  const known = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];
  const base = format.split('=')[0];
  if (known.includes(base)) throw new KubectlError(`error: output format "${base}" is not available in this simulator; use one of: ${allowed.join(', ')}`);
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${known.join(',')}`);
}

export function selectorFlag(ctx: VerbContext): Selector | undefined {
  const s = str(ctx.args, 'selector');
  if (s === undefined) return undefined;
  try {
    return parseSelector(s);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
}

/** --field-selector: `=`, `==`, `!=` over the fields the server supports for the type (../../api/fieldSelector). */
export function fieldFilter(ctx: VerbContext, types: ResourceType[]): ((o: KObject) => boolean) | undefined {
  const text = str(ctx.args, 'field-selector');
  if (!text) return undefined;
  let reqs: FieldRequirement[];
  try {
    reqs = parseFieldSelector(text);
  } catch (e) {
    if (!(e instanceof FieldSelectorError)) throw e;
    throw new KubectlError(`error: invalid field selector: '${text}'`);
  }
  for (const t of types) {
    const path = unsupportedField(t.resource, reqs);
    if (path) throw new KubectlError(`Error from server (BadRequest): Unable to find "${t.group ? `${t.group}/` : '/'}${t.version}, Resource=${t.resource}" that match label selector "${str(ctx.args, 'selector') ?? ''}", field selector "${text}": field label not supported: ${path}`);
  }
  return (o) => fieldsMatch(reqs, o);
}

export interface Found {
  type: ResourceType;
  objects: KObject[];
}

export function getCommand(ctx: VerbContext): void {
  const { args, cluster } = ctx;
  const output = str(args, 'output');
  const raw = str(args, 'raw');
  if (raw !== undefined) return getRaw(ctx, raw, output);
  if (bool(args, 'watch') || bool(args, 'watch-only')) return getWatch(ctx, { output, selector: selectorFlag(ctx), fields: (types) => fieldFilter(ctx, types), tableParts: (f, opts) => tableParts(ctx, f, opts), listEvents: (ns) => listEvents(ctx, ns, []) });
  if (!isTemplateOutput(output)) checkOutput(output);
  const allNs = bool(args, 'all-namespaces');
  const ns = namespaceOf(ctx);
  const selector = selectorFlag(ctx);

  const ignoreNotFound = bool(args, 'ignore-not-found');
  const now = cluster.now();

  let selection = parseResourceArgs(args.positionals, cluster.api.types);
  const filenames = (args.flags.get('filename') as string[] | undefined) ?? [];
  if (filenames.length) {
    const manifests = readManifests(ctx, filenames);
    selection = { items: manifests.map((m) => ({ type: cluster.api.typeOf(m.obj), names: [m.obj.metadata.name ?? ''] })), slashForm: true };
  }
  if (selection.items.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }

  const fields = fieldFilter(ctx, selection.items.map((i) => i.type));
  const found: Found[] = [];
  const named = selection.items.some((i) => i.names.length > 0);
  for (const { type, names } of selection.items) {
    if (type.resource === 'events') {
      const events = listEvents(ctx, allNs ? undefined : ns, names);
      found.push({ type, objects: fields ? events.filter(fields) : events });
      continue;
    }
    let objects: KObject[] = [];
    if (names.length) {
      for (const name of names) {
        const obj = cluster.api.tryGet(type, ns, name);
        if (obj) objects.push(obj);
        else if (!ignoreNotFound) {
          ctx.err.push(notFound(qualifiedResource(type), name).kubectlMessage());
          ctx.failed = true;
        }
      }
    } else {
      objects = cluster.api.list(type, allNs ? undefined : ns, selector);
    }
    if (fields) objects = objects.filter(fields);
    found.push({ type, objects });
  }

  const sortBy = str(args, 'sort-by');
  if (sortBy) for (const f of found) f.objects = sortObjects(f.objects, sortBy);
  const total = found.reduce((s, f) => s + f.objects.length, 0);

  if (output === 'yaml' || output === 'json' || isTemplateOutput(output)) {
    // OmitManagedFieldsPrinter: field ownership is printed only when asked for.
    const keep = bool(args, 'show-managed-fields');
    const objs = found.flatMap((f) => f.objects.map((o) => withTypeMeta(f.type, keep || !o.metadata.managedFields ? o : omitManagedFields(o))));
    if (objs.length === 0 && (named || ctx.failed)) return;
    const single = named && selection.items.length === 1 && selection.items[0].names.length === 1;
    if (output!.startsWith('custom-columns') && objs.length === 0) {
      ctx.err.push(noResources(allNs, ns, found));
      return;
    }
    ctx.out.push(output === 'yaml' ? printYaml(objs, single) : output === 'json' ? printJson(objs, single) : printTemplate(output!, objs, single));
    return;
  }
  if (output === 'name') {
    for (const f of found) for (const o of f.objects) ctx.out.push(`${nameOf(withTypeMeta(f.type, o))}\n`);
    if (total === 0 && !named) ctx.err.push(noResources(allNs, ns, found));
    return;
  }
  if (total === 0) {
    if (!named && !ctx.failed) ctx.err.push(noResources(allNs, ns, found));
    return;
  }
  const multi = found.filter((f) => f.objects.length > 0).length > 1 || selection.slashForm || args.positionals[0]?.split(',').includes('all');
  const blocks: string[] = [];
  for (const f of found) {
    if (f.objects.length === 0) continue;
    blocks.push(renderTable(ctx, f, { wide: output === 'wide', allNs, prefixKind: multi || bool(args, 'show-kind'), now }));
  }
  ctx.out.push(blocks.join('\n'));
}

function noResources(allNs: boolean, ns: string, found: Found[]): string {
  const namespaced = found.some((f) => f.type.namespaced);
  return allNs || !namespaced ? 'No resources found' : `No resources found in ${ns} namespace.`;
}

export function withTypeMeta(type: ResourceType, o: KObject): KObject {
  return o.apiVersion ? o : { ...o, apiVersion: apiVersionOf(type), kind: type.kind };
}

function listEvents(ctx: VerbContext, ns: string | undefined, names: string[]): KObject[] {
  const recs = ctx.cluster.api.events.list(ns);
  const objs = recs.filter((r) => names.length === 0 || names.includes(r.name)).map(eventObject);
  // The API server lists in key order, which is by name: events group by object, not by time.
  return objs.sort((a, b) => (a.metadata.namespace! + '/' + a.metadata.name! < b.metadata.namespace! + '/' + b.metadata.name! ? -1 : 1));
}

function sortObjects(objs: KObject[], path: string): KObject[] {
  const p = path.replace(/^\{/, '').replace(/\}$/, '');
  if (!p.startsWith('.')) throw new KubectlError(`error: couldn't parse sort-by "${path}": expected a JSONPath field such as .metadata.name`);
  return [...objs].sort((a, b) => {
    const x = jsonPathValue(a, p);
    const y = jsonPathValue(b, p);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x ?? '') < String(y ?? '') ? -1 : String(x ?? '') > String(y ?? '') ? 1 : 0;
  });
}

function renderTable(ctx: VerbContext, f: Found, opts: { wide: boolean; allNs: boolean; prefixKind: boolean; now: number }): string {
  const { header, rows } = tableParts(ctx, f, opts);
  // Empty trailing cells (a missing -L label, a binding without users) keep tabwriter's padding, as kubectl prints them.
  const table = formatTable(header, rows, { keepTrailingPadding: true });
  return bool(ctx.args, 'no-headers') ? table.split('\n').slice(1).join('\n') : table;
}

/** The header and rows kubectl prints for these objects (columns, -o wide, -L, --show-labels, NAMESPACE with -A). */
export function tableParts(ctx: VerbContext, f: Found, opts: { wide: boolean; allNs: boolean; prefixKind: boolean; now: number }): { header: string[]; rows: string[][] } {
  const showLabels = bool(ctx.args, 'show-labels');
  const labelColumns = ((ctx.args.flags.get('label-columns') as string[] | undefined) ?? []).flatMap((x) => x.split(','));
  let header: string[];
  let rows: string[][];
  if (f.type.resource === 'events') {
    header = opts.wide ? EVENT_WIDE_HEADER : EVENT_HEADER;
    const recs = f.objects.map((o) => ctx.cluster.api.events.get(o.metadata.namespace!, o.metadata.name!)!).filter(Boolean);
    rows = recs.map((r) => eventRow(r, opts.now, opts.wide));
  } else if (f.type.custom) {
    ({ header, rows } = customResourceTable(f.type, f.objects, opts.now, opts.wide));
  } else {
    const cols = COLUMNS[f.type.resource];
    if (!cols) {
      header = ['NAME', 'AGE'];
      rows = f.objects.map((o) => [o.metadata.name!, '']);
    } else {
      header = opts.wide ? [...cols.header, ...cols.wide] : [...cols.header];
      rows = f.objects.map((o) => (opts.wide ? [...cols.row(o, opts.now), ...cols.wideRow(o, opts.now)] : cols.row(o, opts.now)));
    }
  }
  if (opts.prefixKind) {
    const kind = qualifiedKindName(f.type);
    rows = rows.map((r) => [`${kind}/${r[0]}`, ...r.slice(1)]);
  }
  for (const key of labelColumns) {
    header = [...header, key.toUpperCase().split('/').pop()!];
    rows = rows.map((r, i) => [...r, f.objects[i].metadata.labels?.[key] ?? '']);
  }
  if (showLabels) {
    header = [...header, 'LABELS'];
    rows = rows.map((r, i) => [...r, formatLabels(f.objects[i].metadata.labels)]);
  }
  if (opts.allNs && f.type.namespaced) {
    header = ['NAMESPACE', ...header];
    rows = rows.map((r, i) => [f.objects[i].metadata.namespace ?? '', ...r]);
  }
  return { header, rows };
}

function omitManagedFields(o: KObject): KObject {
  const metadata = { ...o.metadata };
  delete metadata.managedFields;
  return { ...o, metadata };
}

/**
 * `kubectl get --raw /path`: the API server's answer to one GET, printed as it came — JSON as the
 * server writes it (compact), text as it is — or its error as kubectl words it.
 */
function getRaw(ctx: VerbContext, raw: string, output: string | undefined): void {
  const { args } = ctx;
  if (args.positionals.length) throw new KubectlError('error: arguments may not be passed when --raw is specified');
  if (bool(args, 'watch') || bool(args, 'watch-only') || str(args, 'selector') !== undefined) throw new KubectlError('error: --raw may not be specified with other flags that filter the server request or alter the output');
  if (output) throw new KubectlError('error: --raw and --output are mutually exclusive');
  if (!raw.startsWith('/')) throw new KubectlError(`error: --raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  if (!ctx.cluster.rawGet) throw new KubectlError('error: --raw is not available together with --as in this simulator');
  const q = raw.indexOf('?');
  const r = ctx.cluster.rawGet(q < 0 ? raw : raw.slice(0, q), q < 0 ? undefined : raw.slice(q + 1));
  const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  if (r.status < 400) {
    ctx.out.push(text);
    return;
  }
  const status = (typeof r.body === 'object' && r.body ? r.body : {}) as { reason?: string; message?: string };
  throw new KubectlError(`Error from server (${status.reason || 'InternalError'}): ${status.message || text.trim()}`);
}
