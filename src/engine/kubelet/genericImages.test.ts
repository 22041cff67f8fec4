/** Images outside the simulator's known list: generic stand-ins, likely typos, unknown tags (issue 13 item 5). */
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../testing/helpers';
import { editDistance, likelyTypoOf } from './genericImages';
import { resolveImage } from './images';
import { parseImage } from '../util/imageref';
import type { Cluster } from '../cluster/cluster';

const FRONTEND = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
spec:
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: server
        image: us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.2
        ports:
        - containerPort: 8080
        readinessProbe:
          initialDelaySeconds: 10
          httpGet:
            path: "/_healthz"
            port: 8080
            httpHeaders:
            - name: "Cookie"
              value: "shop_session-id=x-readiness-probe"
        livenessProbe:
          initialDelaySeconds: 10
          httpGet:
            path: "/_healthz"
            port: 8080
            httpHeaders:
            - name: "Cookie"
              value: "shop_session-id=x-liveness-probe"
        env:
        - name: PORT
          value: "8080"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: productcatalogservice
spec:
  selector:
    matchLabels:
      app: productcatalogservice
  template:
    metadata:
      labels:
        app: productcatalogservice
    spec:
      containers:
      - name: server
        image: gcr.io/google-samples/microservices-demo/productcatalogservice:v0.10.2
        ports:
        - containerPort: 3550
        readinessProbe:
          grpc:
            port: 3550
        livenessProbe:
          grpc:
            port: 3550
`;

function reasonsFor(c: Cluster, podPrefix: string) {
  return c.reasons.recent().filter((r) => r.objects.some((o) => o.kind === 'Pod' && o.name.startsWith(podPrefix)));
}

describe('images the simulated registry does not know', () => {
  it("Google's microservices demo (frontend with HTTP probes, a gRPC-probed service) becomes Ready as generic stand-ins", () => {
    const c = newCluster();
    k(c, 'apply -f -', FRONTEND);
    c.advance(60);
    expect(k(c, 'get deploy')).toMatch(/frontend\s+1\/1\s+1\s+1/);
    expect(k(c, 'get deploy')).toMatch(/productcatalogservice\s+1\/1\s+1\s+1/);
    const pod = c.store.list('pods', 'default').find((p) => p.metadata.name!.startsWith('frontend-'))!;
    expect(pod.status.containerStatuses[0].ready).toBe(true);
    expect(pod.status.containerStatuses[0].restartCount).toBe(0);
    const events = k(c, `describe pod ${pod.metadata.name}`);
    expect(events).toContain('Successfully pulled image "us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.2"');
    expect(events).not.toContain('Unhealthy');
    const why = reasonsFor(c, 'frontend-').find((r) => r.key === 'kubelet.genericImageRegistry')!;
    expect(why.params).toMatchObject({ registry: 'us-central1-docker.pkg.dev', ports: '8080', container: 'server' });
    expect(reasonsFor(c, 'productcatalogservice-').some((r) => r.key === 'kubelet.genericImageRegistry' && r.params.registry === 'gcr.io')).toBe(true);
    const logs = k(c, `logs ${pod.metadata.name}`).trim().split('\n').map((l) => JSON.parse(l));
    expect(logs.map((l) => l.msg)).toEqual(['starting service', 'listening', 'ready to serve requests']);
    expect(logs[0]).toMatchObject({ service: 'frontend', version: 'v0.10.2', hostname: pod.metadata.name });
    expect(logs[1].addr).toBe(':8080');
  });

  it('ngnix is a likely typo of nginx: ErrImagePull with the registry\'s words, then ImagePullBackOff', () => {
    const c = newCluster();
    k(c, 'run web --image=ngnix');
    c.advance(3);
    const describe = k(c, 'describe pod web');
    expect(describe).toContain('Error: ErrImagePull');
    expect(describe).toContain(
      'Failed to pull image "ngnix": failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    c.advance(20);
    expect(k(c, 'get pod web')).toMatch(/web\s+0\/1\s+ImagePullBackOff/);
    const typo = reasonsFor(c, 'web').find((r) => r.key === 'kubelet.imageTypo')!;
    expect(typo.params).toMatchObject({ image: 'ngnix', suggestion: 'nginx', container: 'web' });
  });

  it('an unknown tag of a known image still fails as "not found", with the tags it has', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx:9.99');
    c.advance(3);
    expect(k(c, 'describe pod web')).toContain('failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found');
    const why = reasonsFor(c, 'web').find((r) => r.key === 'kubelet.imageUnknownTag')!;
    expect(why.params).toMatchObject({ repository: 'docker.io/library/nginx', tag: '9.99' });
    expect(String(why.params.tags)).toContain('1.27');
  });

  it("a team's own image (myteam/api:1.4 on 8080) serves wget through a Service", () => {
    const c = newCluster();
    k(c, 'create deployment api --image=myteam/api:1.4 --port=8080 --replicas=2');
    k(c, 'expose deployment api --port=80 --target-port=8080');
    k(c, 'run client --image=busybox:1.36 -- sleep 3600');
    c.advance(40);
    expect(k(c, 'get deploy api')).toMatch(/api\s+2\/2/);
    const body = JSON.parse(k(c, 'exec client -- wget -qO- http://api/v1/items'));
    expect(body).toMatchObject({ status: 'ok', image: 'myteam/api:1.4', path: '/v1/items' });
    expect(body.hostname).toMatch(/^api-/);
    // A port the container does not declare is closed.
    const pod = c.store.list('pods', 'default').find((p) => p.metadata.name!.startsWith('api-'))!;
    expect(kFail(c, `exec client -- wget -qO- http://${pod.status.podIP}:9999`)).toMatch(/Connection refused/);
    expect(reasonsFor(c, 'api-').some((r) => r.key === 'kubelet.genericImageTagged' && r.params.ports === '8080')).toBe(true);
  });

  it('a bare unknown name (no registry, no tag) is not taken for a real image', () => {
    const c = newCluster();
    k(c, 'run x --image=myteam/api');
    c.advance(3);
    expect(k(c, 'get pod x')).toMatch(/x\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    expect(reasonsFor(c, 'x').some((r) => r.key === 'kubelet.imageUnknownRepository')).toBe(true);
  });
});

