/**
 * The roles and bindings the API server creates at start-up (its RBAC bootstrap post-start hook,
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy) and the one binding kubeadm adds for its
 * admin: what `kubectl get clusterroles` shows on a fresh cluster and what makes `view`, `edit`
 * and `admin` mean what the documentation says. admin/edit/view carry no rules of their own:
 * the clusterrole-aggregation controller fills them from the `aggregate-to-*` roles.
 *
 * Left out: the roles of the control plane's own components (system:controller:*, system:node,
 * system:kube-scheduler …) — the simulator's components do not go through authorization.
 */
import type { KObject } from '../types';
import type { PolicyRule } from './rbac';

const RBAC = 'rbac.authorization.k8s.io/v1';
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const ALL_RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const rule = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({ apiGroups, resources, verbs });

/** Read access to what a namespace holds, secrets aside (aggregated into view). */
const AGGREGATE_TO_VIEW: PolicyRule[] = [
  rule([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
  rule([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

/** Changing workloads and their configuration, secrets included (aggregated into edit). */
const AGGREGATE_TO_EDIT: PolicyRule[] = [
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule([''], ['pods/eviction'], ['create']),
  rule([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], WRITE),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], WRITE),
  rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  rule(['batch'], ['cronjobs', 'jobs'], WRITE),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  rule(['coordination.k8s.io'], ['leases'], ALL_RW),
];

/** Granting access within a namespace (aggregated into admin). */
const AGGREGATE_TO_ADMIN: PolicyRule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ALL_RW),
];

interface RoleSpec {
  name: string;
  rules?: PolicyRule[];
  /** The label values of the `aggregate-to-*` roles this one is gathered into. */
  aggregateTo?: string;
  /** admin/edit/view: the label their rules are gathered from. */
  aggregateFrom?: string;
}

const CLUSTER_ROLES: RoleSpec[] = [
  { name: 'admin', aggregateFrom: 'admin' },
  { name: 'cluster-admin', rules: [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }] },
  { name: 'edit', aggregateFrom: 'edit', aggregateTo: 'admin' },
  { name: 'system:aggregate-to-admin', rules: AGGREGATE_TO_ADMIN, aggregateTo: 'admin' },
  { name: 'system:aggregate-to-edit', rules: AGGREGATE_TO_EDIT, aggregateTo: 'edit' },
  { name: 'system:aggregate-to-view', rules: AGGREGATE_TO_VIEW, aggregateTo: 'view' },
  { name: 'system:auth-delegator', rules: [rule(['authentication.k8s.io'], ['tokenreviews'], ['create']), rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create'])] },
  { name: 'system:basic-user', rules: [rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']), rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create'])] },
  { name: 'system:discovery', rules: [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }] },
  { name: 'system:monitoring', rules: [{ nonResourceURLs: ['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], verbs: ['get'] }] },
  { name: 'system:public-info-viewer', rules: [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }] },
  { name: 'system:service-account-issuer-discovery', rules: [{ nonResourceURLs: ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'], verbs: ['get'] }] },
  { name: 'view', aggregateFrom: 'view', aggregateTo: 'edit' },
];

const subjectGroup = (name: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name });

const CLUSTER_ROLE_BINDINGS: { name: string; role: string; subjects: ReturnType<typeof subjectGroup>[]; kubeadm?: boolean }[] = [
  { name: 'cluster-admin', role: 'cluster-admin', subjects: [subjectGroup('system:masters')] },
  // kubeadm (v1.29+) binds its admin's group here, not system:masters, so the admin can be revoked.
  { name: 'kubeadm:cluster-admins', role: 'cluster-admin', subjects: [subjectGroup('kubeadm:cluster-admins')], kubeadm: true },
  { name: 'system:basic-user', role: 'system:basic-user', subjects: [subjectGroup('system:authenticated')] },
  { name: 'system:discovery', role: 'system:discovery', subjects: [subjectGroup('system:authenticated')] },
  { name: 'system:monitoring', role: 'system:monitoring', subjects: [subjectGroup('system:monitoring')] },
  { name: 'system:public-info-viewer', role: 'system:public-info-viewer', subjects: [subjectGroup('system:authenticated'), subjectGroup('system:unauthenticated')] },
  { name: 'system:service-account-issuer-discovery', role: 'system:service-account-issuer-discovery', subjects: [subjectGroup('system:serviceaccounts')] },
];

const BOOTSTRAP_METADATA = () => ({ annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' }, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } as Record<string, string> });

export function bootstrapClusterRoles(): KObject[] {
  return CLUSTER_ROLES.map((r) => {
    const metadata = { name: r.name, ...BOOTSTRAP_METADATA() };
    if (r.aggregateTo) metadata.labels[`rbac.authorization.k8s.io/aggregate-to-${r.aggregateTo}`] = 'true';
    const obj: KObject = { apiVersion: RBAC, kind: 'ClusterRole', metadata };
    if (r.aggregateFrom) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${r.aggregateFrom}`]: 'true' } }] };
    else obj.rules = r.rules!.map((x) => structuredClone(x));
    return obj;
  });
}

export function bootstrapClusterRoleBindings(): KObject[] {
  return CLUSTER_ROLE_BINDINGS.map((b) => ({
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: b.kubeadm ? { name: b.name } : { name: b.name, ...BOOTSTRAP_METADATA() },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: b.role },
    subjects: b.subjects.map((s) => ({ ...s })),
  }));
}
