/** Defaulting on create and update, dispatched by kind (pkg/apis/<group>/v1/defaults.go). */
import type { KObject } from '../types';
import { setOwn } from '../../util/own';
import { defaultPodSpec, defaultPodTemplate } from './pod';
import { encodeBase64 } from '../../util/base64';
import { defaultLimitRange } from '../limitranger';
import { scaleDownRules, scaleUpRules } from './hpa';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function applyDefaults(obj: KObject): KObject {
  switch (obj.kind) {
    case 'Pod':
      return { ...obj, spec: obj.spec && typeof obj.spec === 'object' ? defaultPodSpec(obj.spec) : obj.spec };
    case 'Deployment':
      return { ...obj, spec: defaultDeploymentSpec(obj.spec ?? {}) };
    case 'DaemonSet':
      return { ...obj, spec: defaultDaemonSetSpec(obj.spec ?? {}) };
    case 'Job':
      return { ...obj, spec: defaultJobSpec(obj.spec ?? {}) };
    case 'StatefulSet': {
      const spec: Any = {
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        podManagementPolicy: 'OrderedReady',
        replicas: 1,
        revisionHistoryLimit: 10,
        ...(obj.spec ?? {}),
      };
      spec.updateStrategy = { type: 'RollingUpdate', ...(spec.updateStrategy ?? {}) };
      if (spec.updateStrategy.type === 'RollingUpdate') spec.updateStrategy.rollingUpdate = { partition: 0, ...(spec.updateStrategy.rollingUpdate ?? {}) };
      spec.template = defaultPodTemplate(spec.template);
      if (Array.isArray(spec.volumeClaimTemplates)) {
        spec.volumeClaimTemplates = spec.volumeClaimTemplates.map((t: Any) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...t, spec: { volumeMode: 'Filesystem', ...(t.spec ?? {}) }, status: { phase: 'Pending' } }));
      }
      return { ...obj, spec };
    }
    case 'CronJob': {
      const spec: Any = { concurrencyPolicy: 'Allow', failedJobsHistoryLimit: 1, successfulJobsHistoryLimit: 3, suspend: false, ...(obj.spec ?? {}) };
      if (spec.jobTemplate?.spec?.template) spec.jobTemplate = { ...spec.jobTemplate, spec: { ...spec.jobTemplate.spec, template: defaultPodTemplate(spec.jobTemplate.spec.template) } };
      return { ...obj, spec };
    }
    case 'ReplicaSet':
      return { ...obj, spec: { ...(obj.spec ?? {}), replicas: obj.spec?.replicas ?? 1, template: defaultPodTemplate(obj.spec?.template) } };
    case 'ReplicationController': {
      // SetDefaults_ReplicationController: an empty selector and empty labels are the template's labels.
      const labels = obj.spec?.template?.metadata?.labels;
      const spec: Any = { ...(obj.spec ?? {}), replicas: obj.spec?.replicas ?? 1, template: defaultPodTemplate(obj.spec?.template) };
      if (labels && Object.keys(spec.selector ?? {}).length === 0) spec.selector = labels;
      const metadata = labels && Object.keys(obj.metadata.labels ?? {}).length === 0 ? { ...obj.metadata, labels } : obj.metadata;
      return { ...obj, metadata, spec };
    }
    case 'Service':
      return { ...obj, spec: defaultServiceSpec(obj.spec ?? {}) };
    case 'HorizontalPodAutoscaler': {
      // SetDefaults_HorizontalPodAutoscaler: minReplicas 1, CPU at 80 % when no metric is given.
      const spec: Any = { minReplicas: 1, ...(obj.spec ?? {}) };
      if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
      if (spec.behavior) spec.behavior = { scaleUp: scaleUpRules(spec.behavior.scaleUp), scaleDown: scaleDownRules(spec.behavior.scaleDown) };
      return { ...obj, spec };
    }
    case 'PersistentVolumeClaim':
      return { ...obj, spec: { volumeMode: 'Filesystem', ...(obj.spec ?? {}) } };
    case 'PersistentVolume': {
      const spec: Any = { persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', ...(obj.spec ?? {}) };
      // SetDefaults_HostPathVolumeSource: an unset type is "" (no check), which describe prints as empty.
      if (spec.hostPath && typeof spec.hostPath === 'object' && spec.hostPath.type === undefined) spec.hostPath = { ...spec.hostPath, type: '' };
      return { ...obj, spec };
    }
    case 'StorageClass':
      return { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', ...obj } as KObject;
    case 'PriorityClass':
      // SetDefaults_PriorityClass; value is an int32 without omitempty, so it is always there.
      return { ...obj, value: (obj as Any).value ?? 0, preemptionPolicy: (obj as Any).preemptionPolicy ?? 'PreemptLowerPriority' } as KObject;
    case 'LimitRange':
      return { ...obj, spec: defaultLimitRange(obj.spec) };
    case 'Secret': {
      // stringData is write-only: the API server merges it into data (base64) and never returns it.
      const { stringData, ...rest } = obj as Any;
      const data: Record<string, string> = { ...(rest.data ?? {}) };
      if (stringData && typeof stringData === 'object') for (const [k, v] of Object.entries(stringData)) setOwn(data, k, encodeBase64(String(v)));
      const out: Any = { ...rest, type: obj.type ?? 'Opaque' };
      if (stringData || rest.data) out.data = data;
      return out;
    }
    case 'NetworkPolicy':
      return { ...obj, spec: defaultNetworkPolicySpec(obj.spec ?? {}) };
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return defaultRoleBinding(obj);
    case 'Namespace':
      return {
        ...obj,
        metadata: { ...obj.metadata, labels: { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name ?? '' } },
        spec: { finalizers: ['kubernetes'], ...(obj.spec ?? {}) },
      };
    default:
      return obj;
  }
}

