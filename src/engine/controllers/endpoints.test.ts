/** Services' endpoints: only ready pods receive traffic; DNS names resolve from pods. */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail } from '../testing/helpers';

const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: 80\n';

describe('Endpoints and EndpointSlices', () => {
  it('list ready pods only, and follow pods as they come, go and turn unready', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    k(c, 'apply -f -', SVC);
    c.advance(20);
    const ips = c.store.list('pods', 'default').map((p) => p.status.podIP).sort();
    expect(k(c, 'get endpoints web')).toMatch(new RegExp(`^NAME   ENDPOINTS +AGE\\nweb    ${ips.map((ip) => `${ip.replace(/\./g, '\\.')}:80`).join(',')}   \\d+s\\n$`));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const slice = c.store.list('endpointslices', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')! as any;
    expect(slice.metadata.name).toMatch(/^web-\w{5}$/);
    expect(slice.endpoints.map((e: { addresses: string[] }) => e.addresses[0]).sort()).toEqual(ips);
    expect(slice.endpoints.every((e: { conditions: { ready: boolean } }) => e.conditions.ready)).toBe(true);
    expect(k(c, 'get endpointslices')).toMatch(/web-\w{5}    IPv4          80      /);
    // A pod whose node dies turns NotReady and leaves the endpoints.
    const victim = c.store.list('pods', 'default').find((p) => p.spec.nodeName === 'worker-1')!;
    c.stopNode('worker-1');
    c.advance(70);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ep = c.store.get('endpoints', 'default', 'web')! as any;
    expect(ep.subsets[0].addresses.map((a: { ip: string }) => a.ip)).not.toContain(victim.status.podIP);
    expect(ep.subsets[0].notReadyAddresses.map((a: { ip: string }) => a.ip)).toEqual([victim.status.podIP]);
    k(c, 'delete svc web');
    c.advance(2);
    expect(c.store.get('endpoints', 'default', 'web')).toBeUndefined();
    expect(c.store.list('endpointslices', 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });

  it('resolves service names from inside a pod (nslookup)', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    k(c, 'apply -f -', SVC);
    k(c, 'run client --image=busybox -- sleep 3600');
    c.advance(20);
    const ip = c.store.get('services', 'default', 'web')!.spec.clusterIP;
    const out = `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`;
    expect(k(c, 'exec client -- nslookup web')).toBe(out);
    expect(k(c, 'exec client -- nslookup web.default')).toBe(out);
    expect(k(c, 'exec client -- nslookup web.default.svc.cluster.local')).toBe(out);
    expect(k(c, 'exec client -- nslookup kubernetes.default')).toContain('Address: 10.96.0.1\n');
    expect(kFail(c, 'exec client -- nslookup nope')).toBe("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\ncommand terminated with exit code 1\n");
  });
});

describe('EndpointSlices as the controller writes them', () => {
  it('names an unnamed Service port "" and gives each endpoint its node zone', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=1');
    k(c, 'apply -f -', SVC);
    c.advance(30);
    const slice = c.store.list('endpointslices', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    const endpoints = slice.endpoints as { nodeName: string; zone?: string }[];
    const node = c.store.get('nodes', undefined, endpoints[0].nodeName)!;
    expect(endpoints[0].zone).toBe(node.metadata.labels!['topology.kubernetes.io/zone']);
    expect(endpoints[0].zone).toMatch(/^wh-central-1[abc]$/);
    // The Endpoints object keeps Go's omitempty: no name on an unnamed port.
    expect(k(c, 'get endpoints web -o jsonpath={.subsets[0].ports}')).toBe('[{"port":80,"protocol":"TCP"}]');
  });
});
