import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../testing/helpers';

describe('wget and curl inside the cluster', () => {
  it('a Service spreads requests over its ready pods; names resolve as CoreDNS does', () => {
    const c = newCluster();
    k(c, 'create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3');
    k(c, 'expose deployment hello --port=80 --target-port=8080');
    k(c, 'run client --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    const answers = new Set<string>();
    for (let i = 0; i < 6; i++) answers.add(/Hostname: (\S+)/.exec(k(c, 'exec client -- wget -qO- http://hello'))![1]);
    expect(answers.size).toBe(3);
    expect(k(c, 'exec client -- wget -qO- hello.default.svc.cluster.local')).toMatch(/^Hello, world!\nVersion: 1.0.0\nHostname: hello-/);
    expect(kFail(c, 'exec client -- wget -qO- http://nothing')).toContain("wget: bad address 'nothing'");
    expect(kFail(c, 'exec client -- curl http://hello')).toContain('exec: "curl": executable file not found in $PATH');
  });

  it('no ready endpoint is refused; nginx answers 404 for unknown paths; curl from nginx works', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=1');
    k(c, 'expose deployment web --port=80');
    c.advance(20);
    const pod = c.store.list('pods', 'default')[0].metadata.name!;
    expect(k(c, `exec ${pod} -- curl -s http://web`)).toContain('<title>Welcome to nginx!</title>');
    expect(k(c, `exec ${pod} -- curl -s http://web/missing`)).toContain('404 Not Found');
    k(c, 'scale deployment web --replicas=0');
    k(c, 'run client --image=busybox:1.36 -- sleep 3600');
    c.advance(40);
    expect(kFail(c, 'exec client -- wget -qO- http://web')).toMatch(/wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused/);
  });

  it('the ingress controller routes by Host header and path', () => {
    const c = newCluster();
    k(c, 'create deployment shop --image=gcr.io/google-samples/hello-app:1.0');
    k(c, 'expose deployment shop --port=80 --target-port=8080');
    k(c, 'create deployment blog --image=gcr.io/google-samples/hello-app:2.0');
    k(c, 'expose deployment blog --port=80 --target-port=8080');
    k(c, 'apply -f -', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: sites}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}
  - host: blog.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: blog, port: {number: 80}}}}
`);
    k(c, 'run client --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    const address = k(c, 'get ingress sites -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(k(c, `exec client -- wget -qO- --header "Host: shop.example.com" http://${address}/`)).toContain('Version: 1.0.0\nHostname: shop-');
    expect(k(c, `exec client -- wget -qO- --header "Host: blog.example.com" http://${address}/`)).toContain('Version: 2.0.0\nHostname: blog-');
    expect(kFail(c, `exec client -- wget -qO- --header "Host: other.example.com" http://${address}/`)).toContain('wget: server returned error: HTTP/1.1 404 Not Found');
  });
});