describe('typo detection (Damerau–Levenshtein ≤ 2 against the known names)', () => {
  it('measures edits with adjacent transpositions as one', () => {
    expect(editDistance('ngnix', 'nginx')).toBe(1);
    expect(editDistance('redsi', 'redis')).toBe(1);
    expect(editDistance('ngingx', 'nginx')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it.each([
    ['ngnix', 'nginx'],
    ['ngingx', 'nginx'],
    ['busybx', 'busybox'],
    ['redsi', 'redis'],
    ['postgress:16', 'postgres'],
  ])('%s → %s', (image, meant) => {
    expect(likelyTypoOf(parseImage(image), ['nginx', 'busybox', 'redis', 'postgres', 'node', 'mongo'])).toBe(meant);
    const r = resolveImage(image);
    expect(r.ok).toBe(false);
    expect(r.verdict).toEqual({ kind: 'typo', suggestion: meant });
  });

  it('leaves alone what is not a typo', () => {
    expect(resolveImage('nginx').verdict).toEqual({ kind: 'known' });
    expect(resolveImage('myteam/nginx-proxy:2').verdict).toEqual({ kind: 'generic', why: 'orgWithTag' });
    expect(resolveImage('ghcr.io/acme/ngnix:1').verdict).toEqual({ kind: 'generic', why: 'registryHost' });
    expect(resolveImage('localhost:5000/app').verdict).toEqual({ kind: 'generic', why: 'registryHost' });
    expect(resolveImage('abc').verdict).toEqual({ kind: 'unknownRepository' });
    expect(resolveImage('registry.k8s.io/pause:9.9').verdict.kind).toBe('unknownTag');
  });
});
