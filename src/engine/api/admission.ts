/**
 * Admission: what the API server adds to a new object before it is stored — allocations
 * (Service cluster IPs and node ports), the initial status, the namespace lifecycle rule and the
 * default IngressClass.
 */
import type { KObject } from './types';
import type { Rng } from '../sim/rng';
import type { ObjectStore } from './store';
import { admitPod } from './defaults/pod';
import { forbidden, invalid } from './errors';
import { parseQuantity } from './quantity';
import { isDefaultClass } from './defaultstorageclass';
import { unsupportedVolumeSource } from './validation/storage';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Service cluster IPs come from 10.96.0.0/12; 10.96.0.1 is `kubernetes`, 10.96.0.10 is kube-dns. */
export class ServiceIpAllocator {
  private used = new Set<string>();
  private usedPorts = new Set<number>();

  constructor(private rng: Rng) {}

  reserve(ip: string): void {
    this.used.add(ip);
  }

  allocate(): string {
    for (;;) {
      // the dynamic band of the range (KEP-3070): skip the lowest /28 kept for static IPs
      const offset = 16 + this.rng.int((1 << 20) - 32);
      const ip = `10.${96 + (offset >> 16)}.${(offset >> 8) & 255}.${offset & 255}`;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
  }

  release(ip: string | undefined): void {
    if (ip && ip !== 'None') this.used.delete(ip);
  }

  isUsed(ip: string): boolean {
    return this.used.has(ip);
  }

  allocateNodePort(): number {
    if (this.usedPorts.size >= 2768) throw new Error('node ports exhausted');
    for (;;) {
      const port = 30000 + this.rng.int(2768);
      if (!this.usedPorts.has(port)) {
        this.usedPorts.add(port);
        return port;
      }
    }
  }

  reserveNodePort(port: number): boolean {
    if (this.usedPorts.has(port)) return false;
    this.usedPorts.add(port);
    return true;
  }

  releaseNodePort(port: number | undefined): void {
    if (port) this.usedPorts.delete(port);
  }
}

/** QoS class as the API server computes it on pod creation. */
export function qosClass(spec: Any): string {
  const containers: Any[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let anyRequestOrLimit = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anyRequestOrLimit = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!anyRequestOrLimit) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * The API server gives a Job a unique selector on its own uid and stamps the template with
 * the matching labels (unless spec.manualSelector).
 */
export function admitJob(obj: KObject): KObject {
  if (obj.spec?.manualSelector) return obj;
  const uid = obj.metadata.uid!;
  const name = obj.metadata.name!;
  const given = obj.spec?.template?.metadata?.labels;
  const labels = { ...(given ?? {}), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  // SetDefaults_Job gives a Job without labels its template's: the ones written at decode if
  // any, else (every read decodes again, after the selector labels were added) those.
  const jobLabels = Object.keys(obj.metadata.labels ?? {}).length ? obj.metadata.labels : given && Object.keys(given).length ? given : labels;
  return {
    ...obj,
    metadata: { ...obj.metadata, labels: jobLabels },
    spec: {
      ...obj.spec,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { ...obj.spec.template, metadata: { ...obj.spec.template.metadata, labels } },
    },
  };
}

/**
 * The ServiceAccount admission plugin: a pod runs as the account its spec names, `default` when
 * it names none (both `serviceAccountName` and the deprecated `serviceAccount` are set); an
 * account that does not exist is refused with the plugin's words. The simulator mounts no token
 * volume (nothing in it calls the API server from a pod).
 */
/** The ConfigMap every namespace gets with the cluster's CA bundle (the root-ca-cert publisher keeps it). */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** Where every container finds its ServiceAccount's token, CA and namespace (DefaultAPITokenMountPath). */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The bound token's lifetime in the volume: an hour, plus the seven seconds upstream adds to tell it from a legacy token. */
const TOKEN_EXPIRATION_SECONDS = 3607;

/**
 * The ServiceAccount admission plugin: the pod runs as `default` unless it names an account,
 * which must exist; and unless the pod or its account opts out (automountServiceAccountToken:
 * false), every container gets the `kube-api-access-<random>` projected volume — the account's
 * token, the cluster CA (kube-root-ca.crt) and the namespace — mounted read-only at
 * /var/run/secrets/kubernetes.io/serviceaccount (a container with something there already is
 * left alone). Mirror pods of static pods are not touched.
 */
export function admitServiceAccount(store: ObjectStore, pod: KObject, randomSuffix: () => string): KObject {
  const spec = pod.spec ?? {};
  const name: string = spec.serviceAccountName || spec.serviceAccount || 'default';
  const account = store.get('serviceaccounts', pod.metadata.namespace, name);
  // The default account may not exist yet in a namespace made a moment ago (its controller
  // creates it); a pod naming any other account must find it.
  if (name !== 'default' && !account) {
    throw forbidden(`pods "${pod.metadata.name || pod.metadata.generateName || ''}" is forbidden: error looking up service account ${pod.metadata.namespace}/${name}: serviceaccount "${name}" not found`);
  }
  const admitted = { ...spec, serviceAccount: name, serviceAccountName: name };
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return { ...pod, spec: admitted };
  const automount: boolean = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
  return { ...pod, spec: automount ? mountServiceAccountToken(admitted, randomSuffix) : admitted };
}

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

function mountServiceAccountToken(spec: Any, randomSuffix: () => string): Any {
  const volumes: Any[] = spec.volumes ?? [];
  const existing = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith('kube-api-access-'));
  const volumeName: string = existing?.name ?? `kube-api-access-${randomSuffix()}`;
  let needed = false;
  const withMount = (containers: Any[] | undefined) => {
    if (!containers) return containers;
    const out = containers.map((c) => {
      if ((c.volumeMounts ?? []).some((m: Any) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) return c;
      needed = true;
      const mounted = { ...c, volumeMounts: [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }] };
      TEMPLATE_OF.set(mounted, TEMPLATE_OF.get(c) ?? c);
      return mounted;
    });
    TEMPLATE_OF.set(out, TEMPLATE_OF.get(containers) ?? containers);
    return out;
  };
  const out = { ...spec };
  if (spec.initContainers) out.initContainers = withMount(spec.initContainers);
  if (spec.containers) out.containers = withMount(spec.containers);
  if (!existing && needed) out.volumes = [...volumes, { name: volumeName, projected: TOKEN_VOLUME_SOURCE }];
  return out;
}

/**
 * Each pod's containers as they were before the token's mount was added: pods of one template
 * share those objects, so what is worked out once per template (the scheduler's requests and
 * equivalence classes, a container's program) can stay once per template.
 */
const TEMPLATE_OF = new WeakMap<object, object>();

/** The object a pod's container (or containers array) was made from by admission, or itself. */
export function templateIdentity<T extends object>(o: T): T {
  return (TEMPLATE_OF.get(o) as T | undefined) ?? o;
}

/**
 * TokenVolumeSource: the same for every pod, so one frozen object is shared by all of them (stored
 * objects are never changed in place) — 150,000 pods do not each carry their own copy.
 */
const TOKEN_VOLUME_SOURCE = deepFreeze({
  sources: [
    { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
    { configMap: { name: ROOT_CA_CONFIGMAP, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
  defaultMode: 420,
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export function admitNewObject(obj: KObject, allocator: ServiceIpAllocator): KObject {
  switch (obj.kind) {
    case 'Job':
    case 'CronJob':
      return { ...obj, status: {} };
    case 'StatefulSet':
      return { ...obj, status: { availableReplicas: 0, replicas: 0 } };
    case 'Pod': {
      const spec = admitPod(obj.spec);
      return { ...obj, spec, status: { phase: 'Pending', qosClass: qosClass(spec) } };
    }
    case 'Namespace':
      return { ...obj, status: { phase: 'Active' } };
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
      return { ...obj, status: { phase: 'Pending' } };
    case 'Service':
      return { ...obj, spec: allocateServiceAddresses(obj, allocator), status: { loadBalancer: {} } };
    case 'Deployment':
    case 'ReplicaSet':
      return { ...obj, status: {} };
    case 'ReplicationController':
      return { ...obj, status: { replicas: 0 } };
    case 'DaemonSet':
      return { ...obj, status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 } };
    default:
      return obj;
  }
}

function allocateServiceAddresses(obj: KObject, allocator: ServiceIpAllocator): Any {
  const spec: Any = { ...obj.spec };
  if (spec.type === 'ExternalName') return spec;
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
  } else if (spec.clusterIP) {
    if (!/^10\.(9[6-9]|10[0-9]|11[01])\.\d{1,3}\.\d{1,3}$/.test(spec.clusterIP)) {
      throw invalid('Service', obj.metadata.name ?? '', [
        { field: 'spec.clusterIPs', message: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12` },
      ]);
    }
    if (allocator.isUsed(spec.clusterIP)) {
      throw invalid('Service', obj.metadata.name ?? '', [
        { field: 'spec.clusterIPs', message: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` },
      ]);
    }
    allocator.reserve(spec.clusterIP);
    spec.clusterIPs = [spec.clusterIP];
  } else {
    spec.clusterIP = allocator.allocate();
    spec.clusterIPs = [spec.clusterIP];
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    spec.ports = (spec.ports ?? []).map((p: Any, i: number) => {
      if (p.nodePort) {
        if (!allocator.reserveNodePort(p.nodePort)) {
          throw invalid('Service', obj.metadata.name ?? '', [{ field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is already allocated` }]);
        }
        return p;
      }
      return { ...p, nodePort: allocator.allocateNodePort() };
    });
  }
  return spec;
}

/** Releases what a deleted Service held. */
export function releaseServiceAddresses(obj: KObject, allocator: ServiceIpAllocator): void {
  if (obj.kind !== 'Service') return;
  allocator.release(obj.spec?.clusterIP);
  for (const p of obj.spec?.ports ?? []) allocator.releaseNodePort(p.nodePort);
}

export function namespaceIsTerminating(store: ObjectStore, ns: string): boolean {
  return !!store.get('namespaces', undefined, ns)?.metadata.deletionTimestamp;
}

/** DefaultIngressClass admission: an Ingress without a class gets the default one. */
export function admitIngressClass(store: ObjectStore, ing: KObject): KObject {
  if (ing.spec?.ingressClassName || ing.metadata.annotations?.['kubernetes.io/ingress.class']) return ing;
  const defaults = store.list('ingressclasses').filter((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
  if (defaults.length !== 1) return ing;
  return { ...ing, spec: { ...ing.spec, ingressClassName: defaults[0].metadata.name } };
}

/**
 * DefaultStorageClass: a claim that names no class (the field absent, not "") gets the default
 * one — the newest, if several are marked default. StorageObjectInUseProtection then adds the
 * finalizer that keeps a claim in use from vanishing under its pod.
 */
export function admitClaim(store: ObjectStore, pvc: KObject): KObject {
  let spec = pvc.spec;
  if (spec?.storageClassName === undefined && !pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class']) {
    const defaults = store.list('storageclasses').filter(isDefaultClass);
    defaults.sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? -1 : a.metadata.name! < b.metadata.name! ? -1 : 1));
    if (defaults.length) spec = { ...spec, storageClassName: defaults[0].metadata.name };
  }
  return { ...pvc, metadata: { ...pvc.metadata, finalizers: withFinalizer(pvc.metadata.finalizers, 'kubernetes.io/pvc-protection') }, spec };
}

/**
 * PersistentVolumeClaimResize: a claim may only grow when its class allows expansion and its
 * volume was provisioned by that class.
 */
export function admitClaimResize(store: ObjectStore, pvc: KObject, old: KObject): void {
  const before = parseQuantity(old.spec?.resources?.requests?.storage) ?? 0;
  const after = parseQuantity(pvc.spec?.resources?.requests?.storage) ?? 0;
  if (after <= before) return;
  const sc = store.get('storageclasses', undefined, pvc.spec?.storageClassName ?? '');
  const pv = pvc.spec?.volumeName ? store.get('persistentvolumes', undefined, pvc.spec.volumeName) : undefined;
  if (!sc || !sc.allowVolumeExpansion || !pv?.metadata.annotations?.['pv.kubernetes.io/provisioned-by']) {
    throw forbidden(`persistentvolumeclaims "${pvc.metadata.name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`);
  }
}

/** StorageObjectInUseProtection for volumes; a source the simulator cannot model is refused out loud. */
export function admitVolume(pv: KObject): KObject {
  const other = unsupportedVolumeSource(pv);
  if (other) {
    throw forbidden(`persistentvolumes "${pv.metadata.name}" is forbidden: the ${other} volume source is not simulated here; use hostPath, local, nfs, or a StorageClass (dynamic provisioning) instead`);
  }
  return { ...pv, metadata: { ...pv.metadata, finalizers: withFinalizer(pv.metadata.finalizers, 'kubernetes.io/pv-protection') } };
}

function withFinalizer(list: string[] | undefined, f: string): string[] {
  return list?.includes(f) ? list : [...(list ?? []), f];
}
