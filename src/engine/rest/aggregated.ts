/**
 * APIs a real cluster serves beside the stored kinds: metrics-server's metrics.k8s.io/v1beta1
 * (`kubectl top`, the HPA) and the access reviews of authorization.k8s.io/v1 (`kubectl auth
 * can-i`; k9s and Headlamp ask before offering an action), answered by RBAC for the caller —
 * the kubeconfig's admin, a ServiceAccount's token, or whoever they impersonate.
 */
import { notFound } from '../api/errors';
import { ADMIN_USER, type UserInfo } from '../api/auth/user';
import type { Attributes } from '../api/auth/attributes';
import type { NodeMetrics, PodMetrics, Usage } from '../api/subresources';
import { matches, parseSelector } from '../api/labels';
import type { RestRequest, RestResponse } from './types';
import type { RestApi, Target } from './restApi';
import { failure, jsonResponse } from './status';
import { parseObjectBody } from './body';

const json = jsonResponse;

function usage(u: Usage): { cpu: string; memory: string } {
  return { cpu: `${Math.round(u.cpu * 1e6)}n`, memory: `${Math.round(u.memory / 1024)}Ki` };
}

function nodeMetrics(m: NodeMetrics, labels: Record<string, string> | undefined): unknown {
  return { kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: m.name, creationTimestamp: m.timestamp, ...(labels ? { labels } : {}) }, timestamp: m.timestamp, window: '20.05s', usage: usage(m.usage) };
}

function podMetrics(m: PodMetrics, labels: Record<string, string> | undefined): unknown {
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: { name: m.name, namespace: m.namespace, creationTimestamp: m.timestamp, ...(labels ? { labels } : {}) },
    timestamp: m.timestamp,
    window: m.window,
    containers: m.containers.map((c) => ({ name: c.name, usage: usage(c.usage) })),
  };
}

export function serveAggregated(rest: RestApi, req: RestRequest, t: Target, caller: UserInfo = ADMIN_USER): RestResponse {
  const method = req.method.toUpperCase();
  if (t.type.group === 'authentication.k8s.io') {
    if (method !== 'POST') return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    return json(201, { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: caller } });
  }
  if (t.type.group === 'authorization.k8s.io') {
    if (method !== 'POST') return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const body = parseObjectBody(req.body, req.contentType);
    const spec = (body.spec ?? {}) as Record<string, unknown>;
    const authorizer = rest.api.authorizer;
    let status: unknown;
    if (t.type.kind === 'SelfSubjectAccessReview') {
      const decision = authorizer.authorize(reviewAttributes(caller, spec));
      status = { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
    } else {
      // RulesFor: a rule with resources is a resource rule, one with URLs a non-resource rule (both, when it has both).
      const { rules, errors } = authorizer.rulesFor(caller, typeof spec.namespace === 'string' ? spec.namespace : '');
      status = {
        resourceRules: rules.filter((r) => r.resources?.length).map((r) => ({ verbs: r.verbs, ...(r.apiGroups ? { apiGroups: r.apiGroups } : {}), resources: r.resources, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) })),
        nonResourceRules: rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
        incomplete: false,
        ...(errors.length ? { evaluationError: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` } : {}),
      };
    }
    return json(201, { kind: t.type.kind, apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status });
  }
  if (method !== 'GET') return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const metrics = rest.api.metricsApi(rest.actor(req), t.type.resource as 'nodes' | 'pods', t.namespace);
  if (!metrics?.available()) return failure(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
  const q = new URLSearchParams(req.query ?? '');
  const selector = q.get('labelSelector') ? parseSelector(q.get('labelSelector')!) : [];
  if (t.type.resource === 'nodes') {
    const labelsOf = (name: string) => rest.api.store.get('nodes', undefined, name)?.metadata.labels;
    const all = metrics.nodes().filter((m) => matches(selector, labelsOf(m.name)));
    if (t.name) {
      const m = all.find((x) => x.name === t.name);
      if (!m) throw notFound('nodes.metrics.k8s.io', t.name);
      return json(200, nodeMetrics(m, labelsOf(m.name)));
    }
    return json(200, { kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items: all.map((m) => nodeMetrics(m, labelsOf(m.name))) });
  }
  const labelsOf = (ns: string, name: string) => rest.api.store.get('pods', ns, name)?.metadata.labels;
  if (t.name) {
    const m = metrics.pod(t.namespace ?? 'default', t.name);
    if (!m) throw notFound('pods.metrics.k8s.io', t.name);
    return json(200, podMetrics(m, labelsOf(m.namespace, m.name)));
  }
  const all = metrics.pods(t.namespace).filter((m) => matches(selector, labelsOf(m.namespace, m.name)));
  return json(200, { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items: all.map((m) => podMetrics(m, labelsOf(m.namespace, m.name))) });
}

/** A SelfSubjectAccessReview's spec as request attributes of the caller. */
function reviewAttributes(user: UserInfo, spec: Record<string, unknown>): Attributes {
  const r = (spec.resourceAttributes ?? undefined) as Record<string, string> | undefined;
  if (r) {
    const a: Attributes = { user, verb: r.verb ?? '', apiGroup: r.group ?? '', resource: r.resource ?? '' };
    if (r.subresource) a.subresource = r.subresource;
    if (r.name) a.name = r.name;
    if (r.namespace) a.namespace = r.namespace;
    return a;
  }
  const n = (spec.nonResourceAttributes ?? {}) as Record<string, string>;
  return { user, verb: n.verb ?? '', path: n.path ?? '' };
}
