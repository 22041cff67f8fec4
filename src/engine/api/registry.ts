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
