/**
 * -o yaml / -o json / -o name. kubectl serialises through Go maps, so keys come out sorted
 * alphabetically at every level, and YAML sequences inside maps are not indented.
 */
import { Document, isMap, visit } from 'yaml';
import type { KObject } from '../../api/types';
import { qualifiedKindName, typeForKind } from '../../api/registry';
import { setOwn } from '../../util/own';
import { foldLikeGoYaml } from './yamlFolding';
import { goDoubleQuoted, goScalarStyle } from './yamlStyle';

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
  // Each string in the style go-yaml v2 would choose (./yamlStyle.ts). Double-quoted ones are
  // written by go-yaml's own rules: the library would break them over lines at escaped breaks.
  const quoted: string[] = [];
  // A stand-in no string of the object contains, swapped for the quoted text afterwards.
  let prefix = 'wh0dq';
  const all = JSON.stringify(value) ?? '';
  while (all.includes(prefix)) prefix += 'q';
  const token = (n: number) => `${prefix}${n}x`;
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value !== 'string') return;
      const style = goScalarStyle(node.value, key === 'key');
      if (style === 'QUOTE_DOUBLE') {
        quoted.push(goDoubleQuoted(node.value));
        node.value = token(quoted.length - 1);
        node.type = 'PLAIN';
      } else node.type = style;
    },
    Map(_, node) {
      if (isMap(node) && node.items.length === 0) node.flow = true;
    },
  });
  let text = doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0, nullStr: 'null', singleQuote: true });
  if (quoted.length) text = text.replace(new RegExp(`\\b${prefix}(\\d+)x\\b`, 'g'), (m, n: string) => quoted[Number(n)] ?? m);
  return foldLikeGoYaml(text);
}

export function printYaml(objs: KObject[], single: boolean): string {
  return toYaml(single && objs.length === 1 ? objs[0] : asList(objs));
}

export function printJson(objs: KObject[], single: boolean): string {
  return goJson(sortKeys(single && objs.length === 1 ? objs[0] : asList(objs)));
}

/**
 * JSON as kubectl prints it (encoding/json, indented by four): Go escapes `<`, `>` and `&` (and
 * U+2028/U+2029) inside strings as \u003c … so the text is safe in HTML. They occur only inside
 * strings, so replacing them everywhere is exact.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

export function nameOf(obj: KObject): string {
  // NamePrinter: the kind and the group of the object's apiVersion (`widget.example.com/w`).
  if (obj.apiVersion) {
    const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
    return `${obj.kind.toLowerCase()}${group ? `.${group}` : ''}/${obj.metadata.name}`;
  }
  let kind = obj.kind.toLowerCase();
  try {
    kind = qualifiedKindName(typeForKind(obj.kind));
  } catch {
    // Event and other printed-only kinds
  }
  return `${kind}/${obj.metadata.name}`;
}
