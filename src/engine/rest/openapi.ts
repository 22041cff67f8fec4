/**
 * `/openapi/v3`: the index and one document per group version, generated from the schema the
 * engine already validates with (../openapi/definitions.json) and the patch strategies of the
 * v1.32 protos. Real kubectl needs them: `apply`/`create` under the default
 * `--validate=strict` look for the `fieldValidation` parameter on each kind's PATCH operation
 * (found: the server validates; missing: kubectl aborts), `kubectl explain` reads the schemas,
 * and client-side apply reads the patch merge keys.
 */
import definitions from '../openapi/definitions.json';
import patchStrategies from '../openapi/patchStrategies.json';
import type { FieldDef, TypeDef } from '../openapi/types';
import { KUBERNETES_VERSION } from '../api/version';
import { definitionKey, SCALAR_TYPE_DESCRIPTIONS } from '../api/schema';
import { groupVersions, servedTypes, subresourcesOf, typesIn } from './discovery';
import type { ResourceType, TypeRegistry } from '../api/registry';
import { customResourceSchema, customSchemaName } from '../api/apiextensions/openapi';

const defs = (definitions as unknown as { definitions: Record<string, TypeDef> }).definitions;
const strategies = (patchStrategies as unknown as { types: Record<string, Record<string, { strategy: string; mergeKey?: string }>> }).types;


