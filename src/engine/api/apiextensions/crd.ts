/**
 * CustomResourceDefinition (apiextensions.k8s.io/v1) in the API server: its defaulting
 * (pkg/apis/apiextensions/v1/defaults.go), its validation (pkg/apis/apiextensions/validation,
 * with the structural-schema rules v1 requires) and the resource types it serves once
 * Established.
 */
import type { KObject } from '../types';
import type { StatusCause } from '../errors';
import type { JSONSchemaProps, PrinterColumn, ResourceType } from '../registry';
import { dns1035LabelErrors, dns1123SubdomainErrors, invalidValue, required, unsupported } from '../validation/common';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: JSONSchemaProps };
  subresources?: { status?: object; scale?: object };
  additionalPrinterColumns?: PrinterColumn[];
}

export interface CrdCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export const versionsOf = (crd: KObject): CrdVersion[] => (Array.isArray(crd.spec?.versions) ? crd.spec.versions : []);

export function crdCondition(crd: KObject, type: string): CrdCondition | undefined {
  return ((crd.status?.conditions ?? []) as CrdCondition[]).find((c) => c.type === type);
}

export const isEstablished = (crd: KObject) => crdCondition(crd, 'Established')?.status === 'True';

/** SetDefaults_CustomResourceDefinitionSpec, and the status a new CRD starts with (PrepareForCreate). */
export function defaultCustomResourceDefinition(crd: KObject, creating: boolean): KObject {
  const spec: Any = { ...(crd.spec ?? {}) };
  if (spec.names && typeof spec.names === 'object') {
    const names = { ...spec.names };
    if (!names.singular && typeof names.kind === 'string') names.singular = names.kind.toLowerCase();
    if (!names.listKind && typeof names.kind === 'string' && names.kind) names.listKind = `${names.kind}List`;
    spec.names = names;
  }
  spec.conversion ??= { strategy: 'None' };
  const out: KObject = { ...crd, spec };
  if (creating) {
    const storage = versionsOf(out).find((v) => v.storage)?.name;
    out.status = { acceptedNames: { kind: '', plural: '' }, storedVersions: storage ? [storage] : [] };
  }
  return out;
}

/** PrepareForUpdate: a new storage version joins status.storedVersions (objects may now be stored at it). */
export function recordStoredVersion(crd: KObject): KObject {
  const storage = versionsOf(crd).find((v) => v.storage)?.name;
  const stored: string[] = crd.status?.storedVersions ?? [];
  if (!storage || stored.includes(storage)) return crd;
  return { ...crd, status: { ...crd.status, storedVersions: [...stored, storage] } };
}

