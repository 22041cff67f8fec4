/**
 * What the API server does to a custom object with its CRD's structural schema
 * (apiextensions-apiserver pkg/apiserver/schema): pruning of fields the schema does not
 * specify, defaulting from `default:`, then validation with kube-openapi's validator, whose
 * messages ("spec.size in body must be of type integer: \"string\"") the API server wraps
 * into field errors (validation.kubeOpenAPIResultToFieldErrors).
 */
import type { KObject } from '../types';
import type { JSONSchemaProps } from '../registry';
import type { StatusCause } from '../errors';
import { invalidValue, required, tooLong, unsupported } from '../validation/common';
import { deepEqual } from '../../util/equal';

type Json = unknown;
type Obj = Record<string, Json>;

const isObject = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const preserves = (s: JSONSchemaProps) => s['x-kubernetes-preserve-unknown-fields'] === true;

/** The fields at the root every object keeps, whatever its schema says. */
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * structuralpruning.Prune: fields the schema does not specify are dropped (unless
 * x-kubernetes-preserve-unknown-fields), and so are nulls where the schema is not nullable.
 * `unknown` lists the dropped fields as strict decoding names them (`spec.colour`).
 */
export function pruneCustomResource(schema: JSONSchemaProps | undefined, obj: KObject): { obj: KObject; unknown: string[] } {
  const unknown: string[] = [];
  if (!schema) return { obj, unknown };
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) {
    if (ROOT_FIELDS.has(k)) out[k] = v;
    else {
      const sub = schema.properties?.[k];
      if (!sub && !preserves(schema)) unknown.push(k);
      else if (v === null && !(sub ?? schema).nullable && sub) continue;
      else out[k] = sub ? prune(v, sub, k, unknown) : v;
    }
  }
  return { obj: out as KObject, unknown };
}

function prune(value: Json, s: JSONSchemaProps, path: string, unknown: string[]): Json {
  if (Array.isArray(value)) {
    if (!s.items) return value;
    return value.map((v, i) => prune(v, s.items!, `${path}[${i}]`, unknown));
  }
  if (!isObject(value)) return value;
  if (s['x-kubernetes-embedded-resource'] && preserves(s)) return value;
  const out: Obj = {};
  const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  for (const [k, v] of Object.entries(value)) {
    const sub = s.properties?.[k] ?? additional;
    if (s['x-kubernetes-embedded-resource'] && ROOT_FIELDS.has(k)) out[k] = v;
    else if (sub) {
      if (v === null && !sub.nullable) continue;
      out[k] = prune(v, sub, `${path}.${k}`, unknown);
    } else if (preserves(s) || s.additionalProperties === true) out[k] = v;
    else unknown.push(`${path}.${k}`);
  }
  return out;
}

/** structuraldefaulting.Default: each absent field with a `default` gets it (a copy), at every level present. */
export function defaultCustomResource(schema: JSONSchemaProps | undefined, obj: KObject): KObject {
  if (!schema) return obj;
  return applyDefaults(obj, schema, true) as KObject;
}

function applyDefaults(value: Json, s: JSONSchemaProps, root = false): Json {
  if (Array.isArray(value)) return s.items ? value.map((v) => applyDefaults(v, s.items!)) : value;
  if (!isObject(value)) return value;
  let out: Obj | undefined;
  for (const [k, sub] of Object.entries(s.properties ?? {})) {
    if (root && ROOT_FIELDS.has(k)) continue;
    const present = Object.hasOwn(value, k) && value[k] !== null;
    if (!present && sub.default !== undefined) (out ??= { ...value })[k] = structuredClone(sub.default);
    const cur = (out ?? value)[k];
    if (cur !== undefined) {
      const d = applyDefaults(cur, sub);
      if (d !== cur) (out ??= { ...value })[k] = d;
    }
  }
  const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  if (additional) {
    for (const [k, v] of Object.entries(out ?? value)) {
      if (s.properties?.[k]) continue;
      const d = applyDefaults(v, additional);
      if (d !== v) (out ??= { ...value })[k] = d;
    }
  }
  return out ?? value;
}

/** The JSON type kube-openapi infers for a decoded value (integral numbers decode as int64). */
function jsonType(v: Json): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Schema validation of a custom object, every field error as the API server words it. */
export function validateCustomResource(schema: JSONSchemaProps | undefined, obj: KObject): StatusCause[] {
  const errs: StatusCause[] = [];
  if (!schema) return errs;
  const rootSchema: JSONSchemaProps = { ...schema, properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => k !== 'metadata')) };
  validate(obj, rootSchema, '', errs);
  return errs;
}

