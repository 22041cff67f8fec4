/**
 * A JSON Schema for Kubernetes manifests, built from the engine's API definitions (generated
 * from the official OpenAPI spec via kubernetes-types). One root per kind the simulator serves,
 * chosen by `kind` with if/then, so the editor completes fields, shows their documentation on
 * hover and flags unknown fields and wrong types as the API server would.
 */
import definitions from '../../engine/openapi/definitions.json';
import type { FieldDef, TypeDef } from '../../engine/openapi/types';

type JsonSchema = Record<string, unknown>;

const defs = (definitions as { definitions: Record<string, TypeDef>; roots: string[] }).definitions;
const roots = (definitions as { roots: string[] }).roots;

const refName = (ref: string) => ref.replace('/', '.');

function fieldSchema(f: FieldDef): JsonSchema {
  const doc = f.description ? { description: f.description } : {};
  if (f.ref) return { ...doc, $ref: `#/definitions/${refName(f.ref)}` };
  switch (f.type) {
    case 'string':
    case 'time':
      return f.enum ? { ...doc, type: 'string', enum: f.enum } : { ...doc, type: 'string' };
    case 'integer':
      return { ...doc, type: 'integer' };
    case 'boolean':
      return { ...doc, type: 'boolean' };
    case 'int-or-string':
      return { ...doc, type: ['integer', 'string'] };
    case 'quantity':
      return { ...doc, type: ['string', 'number'] };
    case 'array':
      return { ...doc, type: 'array', items: f.items ? fieldSchema(f.items) : {} };
    case 'map':
      return { ...doc, type: 'object', additionalProperties: f.items ? fieldSchema(f.items) : {} };
    case 'object':
      return { ...doc, type: 'object' };
    default:
      return doc;
  }
}

function typeSchema(t: TypeDef): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, f] of Object.entries(t.fields)) properties[name] = fieldSchema(f);
  const out: JsonSchema = { type: 'object', properties, additionalProperties: false };
  if (t.description) out.description = t.description;
  if (t.required.length) out.required = t.required;
  return out;
}

let cached: JsonSchema | undefined;

export function kubernetesSchema(): JsonSchema {
  if (cached) return cached;
  const definitionsOut: Record<string, JsonSchema> = {};
  for (const [name, t] of Object.entries(defs)) definitionsOut[refName(name)] = typeSchema(t);
  // Roots are named like core.v1.Pod; their definitions are keyed core/v1.Pod.
  const kinds = roots.map((r) => ({ ref: r, kind: r.split('.').pop()!, apiVersion: String(defs[r.replace('.', '/')]?.fields.apiVersion?.enum?.[0] ?? '') }));
  cached = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes manifest',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: 'The API group and version of the object, e.g. apps/v1.', enum: [...new Set(kinds.map((k) => k.apiVersion).filter(Boolean))] },
      kind: { type: 'string', description: 'What kind of object this is.', enum: kinds.map((k) => k.kind) },
    },
    allOf: kinds.map((k) => ({ if: { properties: { kind: { const: k.kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${k.ref}` } })),
    definitions: definitionsOut,
  };
  return cached;
}
