/** kubectl explain: a kind's or field's documentation, from the OpenAPI definitions. */
import { typeDef, definitionKey, SCALAR_TYPE_DESCRIPTIONS, type FieldDef, type TypeDef } from '../../api/schema';
import { apiVersionOf } from '../../api/registry';
import { KubectlError, bool, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { resolveType } from '../resources';
import { customResourceDefinitions } from '../../api/apiextensions/openapi';

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

type Lookup = (ref: string) => TypeDef | undefined;

function fieldDefOf(f: FieldDef, lookup: Lookup): TypeDef | undefined {
  const inner = f.type === 'array' || f.type === 'map' ? f.items : f;
  return inner?.ref ? lookup(inner.ref) : undefined;
}

/** extractEnum's short form under a field's line: at most four values, `""` for the empty one. */
function enumLine(name: string, f: FieldDef, indent: string): string {
  // The served schemas leave apiVersion and kind open (../../rest/openapi.ts): no enum there.
  if (!f.enum?.length || name === 'apiVersion' || name === 'kind') return '';
  const shown = f.enum.slice(0, 4).map((e) => (e === '' ? '""' : e));
  return `\n${indent}enum: ${shown.join(', ')}${f.enum.length > 4 ? ', ....' : ''}`;
}

function recursiveFields(def: TypeDef, indent: string, seen: Set<string>, out: string[], lookup: Lookup): void {
  for (const name of Object.keys(def.fields).sort()) {
    const f = def.fields[name];
    const req = def.required.includes(name) ? ' -required-' : '';
    out.push(`${indent}${name}\t${typeLabel(f)}${req}${enumLine(name, f, indent)}`);
    const sub = fieldDefOf(f, lookup);
    const ref = (f.items ?? f).ref;
    if (sub && ref && !seen.has(ref)) {
      seen.add(ref);
      recursiveFields(sub, indent + '  ', seen, out, lookup);
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
    type = resolveType(resource, ctx.cluster.api.types);
  } catch (e) {
    // explain prints the lookup's error as it is, without kubectl's "error: " prefix.
    if (e instanceof KubectlError) throw new KubectlError(e.message.replace(/^error: /, ''));
    throw e;
  }
  // A custom kind's schema is its CRD's (../../api/apiextensions/openapi.ts).
  const custom = type.custom ? customResourceDefinitions(type) : undefined;
  const lookup: Lookup = (ref) => custom?.defs.get(ref) ?? typeDef(ref);
  const key = custom ? custom.root : definitionKey(apiVersionOf(type), type.kind);
  let def = key ? lookup(key) : undefined;
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
    def = fieldDefOf(f, lookup);
  }
  // Laid out as kubectl 1.32's plaintext explain template lays it out (pkg/explain/v2/templates):
  // a field's own description, then its type's; each description block ends in an indented
  // empty line; two empty lines after FIELD; one more newline at the very end.
  let text = type.group ? `GROUP:      ${type.group}\n` : '';
  text += `KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
  const descriptions: string[] = [];
  if (field) {
    text += `FIELD: ${fieldName} ${typeLabel(field)}\n`;
    if (field.enum && fieldName !== 'apiVersion' && fieldName !== 'kind') text += `ENUM:${field.enum.map((e) => `\n    ${e === '' ? '""' : e}`).join('')}`;
    text += '\n\n';
    if (field.description) descriptions.push(field.description);
    // The description of the type the field holds follows its own (kubectl's "description"
    // template walks allOf, items and additionalProperties).
    const inner = field.type === 'array' || field.type === 'map' ? field.items : field;
    if (inner?.ref && def?.description) descriptions.push(def.description);
    else if (inner && (inner.type === 'int-or-string' || inner.type === 'quantity' || inner.type === 'time')) descriptions.push(SCALAR_TYPE_DESCRIPTIONS[inner.type]);
  } else if (def?.description) descriptions.push(def.description);
  // Each description ends in a newline the indent turns into "    "; `<empty>` has none.
  text += `DESCRIPTION:\n${descriptions.length ? `${descriptions.map((d) => wrap(d, '    ')).join('\n')}\n    ` : '    <empty>'}\n`;
  if (def && Object.keys(def.fields).length) {
    text += 'FIELDS:\n';
    if (bool(ctx.args, 'recursive')) {
      const out: string[] = [];
      recursiveFields(def, '  ', new Set(), out, lookup);
      text += out.map((l) => `${l}\n`).join('');
    } else {
      for (const name of Object.keys(def.fields).sort()) {
        const f = def.fields[name];
        text += `  ${name}\t${typeLabel(f)}${def.required.includes(name) ? ' -required-' : ''}${enumLine(name, f, '  ')}\n${wrap(f.description || '<no description>', '    ')}\n\n`;
      }
    }
  }
  ctx.out.push(`${text}\n`);
}
