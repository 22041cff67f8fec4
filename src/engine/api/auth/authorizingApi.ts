/**
 * The API server as a client acting as someone else sees it (`kubectl --as`, a ServiceAccount's
 * token): every request is authorized before it is served, with the request attributes the
 * API server reads off the URL kubectl would send — and refused with its Forbidden answer.
 * The control loops keep the unwrapped server: they are not requests of this user, even when
 * they run while a command waits.
 *
 * kubectl changes objects with PATCH (apply, label, scale's `/scale`, rollout restart …), so
 * the simulator's read-modify-writes are authorized as the `patch` kubectl would send — except
 * `replace`, whose PUT is an `update`.
 */
import type { ApiServer, DeleteOptions } from '../server';
import type { ResourceType } from '../registry';
import type { KObject } from '../types';
import type { Selector } from '../labels';
import type { PatchType } from '../patch/patch';
import { forbiddenError, type Attributes, type ResourceAttributes } from './attributes';
import { confirmRbacWrite } from './escalation';
import type { Decision } from './rbac';
import { impersonatedUser, parseServiceAccountUsername, type UserInfo } from './user';

const ALL_NAMESPACES = '\0all';

export interface AuthorizationRecord {
  attributes: Attributes;
  decision: Decision;
}

/**
 * `subresourceOfWrites`: the subresource the client's writes go to (`scale` for kubectl scale).
 * `onDecision` hears every decision (the why-log records them).
 */
