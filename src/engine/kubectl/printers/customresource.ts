/**
 * The table of a custom resource (apiextensions-apiserver pkg/registry/customresource/
 * tableconvertor): NAME, then the version's additionalPrinterColumns — or AGE alone when it has
 * none (serveDefaultColumnsIfEmpty). Columns of priority above 0 are for `-o wide`. Cells keep
 * their JSON type (cellForJSONValue); one a path does not reach is empty.
 */
import type { KObject } from '../../api/types';
import type { PrinterColumn, ResourceType } from '../../api/registry';
import { ageSince } from '../duration';
import { evaluatePath, parsePath } from './jsonpathTemplate';

const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

export function printerColumnsOf(type: ResourceType): PrinterColumn[] {
  const cols = type.custom?.printerColumns ?? [];
  return cols.length ? cols : [{ name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' }];
}

/** One cell, as the table convertor types it (undefined: the path found nothing of that type). */
export function printerCell(col: PrinterColumn, obj: KObject, now: number): string | number | boolean | undefined {
  let results: unknown[];
  try {
    results = evaluatePath(obj, parsePath(col.jsonPath));
  } catch {
    return undefined;
  }
  const v = results[0];
  if (v === undefined || v === null) return undefined;
  switch (col.type) {
    case 'integer':
      return typeof v === 'number' ? Math.trunc(v) : undefined;
    case 'number':
      return typeof v === 'number' ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'date':
      return typeof v === 'string' ? (Number.isNaN(Date.parse(v)) ? '<invalid>' : ageSince(now, v)) : undefined;
    default:
      return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** kubectl's header and rows for custom objects (the same cells the served Table carries). */
export function customResourceTable(type: ResourceType, objects: KObject[], now: number, wide: boolean): { header: string[]; rows: string[][] } {
  const cols = printerColumnsOf(type).filter((c) => wide || !c.priority);
  return {
    header: ['NAME', ...cols.map((c) => c.name.toUpperCase())],
    rows: objects.map((o) => [o.metadata.name ?? '', ...cols.map((c) => {
      const cell = printerCell(c, o, now);
      return cell === undefined ? '' : String(cell);
    })]),
  };
}
