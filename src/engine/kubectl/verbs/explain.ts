/** kubectl explain: a kind's or field's documentation, from the OpenAPI definitions. */
import { typeDef, definitionKey, type FieldDef, type TypeDef } from '../../api/schema';
import { apiVersionOf } from '../../api/registry';
import { KubectlError, bool, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { resolveType } from '../resources';

export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

function typeLabel(f: FieldDef): string {
  switch (f.type) {
    case 'object':
      return `<${f.ref?.split('.').pop()}>`;
    case 'array':
      return `<[]${f.items ? typeLabel(f.items).slice(1, -1) : 'Object'}>`;
    case 'map':
      return `<map[string]${f.items ? typeLabel(f.items).slice(1, -1) : 'Object'}>`;
    case 'int-or-string':
      return '<IntOrString>';
    case 'quantity':
      return '<Quantity>';
    case 'time':
      return '<string>';
    case 'any':
      return '<Object>';
    default:
      return `<${f.type}>`;
  }
}

/** Wraps text at 80 columns with the given indent, as kubectl explain does. */
function wrap(text: string, indent: string): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if ((indent + line + ' ' + word).length > 80 && line) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

function fieldDefOf(f: FieldDef): TypeDef | undefined {
  const inner = f.type === 'array' || f.type === 'map' ? f.items : f;
  return inner?.ref ? typeDef(inner.ref) : undefined;
}

function recursiveFields(def: TypeDef, indent: string, seen: Set<string>, out: string[]): void {
  for (const name of Object.keys(def.fields).sort()) {
    const f = def.fields[name];
    const req = def.required.includes(name) ? ' -required-' : '';
    out.push(`${indent}${name}\t${typeLabel(f)}${req}`);
    const sub = fieldDefOf(f);
    const ref = (f.items ?? f).ref;
    if (sub && ref && !seen.has(ref)) {
      seen.add(ref);
      recursiveFields(sub, indent + '  ', seen, out);
      seen.delete(ref);
    }
  }
}

export function explainCommand(ctx: VerbContext): void {
  const target = ctx.args.positionals[0];
  if (!target) throw new KubectlError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  const [resource, ...path] = target.split('.');
  const type = resolveType(resource);
  const key = definitionKey(apiVersionOf(type), type.kind);
  let def = key ? typeDef(key) : undefined;
  if (!def) throw new KubectlError(`error: couldn't find resource for "${target}"`);
  let field: FieldDef | undefined;
  let fieldName = '';
  for (const part of path) {
    const f = def?.fields[part];
    if (!f) throw new KubectlError(`error: field "${part}" does not exist`);
    field = f;
    fieldName = part;
    def = fieldDefOf(f);
  }
  const lines: string[] = [`GROUP:      ${type.group}`, `KIND:       ${type.kind}`, `VERSION:    ${type.version}`, ''];
  if (!type.group) lines.splice(0, 1);
  if (field) {
    lines.push(`FIELD: ${fieldName} ${typeLabel(field)}`, '');
    if (field.enum) lines.push(`ENUM:`, ...field.enum.map((e) => `    ${e}`), '');
    lines.push('DESCRIPTION:', wrap(field.description ?? '', '    '), '');
  } else {
    lines.push('DESCRIPTION:', wrap(def?.description ?? '', '    '), '');
  }
  if (def && Object.keys(def.fields).length) {
    lines.push('FIELDS:');
    if (bool(ctx.args, 'recursive')) {
      const out: string[] = [];
      recursiveFields(def, '  ', new Set(), out);
      lines.push(...out);
    } else {
      for (const name of Object.keys(def.fields).sort()) {
        const f = def.fields[name];
        lines.push(`  ${name}\t${typeLabel(f)}${def.required.includes(name) ? ' -required-' : ''}`);
        lines.push(wrap(f.description ?? '', '    '), '');
      }
    }
  }
  ctx.out.push(lines.join('\n').replace(/\n+$/, '') + '\n\n');
}
