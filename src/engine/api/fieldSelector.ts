/**
 * Field selectors (`?fieldSelector=spec.nodeName=worker-1`, `kubectl get --field-selector`):
 * `=`, `==` and `!=` over the few fields each resource's registry exposes (its GetAttrs and
 * field label conversion functions) — every type has metadata.name and metadata.namespace.
 * kubectl's `delete` waits by watching `metadata.name=…`, `describe` filters events on
 * `involvedObject.*` and pods on `spec.nodeName`.
 */
import type { KObject } from './types';

/** The field labels each resource's API accepts beyond metadata.name/namespace. */
export const FIELD_LABELS: Record<string, string[]> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  events: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  secrets: ['type'],
  services: ['spec.clusterIP', 'spec.type'],
  replicasets: ['status.replicas'],
  replicationcontrollers: ['status.replicas'],
  jobs: ['status.successful'],
};

export interface FieldRequirement {
  path: string;
  negated: boolean;
  value: string;
}

export class FieldSelectorError extends Error {}

/** Parses `a=b,c!=d`; throws FieldSelectorError with the server's wording. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text.trim()) return [];
  return text.split(',').map((part) => {
    const m = /^\s*([a-zA-Z0-9.]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], negated: m[2] === '!=', value: m[3] };
  });
}

/** The first requirement `resource` does not support, if any. */
export function unsupportedField(resource: string, reqs: FieldRequirement[]): string | undefined {
  return reqs.find((r) => r.path !== 'metadata.name' && r.path !== 'metadata.namespace' && !FIELD_LABELS[resource]?.includes(r.path))?.path;
}

function fieldValue(obj: KObject, path: string): string {
  // An event's `source` field is its reporting component (events' field label conversion).
  if (path === 'source') return String((obj as { source?: { component?: string } }).source?.component ?? '');
  if (path === 'status.podIPs') return String(obj.status?.podIPs?.[0]?.ip ?? obj.status?.podIP ?? '');
  // The registry fills these from typed fields, so an unset one reads as its zero value.
  if (path === 'status.successful') return String(obj.status?.succeeded ?? 0);
  if (path === 'status.replicas') return String(obj.status?.replicas ?? 0);
  if (path === 'spec.unschedulable' || path === 'spec.hostNetwork') return String(path === 'spec.unschedulable' ? !!obj.spec?.unschedulable : !!obj.spec?.hostNetwork);
  let v: unknown = obj;
  for (const step of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[step] : undefined;
  // Booleans and numbers compare as the strings the registry's field set holds ("true", "3").
  return v === undefined || v === null ? '' : String(v);
}

export function fieldsMatch(reqs: FieldRequirement[], obj: KObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.path) === r.value) !== r.negated);
}
