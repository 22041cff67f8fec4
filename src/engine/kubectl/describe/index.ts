/**
 * kubectl describe: finds the objects (an exact name, or every object whose name starts with
 * it, as kubectl does), picks the describer for the kind and adds the object's events.
 */
import { controlledBy } from '../../helpers/podutil';
import type { KObject } from '../../api/types';
import { notFound } from '../../api/errors';
import { qualifiedResource, typeForKind } from '../../api/registry';
import { KubectlError, bool, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { selectorFlag } from '../verbs/get';
import { DescribeWriter, render } from './writer';
import { tabwrite } from './tabwriter';
import { describePod } from './pod';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads';
import { describeCronJob, describeJob } from './batch';
import { describeEndpointSlice, describeEndpoints, describeIngress, describeIngressClass, describeNetworkPolicy } from './networking';
import { describeNode } from './node';
import { describeHpa } from './hpa';
import { describeClaim, describeStorageClass, describeVolume } from './storage';
import { POD_CLAIM_INDEX } from '../../helpers/volumeutil';
import { describePodDisruptionBudget } from './policy';
import { describePriorityClass } from './scheduling';
import { describeRole, describeRoleBinding } from './rbac';
import { describeConfigMap, describeGeneric, describeLimitRange, describeNamespace, describeResourceQuota, describeSecret, describeService, describeServiceAccount } from './core';

export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
];

export function describeObject(ctx: VerbContext, obj: KObject, showEvents = true): string {
  const { cluster } = ctx;
  const now = cluster.now();
  // kubectl selects events by the object's uid too (involvedObject.uid=…): an event recorded
  // without it (a static pod's, before its mirror pod existed) is not shown.
  // A mirror pod's events are its static pod's: kubectl looks them up by the config.mirror uid.
  const uid = (obj.kind === 'Pod' && obj.metadata.annotations?.['kubernetes.io/config.mirror']) || obj.metadata.uid;
  const events = showEvents ? cluster.api.events.forObject({ kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name!, uid }).filter((e) => !uid || e.involved.uid === uid) : [];
  const w = new DescribeWriter();
  const store = cluster.store;
  switch (obj.kind) {
    case 'Pod':
      describePod(obj, w, events, now);
      break;
    case 'Deployment': {
      const rss = controlledBy(store, obj, 'ReplicaSet');
      describeDeployment(obj, rss, w, events, now);
      break;
    }
    case 'ReplicaSet': {
      const pods = controlledBy(store, obj, 'Pod');
      describeReplicaSet(obj, pods, w, events, now);
      break;
    }
    case 'ReplicationController':
      describeReplicationController(obj, controlledBy(store, obj, 'Pod'), w, events, now);
      break;
    case 'DaemonSet': {
      const pods = controlledBy(store, obj, 'Pod');
      describeDaemonSet(obj, pods, w, events, now);
      break;
    }
    case 'StatefulSet':
      describeStatefulSet(obj, controlledBy(store, obj, 'Pod'), w, events, now);
      break;
    case 'Job':
      describeJob(obj, w, events, now);
      break;
    case 'CronJob':
      describeCronJob(obj, w, events, now);
      break;
    case 'Ingress':
      describeIngress(obj, store, w, events, now);
      break;
    case 'ServiceAccount': {
      // Legacy token Secrets: type kubernetes.io/service-account-token, annotated with the account.
      const tokens = store.list('secrets', obj.metadata.namespace).filter((s) => s.type === 'kubernetes.io/service-account-token' && s.metadata.annotations?.['kubernetes.io/service-account.name'] === obj.metadata.name);
      describeServiceAccount(obj, tokens, w, events, now);
      break;
    }
    case 'PodDisruptionBudget':
      describePodDisruptionBudget(obj, w, events, now);
      break;
    case 'PriorityClass':
      describePriorityClass(obj, w, events, now);
      break;
    case 'IngressClass':
      describeIngressClass(obj, w, events, now);
      break;
    case 'NetworkPolicy':
      describeNetworkPolicy(obj, w);
      break;
    case 'Endpoints':
      describeEndpoints(obj, w, events, now);
      break;
    case 'EndpointSlice':
      describeEndpointSlice(obj, w, events, now);
      break;
    case 'Node':
      describeNode(obj, store.byIndex('pods', 'nodeName', obj.metadata.name!), store.get('leases', 'kube-node-lease', obj.metadata.name!), w, events, now);
      break;
    case 'Service':
      describeService(obj, serviceSlices(store, obj), w, events, now);
      break;
    case 'Namespace':
      describeNamespace(obj, store.list('resourcequotas', obj.metadata.name), store.list('limitranges', obj.metadata.name), w);
      break;
    case 'ConfigMap':
      describeConfigMap(obj, w, events, now);
      break;
    case 'Secret':
      describeSecret(obj, w, events, now);
      break;
    case 'ResourceQuota':
      describeResourceQuota(obj, w);
      break;
    case 'LimitRange':
      describeLimitRange(obj, w);
      break;
    case 'HorizontalPodAutoscaler':
      describeHpa(obj, w, events, now);
      break;
    case 'PersistentVolumeClaim': {
      const users = store.byIndex('pods', POD_CLAIM_INDEX, `${obj.metadata.namespace}/${obj.metadata.name}`).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
      describeClaim(obj, users, w, events, now);
      break;
    }
    case 'PersistentVolume':
      describeVolume(obj, w, events, now);
      break;
    case 'StorageClass':
      describeStorageClass(obj, w, events, now);
      break;
    case 'Role':
    case 'ClusterRole':
      describeRole(obj, w);
      break;
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      describeRoleBinding(obj, w);
      break;
    default:
      describeGeneric(obj, w, events, now);
  }
  return render(w, tabwrite);
}

export function describeCommand(ctx: VerbContext): void {
  const sel = parseResourceArgs(ctx.args.positionals, ctx.cluster.api.types);
  if (sel.items.length === 0) throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const ns = namespaceOf(ctx);
  const allNs = bool(ctx.args, 'all-namespaces');
  const selector = selectorFlag(ctx);
  const showEvents = ctx.args.flags.get('show-events') !== 'false';
  const outputs: string[] = [];
  for (const { type, names } of sel.items) {
    let objs: KObject[] = [];
    if (names.length) {
      for (const name of names) {
        const exact = ctx.cluster.api.tryGet(type, ns, name);
        if (exact) objs.push(exact);
        else {
          const prefixed = ctx.cluster.api.list(type, type.namespaced ? ns : undefined).filter((o) => o.metadata.name!.startsWith(name));
          if (prefixed.length) objs.push(...prefixed);
          else {
            ctx.err.push(notFound(qualifiedResource(type), name).kubectlMessage());
            ctx.failed = true;
          }
        }
      }
    } else objs = ctx.cluster.api.list(type, allNs ? undefined : ns, selector);
    if (!names.length && objs.length === 0 && sel.items.length === 1) {
      ctx.err.push(type.namespaced && !allNs ? `No resources found in ${ns} namespace.` : 'No resources found');
    }
    for (const o of objs) outputs.push(describeObject(ctx, o.kind ? o : { ...o, kind: type.kind }, showEvents));
  }
  void typeForKind;
  ctx.out.push(outputs.join('\n\n'));
}

/** A Service's EndpointSlices as the API lists them (by name), which kubectl's describe reads. */
function serviceSlices(store: { list(resource: string, namespace?: string): KObject[] }, svc: KObject): KObject[] {
  return store
    .list('endpointslices', svc.metadata.namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
}