/** Validates only the status of an object (the /status subresource's update). */
export function validateCustomResourceStatus(schema: JSONSchemaProps | undefined, obj: KObject): StatusCause[] {
  const errs: StatusCause[] = [];
  const s = schema?.properties?.status;
  if (s && obj.status !== undefined) validate(obj.status, s, 'status', errs);
  return errs;
}

const fieldPath = (path: string) => path.replace(/^\./, '') || '<nil>';
const IN = 'body';

function validate(v: Json, s: JSONSchemaProps, path: string, errs: StatusCause[]): void {
  const field = fieldPath(path);
  const name = path;
  const types = s['x-kubernetes-int-or-string'] ? ['integer', 'string'] : s.type ? [s.type] : [];
  if (v === null || v === undefined) {
    if (types.length && !s.nullable) errs.push({ field, message: `Invalid value: "null": ${name} in ${IN} must be of type ${types.join(',')}: "null"` });
    return;
  }
  const t = jsonType(v);
  if (types.length && !(types.includes(t) || (t === 'integer' && types.includes('number')))) {
    errs.push({ field, message: `Invalid value: ${JSON.stringify(t)}: ${name} in ${IN} must be of type ${types.join(',')}: ${JSON.stringify(t)}` });
    return;
  }
  if (typeof v === 'string') {
    const runes = [...v].length;
    if (s.maxLength !== undefined && runes > s.maxLength) errs.push(tooLong(field, v, s.maxLength));
    if (s.minLength !== undefined && runes < s.minLength) errs.push(invalidValue(field, v, `${name} in ${IN} should be at least ${s.minLength} chars long`));
    if (s.pattern !== undefined && !patternMatches(s.pattern, v)) errs.push(invalidValue(field, v, `${name} in ${IN} should match '${s.pattern}'`));
  }
  if (typeof v === 'number') {
    if (s.multipleOf !== undefined && !Number.isInteger(v / s.multipleOf)) errs.push(invalidValue(field, v, `${name} in ${IN} should be a multiple of ${goNumber(s.multipleOf)}`));
    if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) errs.push(invalidValue(field, v, `${name} in ${IN} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${goNumber(s.maximum)}`));
    if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) errs.push(invalidValue(field, v, `${name} in ${IN} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${goNumber(s.minimum)}`));
  }
  if (Array.isArray(v)) {
    if (s.items) v.forEach((item, i) => validate(item, s.items!, `${path}[${i}]`, errs));
    if (s.minItems !== undefined && v.length < s.minItems) errs.push(invalidValue(field, v.length, `${name} in ${IN} should have at least ${s.minItems} items`));
    if (s.maxItems !== undefined && v.length > s.maxItems) errs.push({ field, message: `Too many: ${v.length}: must have at most ${s.maxItems} ${s.maxItems === 1 ? 'item' : 'items'}` });
    if (s.uniqueItems && v.some((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i)) errs.push(invalidValue(field, '', `${name} in ${IN} shouldn't contain duplicates`));
  }
  if (s.enum && !s.enum.some((e) => deepEqual(e, v))) {
    // Non-string values are listed as their JSON, each quoted (field.NotSupported's %q).
    errs.push(unsupported(field, v, s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))));
  }
  if (isObject(v)) {
    const keys = Object.keys(v).length;
    if (s.minProperties !== undefined && keys < s.minProperties) return void errs.push(invalidValue(field, keys, `${name} in ${IN} should have at least ${s.minProperties} properties`));
    if (s.maxProperties !== undefined && keys > s.maxProperties) return void errs.push({ field, message: `Too many: ${keys}: must have at most ${s.maxProperties} ${s.maxProperties === 1 ? 'item' : 'items'}` });
    const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
    if (additional) for (const [k, x] of Object.entries(v)) if (!s.properties?.[k]) validate(x, additional, `${path}.${k}`, errs);
    // kube-openapi walks a Go map (no set order): properties go in name order here.
    for (const k of Object.keys(s.properties ?? {}).sort()) if (Object.hasOwn(v, k)) validate(v[k], s.properties![k]!, path ? `${path}.${k}` : k, errs);
    for (const k of s.required ?? []) if (!Object.hasOwn(v, k)) errs.push(required(fieldPath(`${path}.${k}`)));
  }
}

/** Go's %v of a float64 bound (10, 1.5, 1e+21). */
function goNumber(n: number): string {
  const s = String(n);
  return s.includes('e+') || s.includes('e-') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

/** ECMA-262 patterns, as the API server evaluates them (unanchored unless the pattern anchors). */
function patternMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** Strict decoding of a custom object (fieldValidation=Strict): the fields pruning would drop, in the server's words. */
export function strictCustomResourceError(type: { custom?: { schema: JSONSchemaProps | undefined } }, obj: KObject): string | undefined {
  const { unknown } = pruneCustomResource(type.custom?.schema, obj);
  return unknown.length ? `strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(', ')}` : undefined;
}
