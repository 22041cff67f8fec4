/**
 * Field validation helpers with apimachinery's exact wording
 * (k8s.io/apimachinery/pkg/util/validation and .../field/errors.go).
 */
import type { StatusCause } from '../errors';

export type Errs = StatusCause[];

const dns1123LabelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1035LabelRe = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const qualifiedNamePartRe = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const configKeyRe = /^[-._a-zA-Z0-9]+$/;

/** Go's %#v for the values validation quotes. */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.every(([, x]) => typeof x === 'string')) {
      return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
    }
  }
  return JSON.stringify(v);
}

export const required = (field: string, detail?: string): StatusCause => ({ field, message: detail ? `Required value: ${detail}` : 'Required value' });
export const invalidValue = (field: string, value: unknown, detail: string): StatusCause => ({ field, message: `Invalid value: ${goValue(value)}: ${detail}` });
export const unsupported = (field: string, value: unknown, supported: string[]): StatusCause => ({
  field,
  message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});
export const duplicate = (field: string, value: unknown): StatusCause => ({ field, message: `Duplicate value: ${goValue(value)}` });
export const forbiddenField = (field: string, detail: string): StatusCause => ({ field, message: `Forbidden: ${detail}` });
export const tooLong = (field: string, value: unknown, max: number): StatusCause => ({
  field,
  message: `Too long: may not be more than ${max} bytes`,
});

export function dns1123SubdomainErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 253) out.push('must be no more than 253 characters');
  if (!dns1123SubdomainRe.test(value)) {
    out.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  }
  return out;
}

export function dns1123LabelErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!dns1123LabelRe.test(value)) {
    out.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return out;
}

export function dns1035LabelErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!dns1035LabelRe.test(value)) {
    out.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return out;
}

export function labelValueErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!labelValueRe.test(value)) {
    out.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return out;
}

/** A qualified name such as a label key: optional DNS subdomain prefix, then a name part. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const out: string[] = [];
  if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else for (const e of dns1123SubdomainErrors(prefix)) out.push(`prefix part ${e}`);
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else if (name.length > 63) out.push('name part must be no more than 63 characters');
  if (name.length > 0 && !qualifiedNamePartRe.test(name)) {
    out.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  }
  return out;
}

export function configKeyErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 253) out.push('must be no more than 253 characters');
  if (!configKeyRe.test(value)) {
    out.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (value === '.' || value === '..') out.push(`must not be '${value}'`);
  else if (value.startsWith('..')) out.push("must not start with '..'");
  return out;
}

export function validateLabels(labels: unknown, field: string, errs: Errs): void {
  if (labels === undefined || labels === null) return;
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const e of qualifiedNameErrors(k)) errs.push(invalidValue(field, k, e));
    for (const e of labelValueErrors(String(v))) errs.push(invalidValue(field, v, e));
  }
}

export function validateAnnotations(annotations: unknown, field: string, errs: Errs): void {
  if (!annotations) return;
  let total = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const e of qualifiedNameErrors(k.toLowerCase())) errs.push(invalidValue(field, k, e));
    total += k.length + String(v).length;
  }
  // apimachinery TotalAnnotationSizeLimitB
  if (total > 256 * 1024) errs.push(tooLong(field, '', 256 * 1024));
}

export function nonNegative(v: unknown, field: string, errs: Errs): void {
  if (typeof v === 'number' && v < 0) errs.push(invalidValue(field, v, 'must be greater than or equal to 0'));
}
