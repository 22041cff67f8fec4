/** kubectl explain: a kind's or field's documentation, from the OpenAPI definitions. */
import { typeDef, definitionKey, SCALAR_TYPE_DESCRIPTIONS, type FieldDef, type TypeDef } from '../../api/schema';
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
  let type: ReturnType<typeof resolveType>;
  try {
    type = resolveType(resource);
  } catch (e) {
    // explain prints the lookup's error as it is, without kubectl's "error: " prefix.
    if (e instanceof KubectlError) throw new KubectlError(e.message.replace(/^error: /, ''));
    throw e;
  }
  const key = definitionKey(apiVersionOf(type), type.kind);
  let def = key ? typeDef(key) : undefined;
  if (!def) throw new KubectlError(`error: couldn't find resource for "${target}"`);
  let field: FieldDef | undefined;
  let fieldName = '';
  for (const part of path) {
    const f = def?.fields[part];
    if (!f) {
      // The template has printed the kind's header by the time it finds no such field.
      ctx.out.push(`${type.group ? `GROUP:      ${type.group}\n` : ''}KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`);
      throw new KubectlError(`error: field "${part}" does not exist`);
    }
    field = f;
    fieldName = part;
    def = fieldDefOf(f);
  }
  // Laid out as kubectl 1.32's plaintext explain template lays it out (pkg/explain/v2/templates):
  // a field's own description, then its type's; each description block ends in an indented
  // empty line; two empty lines after FIELD; one more newline at the very end.
  let text = type.group ? `GROUP:      ${type.group}\n` : '';
  text += `KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
  const descriptions: string[] = [];
  if (field) {
    text += `FIELD: ${fieldName} ${typeLabel(field)}\n`;
    if (field.enum) text += `ENUM:\n${field.enum.map((e) => `    ${e}`).join('\n')}\n`;
    text += '\n\n';
    if (field.description) descriptions.push(field.description);
    // The description of the type the field holds follows its own (kubectl's "description"
    // template walks allOf, items and additionalProperties).
    const inner = field.type === 'array' || field.type === 'map' ? field.items : field;
    if (inner?.ref && def?.description) descriptions.push(def.description);
    else if (inner && (inner.type === 'int-or-string' || inner.type === 'quantity' || inner.type === 'time')) descriptions.push(SCALAR_TYPE_DESCRIPTIONS[inner.type]);
  } else if (def?.description) descriptions.push(def.description);
  text += `DESCRIPTION:\n${descriptions.length ? descriptions.map((d) => wrap(d, '    ')).join('\n') : '    <empty>'}\n    \n`;
  if (def && Object.keys(def.fields).length) {
    text += 'FIELDS:\n';
    if (bool(ctx.args, 'recursive')) {
      const out: string[] = [];
      recursiveFields(def, '  ', new Set(), out);
      text += out.map((l) => `${l}\n`).join('');
    } else {
      for (const name of Object.keys(def.fields).sort()) {
        const f = def.fields[name];
        text += `  ${name}\t${typeLabel(f)}${def.required.includes(name) ? ' -required-' : ''}\n${wrap(f.description || '<no description>', '    ')}\n\n`;
      }
    }
  }
  ctx.out.push(`${text}\n`);
}