/** ValidateCustomResourceDefinition (v1: every version needs a structural schema). */
export function validateCustomResourceDefinition(crd: KObject): StatusCause[] {
  const errs: StatusCause[] = [];
  const spec: Any = crd.spec ?? {};
  const names: Any = spec.names ?? {};
  const name = crd.metadata.name ?? '';
  if (name && dns1123SubdomainErrors(name).length === 0 && name !== `${names.plural ?? ''}.${spec.group ?? ''}`) {
    errs.push(invalidValue('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  const group: string = spec.group ?? '';
  if (!group) errs.push(required('spec.group'));
  else if (dns1123SubdomainErrors(group).length) errs.push(invalidValue('spec.group', group, dns1123SubdomainErrors(group).join(',')));
  else if (group.split('.').length < 2) errs.push(invalidValue('spec.group', group, 'should be a domain with at least one dot'));
  if (!spec.scope) errs.push(required('spec.scope'));
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.push(unsupported('spec.scope', spec.scope, ['Cluster', 'Namespaced']));

  const versions = versionsOf(crd);
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    const path = `spec.versions[${i}]`;
    if (seen.has(v.name)) unique = false;
    seen.add(v.name);
    const nameErrs = dns1035LabelErrors(v.name ?? '');
    if (nameErrs.length) errs.push(invalidValue(`${path}.name`, v.name ?? '', nameErrs.join(',')));
    const schema = v.schema?.openAPIV3Schema;
    if (!schema) errs.push(required(`${path}.schema.openAPIV3Schema`, 'schemas are required'));
    else validateStructural(schema, `${path}.schema.openAPIV3Schema`, 'root', errs);
    (v.additionalPrinterColumns ?? []).forEach((c, j) => validatePrinterColumn(c, `${path}.additionalPrinterColumns[${j}]`, errs));
  });
  // The API server prints the whole versions list here (Go's %#v); its summary stands in for it.
  const summary = `[]apiextensions.CustomResourceDefinitionVersion{${versions.map((v) => `apiextensions.CustomResourceDefinitionVersion{Name:${JSON.stringify(v.name ?? '')}, Served:${!!v.served}, Storage:${!!v.storage}, ...}`).join(', ')}}`;
  if (!unique) errs.push({ field: 'spec.versions', message: `Invalid value: ${summary}: must contain unique version names` });
  if (versions.filter((v) => v.storage).length !== 1) errs.push({ field: 'spec.versions', message: `Invalid value: ${summary}: must have exactly one version marked as storage version` });

  if (!names.plural) errs.push(required('spec.names.plural'));
  else if (dns1035LabelErrors(names.plural).length) errs.push(invalidValue('spec.names.plural', names.plural, dns1035LabelErrors(names.plural).join(',')));
  if (names.singular && dns1035LabelErrors(names.singular).length) errs.push(invalidValue('spec.names.singular', names.singular, dns1035LabelErrors(names.singular).join(',')));
  if (!names.kind) errs.push(required('spec.names.kind'));
  else if (dns1035LabelErrors(String(names.kind).toLowerCase()).length) errs.push(invalidValue('spec.names.kind', names.kind, `may have mixed case, but should otherwise match: ${dns1035LabelErrors(String(names.kind).toLowerCase()).join(',')}`));
  if (!names.listKind) errs.push(required('spec.names.listKind'));
  else if (names.kind && names.kind === names.listKind) errs.push(invalidValue('spec.names.listKind', names.listKind, 'kind and listKind may not be the same'));
  ((names.shortNames ?? []) as string[]).forEach((s, i) => {
    if (dns1035LabelErrors(s).length) errs.push(invalidValue(`spec.names.shortNames[${i}]`, s, dns1035LabelErrors(s).join(',')));
  });
  ((names.categories ?? []) as string[]).forEach((s, i) => {
    if (dns1035LabelErrors(s).length) errs.push(invalidValue(`spec.names.categories[${i}]`, s, dns1035LabelErrors(s).join(',')));
  });
  return errs;
}

const COLUMN_TYPES = ['integer', 'number', 'string', 'boolean', 'date'];

function validatePrinterColumn(c: PrinterColumn, path: string, errs: StatusCause[]): void {
  if (!c.name) errs.push(required(`${path}.name`));
  if (!c.type) errs.push(required(`${path}.type`));
  else if (!COLUMN_TYPES.includes(c.type)) errs.push(unsupported(`${path}.type`, c.type, COLUMN_TYPES));
  if (!c.jsonPath) errs.push(required(`${path}.jsonPath`));
}

const SCHEMA_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

/** The structural-schema rules (apiextensions-apiserver pkg/apiserver/schema/validation.go), the common ones. */
function validateStructural(s: JSONSchemaProps, path: string, at: 'root' | 'field' | 'items', errs: StatusCause[]): void {
  if (at === 'root' && s.type && s.type !== 'object') errs.push(invalidValue(`${path}.type`, s.type, 'must be object at the root'));
  if (!s.type && !s['x-kubernetes-int-or-string'] && !(s['x-kubernetes-preserve-unknown-fields'] && at !== 'root')) {
    const detail = at === 'root' ? 'must not be empty at the root' : at === 'items' ? 'must not be empty for specified array items' : 'must not be empty for specified object fields';
    errs.push(required(`${path}.type`, detail));
  } else if (s.type && !SCHEMA_TYPES.includes(s.type)) errs.push(unsupported(`${path}.type`, s.type, SCHEMA_TYPES));
  for (const [k, sub] of Object.entries(s.properties ?? {})) validateStructural(sub, `${path}.properties[${k}]`, 'field', errs);
  if (s.type === 'array' && !s.items) errs.push(required(`${path}.items`, 'must be specified'));
  if (s.items) validateStructural(s.items, `${path}.items`, 'items', errs);
  if (typeof s.additionalProperties === 'object') {
    if (s.properties && Object.keys(s.properties).length) errs.push({ field: `${path}.additionalProperties`, message: 'Forbidden: additionalProperties and properties are mutual exclusive' });
    validateStructural(s.additionalProperties, `${path}.additionalProperties`, 'field', errs);
  }
}

/** Kubernetes' version priority (v1 > v1beta2 > v1beta1 > v1alpha1 > anything else, alphabetically). */
export function compareKubeVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0] as const;
    return [m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3, Number(m[1]), Number(m[3] ?? 0)] as const;
  };
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pb[i]! - pa[i]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

const VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** The types an Established CRD serves: one per served version, the preferred (highest priority) first. */
export function servedTypesOf(crd: KObject): ResourceType[] {
  const spec: Any = crd.spec ?? {};
  const names: Any = crd.status?.acceptedNames?.plural ? crd.status.acceptedNames : (spec.names ?? {});
  const versions = versionsOf(crd)
    .filter((v) => v.served)
    .sort((a, b) => compareKubeVersions(a.name, b.name));
  const storageVersion = versionsOf(crd).find((v) => v.storage)?.name ?? versions[0]?.name ?? '';
  return versions.map((v) => ({
    kind: names.kind,
    resource: names.plural,
    singular: names.singular ?? String(names.kind).toLowerCase(),
    shortNames: names.shortNames ?? [],
    group: spec.group,
    version: v.name,
    namespaced: spec.scope === 'Namespaced',
    categories: names.categories ?? [],
    verbs: VERBS,
    custom: {
      crd: crd.metadata.name!,
      listKind: names.listKind ?? `${names.kind}List`,
      schema: v.schema?.openAPIV3Schema,
      printerColumns: v.additionalPrinterColumns ?? [],
      statusSubresource: !!v.subresources?.status,
      storageVersion,
    },
  }));
}
