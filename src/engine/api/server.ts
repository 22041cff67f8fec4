/**
 * The API server: every read and write of cluster state goes through here, from kubectl and
 * from the control loops alike. It resolves types, defaults, admits and validates objects,
 * assigns uid/resourceVersion/generation/creationTimestamp, runs graceful deletion and
 * finalizers, and tells listeners about each request so the diagram can draw the traffic.
 *
 * Over 400 lines on purpose: the request path (create, update, delete, bind, subresources) is
 * one sequence of steps per verb, kept together so each reads in order; validation, defaults,
 * admission plugins and the event store live in their own files beside it.
 */
import type { KObject, ObjectRef } from './types';
import type { ObjectStore, WatchEventType } from './store';
import { bound } from '../sim/forkable';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import { rfc3339 } from '../sim/clock';
import { ApiError, alreadyExists, badRequest, conflict, forbidden, invalid, notFound } from './errors';
import { patchedObject, type PatchType } from './patch/patch';
import { apiVersionOf, qualifiedResource, typeForKind, type ResourceType, TypeRegistry } from './registry';
import { CRD_CLEANUP_FINALIZER, defaultCustomResourceDefinition, isEstablished, recordStoredVersion, servedTypesOf } from './apiextensions/crd';
import { admitCustomResource, admitCustomResourceStatus, prepareCustomResourceUpdate } from './apiextensions/admission';
import { applyDefaults } from './defaults';
import { canonicalizeQuantities } from './schema';
import { validateObjectCreate, validateObjectUpdate } from './validation';
import { ephemeralContainersUpdate } from './ephemeralContainers';
import { admitLimitRanges } from './limitranger';
import { admitQuotas, refuseUnsupportedQuota } from './resourcequota';
import { admitClaim, admitClaimResize, admitIngressClass, admitJob, admitServiceAccount, admitVolume, admitNewObject, namespaceIsTerminating, releaseServiceAddresses, ServiceIpAllocator } from './admission';
import { EventStore, type EventRecord } from './events';
import { admitPodPriority, admitPriorityClass, refuseSystemPriorityClassDeletion } from './priority';
import { matches, type Selector } from './labels';
import { deepEqual } from '../util/equal';
import { evictPod } from './eviction';
import { recordUpdate } from './apply/managedFields';
import type { ExecResult, LogQuery, MetricsApi, SubresourceBackends } from './subresources';
import { RbacAuthorizer } from './auth/rbac';
import type { AuthorizationRecord } from './auth/authorizingApi';
import { issueToken, type IssuedToken } from './auth/tokens';

const quotaType = typeForKind('ResourceQuota');

export type Verb = 'create' | 'update' | 'updateStatus' | 'delete' | 'bind' | 'get' | 'list';

export interface ApiRequest {
  verb: Verb;
  /** A resource (`pods`), a subresource the API server proxies (`pods/log`, `pods/exec`), or an aggregated API's (`pods.metrics.k8s.io`). */
  resource: string;
  namespace?: string;
  name: string;
  /** Who sent it: `kubectl`, `deployment-controller`, `kubelet`, `default-scheduler` … */
  actor: string;
  node?: string;
  time: number;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  /** Only delete if the stored object still has this uid (precondition). */
  uid?: string;
  /** dryRun=All: every check runs, nothing is deleted; the object comes back as it is. */
  dryRun?: boolean;
}

/** What NamespaceLifecycle admission refuses to delete (metav1.NamespaceDefault, NamespaceSystem, NamespacePublic). */
export const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

