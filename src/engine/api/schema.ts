/**
 * The API schema of the served kinds (generated from the Kubernetes OpenAPI definitions, see
 * scripts/generate-schemas.ts), and strict decoding with it: unknown fields and wrong types
 * are refused with the API server's own wording, so a typo such as `replica:` fails loudly
 * instead of being ignored.
 */
import definitions from '../openapi/definitions.json';
import type { KObject } from './types';
import type { FieldDef, TypeDef } from '../openapi/types';
import { canonicalQuantity } from './quantity';

export type { FieldDef, TypeDef };

const defs = (definitions as unknown as { definitions: Record<string, TypeDef> }).definitions;

const GROUP_MODULE: Record<string, string> = {
  '': 'core',
  apps: 'apps',
  batch: 'batch',
  autoscaling: 'autoscaling',
  'coordination.k8s.io': 'coordination',
  'networking.k8s.io': 'networking',
  'storage.k8s.io': 'storage',
  'discovery.k8s.io': 'discovery',
  policy: 'policy',
  'rbac.authorization.k8s.io': 'rbac',
  'scheduling.k8s.io': 'scheduling',
};

/** The definition key of a kind at an apiVersion, e.g. `apps/v1.Deployment`. */
export function definitionKey(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const mod = GROUP_MODULE[group];
  if (!mod) return undefined;
  const key = `${mod}/${version}.${kind}`;
  return defs[key] ? key : undefined;
}

/**
 * The descriptions of the scalar types fields refer to, as the served OpenAPI documents carry
 * them and `kubectl explain` prints them after a field's own (IntOrString and Time as the API
 * server's; Quantity's first paragraph only).
 */
export const SCALAR_TYPE_DESCRIPTIONS: Record<'int-or-string' | 'quantity' | 'time', string> = {
  'int-or-string': 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  quantity: 'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.',
  time: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.',
};

export function typeDef(key: string): TypeDef | undefined {
  return defs[key];
}

/**
 * Integer fields the Go types declare int64 (the definitions say only "integer"); every other
 * integer field of the served kinds is an int32.
 */
const INT64_FIELDS = new Set([
  'activeDeadlineSeconds',
  'terminationGracePeriodSeconds',
  'startingDeadlineSeconds',
  'tolerationSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'supplementalGroups',
  'expirationSeconds',
  'generation',
  'observedGeneration',
  'deletionGracePeriodSeconds',
]);

function intBits(goPath: string): 32 | 64 {
  return INT64_FIELDS.has(goPath.slice(goPath.lastIndexOf('.') + 1)) ? 64 : 32;
}

/** Go's strconv formatting of a JSON number as encoding/json quotes it (1e+300, 2147483648). */
function goNumber(v: number): string {
  return String(v);
}

function goTypeName(f: FieldDef, goPath = ''): string {
  switch (f.type) {
    case 'integer':
      return intBits(goPath) === 64 ? 'int64' : 'int32';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'array':
      return `[]${f.items ? goTypeName(f.items, goPath) : 'interface {}'}`;
    case 'map':
      return `map[string]${f.items ? goTypeName(f.items, goPath) : 'interface {}'}`;
    case 'object':
      return `v1.${f.ref?.split('.').pop()}`;
    default:
      return 'string';
  }
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return `number ${v}`;
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

class Walker {
  unknown: string[] = [];
  typeError?: string;

  check(value: unknown, f: FieldDef, path: string, goPath: string, struct: string): void {
    if (value === null || value === undefined || this.typeError) return;
    const mismatch = (expected: FieldDef) => {
      const got = jsonKind(value).replace(/^number .*/, typeof value === 'number' && !Number.isInteger(value) ? `number ${value}` : 'number');
      this.typeError ??= `json: cannot unmarshal ${got} into Go struct field ${struct}.${goPath} of type ${goTypeName(expected, goPath)}`;
    };
    switch (f.type) {
      case 'string':
      case 'time':
        if (typeof value !== 'string') mismatch(f);
        return;
      case 'integer': {
        if (typeof value !== 'number' || !Number.isInteger(value)) return mismatch(f);
        // A number that does not fit the Go type: "cannot unmarshal number 2147483648 …".
        const limit = intBits(goPath) === 64 ? 2 ** 63 : 2 ** 31;
        if (value >= limit || value < -limit) this.typeError ??= `json: cannot unmarshal number ${goNumber(value)} into Go struct field ${struct}.${goPath} of type ${goTypeName(f, goPath)}`;
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') mismatch(f);
        return;
      case 'int-or-string':
      case 'quantity':
        if (typeof value !== 'number' && typeof value !== 'string') {
          this.typeError ??= `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${goPath} of type ${f.type === 'quantity' ? 'resource.Quantity' : 'intstr.IntOrString'}`;
        }
        return;
      case 'array':
        if (!Array.isArray(value)) return mismatch(f);
        value.forEach((v, i) => this.check(v, f.items!, `${path}[${i}]`, goPath, struct));
        return;
      case 'map':
        if (typeof value !== 'object' || Array.isArray(value)) return mismatch(f);
        for (const [k, v] of Object.entries(value as object)) this.check(v, f.items!, `${path}.${k}`, goPath, struct);
        return;
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) return mismatch(f);
        const def = f.ref ? defs[f.ref] : undefined;
        if (!def || Object.keys(def.fields).length === 0) return;
        const name = f.ref!.split('.').pop()!;
        for (const [k, v] of Object.entries(value as object)) {
          const sub = def.fields[k];
          const p = path ? `${path}.${k}` : k;
          if (!sub) {
            this.unknown.push(p);
            continue;
          }
          this.check(v, sub, p, goPath ? `${goPath}.${k}` : k, name);
        }
        return;
      }
      default:
        return;
    }
  }
}