function defaultDeploymentSpec(spec: Any): Any {
  const out: Any = { ...spec };
  out.replicas ??= 1;
  out.revisionHistoryLimit ??= 10;
  out.progressDeadlineSeconds ??= 600;
  const strategy: Any = { ...(out.strategy ?? {}) };
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') strategy.rollingUpdate = { maxSurge: '25%', maxUnavailable: '25%', ...(strategy.rollingUpdate ?? {}) };
  out.strategy = strategy;
  out.template = defaultPodTemplate(out.template);
  return out;
}

function defaultDaemonSetSpec(spec: Any): Any {
  const out: Any = { ...spec };
  out.revisionHistoryLimit ??= 10;
  const strategy: Any = { ...(out.updateStrategy ?? {}) };
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 1, ...(strategy.rollingUpdate ?? {}) };
  out.updateStrategy = strategy;
  out.template = defaultPodTemplate(out.template);
  return out;
}

/** batch/v1 defaults.go: completions and parallelism 1 when both unset, backoffLimit 6. */
function defaultJobSpec(spec: Any): Any {
  const out: Any = { ...spec };
  if (out.completions === undefined && out.parallelism === undefined) {
    out.completions = 1;
    out.parallelism = 1;
  }
  out.parallelism ??= 1;
  out.backoffLimit ??= 6;
  out.completionMode ??= 'NonIndexed';
  out.suspend ??= false;
  out.manualSelector ??= undefined;
  if (out.manualSelector === undefined) delete out.manualSelector;
  out.podReplacementPolicy ??= 'TerminatingOrFailed';
  out.template = defaultPodTemplate(out.template);
  return out;
}

/**
 * networking/v1 defaults.go: a rule's port without a protocol is TCP; no policyTypes means
 * Ingress, plus Egress when the policy has egress rules. podSelector is a struct, never absent.
 */
function defaultNetworkPolicySpec(spec: Any): Any {
  const withProtocol = (rules: Any) =>
    Array.isArray(rules) ? rules.map((r: Any) => (Array.isArray(r?.ports) ? { ...r, ports: r.ports.map((p: Any) => ({ ...p, protocol: p?.protocol ?? 'TCP' })) } : r)) : rules;
  const out: Any = { ...spec, podSelector: spec.podSelector ?? {} };
  if (out.ingress !== undefined) out.ingress = withProtocol(out.ingress);
  if (out.egress !== undefined) out.egress = withProtocol(out.egress);
  if (!Array.isArray(out.policyTypes) || out.policyTypes.length === 0) out.policyTypes = Array.isArray(out.egress) && out.egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
  return out;
}

/**
 * rbac/v1 defaults.go: a roleRef without apiGroup is in the RBAC group, and so are User and
 * Group subjects without one (a ServiceAccount's group stays the core group).
 */
function defaultRoleBinding(obj: KObject): KObject {
  const rbac = 'rbac.authorization.k8s.io';
  const out: Any = { ...obj };
  // roleRef is a struct in Go: absent, it is defaulted all the same (and then refused for its kind and name).
  if ((out.roleRef === undefined || (out.roleRef && typeof out.roleRef === 'object')) && !out.roleRef?.apiGroup) out.roleRef = { ...(out.roleRef ?? {}), apiGroup: rbac };
  if (Array.isArray(out.subjects)) out.subjects = out.subjects.map((s: Any) => (s && typeof s === 'object' && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group') ? { ...s, apiGroup: rbac } : s));
  return out;
}

function defaultServiceSpec(spec: Any): Any {
  const out: Any = { ...spec };
  out.type ??= 'ClusterIP';
  out.sessionAffinity ??= 'None';
  if (out.type !== 'ExternalName') {
    out.internalTrafficPolicy ??= 'Cluster';
    out.ipFamilyPolicy ??= 'SingleStack';
    out.ipFamilies ??= ['IPv4'];
  }
  if (out.type === 'NodePort' || out.type === 'LoadBalancer') out.externalTrafficPolicy ??= 'Cluster';
  if (out.type === 'LoadBalancer') out.allocateLoadBalancerNodePorts ??= true;
  if (Array.isArray(out.ports)) {
    out.ports = out.ports.map((p: Any) => ({ ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort }));
  }
  return out;
}
