import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail } from '../testing/helpers';

describe('exposing apps', () => {
  it('kubectl expose creates a ClusterIP Service selecting the deployment\'s pods', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2 --port=80');
    expect(k(c, 'expose deployment web --port=80 --dry-run=client -o yaml')).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n',
    );
    expect(k(c, 'expose deployment web')).toBe('service/web exposed\n');
    c.advance(20);
    expect(k(c, 'get svc web')).toMatch(/^NAME   TYPE        CLUSTER-IP +EXTERNAL-IP   PORT\(S\)   AGE\nweb    ClusterIP   10\.\d+\.\d+\.\d+ +<none>        80\/TCP    \d+s\n$/);
    expect(k(c, 'get endpoints web')).toMatch(/web    10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 /);
    expect(kFail(c, 'expose deployment nope --port=80')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    k(c, 'run bare --image=busybox -- sleep 3600');
    expect(kFail(c, 'expose pod bare')).toContain("error: couldn't find port via --port flag or introspection");
  });

  it('NodePort gets a port from 30000-32767; LoadBalancer an external IP after provisioning', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2 --port=80');
    k(c, 'expose deployment web --type=NodePort --name=web-np');
    expect(k(c, 'get svc web-np')).toMatch(/web-np   NodePort   10\.\d+\.\d+\.\d+ +<none>        80:3\d{4}\/TCP /);
    const np = c.store.get('services', 'default', 'web-np')!.spec.ports[0].nodePort;
    expect(np).toBeGreaterThanOrEqual(30000);
    expect(np).toBeLessThanOrEqual(32767);
    k(c, 'expose deployment web --type=LoadBalancer --name=web-lb --port=80');
    c.advance(1);
    expect(k(c, 'get svc web-lb')).toMatch(/web-lb   LoadBalancer   10\.\d+\.\d+\.\d+ +<pending>     80:3\d{4}\/TCP /);
    c.advance(5);
    expect(k(c, 'get svc web-lb')).toMatch(/web-lb   LoadBalancer   10\.\d+\.\d+\.\d+ +203\.0\.113\.10   80:3\d{4}\/TCP /);
    const d = k(c, 'describe svc web-lb');
    expect(d).toContain('LoadBalancer Ingress:     203.0.113.10 (VIP)\n');
    expect(d).toMatch(/Normal  EnsuringLoadBalancer  \d+s +service-controller  Ensuring load balancer\n  Normal  EnsuredLoadBalancer   \d+s +service-controller  Ensured load balancer\n/);
  });
});