/** Strict decoding of a manifest: undefined when it decodes, else the API server's message. */
export function checkSchema(obj: KObject): string | undefined {
  const key = definitionKey(obj.apiVersion, obj.kind);
  if (!key) return undefined;
  const w = new Walker();
  w.check(obj, { type: 'object', ref: key }, '', '', obj.kind);
  if (w.typeError) return w.typeError;
  if (w.unknown.length) return `strict decoding error: ${w.unknown.map((u) => `unknown field "${u}"`).join(', ')}`;
  return undefined;
}

/**
 * Decoding with fieldValidation=Warn (the server's default when a request names none, as
 * `kubectl patch` does): unknown fields are dropped and reported as warnings; a wrong type still
 * fails the request.
 */
export function decodeWithWarnings(obj: KObject): { obj: KObject; unknown: string[]; typeError?: string } {
  const key = definitionKey(obj.apiVersion, obj.kind);
  if (!key) return { obj, unknown: [] };
  const w = new Walker();
  w.check(obj, { type: 'object', ref: key }, '', '', obj.kind);
  if (w.typeError || !w.unknown.length) return { obj, unknown: w.unknown, typeError: w.typeError };
  const copy = JSON.parse(JSON.stringify(obj)) as KObject;
  for (const path of w.unknown) {
    const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let cur: unknown = copy;
    for (const part of parts.slice(0, -1)) cur = (cur as Record<string, unknown> | undefined)?.[part];
    if (cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[parts[parts.length - 1]];
  }
  return { obj: copy, unknown: w.unknown };
}

/**
 * Every resource.Quantity field rewritten as the API server stores it (`cpu: 0.5` → `500m`,
 * `memory: 1024Mi` → `1Gi`), found through the schema so no kind's fields are missed. Objects
 * are copied only along the paths that change; text that is not a quantity is left for
 * validation to refuse.
 */
export function canonicalizeQuantities(obj: KObject): KObject {
  const key = definitionKey(obj.apiVersion, obj.kind);
  if (!key) return obj;
  return canonical(obj, { type: 'object', ref: key }) as KObject;
}

function canonical(value: unknown, f: FieldDef): unknown {
  if (value === null || value === undefined) return value;
  switch (f.type) {
    case 'quantity': {
      if (typeof value !== 'string' && typeof value !== 'number') return value;
      return canonicalQuantity(value) ?? value;
    }
    case 'array': {
      if (!Array.isArray(value) || !f.items) return value;
      let out: unknown[] | undefined;
      value.forEach((v, i) => {
        const c = canonical(v, f.items!);
        if (c !== v) (out ??= [...value])[i] = c;
      });
      return out ?? value;
    }
    case 'map':
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const def = f.type === 'object' && f.ref ? defs[f.ref] : undefined;
      if (f.type === 'object' && (!def || Object.keys(def.fields).length === 0)) return value;
      let out: Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = f.type === 'map' ? f.items : def!.fields[k];
        if (!sub || !Object.hasOwn(value, k)) continue;
        const c = canonical(v, sub);
        if (c !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = c;
      }
      return out ?? value;
    }
    default:
      return value;
  }
}
