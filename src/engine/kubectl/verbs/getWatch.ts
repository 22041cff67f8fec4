/**
 * kubectl get -w / --watch-only / --output-watch-events (get.go watch()): the list as it is now,
 * then a row for every change the API server's watch sends — MODIFIED ones too, even when the
 * printed row looks the same — until the learner presses Ctrl+C. A single named object is
 * printed once and then followed. Rows are laid out by a tabwriter that remembers column widths
 * across flushes (kubectl's liggitt/tabwriter RememberWidths): columns only ever grow, so a
 * later, longer STATUS shifts the rows after it, as on a real terminal.
 *
 * Without an output stream (a replay, a command run for its text) only the first part prints,
 * as if Ctrl+C came at once.
 */
import type { KObject } from '../../api/types';
import type { ResourceType } from '../../api/registry';
import { matches, type Selector } from '../../api/labels';
import type { EventRecord } from '../../api/events';
import { eventObject } from '../../api/events';
import { KubectlError, bool } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { nameOf, printJson, printYaml } from '../printers/output';
import type { Found } from './get';

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface WatchDeps {
  output: string | undefined;
  selector: Selector | undefined;
  fields: (types: ResourceType[]) => ((o: KObject) => boolean) | undefined;
  tableParts: (f: Found, opts: { wide: boolean; allNs: boolean; prefixKind: boolean; now: number }) => { header: string[]; rows: string[][] };
  listEvents: (ns: string | undefined) => KObject[];
}

/** cli-runtime's tabwriter (minwidth 6, padding 3) with RememberWidths: a column's width never shrinks between flushes. */
export class RememberingTabWriter {
  private widths: number[] = [];

  format(lines: string[][]): string {
    const width = (i: number) => {
      let w = this.widths[i] ?? 0;
      for (const cells of lines) if (i < cells.length - 1) w = Math.max(w, Math.max(cells[i]!.length + 3, 6));
      return w;
    };
    const columns = Math.max(0, ...lines.map((l) => l.length - 1));
    for (let i = 0; i < columns; i++) this.widths[i] = width(i);
    return lines.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(this.widths[i]!))).join('') + '\n').join('');
  }
}

export function getWatch(ctx: VerbContext, deps: WatchDeps): void {
  const { args, cluster } = ctx;
  const selection = parseResourceArgs(args.positionals, ctx.cluster.api.types);
  if (selection.items.length === 0) throw new KubectlError('error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.');
  if (selection.items.length > 1) throw new KubectlError('error: you may only specify a single resource type');
  const { type, names } = selection.items[0]!;
  if (names.length > 1) throw new KubectlError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const output = deps.output;
  if (output && !['wide', 'name', 'yaml', 'json'].includes(output)) throw new KubectlError(`error: --watch is not available in this simulator with -o ${output}: use -o wide, name, yaml or json`);
  const allNs = bool(args, 'all-namespaces');
  const ns = type.namespaced ? namespaceOf(ctx) : undefined;
  const name = names[0];
  const fields = deps.fields([type]);
  const watchOnly = bool(args, 'watch-only');
  const withEvents = bool(args, 'output-watch-events');
  const noHeaders = bool(args, 'no-headers');
  const tab = new RememberingTabWriter();
  let headerPrinted = noHeaders;

  const inScope = (o: KObject) => (allNs || !type.namespaced || o.metadata.namespace === ns) && (!name || o.metadata.name === name) && (!deps.selector || matches(deps.selector, o.metadata.labels)) && (!fields || fields(o));
  const print = (event: EventType, objs: KObject[]): string => {
    if (objs.length === 0) return '';
    if (output === 'name') return objs.map((o) => `${withEvents ? `${event} ` : ''}${nameOf({ ...o, apiVersion: o.apiVersion, kind: o.kind ?? type.kind })}\n`).join('');
    if (output === 'yaml') return objs.map((o) => printYaml([o], true)).map((y) => `---\n${y}`).join('');
    if (output === 'json') return objs.map((o) => printJson([o], true)).join('');
    const { header, rows } = deps.tableParts({ type, objects: objs }, { wide: output === 'wide', allNs, prefixKind: false, now: cluster.now() });
    const lines = rows.map((r) => (withEvents ? [event, ...r] : r));
    if (!headerPrinted) {
      headerPrinted = true;
      lines.unshift(withEvents ? ['EVENT', ...header] : header);
    }
    return tab.format(lines);
  };

  // The list (or the object) as it is now: the watch starts from its resourceVersion.
  let initial: KObject[];
  if (type.resource === 'events') initial = deps.listEvents(allNs ? undefined : ns).filter(inScope);
  else if (name) {
    const obj = cluster.api.get(type, ns, name);
    initial = inScope(obj) ? [obj] : [];
  } else initial = cluster.api.list(type, allNs ? undefined : ns, deps.selector).filter(inScope);
  if (!watchOnly) ctx.out.push(print('ADDED', initial));

  const stream = ctx.stream;
  if (!stream) return;
  // Objects inside the selection as last printed: one that leaves it is reported DELETED, one that enters ADDED (the watch cache's filtering).
  const visible = new Set(initial.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  const send = (event: EventType, obj: KObject) => {
    const text = print(event, [obj]);
    if (text) stream.write(text);
  };
  if (type.resource === 'events') {
    const stop = cluster.api.events.onEvent((e: EventRecord) => {
      const obj = eventObject(e);
      if (!inScope(obj)) return;
      const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
      send(visible.has(key) ? 'MODIFIED' : 'ADDED', obj);
      visible.add(key);
    });
    stream.onStop(stop);
    return;
  }
  const stop = cluster.store.watch(type.resource, (event, obj) => {
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const was = visible.has(key);
    const now = event !== 'DELETED' && inScope(obj);
    if (now) visible.add(key);
    else visible.delete(key);
    if (event === 'DELETED') {
      if (was) send('DELETED', obj);
    } else if (now) send(was ? 'MODIFIED' : 'ADDED', obj);
    else if (was) send('DELETED', obj);
  });
  stream.onStop(stop);
}

