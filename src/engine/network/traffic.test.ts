import { describe, expect, it } from 'vitest';
import { k, newCluster, NGINX_DEPLOYMENT } from '../testing/helpers';
import { replayCluster } from '../cluster/actionLog';
import { multinomial } from './traffic';
import { Rng } from '../sim/rng';

const SERVICE = (type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ${type}
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

function webCluster(type = 'ClusterIP') {
  const c = newCluster();
  k(c, 'apply -f -', NGINX_DEPLOYMENT);
  k(c, 'apply -f -', SERVICE(type));
  c.advance(30);
  return c;
}

describe('traffic through kube-proxy', () => {
  it('after every second: each pod\'s rate is what it got that second, and a pod that is gone and got nothing has left the table', () => {
    for (const [replicas, rps] of [[40, 5], [3, 5]]) {
      const c = webCluster();
      k(c, `scale deployment web --replicas=${replicas}`);
      c.advance(40);
      // Sparse (5 requests a second over 40 pods: most get none) and dense (over 3).
      c.startTraffic({ kind: 'Service', name: 'web' }, rps);
      const last = new Map<string, number>();
      for (let s = 0; s < 200; s++) {
        // Churn: a pod that just got traffic is removed at once (endpoints still name it for a
        // moment), others are scaled away and back.
        if (s % 7 === 3) {
          const busy = [...c.traffic.podRates().values()].find((p) => p.rps > 0 && c.store.get('pods', p.namespace, p.name));
          if (busy) k(c, `delete pod ${busy.name} --grace-period=0 --force`);
        }
        if (s % 50 === 25) k(c, `scale deployment web --replicas=${s % 100 === 25 ? Math.max(2, replicas - 10) : replicas}`);
        c.advance(1);
        let sum = 0;
        for (const [key, p] of c.traffic.podRates()) {
          sum += p.rps;
          if (!p.rps && !p.denied) expect(c.store.get('pods', p.namespace, p.name), `${key} at second ${s}`).toBeDefined();
          // Totals only grow, by at most what was sent in a second.
          expect(p.total - (last.get(key) ?? 0)).toBeLessThanOrEqual(rps);
          last.set(key, p.total);
        }
        expect(sum).toBeLessThanOrEqual(rps);
      }
    }
  });

  it('spreads requests evenly over the ready endpoints', () => {
    const c = webCluster();
    const load = c.startTraffic({ kind: 'Service', name: 'web' }, 300);
    c.advance(10);
    const s = c.traffic.list().find((x) => x.id === load.id)!;
    expect(s.sent).toBe(3000);
    expect(s.failed).toBe(0);
    const rates = [...c.traffic.podRates().values()];
    expect(rates).toHaveLength(3);
    expect(rates.reduce((sum, p) => sum + p.rps, 0)).toBe(300);
    for (const p of rates) {
      expect(p.name).toMatch(/^web-/);
      expect(p.total).toBeGreaterThan(850);
      expect(p.total).toBeLessThan(1150);
    }
  });

  it('refuses requests while no endpoint is ready, and only ready pods get traffic', () => {
    const c = webCluster();
    k(c, 'scale deployment web --replicas=0');
    c.advance(40);
    const load = c.startTraffic({ kind: 'Service', name: 'web' }, 50);
    c.advance(3);
    let s = c.traffic.list()[0];
    expect(s.last).toMatchObject({ ok: 0, refused: 50 });
    expect(s.lastError).toBe('no endpoints available for service "web"');
    k(c, 'scale deployment web --replicas=2');
    c.advance(1);
    // Pods exist but are not Running and Ready yet: still refused.
    expect(c.traffic.list()[0].last.refused).toBe(50);
    c.advance(30);
    s = c.traffic.list()[0];
    expect(s.last.ok).toBe(50);
    expect(Object.keys(s.last.perPod)).toHaveLength(2);
    c.stopTraffic(load.id);
    expect(c.traffic.list()).toHaveLength(0);
  });

  it('requests to pods on a dead node time out until the control plane removes them', () => {
    const c = webCluster();
    c.startTraffic({ kind: 'Service', name: 'web' }, 90);
    c.advance(2);
    const node = k(c, 'get pods -l app=web -o jsonpath={.items[0].spec.nodeName}');
    c.stopNode(node);
    c.advance(5);
    const during = c.traffic.list()[0];
    expect(during.last.timedOut).toBeGreaterThan(0);
    expect(during.lastError).toContain(`its node ${node} is down`);
    // node-monitor-grace-period 50 s, then the pods turn NotReady and leave the slices.
    c.advance(60);
    const after = c.traffic.list()[0];
    expect(after.last.timedOut).toBe(0);
    expect(after.last.ok).toBe(90);
  });

  it('reaches the same pods through a NodePort on any node and through a LoadBalancer', () => {
    const c = webCluster('LoadBalancer');
    c.advance(5);
    const nodePort = Number(k(c, 'get svc web -o jsonpath={.spec.ports[0].nodePort}'));
    const ip = k(c, 'get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    c.startTraffic({ kind: 'NodePort', node: 'worker-1', port: nodePort }, 30);
    c.startTraffic({ kind: 'LoadBalancer', ip }, 30);
    c.advance(2);
    for (const s of c.traffic.list()) expect(s.last.ok).toBe(30);
    expect(() => c.startTraffic({ kind: 'LoadBalancer', ip: '198.51.100.7' }, 10)).toThrow('no load balancer has the address 198.51.100.7');
  });

  it('refuses nonsense and replays deterministically', () => {
    const c = webCluster();
    expect(() => c.startTraffic({ kind: 'Service', name: 'nope' }, 10)).toThrow('services "nope" not found');
    expect(() => c.startTraffic({ kind: 'Service', name: 'web' }, -5)).toThrow('requests per second must be between 0 and 1000000');
    expect(() => c.startTraffic({ kind: 'Service', name: 'web' }, Number.NaN)).toThrow();
    const load = c.startTraffic({ kind: 'Service', name: 'web' }, 37.5);
    c.advance(4);
    c.setTraffic(load.id, 200);
    c.advance(3);
    const again = replayCluster(c.options, c.actionLog());
    expect(again.traffic.list()).toEqual(c.traffic.list());
    expect(c.traffic.list()[0].sent).toBe(150 + 600);
  });
});

describe('multinomial split', () => {
  it('conserves the total and stays near the mean for large loads', () => {
    const rng = new Rng(7);
    for (const [n, kk] of [[10, 3], [100_000, 7], [1_000_000, 250]]) {
      const out = multinomial(n, kk, rng);
      expect(out.reduce((a, b) => a + b, 0)).toBe(n);
      if (n >= 100_000) for (const x of out) expect(Math.abs(x - n / kk)).toBeLessThan((6 * Math.sqrt(n)) / Math.sqrt(kk) + 1);
    }
  });
});
