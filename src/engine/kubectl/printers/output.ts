/**
 * -o yaml / -o json / -o name. kubectl serialises through Go maps, so keys come out sorted
 * alphabetically at every level, and YAML sequences inside maps are not indented.
 */
import { Document, isMap, visit } from 'yaml';
import type { KObject } from '../../api/types';
import { qualifiedKindName, typeForKind } from '../../api/registry';
import { setOwn } from '../../util/own';

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) setOwn(out, k, sortKeys(x));
    }
    return out;
  }
  return v;
}

function asList(items: KObject[]): unknown {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function toYaml(value: unknown): string {
  const doc = new Document(sortKeys(value), { version: '1.1' });
  // Go's yaml.v2 quotes strings that would read as another type, with double quotes.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Map(_, node) {
      if (isMap(node) && node.items.length === 0) node.flow = true;
    },
  });
  // Where quotes are needed only for the characters (`*`, `: `, `#` …), yaml.v2 falls back to single quotes.
  return doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0, nullStr: 'null', singleQuote: true });
}

function needsQuotes(s: string): boolean {
  if (s === '') return true;
  if (/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(s)) return true;
  if (/^[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?$/.test(s) || /^0x[0-9a-f]+$/i.test(s) || /^\d+:\d+$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s)) return true;
  return false;
}

export function printYaml(objs: KObject[], single: boolean): string {
  return toYaml(single && objs.length === 1 ? objs[0] : asList(objs));
}

export function printJson(objs: KObject[], single: boolean): string {
  return JSON.stringify(sortKeys(single && objs.length === 1 ? objs[0] : asList(objs)), null, 4) + '\n';
}

export function nameOf(obj: KObject): string {
  let kind = obj.kind.toLowerCase();
  try {
    kind = qualifiedKindName(typeForKind(obj.kind));
  } catch {
    // Event and other printed-only kinds
  }
  return `${kind}/${obj.metadata.name}`;
}