/** `core/v1.Pod` → `io.k8s.api.core.v1.Pod`; `meta/v1.ObjectMeta` → `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`. */
export function schemaName(key: string): string {
  const [mod, rest] = key.split('/') as [string, string];
  return mod === 'meta' ? `io.k8s.apimachinery.pkg.apis.meta.${rest}` : `io.k8s.api.${mod}.${rest}`;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';

function fieldSchema(f: FieldDef, uses: Set<string>, top = true): Record<string, unknown> {
  let s: Record<string, unknown>;
  switch (f.type) {
    case 'object':
      if (f.ref) {
        uses.add(f.ref);
        s = top ? { allOf: [ref(schemaName(f.ref))] } : ref(schemaName(f.ref));
      } else s = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      break;
    case 'array':
      s = { type: 'array', items: fieldSchema(f.items ?? { type: 'any' }, uses, false) };
      break;
    case 'map':
      s = { type: 'object', additionalProperties: fieldSchema(f.items ?? { type: 'string' }, uses, false) };
      break;
    case 'quantity':
      s = top ? { allOf: [ref(QUANTITY)] } : ref(QUANTITY);
      break;
    case 'int-or-string':
      s = top ? { allOf: [ref(INT_OR_STRING)] } : ref(INT_OR_STRING);
      break;
    case 'time':
      s = top ? { allOf: [ref(TIME)] } : ref(TIME);
      break;
    case 'integer':
      s = { type: 'integer', format: 'int32' };
      break;
    case 'string':
    case 'boolean':
      s = { type: f.type };
      break;
    default:
      s = { 'x-kubernetes-preserve-unknown-fields': true };
  }
  if (f.enum?.length) s.enum = f.enum;
  if (f.description && top) s.description = f.description;
  return s;
}

function typeSchema(key: string, def: TypeDef, uses: Set<string>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const strat = strategies[key] ?? {};
  for (const [name, f] of Object.entries(def.fields)) {
    // The generated definitions pin apiVersion and kind to one value; the API server's own
    // schema does not (kubectl explain would print "enum: v1").
    const s = fieldSchema(name === 'apiVersion' || name === 'kind' ? { ...f, enum: undefined } : f, uses);
    const st = strat[name];
    if (st) {
      s['x-kubernetes-patch-strategy'] = st.strategy;
      if (st.mergeKey) s['x-kubernetes-patch-merge-key'] = st.mergeKey;
    }
    properties[name] = s;
  }
  const out: Record<string, unknown> = { type: 'object', properties };
  if (def.description) out.description = def.description;
  if (def.required.length) out.required = def.required;
  return out;
}

const SCALARS: Record<string, unknown> = {
  // As kube-openapi writes them in v3 (OpenAPIV3OneOfTypes): no single type, so kubectl explain names them.
  [QUANTITY]: { description: SCALAR_TYPE_DESCRIPTIONS.quantity, oneOf: [{ type: 'string' }, { type: 'number' }] },
  [INT_OR_STRING]: { description: SCALAR_TYPE_DESCRIPTIONS['int-or-string'], format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
  [TIME]: { description: SCALAR_TYPE_DESCRIPTIONS.time, type: 'string', format: 'date-time' },
};

const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);

/** Built once per registry generation: the built-in documents never change, a CRD's come and go with it. */
const cache = new WeakMap<TypeRegistry, { generation: number; index: unknown; docs: Map<string, unknown> }>();

function documents(registry: TypeRegistry): { index: unknown; docs: Map<string, unknown> } {
  const hit = cache.get(registry);
  if (hit && hit.generation === registry.generation) return hit;
  const built = { generation: registry.generation, ...build(servedTypes(registry)) };
  cache.set(registry, built);
  return built;
}

function build(served: ResourceType[]): { index: unknown; docs: Map<string, unknown> } {
  const docs = new Map<string, unknown>();
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of groupVersions(served)) {
    const path = gvPath(group, version);
    const doc = gvDocument(served, group, version);
    docs.set(path, doc);
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash(JSON.stringify(doc))}` };
  }
  return { index: { paths }, docs };
}

function gvDocument(served: ResourceType[], group: string, version: string): unknown {
  const uses = new Set<string>();
  const schemas: Record<string, unknown> = { ...SCALARS };
  const apiPaths: Record<string, unknown> = {};
  const prefix = `/${gvPath(group, version)}`;
  for (const t of typesIn(served, group, version)) {
    const key = t.custom ? undefined : definitionKey(group ? `${group}/${version}` : version, t.kind);
    const gvk = { group, version, kind: t.kind };
    if (key && defs[key]) {
      uses.add(key);
      schemas[schemaName(key)] = { ...typeSchema(key, defs[key]!, uses), 'x-kubernetes-group-version-kind': [gvk] };
    }
    if (t.custom) {
      uses.add('meta/v1.ObjectMeta');
      schemas[customSchemaName(t)] = customResourceSchema(t, ref(schemaName('meta/v1.ObjectMeta')));
    }
    const bodyRef = t.custom ? customSchemaName(t) : key && defs[key] ? schemaName(key) : undefined;
    const body = bodyRef ? { content: { 'application/json': { schema: ref(bodyRef) } } } : undefined;
    const collection = t.namespaced ? `${prefix}/namespaces/{namespace}/${t.resource}` : `${prefix}/${t.resource}`;
    const writeParams = [param('dryRun'), param('fieldManager'), param('fieldValidation')];
    const op = (action: string, extra: Record<string, unknown> = {}) => ({ 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': gvk, responses: { '200': { description: 'OK' } }, ...extra });
    const verbs = new Set(t.verbs);
    const coll: Record<string, unknown> = {};
    if (verbs.has('list')) coll.get = op('list', { parameters: [param('labelSelector'), param('fieldSelector'), param('limit'), param('continue'), param('watch'), param('resourceVersion')] });
    if (verbs.has('create')) coll.post = op('post', { parameters: writeParams, ...(body ? { requestBody: body } : {}) });
    if (verbs.has('deletecollection')) coll.delete = op('deletecollection');
    apiPaths[collection] = coll;
    if (verbs.has('get')) {
      const item: Record<string, unknown> = { get: op('get') };
      if (verbs.has('update')) item.put = op('put', { parameters: writeParams, ...(body ? { requestBody: body } : {}) });
      if (verbs.has('patch')) item.patch = op('patch', { parameters: [...writeParams, param('force')] });
      if (verbs.has('delete')) item.delete = op('delete', { parameters: [param('dryRun'), param('gracePeriodSeconds'), param('propagationPolicy')] });
      apiPaths[`${collection}/{name}`] = item;
      for (const s of subresourcesOf(t)) {
        const sub: Record<string, unknown> = {};
        if (s.verbs.includes('get')) sub.get = op('get');
        if (s.verbs.includes('update')) sub.put = op('put', { parameters: writeParams });
        if (s.verbs.includes('patch')) sub.patch = op('patch', { parameters: [...writeParams, param('force')] });
        if (s.verbs.includes('create')) sub.post = op('post', { parameters: writeParams });
        apiPaths[`${collection}/{name}/${s.name}`] = sub;
      }
    }
  }
  // Every type a kind's schema reaches, so `kubectl explain pod.spec.containers` resolves.
  const queue = [...uses];
  const seen = new Set<string>();
  while (queue.length) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const def = defs[key];
    if (!def) continue;
    const name = schemaName(key);
    const more = new Set<string>();
    if (!schemas[name]) schemas[name] = typeSchema(key, def, more);
    else typeSchema(key, def, more);
    for (const m of more) if (!seen.has(m)) queue.push(m);
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: KUBERNETES_VERSION }, paths: apiPaths, components: { schemas } };
}

function param(name: string): unknown {
  return { name, in: 'query', schema: { type: name === 'limit' || name === 'gracePeriodSeconds' ? 'integer' : name === 'watch' || name === 'force' ? 'boolean' : 'string', uniqueItems: true } };
}

/** A short content hash for the index's URLs (kubectl caches each document by it). */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b1;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).toUpperCase().repeat(8);
}

export function openApiV3Index(registry: TypeRegistry): unknown {
  return documents(registry).index;
}

export function openApiV3Document(registry: TypeRegistry, groupVersion: string): unknown | undefined {
  return documents(registry).docs.get(groupVersion.replace(/\?.*$/, ''));
}

/**
 * `/openapi/v2`, as kubectl fetches it (gnostic's protobuf Document): only `swagger` and `info`,
 * no definitions. kubectl falls back to it to validate a kind the v3 documents do not describe,
 * and skips validation for a kind it has no schema for — so a manifest of a kind this cluster
 * does not serve reaches the "no matches for kind" a real cluster's users see, instead of
 * "failed to download openapi".
 */
export function openApiV2Protobuf(): Uint8Array {
  const text = (field: number, value: string) => {
    const bytes = new TextEncoder().encode(value);
    return [(field << 3) | 2, bytes.length, ...bytes];
  };
  const info = [...text(1, 'Kubernetes'), ...text(2, KUBERNETES_VERSION)];
  return new Uint8Array([...text(1, '2.0'), (2 << 3) | 2, info.length, ...info]);
}

export const OPENAPI_V2_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