export function authorizingApi(api: ApiServer, user: UserInfo, opts: { subresourceOfWrites?: string; updateVerb?: 'update' | 'patch'; onDecision?: (r: AuthorizationRecord) => void } = {}): ApiServer {
  const check = (verb: string, type: ResourceType, namespace: string | undefined, name = '', subresource?: string): void => {
    const a: ResourceAttributes = { user, verb, apiGroup: type.group, resource: type.resource };
    if (subresource) a.subresource = subresource;
    if (name) a.name = name;
    if (type.namespaced && namespace !== ALL_NAMESPACES) a.namespace = namespace || 'default';
    authorize(api, a, opts.onDecision);
  };
  const pods = api.resourceTypes().find((t) => t.kind === 'Pod')!;
  const writes = opts.subresourceOfWrites;
  const noEscalation = (obj: KObject) => confirmNoEscalation(api, user, obj);
  const wrapped: Partial<Record<keyof ApiServer, unknown>> = {
    get: (type: ResourceType, ns: string | undefined, name: string) => (check('get', type, ns, name), api.get(type, ns, name)),
    tryGet: (type: ResourceType, ns: string | undefined, name: string) => (check('get', type, ns, name), api.tryGet(type, ns, name)),
    // A list without a namespace is across all of them: authorized at the cluster scope.
    list: (type: ResourceType, ns?: string, selector?: Selector) => (check('list', type, ns ?? ALL_NAMESPACES), api.list(type, ns, selector)),
    create: (input: KObject, actor: string, o?: { dryRun?: boolean }) => (check('create', api.typeOf(input), input.metadata?.namespace), noEscalation(input), api.create(input, actor, o)),
    update: (input: KObject, actor: string, o?: { dryRun?: boolean }) => (check(opts.updateVerb ?? 'patch', api.typeOf(input), input.metadata?.namespace, input.metadata?.name, writes), noEscalation(input), api.update(input, actor, o)),
    patch: (type: ResourceType, ns: string | undefined, name: string, patchType: PatchType, patch: unknown, actor: string, o?: Parameters<ApiServer['patch']>[6]) => {
      check('patch', type, ns, name, o?.subresource);
      const before = o?.beforeWrite;
      return api.patch(type, ns, name, patchType, patch, actor, { ...o, beforeWrite: (next: KObject, current: KObject) => noEscalation(before ? before(next, current) : next) });
    },
    mutate: (type: ResourceType, ns: string | undefined, name: string, actor: string, change: (obj: KObject) => KObject | undefined) => (
      check('patch', type, ns, name, writes),
      api.mutate(type, ns, name, actor, (obj) => {
        const next = change(obj);
        return next && noEscalation(next);
      })
    ),
    delete: (type: ResourceType, ns: string | undefined, name: string, actor: string, o?: DeleteOptions) => (check('delete', type, ns, name), api.delete(type, ns, name, actor, o)),
    evict: (ns: string, name: string, actor: string, o?: { gracePeriodSeconds?: number; dryRun?: boolean }) => (check('create', pods, ns, name, 'eviction'), api.evict(ns, name, actor, o)),
    podLogs: (pod: KObject, ...rest: unknown[]) => (check('get', pods, pod.metadata.namespace, pod.metadata.name, 'log'), (api.podLogs as (...a: unknown[]) => unknown)(pod, ...rest)),
    podExec: (pod: KObject, ...rest: unknown[]) => (check('create', pods, pod.metadata.namespace, pod.metadata.name, 'exec'), (api.podExec as (...a: unknown[]) => unknown)(pod, ...rest)),
    requestToken: (ns: string, name: string, o?: Parameters<ApiServer['requestToken']>[2]) => {
      const a: ResourceAttributes = { user, verb: 'create', apiGroup: '', resource: 'serviceaccounts', subresource: 'token', name, namespace: ns };
      authorize(api, a, opts.onDecision);
      return api.requestToken(ns, name, o);
    },
    metricsApi: (actor?: string, resource: 'nodes' | 'pods' = 'pods', ns?: string) => {
      const a: ResourceAttributes = { user, verb: 'list', apiGroup: 'metrics.k8s.io', resource };
      if (resource === 'pods' && ns) a.namespace = ns;
      authorize(api, a, opts.onDecision);
      return api.metricsApi(actor, resource, ns);
    },
  };
  return new Proxy(api, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(wrapped, prop)) return wrapped[prop as keyof ApiServer];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Being authorized to write an RBAC object is not yet being allowed to grant with it: the
 * escalation check (./escalation.ts) runs on what would be stored. Returns the object unchanged.
 */
export function confirmNoEscalation(api: ApiServer, user: UserInfo, obj: KObject): KObject {
  if (obj.apiVersion?.startsWith('rbac.authorization.k8s.io/')) {
    const lookup = (resource: string, ns: string | undefined, name: string) => {
      const type = api.resourceTypes().find((t) => t.resource === resource);
      return type ? api.tryGet(type, ns, name) : undefined;
    };
    confirmRbacWrite(api.authorizer, lookup, user, obj);
  }
  return obj;
}

/** Authorizes one request: throws the API server's Forbidden when RBAC allows it nowhere. */
export function authorize(api: ApiServer, a: Attributes, onDecision?: (r: AuthorizationRecord) => void): Decision {
  const decision = api.authorizer.authorize(a);
  onDecision?.({ attributes: a, decision });
  if (!decision.allowed) throw forbiddenError(a);
  return decision;
}

/**
 * The impersonation filter: `caller` must be allowed to `impersonate` the user (or the
 * ServiceAccount), each group and the uid named — in that order, the first refusal answered —
 * and the request then acts as that user (system:authenticated and a ServiceAccount's groups added).
 */
export function impersonate(api: ApiServer, caller: UserInfo, username: string, groups: string[], uid?: string): UserInfo {
  const sa = parseServiceAccountUsername(username);
  authorize(api, sa ? { user: caller, verb: 'impersonate', apiGroup: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name } : { user: caller, verb: 'impersonate', apiGroup: '', resource: 'users', name: username });
  for (const g of groups) authorize(api, { user: caller, verb: 'impersonate', apiGroup: '', resource: 'groups', name: g });
  if (uid) authorize(api, { user: caller, verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });
  return impersonatedUser(username, groups, uid);
}
