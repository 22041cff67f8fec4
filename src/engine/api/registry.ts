/**
 * The resource types this API server serves (its discovery document). kubectl resolves
 * names, short names and kinds through it; anything absent is answered as a real server
 * answers an unknown type.
 */
export interface ResourceType {
  kind: string;
  /** Plural resource name, as in URLs and `kubectl get <plural>`. */
  resource: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
  /** `kubectl get all` includes types in the "all" category. */
  categories: string[];
  verbs: string[];
  /** Set on the types a CustomResourceDefinition serves (./apiextensions). */
  custom?: CustomResourceInfo;
}

/** What serving a custom resource version needs from its CustomResourceDefinition. */
export interface CustomResourceInfo {
  /** The CRD's name (`widgets.example.com`). */
  crd: string;
  listKind: string;
  /** This version's openAPIV3Schema (structural). */
  schema: JSONSchemaProps | undefined;
  printerColumns: PrinterColumn[];
  statusSubresource: boolean;
  /** The version objects are stored at. */
  storageVersion: string;
}

/** apiextensions.k8s.io/v1 JSONSchemaProps, the part served here. */
export interface JSONSchemaProps {
  type?: string;
  description?: string;
  format?: string;
  properties?: Record<string, JSONSchemaProps>;
  items?: JSONSchemaProps;
  additionalProperties?: JSONSchemaProps | boolean;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

const rw = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function rt(kind: string, resource: string, group: string, version: string, namespaced: boolean, shortNames: string[] = [], categories: string[] = []): ResourceType {
  return { kind, resource, singular: kind.toLowerCase(), shortNames, group, version, namespaced, categories, verbs: rw };
}

/** In discovery order: the core group first, then named groups, as `kubectl api-resources` prints. */
export const RESOURCE_TYPES: ResourceType[] = [
  { ...rt('Binding', 'bindings', '', 'v1', true), verbs: ['create'] },
  rt('ConfigMap', 'configmaps', '', 'v1', true, ['cm']),
  rt('Endpoints', 'endpoints', '', 'v1', true, ['ep']),
  rt('Event', 'events', '', 'v1', true, ['ev']),
  rt('LimitRange', 'limitranges', '', 'v1', true, ['limits']),
  rt('Namespace', 'namespaces', '', 'v1', false, ['ns']),
  rt('Node', 'nodes', '', 'v1', false, ['no']),
  rt('PersistentVolumeClaim', 'persistentvolumeclaims', '', 'v1', true, ['pvc']),
  rt('PersistentVolume', 'persistentvolumes', '', 'v1', false, ['pv']),
  rt('Pod', 'pods', '', 'v1', true, ['po'], ['all']),
  rt('ReplicationController', 'replicationcontrollers', '', 'v1', true, ['rc'], ['all']),
  rt('ResourceQuota', 'resourcequotas', '', 'v1', true, ['quota']),
  rt('Secret', 'secrets', '', 'v1', true),
  rt('ServiceAccount', 'serviceaccounts', '', 'v1', true, ['sa']),
  rt('Service', 'services', '', 'v1', true, ['svc'], ['all']),
  rt('CustomResourceDefinition', 'customresourcedefinitions', 'apiextensions.k8s.io', 'v1', false, ['crd', 'crds'], ['api-extensions']),
  rt('DaemonSet', 'daemonsets', 'apps', 'v1', true, ['ds'], ['all']),
  rt('Deployment', 'deployments', 'apps', 'v1', true, ['deploy'], ['all']),
  rt('ReplicaSet', 'replicasets', 'apps', 'v1', true, ['rs'], ['all']),
  rt('StatefulSet', 'statefulsets', 'apps', 'v1', true, ['sts'], ['all']),
  rt('HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'autoscaling', 'v2', true, ['hpa'], ['all']),
  rt('CronJob', 'cronjobs', 'batch', 'v1', true, ['cj'], ['all']),
  rt('Job', 'jobs', 'batch', 'v1', true, [], ['all']),
  rt('Lease', 'leases', 'coordination.k8s.io', 'v1', true),
  rt('EndpointSlice', 'endpointslices', 'discovery.k8s.io', 'v1', true),
  rt('IngressClass', 'ingressclasses', 'networking.k8s.io', 'v1', false),
  rt('Ingress', 'ingresses', 'networking.k8s.io', 'v1', true, ['ing']),
  rt('NetworkPolicy', 'networkpolicies', 'networking.k8s.io', 'v1', true, ['netpol']),
  rt('PodDisruptionBudget', 'poddisruptionbudgets', 'policy', 'v1', true, ['pdb']),
  rt('ClusterRoleBinding', 'clusterrolebindings', 'rbac.authorization.k8s.io', 'v1', false),
  rt('ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io', 'v1', false),
  rt('RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io', 'v1', true),
  rt('Role', 'roles', 'rbac.authorization.k8s.io', 'v1', true),
  rt('PriorityClass', 'priorityclasses', 'scheduling.k8s.io', 'v1', false, ['pc']),
  rt('StorageClass', 'storageclasses', 'storage.k8s.io', 'v1', false, ['sc']),
  rt('VolumeAttachment', 'volumeattachments', 'storage.k8s.io', 'v1', false),
];

/**
 * APIs the cluster serves beside the stored kinds, found through discovery like any other:
 * metrics-server's metrics.k8s.io (`kubectl top`, the HPA) and the access reviews of
 * authorization.k8s.io (`kubectl auth can-i`). Not resolvable by `kubectl get` names: a
 * `get nodes` means the core Nodes.
 */
export const AGGREGATED_TYPES: ResourceType[] = [
  { kind: 'NodeMetrics', resource: 'nodes', singular: '', shortNames: [], group: 'metrics.k8s.io', version: 'v1beta1', namespaced: false, categories: [], verbs: ['get', 'list'] },
  { kind: 'PodMetrics', resource: 'pods', singular: '', shortNames: [], group: 'metrics.k8s.io', version: 'v1beta1', namespaced: true, categories: [], verbs: ['get', 'list'] },
  { kind: 'SelfSubjectAccessReview', resource: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', shortNames: [], group: 'authorization.k8s.io', version: 'v1', namespaced: false, categories: [], verbs: ['create'] },
  { kind: 'SelfSubjectRulesReview', resource: 'selfsubjectrulesreviews', singular: 'selfsubjectrulesreview', shortNames: [], group: 'authorization.k8s.io', version: 'v1', namespaced: false, categories: [], verbs: ['create'] },
  { kind: 'SelfSubjectReview', resource: 'selfsubjectreviews', singular: 'selfsubjectreview', shortNames: [], group: 'authentication.k8s.io', version: 'v1', namespaced: false, categories: [], verbs: ['create'] },
];


const byKind = new Map<string, ResourceType>();
const byName = new Map<string, ResourceType>();
for (const t of RESOURCE_TYPES) {
  byKind.set(`${t.group}/${t.kind}`, t);
  if (!byKind.has(t.kind)) byKind.set(t.kind, t);
  for (const n of [t.resource, t.singular, ...t.shortNames]) {
    byName.set(n, t);
    byName.set(t.group ? `${n}.${t.group}` : n, t);
  }
  byName.set(t.group ? `${t.resource}.${t.version}.${t.group}` : `${t.resource}.${t.version}`, t);
}

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** Resolves `pods`, `po`, `pod`, `deployments.apps`, `Deployment` … as kubectl's RESTMapper does. */
export function resolveResourceName(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  if (lower === 'bindings' || lower === 'binding') return undefined;
  return byName.get(lower) ?? byKind.get(name);
}

/** The type serving `kind` at `apiVersion`, or undefined when the server has no such mapping. */
export function resolveKind(apiVersion: string, kind: string): ResourceType | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const t = byKind.get(`${group}/${kind}`);
  return t && t.version === version ? t : undefined;
}

/**
 * The types one cluster's API server serves: the built-in ones above, then those its
 * CustomResourceDefinitions add once Established (discovery changes at run time, as a real
 * server's does). Lookups try the built-ins first — a CRD cannot shadow `pods` — and cost
 * nothing more while no CRD exists.
 */
export class TypeRegistry {
  private custom = new Map<string, ResourceType[]>();
  private customByName = new Map<string, ResourceType>();
  private customByKind = new Map<string, ResourceType>();
  private allTypes: ResourceType[] = RESOURCE_TYPES;
  /** Bumped on every change (the served OpenAPI documents are rebuilt when it moves). */
  generation = 0;

  /** Every served type, built-ins first, then custom ones in CRD name order (each version once). */
  all(): ResourceType[] {
    return this.allTypes;
  }

  /** The custom types, each served version once. */
  customTypes(): ResourceType[] {
    return this.allTypes.length === RESOURCE_TYPES.length ? [] : this.allTypes.slice(RESOURCE_TYPES.length);
  }

  /** As resolveResourceName, with the custom types after the built-ins (their preferred version). */
  resolveName(name: string): ResourceType | undefined {
    const t = resolveResourceName(name);
    if (t || this.custom.size === 0) return t;
    return this.customByName.get(name.toLowerCase()) ?? this.customByKind.get(name);
  }

  resolveKind(apiVersion: string, kind: string): ResourceType | undefined {
    const t = resolveKind(apiVersion, kind);
    if (t || this.custom.size === 0) return t;
    return this.customByKind.get(`${apiVersion}/${kind}`);
  }

  /** The types a CRD serves (its served versions, the preferred one first); none removes them. */
  setCustom(crd: string, types: ResourceType[]): void {
    if (types.length === 0 && !this.custom.has(crd)) return;
    if (types.length) this.custom.set(crd, types);
    else this.custom.delete(crd);
    this.customByName.clear();
    this.customByKind.clear();
    const all = [...RESOURCE_TYPES];
    for (const name of [...this.custom.keys()].sort()) {
      const versions = this.custom.get(name)!;
      all.push(...versions);
      const preferred = versions[0]!;
      for (const t of versions) this.customByKind.set(`${apiVersionOf(t)}/${t.kind}`, t);
      if (!this.customByKind.has(preferred.kind)) this.customByKind.set(preferred.kind, preferred);
      for (const n of [preferred.resource, preferred.singular, ...preferred.shortNames]) {
        if (!this.customByName.has(n)) this.customByName.set(n, preferred);
        this.customByName.set(`${n}.${preferred.group}`, preferred);
      }
      for (const t of versions) this.customByName.set(`${t.resource}.${t.version}.${t.group}`, t);
    }
    this.allTypes = all;
    this.generation++;
  }
}

export function typeForKind(kind: string): ResourceType {
  const t = byKind.get(kind);
  if (!t) throw new Error(`no resource type for kind ${kind}`);
  return t;
}

/** `deployment.apps`, `pod`: how kubectl names a kind in its messages. */
export function qualifiedKindName(t: ResourceType): string {
  return t.group ? `${t.singular}.${t.group}` : t.singular;
}

/** `deployments.apps`, `pods`: how the API server names a resource in its errors. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}
