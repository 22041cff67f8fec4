/**
 * Validation on create and update, dispatched by kind. Each returns the StatusCauses the API
 * server wraps into a 422 Invalid error.
 */
import type { KObject } from '../types';
import { validateIngress, validateNetworkPolicy } from './networking';
import { validatePodDisruptionBudget } from './policy';
import { validatePriorityClass, validatePriorityClassUpdate } from './scheduling';
import { validateClusterRole, validateRole, validateRoleBinding, validateRoleBindingUpdate } from './rbac';
import { validatePersistentVolume, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate, validatePersistentVolumeUpdate, validateStorageClass, validateStorageClassUpdate } from './storage';
import type { StatusCause } from '../errors';
import type { ResourceType } from '../registry';
import { validateObjectMeta, type NameRule } from './metadata';
import { validateEphemeralContainers, validatePodSpec } from './pod';
import { validateCronJob, validateDaemonSet, validateDeployment, validateJob, validateReplicaSet, validateReplicationController, validateSelectorUpdate, validateStatefulSet } from './workloads';
import { validateConfigMap, validateImmutableData, validateNode, validateSecret, validateService, validateServiceUpdate } from './core';
import { forbiddenField, invalidValue } from './common';
import { deepEqual } from '../../util/equal';
import { validateCustomResourceDefinition } from '../apiextensions/crd';
import { validateCustomResource } from '../apiextensions/customresource';

const nameRules: Record<string, NameRule> = { Namespace: 'label', Service: 'dns1035', Role: 'pathSegment', ClusterRole: 'pathSegment', RoleBinding: 'pathSegment', ClusterRoleBinding: 'pathSegment' };

export function validateObject(type: ResourceType, obj: KObject): StatusCause[] {
  const errs: StatusCause[] = [];
  if (type.custom) {
    validateObjectMeta(obj, 'subdomain', type.namespaced, errs);
    errs.push(...validateCustomResource(type.custom.schema, obj));
    return errs;
  }
  validateObjectMeta(obj, nameRules[obj.kind] ?? 'subdomain', type.namespaced, errs);
  switch (obj.kind) {
    case 'CustomResourceDefinition':
      errs.push(...validateCustomResourceDefinition(obj));
      break;
    case 'Pod':
      validatePodSpec(obj.spec, 'spec', errs);
      validateEphemeralContainers(obj.spec, errs);
      break;
    case 'Deployment':
      validateDeployment(obj, errs);
      break;
    case 'ReplicaSet':
      validateReplicaSet(obj, errs);
      break;
    case 'ReplicationController':
      validateReplicationController(obj, errs);
      break;
    case 'DaemonSet':
      validateDaemonSet(obj, errs);
      break;
    case 'Job':
      validateJob(obj, errs);
      break;
    case 'CronJob':
      validateCronJob(obj, errs);
      break;
    case 'StatefulSet':
      validateStatefulSet(obj, errs);
      break;
    case 'Service':
      validateService(obj, errs);
      break;
    case 'ConfigMap':
      validateConfigMap(obj, errs);
      break;
    case 'Secret':
      validateSecret(obj, errs);
      break;
    case 'Node':
      validateNode(obj, errs);
      break;
    case 'Ingress':
      validateIngress(obj, errs);
      break;
    case 'NetworkPolicy':
      validateNetworkPolicy(obj, errs);
      break;
    case 'PersistentVolumeClaim':
      validatePersistentVolumeClaim(obj, errs);
      break;
    case 'PersistentVolume':
      validatePersistentVolume(obj, errs);
      break;
    case 'StorageClass':
      validateStorageClass(obj, errs);
      break;
    case 'PodDisruptionBudget':
      validatePodDisruptionBudget(obj, errs);
      break;
    case 'PriorityClass':
      validatePriorityClass(obj, errs);
      break;
    case 'Role':
      validateRole(obj, errs);
      break;
    case 'ClusterRole':
      validateClusterRole(obj, errs);
      break;
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      validateRoleBinding(obj, errs);
      break;
  }
  return errs;
}

/** ValidatePodCreate's extra rule: ephemeral containers come only through pods/ephemeralcontainers. */
export function validateObjectCreate(type: ResourceType, obj: KObject): StatusCause[] {
  const errs = validateObject(type, obj);
  if (obj.kind === 'Pod' && obj.spec?.ephemeralContainers?.length) errs.push(forbiddenField('spec.ephemeralContainers', 'cannot be set on create'));
  return errs;
}

/** Rules that only apply when an existing object changes (immutable fields). */
export function validateObjectUpdate(type: ResourceType, obj: KObject, old: KObject): StatusCause[] {
  const errs = validateObject(type, obj);
  if (type.custom) return errs;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
      validateSelectorUpdate(obj, old, errs);
      break;
    case 'Service':
      validateServiceUpdate(obj, old, errs);
      break;
    case 'ConfigMap':
    case 'Secret':
      validateImmutableData(obj, old, errs);
      break;
    case 'Pod':
      validatePodUpdate(obj, old, errs);
      break;
    case 'PersistentVolumeClaim':
      validatePersistentVolumeClaimUpdate(obj, old, errs);
      break;
    case 'PersistentVolume':
      validatePersistentVolumeUpdate(obj, old, errs);
      break;
    case 'StorageClass':
      validateStorageClassUpdate(obj, old, errs);
      break;
    case 'PriorityClass':
      validatePriorityClassUpdate(obj, old, errs);
      break;
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      validateRoleBindingUpdate(obj, old, errs);
      break;
  }
  return errs;
}

/** Pods are mostly immutable: only images, activeDeadlineSeconds and added tolerations may change. */
function validatePodUpdate(obj: KObject, old: KObject, errs: StatusCause[]): void {
  const strip = (spec: KObject['spec']) => ({
    ...spec,
    containers: (spec?.containers ?? []).map((c: Record<string, unknown>) => ({ ...c, image: undefined })),
    initContainers: (spec?.initContainers ?? []).map((c: Record<string, unknown>) => ({ ...c, image: undefined })),
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    terminationGracePeriodSeconds: undefined,
  });
  if (old.spec?.nodeName && obj.spec?.nodeName !== old.spec.nodeName) {
    errs.push(invalidValue('spec.nodeName', obj.spec?.nodeName ?? '', 'field is immutable'));
    return;
  }
  const a = strip(obj.spec);
  const b = strip(old.spec);
  a.nodeName = b.nodeName;
  if (!deepEqual(a, b)) {
    errs.push(
      forbiddenField(
        'spec',
        'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      ),
    );
  }
}
