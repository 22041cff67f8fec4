import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster, rows } from '../testing/helpers';

const app = (name: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: 80}]
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  defaultBackend:
    service: {name: front, port: {number: 80}}
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /api/health, pathType: Exact, backend: {service: {name: health, port: {number: 80}}}}
      - {path: /, pathType: Prefix, backend: {service: {name: front, port: {number: 80}}}}
  - host: "*.example.com"
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: other, port: {number: 80}}}}
`;

describe('Ingress with the simulated ingress-nginx', () => {
  it('gets the default class and an ADDRESS, and routes by host and path', () => {
    const c = newCluster();
    expect(rows(k(c, 'get ingressclass'))).toEqual([['nginx', 'k8s.io/ingress-nginx', '<none>', expect.any(String)]]);
    k(c, 'apply -f -', [app('front'), app('api'), app('health', 1), app('other', 1)].join('---\n'));
    k(c, 'apply -f -', INGRESS);
    // Until the controller reports, ADDRESS is blank.
    expect(k(c, 'get ingress')).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\nshop\s+nginx\s+shop\.example\.com,\*\.example\.com\s+80\s+0s\n$/);
    c.advance(30);
    expect(rows(k(c, 'get ing'))[0].slice(0, 5)).toEqual(['shop', 'nginx', 'shop.example.com,*.example.com', '198.51.100.10', '80']);

    const send = (host: string, path: string) => c.startTraffic({ kind: 'Ingress', host, path }, 10);
    const loads = {
      api: send('shop.example.com', '/api/orders'),
      apiExact: send('shop.example.com', '/api'),
      health: send('shop.example.com', '/api/health'),
      notApi: send('shop.example.com', '/apiary'),
      wildcard: send('blog.example.com', '/'),
      deepWildcard: send('a.b.example.com', '/'),
      unknownHost: send('elsewhere.org', '/x'),
    };
    c.advance(2);
    const servedBy = (id: string) => Object.keys(c.traffic.list().find((s) => s.id === id)!.last.perPod).map((p) => p.split('-')[0]);
    expect(new Set(servedBy(loads.api.id))).toEqual(new Set(['api']));
    expect(new Set(servedBy(loads.apiExact.id))).toEqual(new Set(['api']));
    expect(servedBy(loads.health.id)).toEqual(['health']);
    expect(new Set(servedBy(loads.notApi.id))).toEqual(new Set(['front']));
    expect(servedBy(loads.wildcard.id)).toEqual(['other']);
    // A wildcard covers one label only; unmatched hosts fall to the default backend.
    expect(new Set(servedBy(loads.deepWildcard.id))).toEqual(new Set(['front']));
    expect(new Set(servedBy(loads.unknownHost.id))).toEqual(new Set(['front']));
  });

  it('answers 404 without a matching rule or default backend, 503 without the Service', () => {
    const c = newCluster();
    k(c, 'apply -f -', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: only}
spec:
  rules:
  - host: a.test
    http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: missing, port: {number: 80}}}}]
`);
    c.advance(10);
    const nope = c.startTraffic({ kind: 'Ingress', host: 'b.test', path: '/' }, 5);
    const gone = c.startTraffic({ kind: 'Ingress', host: 'a.test', path: '/' }, 5);
    c.advance(2);
    const byId = (id: string) => c.traffic.list().find((s) => s.id === id)!;
    expect(byId(nope.id).lastError).toBe('404 Not Found: no Ingress rule matches http://b.test/');
    expect(byId(gone.id).lastError).toBe('503 Service Unavailable: the Ingress backend service "missing" does not exist');
  });

  it('refuses invalid Ingresses with the API server\'s words', () => {
    const c = newCluster();
    const err = kFail(c, 'apply -f -', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bad}
spec:
  rules:
  - host: 10.0.0.1
    http:
      paths: [{path: api, backend: {service: {name: x, port: {number: 80}}}}]
`);
    expect(err).toContain('The Ingress "bad" is invalid');
    expect(err).toContain('spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address');
    expect(err).toContain('spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    expect(err).toContain('spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path');
  });
});
