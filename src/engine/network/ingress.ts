/**
 * A simulated ingress-nginx: the `nginx` IngressClass (the cluster default) and a controller
 * that publishes its load balancer address on the Ingresses it serves, plus the routing rule
 * it applies — host (exact or one-label wildcard), then the longest matching path (Exact
 * before Prefix; Prefix matches whole path elements), then the Ingress's default backend.
 */
import type { KObject } from '../api/types';
import type { ObjectStore, WatchEventType } from '../api/store';
import { typeForKind } from '../api/registry';
import type { ControllerContext } from '../client/context';
import { bound } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const COMPONENT = 'nginx-ingress-controller';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';
/** The controller's own LoadBalancer address (TEST-NET-2, apart from the cloud's Service pool). */
export const INGRESS_ADDRESS = '198.51.100.10';
const ingressType = typeForKind('Ingress');

export function nginxIngressClass(): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'nginx',
      labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
    },
    spec: { controller: INGRESS_CONTROLLER },
  };
}

export class IngressNginxController {
  constructor(private ctx: ControllerContext) {
    ctx.api.store.watch('ingresses', bound(this, this.onIngress));
  }

  private onIngress(type: WatchEventType, ing: KObject, old: KObject | undefined): void {
    if (type === 'DELETED') return;
    if (old && JSON.stringify(old.spec) === JSON.stringify(ing.spec)) return;
    // The controller notices, reloads nginx, then reports its address (a couple of seconds).
    this.ctx.clock.after(2_000 + Math.floor(this.ctx.rng.next() * 1_000), COMPONENT, bound(this, this.sync, ing.metadata.namespace!, ing.metadata.name!));
  }

  private sync(ns: string, name: string): void {
    const { api } = this.ctx;
    const ing = api.store.get('ingresses', ns, name);
    if (!ing || !servedByNginx(api.store, ing)) return;
    api.event(ing, 'Normal', 'Sync', 'Scheduled for sync', COMPONENT);
    const status = { loadBalancer: { ingress: [{ ip: INGRESS_ADDRESS }] } };
    if (JSON.stringify(ing.status) !== JSON.stringify(status)) api.updateStatus(ingressType, ing, status, COMPONENT);
  }
}

export function servedByNginx(store: ObjectStore, ing: KObject): boolean {
  const cls = ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (!cls) return false;
  return store.get('ingressclasses', undefined, cls)?.spec?.controller === INGRESS_CONTROLLER;
}

function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
  }
  return ruleHost === host;
}

function pathMatches(p: Any, path: string): boolean {
  const want = p.path ?? '/';
  if (p.pathType === 'Exact') return path === want;
  if (want === '/') return true;
  const base = want.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`);
}

/** Which Service and port an HTTP request for host+path reaches through the controller, or why none. */
export function routeIngress(store: ObjectStore, host: string, path: string): { namespace: string; service: string; port: Any } | { error: string } {
  const candidates = store.list('ingresses').filter((i) => servedByNginx(store, i) && i.status?.loadBalancer?.ingress?.length);
  let best: { ns: string; backend: Any; score: number } | undefined;
  for (const ing of candidates) {
    for (const rule of (ing.spec?.rules as Any[]) ?? []) {
      if (!hostMatches(rule.host, host)) continue;
      for (const p of rule.http?.paths ?? []) {
        if (!pathMatches(p, path)) continue;
        // Longer paths win; an exact match wins over a prefix of the same length; a named host over a wildcard.
        const score = (p.path ?? '/').length * 4 + (p.pathType === 'Exact' ? 2 : 0) + (rule.host && !rule.host.startsWith('*') ? 1 : 0);
        if (!best || score > best.score) best = { ns: ing.metadata.namespace!, backend: p.backend, score };
      }
    }
  }
  if (!best) {
    // An Ingress's defaultBackend catches what no rule matched: first one naming this host, else any (nginx's catch-all server).
    const withDefault = candidates.filter((i) => i.spec?.defaultBackend);
    const fallback = withDefault.find((i) => (i.spec?.rules ?? []).some((r: Any) => r.host && hostMatches(r.host, host))) ?? withDefault[0];
    if (fallback) best = { ns: fallback.metadata.namespace!, backend: fallback.spec.defaultBackend, score: 0 };
  }
  if (!best) return { error: `404 Not Found: no Ingress rule matches http://${host}${path}` };
  if (!best.backend?.service) return { error: 'the matching Ingress rule has a resource backend, which this simulator does not serve' };
  return { namespace: best.ns, service: best.backend.service.name, port: best.backend.service.port };
}