const GENERATION_KINDS = new Set(['CustomResourceDefinition', 'PriorityClass', 'ReplicationController', 'PodDisruptionBudget', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job']);

export class ApiServer {
  readonly allocator: ServiceIpAllocator;
  readonly events: EventStore;
  private requestListeners: ((r: ApiRequest) => void)[] = [];
  /**
   * The field manager of the request being served, while a client's command runs (the
   * simulator's kubectl sets it: `kubectl-create`, `kubectl-client-side-apply` …): its writes
   * are recorded in managedFields, as the API server records every client's. The control
   * loops' own writes are not (a cost 150,000 pods would pay for nothing a learner reads).
   */
  requestManager: string | undefined;
  /**
   * RBAC over the stored roles and bindings. Requests of the cluster's own components are not
   * authorized (they hold cluster-wide roles on a real cluster too); a client acting as a user
   * goes through ./auth/authorizingApi.ts.
   */
  readonly authorizer: RbacAuthorizer;
  private backends?: SubresourceBackends;
  /** What this server serves: the built-in types and those its Established CRDs add. */
  readonly types = new TypeRegistry();

  constructor(
    readonly store: ObjectStore,
    readonly clock: SimClock,
    private rng: Rng,
  ) {
    this.allocator = new ServiceIpAllocator(rng);
    this.authorizer = new RbacAuthorizer(store);
    store.onWatchError = bound(this, this.noteWatchError);
    // The CRD handler: a CRD's types are served from the moment it is Established until it is gone.
    store.watch('customresourcedefinitions', bound(this, this.onCrd));
    this.events = new EventStore(bound(clock, clock.now), bound(store, store.nextRevision), bound(this, this.scheduleEventTask));
  }

  private noteWatchError(resource: string, _type: WatchEventType, _obj: KObject, error: unknown): void {
    this.clock.noteContained(`watch/${resource}`, error);
  }

  private onCrd(event: WatchEventType, crd: KObject): void {
    this.types.setCustom(crd.metadata.name!, event !== 'DELETED' && isEstablished(crd) ? servedTypesOf(crd) : []);
  }

  /** The event store's clock: a task at `at`, and how to cancel it (both copyable with the cluster). */
  private scheduleEventTask(at: number, run: () => void): () => void {
    return bound(this.clock, this.clock.cancel, this.clock.at(at, 'kube-apiserver', run));
  }

  private authorizationListeners: ((r: AuthorizationRecord) => void)[] = [];

  /** Hears each authorization decision made for a client acting as a user (the why-log records them). */
  onAuthorization(listener: (r: AuthorizationRecord) => void): void {
    this.authorizationListeners.push(listener);
  }

  noteAuthorization(r: AuthorizationRecord): void {
    for (const l of this.authorizationListeners) l(r);
  }

  /** The page's subscribers (a copy of the cluster starts without them). */
  subscriberLists(): object[] {
    return [this.requestListeners, this.events.subscriberList()];
  }

  onRequest(listener: (r: ApiRequest) => void): () => void {
    this.requestListeners.push(listener);
    return () => {
      this.requestListeners = this.requestListeners.filter((l) => l !== listener);
    };
  }

  private emit(verb: Verb, type: ResourceType, namespace: string | undefined, name: string, actor: string, node?: string): void {
    this.emitResource(verb, type.resource, namespace, name, actor, node);
  }

  private emitResource(verb: Verb, resource: string, namespace: string | undefined, name: string, actor: string, node?: string): void {
    if (this.requestListeners.length === 0) return;
    const r: ApiRequest = { verb, resource, namespace, name, actor, time: this.clock.now() };
    if (node) r.node = node;
    for (const l of this.requestListeners) l(r);
  }

  // ---- subresources the API server passes on (pods/log, pods/exec, metrics.k8s.io) ----

  /** Plugs in the kubelets' servers and metrics-server (the cluster does, once assembled). */
  serveSubresources(backends: SubresourceBackends): void {
    this.backends = backends;
  }

  /**
   * GET pods/{name}/log, proxied to the kubelet on the pod's node. `unscheduled`: the pod has no
   * node (or its node is gone); `unreachable`: the node is down, so the proxy's dial fails.
   */
  podLogs(pod: KObject, container: string, previous: boolean, query: LogQuery, actor = 'kubectl'): { lines: string[] } | { error: string } | { unscheduled: true } | { unreachable: true } {
    const nodeName: string | undefined = pod.spec?.nodeName;
    this.emitResource('get', 'pods/log', pod.metadata.namespace, pod.metadata.name!, actor, nodeName);
    const node = nodeName ? this.backends?.node(nodeName) : undefined;
    if (!node) return { unscheduled: true };
    if (!node.reachable) return { unreachable: true };
    return node.logs(pod.metadata.namespace!, pod.metadata.name!, container, previous, query);
  }

  /** POST pods/{name}/eviction: the pod deleted if its PodDisruptionBudget allows one more disruption (./eviction.ts). */
  evict(namespace: string, name: string, actor: string, opts: { gracePeriodSeconds?: number; dryRun?: boolean } = {}): KObject {
    this.emitResource('create', 'pods/eviction', namespace, name, actor);
    const host = {
      tryGet: (t: ResourceType, ns: string | undefined, n: string) => this.tryGet(t, ns, n),
      list: (t: ResourceType, ns?: string) => this.list(t, ns),
      updateStatus: (t: ResourceType, current: KObject, status: unknown, by: string) => this.updateStatus(t, current, status, by),
      delete: (t: ResourceType, ns: string | undefined, n: string, by: string, o: { gracePeriodSeconds?: number; dryRun?: boolean }) => this.delete(t, ns, n, by, o),
      now: () => this.clock.now(),
    };
    return evictPod(host, { pods: typeForKind('Pod'), budgets: typeForKind('PodDisruptionBudget') }, namespace, name, actor, opts);
  }

  /** POST pods/{name}/exec, proxied (upgraded to a stream) to the kubelet on the pod's node. */
  podExec(pod: KObject, container: string, words: string[], actor = 'kubectl', stdin?: string): ExecResult | { error: string } | { unreachable: true } {
    const nodeName: string | undefined = pod.spec?.nodeName;
    this.emitResource('create', 'pods/exec', pod.metadata.namespace, pod.metadata.name!, actor, nodeName);
    const node = nodeName ? this.backends?.node(nodeName) : undefined;
    if (!node || !node.reachable) return { unreachable: true };
    return node.exec(pod.metadata.namespace!, pod.metadata.name!, container, words, stdin);
  }

  /** POST serviceaccounts/{name}/token: a TokenRequest answered with a token for the account. */
  requestToken(namespace: string, name: string, opts: { expirationSeconds?: number; audiences?: string[] } = {}): IssuedToken {
    return issueToken(this.store, this.rng, this.clock.now(), namespace, name, opts);
  }

  /** The Metrics API (metrics.k8s.io), or undefined when no metrics-server is registered. */
  metricsApi(actor = 'kubectl', resource: 'nodes' | 'pods' = 'pods', namespace?: string): MetricsApi | undefined {
    this.emitResource('list', `${resource}.metrics.k8s.io`, namespace, '', actor);
    return this.backends?.metrics;
  }

  typeOf(obj: KObject): ResourceType {
    const t = this.types.resolveKind(obj.apiVersion, obj.kind);
    if (!t) throw badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    return t;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KObject {
    const obj = this.store.get(type.resource, type.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(qualifiedResource(type), name);
    return type.custom ? asVersion(type, obj) : obj;
  }

  tryGet(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const obj = this.store.get(type.resource, type.namespaced ? namespace : undefined, name);
    return obj && type.custom ? asVersion(type, obj) : obj;
  }

  list(type: ResourceType, namespace?: string, selector?: Selector): KObject[] {
    let all = this.store.list(type.resource, type.namespaced ? namespace : undefined);
    if (type.custom) all = all.map((o) => asVersion(type, o));
    return selector && selector.length ? all.filter((o) => matches(selector, o.metadata.labels)) : all;
  }

  /** Creates an object. `dryRun` runs every check and returns what would be stored. */
  create(input: KObject, actor: string, opts: { dryRun?: boolean; node?: string } = {}): KObject {
    const type = this.typeOf(input);
    // Kind-specific admission is the built-in kinds' only: a custom kind may share a name.
    const builtin = type.custom ? '' : type.kind;
    let obj: KObject = { ...input, apiVersion: apiVersionOf(type), kind: type.kind, metadata: { ...(input.metadata ?? {}) } };
    const m = obj.metadata;
    if (type.namespaced) {
      m.namespace ||= 'default';
      if (!this.store.get('namespaces', undefined, m.namespace)) throw notFound('namespaces', m.namespace);
      if (namespaceIsTerminating(this.store, m.namespace)) {
        // NamespaceLifecycle admission; admission.NewForbidden names the object "Unknown" when
        // it has neither name nor generateName yet.
        throw forbidden(`${qualifiedResource(type)} "${m.name || m.generateName || 'Unknown'}" is forbidden: unable to create new content in namespace ${m.namespace} because it is being terminated`);
      }
    } else if (m.namespace) {
      delete m.namespace;
    }
    if (!m.name && m.generateName) {
      // RetryGenerateName (KEP-4420, GA in v1.32): the API server itself retries a taken name.
      for (let attempt = 0; attempt < 8; attempt++) {
        m.name = `${m.generateName.slice(0, 58)}${this.rng.nameSuffix()}`;
        if (!this.store.get(type.resource, type.namespaced ? m.namespace : undefined, m.name)) break;
      }
    }
    for (const f of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) delete m[f];
    if (type.custom) obj = admitCustomResource(this.store, type, obj);
    else obj = canonicalizeQuantities(applyDefaults(builtin === 'CustomResourceDefinition' ? defaultCustomResourceDefinition(obj, true) : obj));
    const errs = validateObjectCreate(type, obj);
    if (errs.length) throw invalid(type.kind, obj.metadata.name ?? '', errs, type.group);
    if (this.store.get(type.resource, obj.metadata.namespace, obj.metadata.name!)) throw alreadyExists(qualifiedResource(type), obj.metadata.name!);
    if (builtin === 'ResourceQuota') refuseUnsupportedQuota(obj);
    if (builtin === 'Ingress') obj = admitIngressClass(this.store, obj);
    if (builtin === 'PersistentVolumeClaim') obj = admitClaim(this.store, obj);
    if (builtin === 'PersistentVolume') obj = admitVolume(obj);
    // Admission plugins in the API server's order: LimitRanger, ServiceAccount and Priority mutate, then ResourceQuota.
    if (builtin === 'Pod') obj = admitPodPriority(this.store, admitServiceAccount(this.store, admitLimitRanges(this.store, obj), () => this.rng.nameSuffix()), input.metadata?.name || input.metadata?.generateName || 'Unknown');
    if (builtin === 'PriorityClass') admitPriorityClass(this.store, obj, 'create');
    const charges = admitQuotas(this.store, type, obj);
    if (opts.dryRun) return obj;
    for (const { quota, used } of charges) {
      const current = this.store.get('resourcequotas', quota.metadata.namespace, quota.metadata.name!);
      if (current) this.updateStatus(quotaType, current, { ...current.status, used }, 'kube-apiserver');
    }
    obj = admitNewObject(obj, this.allocator);
    obj.metadata.uid = this.rng.uuid();
    obj.metadata.creationTimestamp = rfc3339(this.clock.now());
    if (builtin === 'Job') obj = admitJob(obj);
    if (type.custom || GENERATION_KINDS.has(builtin)) obj.metadata.generation = 1;
    if (this.requestManager) obj = recordUpdate(undefined, obj, input, this.requestManager, obj.metadata.creationTimestamp!);
    const stored = this.store.insert(type.resource, orderObject(toStorage(type, obj)));
    this.emit('create', type, stored.metadata.namespace, stored.metadata.name!, actor, opts.node);
    return type.custom ? asVersion(type, stored) : stored;
  }

  /**
   * Replaces spec and metadata (status is kept from the stored object, as the main resource
   * endpoint of types with a status subresource does). Fails with 409 on a stale resourceVersion.
   */
  update(input: KObject, actor: string, opts: { dryRun?: boolean; node?: string } = {}): KObject {
    const type = this.typeOf(input);
    const builtin = type.custom ? '' : type.kind;
    const ns = type.namespaced ? input.metadata.namespace || 'default' : undefined;
    const old = this.get(type, ns, input.metadata.name ?? '');
    let obj: KObject = { ...input, apiVersion: apiVersionOf(type), kind: type.kind, metadata: { ...input.metadata, namespace: ns } };
    if (!type.namespaced) delete obj.metadata.namespace;
    if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid) {
      throw new ApiError('Conflict', 409, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    // Fields owned by the server are carried over whatever the client sent.
    for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      if (old.metadata[f] === undefined) delete obj.metadata[f];
      else (obj.metadata as Record<string, unknown>)[f] = old.metadata[f];
    }
    if (old.metadata.deletionTimestamp) obj.metadata.finalizers = (obj.metadata.finalizers ?? []).filter((f) => old.metadata.finalizers?.includes(f));
    if (type.custom) obj = prepareCustomResourceUpdate(type, obj, old);
    else {
      obj = canonicalizeQuantities(applyDefaults(builtin === 'CustomResourceDefinition' ? defaultCustomResourceDefinition(obj, false) : obj));
      if ('status' in old) obj.status = old.status;
      else delete obj.status;
      if (builtin === 'CustomResourceDefinition') obj = recordStoredVersion(obj);
    }
    // namespaceStrategy.PrepareForUpdate: spec.finalizers change only through /finalize.
    if (builtin === 'Namespace') {
      obj.spec = { ...obj.spec };
      if (old.spec?.finalizers) obj.spec.finalizers = old.spec.finalizers;
      else delete obj.spec.finalizers;
    }
    if (builtin === 'Pod') obj.spec = { ...obj.spec, nodeName: old.spec?.nodeName, tolerations: obj.spec?.tolerations ?? old.spec?.tolerations };
    if (builtin === 'Pod') {
      for (const f of ['enableServiceLinks', 'preemptionPolicy', 'priority', 'serviceAccountName', 'serviceAccount']) if (obj.spec[f] === undefined) obj.spec[f] = old.spec?.[f];
      if (!obj.spec.nodeName) delete obj.spec.nodeName;
    }
    if (builtin === 'Service') {
      obj.spec = { ...obj.spec };
      if (!obj.spec.clusterIP) obj.spec.clusterIP = old.spec?.clusterIP;
      if (!obj.spec.clusterIPs) obj.spec.clusterIPs = old.spec?.clusterIPs;
      if (Array.isArray(obj.spec.ports)) {
        obj.spec.ports = obj.spec.ports.map((p: Record<string, unknown>) => {
          const prev = (old.spec?.ports ?? []).find((q: Record<string, unknown>) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
          return p.nodePort === undefined && prev?.nodePort !== undefined && obj.spec.type !== 'ClusterIP' ? { ...p, nodePort: prev.nodePort } : p;
        });
      }
    }
    const errs = validateObjectUpdate(type, obj, old);
    if (builtin === 'PersistentVolumeClaim' && !errs.length) admitClaimResize(this.store, obj, old);
    if (builtin === 'PriorityClass' && !errs.length) admitPriorityClass(this.store, obj, 'update');
    if (builtin === 'ResourceQuota') refuseUnsupportedQuota(obj);
    if (errs.length) throw invalid(type.kind, obj.metadata.name ?? '', errs, type.group);
    if (GENERATION_KINDS.has(builtin) && !deepEqual(obj.spec, old.spec)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    // customResourceStrategy: any change but to metadata (and status) moves the generation.
    if (type.custom && !deepEqual(withoutMetadata(obj), withoutMetadata(old))) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    if (this.requestManager) obj = recordUpdate(old, obj, undefined, this.requestManager, rfc3339(this.clock.now()));
    if (deepEqual(stripVersion(obj), stripVersion(old))) return old;
    if (opts.dryRun) return obj;
    const stored = this.store.replace(type.resource, orderObject(toStorage(type, obj)), input.metadata.resourceVersion || undefined);
    this.emit('update', type, stored.metadata.namespace, stored.metadata.name!, actor, opts.node);
    return this.finishIfFinalized(type, type.custom ? asVersion(type, stored) : stored, actor);
  }

  /**
   * PATCH: the patch applied to the stored object (../patch/patch.ts), then the update path of a
   * PUT — or, for the status subresource, only the status is written. `changed` is false when
   * the result is the object as it was (kubectl then says "patched (no change)").
   */
  patch(type: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, actor: string, opts: { dryRun?: boolean; subresource?: 'status' | 'ephemeralcontainers'; beforeWrite?: (next: KObject, current: KObject) => KObject } = {}): { object: KObject; changed: boolean; warnings: string[] } {
    const current = this.get(type, namespace, name);
    const patched = patchedObject(current, patchType, patch);
    const warnings = patched.warnings;
    // The served API records who changed which fields (managedFields) before the write.
    const obj = opts.beforeWrite && opts.subresource !== 'status' ? opts.beforeWrite(patched.obj, current) : patched.obj;
    // checkName: a patch may not move the object.
    if (obj.metadata?.name !== current.metadata.name) throw badRequest(`the name of the object (${String(obj.metadata?.name ?? '')}) does not match the name on the URL (${name})`);
    if (type.namespaced && obj.metadata.namespace !== current.metadata.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== current.metadata.resourceVersion) throw conflict(qualifiedResource(type), name);
    let object: KObject;
    if (opts.subresource === 'ephemeralcontainers') object = this.updateEphemeralContainers(current, obj, actor, { dryRun: opts.dryRun });
    else if (opts.subresource === 'status') {
      object = opts.dryRun ? { ...current, status: obj.status } : deepEqual(obj.status, current.status) ? current : this.updateStatus(type, current, obj.status, actor);
    } else object = this.update(obj, actor, { dryRun: opts.dryRun });
    const changed = opts.dryRun ? !deepEqual(stripVersion(object), stripVersion(current)) : object.metadata.resourceVersion !== current.metadata.resourceVersion;
    return { object, changed, warnings };
  }

  /** PUT pods/{name}/ephemeralcontainers: only spec.ephemeralContainers of `wanted` is taken (./ephemeralContainers.ts). */
  updateEphemeralContainers(current: KObject, wanted: KObject, actor: string, opts: { dryRun?: boolean } = {}): KObject {
    const next = ephemeralContainersUpdate(current, wanted);
    if (deepEqual(next.spec, current.spec) || opts.dryRun) return opts.dryRun ? next : current;
    const stored = this.store.replace('pods', next, current.metadata.resourceVersion);
    this.emitResource('update', 'pods/ephemeralcontainers', stored.metadata.namespace, stored.metadata.name!, actor);
    return stored;
  }

  /** Writes only the status of an object (the /status subresource). */
  updateStatus(type: ResourceType, current: KObject, status: unknown, actor: string, node?: string): KObject {
    let obj: KObject = { ...current, metadata: { ...current.metadata }, status };
    if (type.custom) obj = toStorage(type, admitCustomResourceStatus(type, obj));
    const stored = this.store.replace(type.resource, obj, current.metadata.resourceVersion);
    this.emit('updateStatus', type, stored.metadata.namespace, stored.metadata.name!, actor, node);
    return type.custom ? asVersion(type, stored) : stored;
  }

  /** Read-modify-write for control loops: `change` returns the new object, or undefined for no change. */
  mutate(type: ResourceType, namespace: string | undefined, name: string, actor: string, change: (obj: KObject) => KObject | undefined, node?: string): KObject | undefined {
    const current = this.tryGet(type, namespace, name);
    if (!current) return undefined;
    const next = change(current);
    if (!next || next === current) return current;
    next.metadata = { ...next.metadata, resourceVersion: current.metadata.resourceVersion };
    if (GENERATION_KINDS.has(type.custom ? '' : type.kind) && next.spec !== current.spec && !deepEqual(next.spec, current.spec)) next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    const stored = this.store.replace(type.resource, toStorage(type, next), current.metadata.resourceVersion);
    this.emit('update', type, stored.metadata.namespace, stored.metadata.name!, actor, node);
    return this.finishIfFinalized(type, type.custom ? asVersion(type, stored) : stored, actor);
  }

  /** The scheduler's Binding: sets spec.nodeName and the PodScheduled condition. */
  bind(pod: KObject, nodeName: string, actor: string): KObject {
    const type = typeForKind('Pod');
    const current = this.get(type, pod.metadata.namespace, pod.metadata.name!);
    if (current.spec?.nodeName) throw new ApiError('Conflict', 409, `Operation cannot be fulfilled on pods/binding "${pod.metadata.name}": pod ${pod.metadata.name} is already assigned to node "${current.spec.nodeName}"`);
    const now = rfc3339(this.clock.now());
    const conditions = [
      ...((current.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'PodScheduled'),
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
    ];
    const next: KObject = { ...current, spec: { ...current.spec, nodeName }, status: { ...current.status, conditions } };
    const stored = this.store.replace(type.resource, next, current.metadata.resourceVersion);
    this.emit('bind', type, stored.metadata.namespace, stored.metadata.name!, actor);
    return stored;
  }

  /**
   * Deletes an object the way the generic registry does: graceful for pods bound to a node,
   * deferred while finalizers remain, immediate otherwise. Returns the object as it now is
   * (with deletionTimestamp) or as it was when removed.
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, actor: string, opts: DeleteOptions = {}): KObject {
    const ns = type.namespaced ? namespace || 'default' : undefined;
    const builtin = type.custom ? '' : type.kind;
    if (builtin === 'Namespace' && IMMORTAL_NAMESPACES.has(name)) {
      // NamespaceLifecycle admission (k8s.io/apiserver …/namespace/lifecycle): checked before
      // the object is even read.
      throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
    }
    if (builtin === 'PriorityClass') refuseSystemPriorityClassDeletion(name);
    const current = this.get(type, ns, name);
    if (opts.uid && current.metadata.uid !== opts.uid) {
      throw new ApiError('Conflict', 409, `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    if (opts.dryRun) return current;
    const now = this.clock.now();
    let grace = 0;
    if (builtin === 'Pod') {
      const scheduled = !!current.spec?.nodeName;
      const finished = current.status?.phase === 'Succeeded' || current.status?.phase === 'Failed';
      grace = opts.gracePeriodSeconds ?? current.spec?.terminationGracePeriodSeconds ?? 30;
      if (!scheduled || finished) grace = 0;
    }
    if (builtin === 'Namespace') return this.deleteNamespace(type, current, actor, opts);
    if (builtin === 'CustomResourceDefinition' && !current.metadata.deletionTimestamp) return this.deleteCustomResourceDefinition(type, current, actor);
    const finalizers = [...(current.metadata.finalizers ?? [])];
    const policy = opts.propagationPolicy;
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion') && this.store.dependentCount(current.metadata.uid!) > 0) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan') && this.store.dependentCount(current.metadata.uid!) > 0) finalizers.push('orphan');

    if (current.metadata.deletionTimestamp) {
      // A second delete may only shorten a pod's grace period (e.g. --force --grace-period=0).
      if (builtin === 'Pod' && grace < (current.metadata.deletionGracePeriodSeconds ?? 0)) {
        if (grace === 0 && (current.metadata.finalizers ?? []).length === 0) return this.remove(type, current, actor);
        return this.markDeleting(type, current, current.metadata.finalizers ?? [], grace, now, actor);
      }
      return current;
    }
    if (grace > 0 || finalizers.length > 0) return this.markDeleting(type, current, finalizers, grace, now, actor);
    return this.remove(type, current, actor);
  }

  /**
   * pkg/registry/core/namespace/storage: the first delete only marks the namespace Terminating
   * (its content is the namespace controller's to delete); `spec.finalizers` are emptied through
   * the finalize subresource; a delete once they are empty (and no metadata finalizer is left)
   * removes it.
   */
  private deleteNamespace(type: ResourceType, current: KObject, actor: string, opts: DeleteOptions): KObject {
    if (!current.metadata.deletionTimestamp) {
      const finalizers = [...(current.metadata.finalizers ?? [])];
      if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
      if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
      const metadata: KObject['metadata'] = { ...current.metadata, deletionTimestamp: rfc3339(this.clock.now()) };
      if (finalizers.length) metadata.finalizers = finalizers;
      const next: KObject = { ...current, metadata, status: { ...current.status, phase: 'Terminating' } };
      const stored = this.store.replace(type.resource, orderObject(next), current.metadata.resourceVersion);
      this.emit('delete', type, undefined, stored.metadata.name!, actor);
      return stored;
    }
    if ((current.spec?.finalizers ?? []).length > 0 || (current.metadata.finalizers ?? []).length > 0) return current;
    return this.remove(type, current, actor);
  }

  /**
   * apiextensions-apiserver's CRD storage: a delete always goes through the cleanup finalizer,
   * whose controller deletes every custom object before the CRD goes (../../controllers/crdfinalizer.ts).
   */
  private deleteCustomResourceDefinition(type: ResourceType, current: KObject, actor: string): KObject {
    const finalizers = [...(current.metadata.finalizers ?? [])];
    if (!finalizers.includes(CRD_CLEANUP_FINALIZER)) finalizers.push(CRD_CLEANUP_FINALIZER);
    const now = rfc3339(this.clock.now());
    const conditions = [
      ...((current.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'Terminating'),
      { type: 'Terminating', status: 'True', lastTransitionTime: now, reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; instance deletion will be done in the finalizer' },
    ];
    const next: KObject = { ...current, metadata: { ...current.metadata, deletionTimestamp: now, deletionGracePeriodSeconds: 0, finalizers }, status: { ...current.status, conditions } };
    const stored = this.store.replace(type.resource, orderObject(next), current.metadata.resourceVersion);
    this.emit('delete', type, undefined, stored.metadata.name!, actor);
    return stored;
  }

  /** PUT /api/v1/namespaces/{name}/finalize: replaces spec.finalizers, nothing else. */
  finalizeNamespace(name: string, finalizers: string[], actor: string): KObject {
    const type = typeForKind('Namespace');
    const current = this.get(type, undefined, name);
    const next: KObject = { ...current, spec: { ...current.spec, finalizers } };
    if (finalizers.length === 0) delete next.spec.finalizers;
    const stored = this.store.replace(type.resource, next, current.metadata.resourceVersion);
    this.emit('update', type, undefined, name, actor);
    return stored;
  }

  private markDeleting(type: ResourceType, current: KObject, finalizers: string[], grace: number, now: number, actor: string): KObject {
    const metadata = { ...current.metadata, deletionTimestamp: rfc3339(now + grace * 1000), deletionGracePeriodSeconds: grace };
    if (finalizers.length) metadata.finalizers = finalizers;
    const next: KObject = { ...current, metadata };
    const stored = this.store.replace(type.resource, orderObject(toStorage(type, next)), current.metadata.resourceVersion);
    this.emit('delete', type, stored.metadata.namespace, stored.metadata.name!, actor);
    return type.custom ? asVersion(type, stored) : stored;
  }

  /** Once the last finalizer is gone from an object being deleted, it leaves the store. */
  private finishIfFinalized(type: ResourceType, obj: KObject, actor: string): KObject {
    if (!obj.metadata.deletionTimestamp || (obj.metadata.finalizers ?? []).length > 0) return obj;
    // A namespace leaves only through the namespace controller's final delete.
    if (type.kind === 'Namespace') return obj;
    if (type.kind === 'Pod' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0) return obj;
    return this.remove(type, obj, actor);
  }

  private remove(type: ResourceType, obj: KObject, actor: string): KObject {
    const removed = this.store.remove(type.resource, obj.metadata.namespace, obj.metadata.name!) ?? obj;
    releaseServiceAddresses(removed, this.allocator);
    this.emit('delete', type, removed.metadata.namespace, removed.metadata.name!, actor);
    return type.custom ? asVersion(type, removed) : removed;
  }

  /** Records an Event about an object, as a component's EventRecorder does. */
  event(obj: KObject | (ObjectRef & { apiVersion?: string }), type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string, fieldPath?: string): EventRecord {
    const ref =
      'metadata' in obj
        ? { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name ?? '', namespace: obj.metadata.namespace, uid: obj.metadata.uid }
        : { apiVersion: obj.apiVersion ?? 'v1', kind: obj.kind, name: obj.name, namespace: obj.namespace, uid: obj.uid };
    const involved: EventRecord['involved'] = { ...ref };
    if (!involved.namespace) {
      // Events about cluster-scoped objects live in "default", as in a real cluster.
      delete involved.namespace;
    }
    if (fieldPath) involved.fieldPath = fieldPath;
    const rec = this.events.record(involved, type, reason, message, component, host);
    if (!ref.namespace) rec.namespace = 'default';
    return rec;
  }

  resourceTypes(): ResourceType[] {
    return this.types.all();
  }
}

/**
 * A CRD's versions share one storage (conversion strategy None): objects are kept at the
 * storage version and served at the version asked for, nothing but apiVersion changing.
 */
function toStorage(type: ResourceType, obj: KObject): KObject {
  if (!type.custom || type.version === type.custom.storageVersion) return obj;
  return { ...obj, apiVersion: `${type.group}/${type.custom.storageVersion}` };
}

function asVersion(type: ResourceType, obj: KObject): KObject {
  const apiVersion = `${type.group}/${type.version}`;
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}

function withoutMetadata(o: KObject): KObject {
  const { metadata: _metadata, ...rest } = o;
  void _metadata;
  return rest as KObject;
}

function stripVersion(o: KObject): KObject {
  return { ...o, metadata: { ...o.metadata, resourceVersion: undefined } };
}

/** Keeps apiVersion/kind/metadata/spec/status first, as the API server serialises them. */
export function orderObject(obj: KObject): KObject {
  const { apiVersion, kind, metadata, spec, status, ...rest } = obj;
  const out: KObject = { apiVersion, kind, metadata };
  for (const [k, v] of Object.entries(rest)) out[k] = v;
  if (spec !== undefined) out.spec = spec;
  if (status !== undefined) out.status = status;
  return out;
}
