/**
 * Server-side printing: `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` gets a
 * meta.k8s.io/v1 Table with the columns the simulator's own kubectl prints (the API server's
 * table convertors, pkg/printers/internalversion) — without it real kubectl falls back to NAME
 * and AGE. Rows carry PartialObjectMetadata by default, which kubectl needs for `-A`
 * (NAMESPACE) and `--show-labels`.
 */
import type { KObject } from '../api/types';
import type { ResourceType } from '../api/registry';
import type { EventRecord } from '../api/events';
import { NAME_DESCRIPTION, printerCell, printerColumnsOf } from '../kubectl/printers/customresource';
import { COLUMNS, EVENT_HEADER, EVENT_WIDE_HEADER, eventRow } from '../kubectl/printers/columns';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** Whether the Accept header asks for a Table (v1; v1beta1 is served the same shape). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && accept.split(',').some((a) => /as=Table/.test(a) && /g=meta\.k8s\.io/.test(a));
}

export const TABLE_CONTENT_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

const ACRONYMS = new Set(['IP', 'IPS', 'URL', 'TTL', 'CIDR', 'UID']);

/** `NOMINATED NODE` → `Nominated Node`, `CLUSTER-IP` → `Cluster-IP`: the names the server gives (kubectl upper-cases them again). */
function columnName(header: string): string {
  const word = (w: string) => (ACRONYMS.has(w) ? w : w.charAt(0) + w.slice(1).toLowerCase());
  return header
    .split(' ')
    .map((w, i) => w.split('-').map((part, j) => (i === 0 && j === 0 ? word(part) : ACRONYMS.has(part) ? part : j > 0 ? part.toLowerCase() : word(part))).join('-'))
    .join(' ');
}

function columnsOf(header: string[], priority: number): TableColumn[] {
  return header.map((h) => ({ name: columnName(h), type: 'string', format: h === 'NAME' ? 'name' : '', description: '', priority }));
}

function metadataOnly(o: KObject): KObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

function rowObject(o: KObject, include: IncludeObject): KObject | undefined {
  return include === 'None' ? undefined : include === 'Object' ? o : metadataOnly(o);
}

export interface TableOptions {
  include: IncludeObject;
  /** False for the watch events after the first (the server sends column definitions once). */
  headers: boolean;
  resourceVersion?: string;
  continueToken?: string;
}

/** The Table for objects of one type (events have their own builder below). */
export function objectTable(type: ResourceType, objects: KObject[], now: number, opts: TableOptions): unknown {
  if (type.custom) return customResourceTable(type, objects, now, opts);
  const cols = COLUMNS[type.resource];
  const columnDefinitions = !opts.headers ? [] : cols ? [...columnsOf(cols.header, 0), ...columnsOf(cols.wide, 1)] : [...columnsOf(['NAME'], 0), { name: 'Created At', type: 'date', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 }];
  const rows = objects.map((o) => {
    const cells = cols ? [...cols.row(o, now), ...cols.wideRow(o, now)] : [o.metadata.name ?? '', o.metadata.creationTimestamp ?? ''];
    const row: Record<string, unknown> = { cells };
    const obj = rowObject(o, opts.include);
    if (obj) row.object = obj;
    return row;
  });
  return tableBody(columnDefinitions, rows, opts);
}

/** A custom resource's Table: its printer columns, typed cells (null where a path found nothing). */
function customResourceTable(type: ResourceType, objects: KObject[], now: number, opts: TableOptions): unknown {
  const printerColumns = printerColumnsOf(type);
  const columnDefinitions = !opts.headers
    ? []
    : [{ name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 }, ...printerColumns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 }))];
  const rows = objects.map((o) => {
    const row: Record<string, unknown> = { cells: [o.metadata.name ?? '', ...printerColumns.map((c) => printerCell(c, o, now) ?? null)] };
    const obj = rowObject(o, opts.include);
    if (obj) row.object = obj;
    return row;
  });
  return tableBody(columnDefinitions, rows, opts);
}

/** Events' table: LAST SEEN with its "(xN over …)", as `kubectl get events` prints it. */
export function eventTable(records: EventRecord[], objects: KObject[], now: number, opts: TableOptions): unknown {
  const narrow = new Set(EVENT_HEADER);
  const columnDefinitions = opts.headers ? EVENT_WIDE_HEADER.map((h) => ({ name: columnName(h), type: 'string', format: h === 'NAME' ? 'name' : '', description: '', priority: narrow.has(h) ? 0 : 1 })) : [];
  const rows = records.map((e, i) => {
    const wide = eventRow(e, now, true);
    const row: Record<string, unknown> = { cells: wide };
    const obj = rowObject(objects[i]!, opts.include);
    if (obj) row.object = obj;
    return row;
  });
  return tableBody(columnDefinitions, rows, opts);
}

function tableBody(columnDefinitions: unknown[], rows: unknown[], opts: TableOptions): unknown {
  const metadata: Record<string, string> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continueToken) metadata.continue = opts.continueToken;
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, columnDefinitions, rows };
}

