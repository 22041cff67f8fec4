/**
 * A custom kind's published schema (apiextensions-apiserver pkg/controller/openapi/builder):
 * the CRD's openAPIV3Schema with the standard apiVersion, kind and metadata properties added,
 * named `com.example.v1.Widget` after the reversed group. The served OpenAPI v3 documents and
 * `kubectl explain` both read it.
 */
import type { JSONSchemaProps, ResourceType } from '../registry';
import type { FieldDef, TypeDef } from '../../openapi/types';
import { typeDef } from '../schema';

const standard = typeDef('core/v1.ConfigMap')!.fields;
export const API_VERSION_DESCRIPTION = standard.apiVersion!.description!;
export const KIND_DESCRIPTION = standard.kind!.description!;
export const METADATA_DESCRIPTION = standard.metadata!.description!;

export function customSchemaName(t: ResourceType): string {
  return `${t.group.split('.').reverse().join('.')}.${t.version}.${t.kind}`;
}

/** The OpenAPI v3 schema of a custom kind; `objectMeta` is the reference to ObjectMeta's. */
export function customResourceSchema(t: ResourceType, objectMeta: unknown): Record<string, unknown> {
  const schema: JSONSchemaProps = t.custom?.schema ?? { type: 'object' };
  const properties: Record<string, unknown> = {
    apiVersion: { type: 'string', description: API_VERSION_DESCRIPTION },
    kind: { type: 'string', description: KIND_DESCRIPTION },
    metadata: { allOf: [objectMeta], description: METADATA_DESCRIPTION },
  };
  for (const [k, v] of Object.entries(schema.properties ?? {})) if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata') properties[k] = v;
  const out: Record<string, unknown> = { type: 'object' };
  if (schema.description) out.description = schema.description;
  out.properties = properties;
  if (schema.required?.length) out.required = schema.required;
  if (schema['x-kubernetes-preserve-unknown-fields']) out['x-kubernetes-preserve-unknown-fields'] = true;
  out['x-kubernetes-group-version-kind'] = [{ group: t.group, kind: t.kind, version: t.version }];
  return out;
}

/**
 * The same schema as the engine's own definitions (../../openapi/types), for `kubectl explain`:
 * each inline object becomes a definition of its own (`Object`, as kubectl names it).
 */
export function customResourceDefinitions(t: ResourceType): { root: string; defs: Map<string, TypeDef> } {
  const defs = new Map<string, TypeDef>();
  const schema: JSONSchemaProps = t.custom?.schema ?? { type: 'object' };
  const root = `crd:${customSchemaName(t)}`;
  let n = 0;
  const objectDef = (s: JSONSchemaProps, extra: Record<string, FieldDef> = {}): string => {
    const isRoot = n === 0;
    const key = isRoot ? root : `crd:${n}.Object`;
    n++;
    const fields: Record<string, FieldDef> = { ...extra };
    for (const [k, v] of Object.entries(s.properties ?? {})) if (!(k in extra)) fields[k] = field(v);
    // An inline object has no type description of its own: only the root's is printed as one.
    defs.set(key, { description: isRoot ? s.description : undefined, fields, required: s.required ?? [] });
    return key;
  };
  const field = (s: JSONSchemaProps): FieldDef => {
    let f: FieldDef;
    if (s['x-kubernetes-int-or-string']) f = { type: 'int-or-string' };
    else if (s.type === 'array') f = { type: 'array', items: s.items ? field(s.items) : { type: 'any' } };
    else if (s.type === 'object' && typeof s.additionalProperties === 'object' && !s.properties) f = { type: 'map', items: field(s.additionalProperties) };
    else if (s.type === 'object' || (!s.type && s.properties)) f = { type: 'object', ref: objectDef(s) };
    else if (!s.type) f = { type: 'any' };
    else f = { type: s.type };
    if (s.description) f.description = s.description;
    if (s.enum?.length) f.enum = s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
    return f;
  };
  objectDef(schema, {
    apiVersion: { type: 'string', description: API_VERSION_DESCRIPTION },
    kind: { type: 'string', description: KIND_DESCRIPTION },
    metadata: { type: 'object', ref: 'meta/v1.ObjectMeta', description: METADATA_DESCRIPTION },
  });
  return { root, defs };
}
