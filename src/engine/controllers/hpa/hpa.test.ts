import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster, rows, NGINX_DEPLOYMENT } from '../../testing/helpers';
import { calcReplicas } from './replicaCalculator';
import type { Cluster } from '../../cluster/cluster';

const WEB = NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 1').replace('        ports:', '        resources: {requests: {cpu: 100m}}\n        ports:');
const replicas = (c: Cluster) => Number(k(c, 'get deploy web -o jsonpath={.spec.replicas}'));
const hpaRow = (c: Cluster) => rows(k(c, 'get hpa'))[0];
const condition = (c: Cluster, type: string) => JSON.parse(k(c, `get hpa web -o jsonpath='{.status.conditions[?(@.type=="${type}")]}'`));

function webWithHpa(extra = '') {
  const c = newCluster();
  k(c, 'apply -f -', WEB);
  k(c, 'expose deployment web --port=80');
  if (extra) k(c, 'apply -f -', extra);
  else k(c, 'autoscale deployment web --cpu-percent=50 --min=1 --max=10');
  c.advance(45);
  return c;
}

describe('HorizontalPodAutoscaler', () => {
  it('scales up under load and back down only after the 5-minute stabilization window', () => {
    const c = webWithHpa();
    expect(hpaRow(c)).toEqual(['web', 'Deployment/web', expect.stringMatching(/^cpu: [0-4]%\/50%$/), '1', '10', '1', '45s']);
    const load = c.startTraffic({ kind: 'Service', name: 'web' }, 800);
    c.advance(30);
    // 800 req/s cost one pod about 200m of its 100m request: 200 % against 50 % → 4 pods (the most one sync may add).
    expect(replicas(c)).toBe(4);
    expect(k(c, 'get events')).toContain('New size: 4; reason: cpu resource utilization (percentage of request) above target');
    c.advance(60);
    expect(replicas(c)).toBe(4);
    expect(hpaRow(c)[2]).toMatch(/^cpu: (4[5-9]|5[0-5])%\/50%$/);

    c.stopTraffic(load.id);
    c.advance(240);
    expect(replicas(c)).toBe(4);
    expect(condition(c, 'AbleToScale')).toMatchObject({ status: 'True', reason: 'ScaleDownStabilized' });
    c.advance(90);
    expect(replicas(c)).toBe(1);
    expect(k(c, 'get events')).toContain('New size: 1; reason: All metrics below target');
    const described = k(c, 'describe hpa web');
    expect(described).toMatch(/Reference:\s+Deployment\/web\n/);
    expect(described).toMatch(/Metrics:\s+\( current \/ target \)\n  resource cpu on pods  \(as a percentage of request\):\s+\d+% \(\d+m\) \/ 50%\n/);
    expect(described).toMatch(/Deployment pods:\s+1 current \/ 1 desired\n/);
    expect(described).toMatch(/Conditions:\n  Type\s+Status\s+Reason\s+Message\n  ----\s+------\s+------\s+-------\n  AbleToScale\s+True\s+(SucceededRescale|ReadyForNewScale)\s/);
  });

  it('stops at maxReplicas and says so; behavior policies slow the climb', () => {
    const c = webWithHpa(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 3
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
  behavior:
    scaleUp:
      policies: [{type: Pods, value: 1, periodSeconds: 60}]
`);
    c.startTraffic({ kind: 'Service', name: 'web' }, 3000);
    c.advance(20);
    expect(replicas(c)).toBe(2);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    c.advance(45);
    expect(replicas(c)).toBe(2);
    c.advance(30);
    expect(replicas(c)).toBe(3);
    c.advance(120);
    expect(replicas(c)).toBe(3);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas' });
    // Defaults were filled in for the parts of behavior left out.
    expect(k(c, 'get hpa web -o jsonpath={.spec.behavior.scaleDown.stabilizationWindowSeconds}')).toBe('300');
  });

  it('a new HPA does not shrink an over-provisioned target at once', () => {
    const c = newCluster();
    k(c, 'apply -f -', WEB.replace('replicas: 1', 'replicas: 3'));
    k(c, 'autoscale deployment web --cpu-percent=50 --max=5');
    c.advance(120);
    expect(replicas(c)).toBe(3);
    // The history starts at the first sync with metrics (~30 s in), so the window ends ~330 s in.
    c.advance(240);
    expect(replicas(c)).toBe(1);
  });

  it('scales on requests per second as a Pods metric', () => {
    const c = webWithHpa(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 10
  metrics:
  - type: Pods
    pods:
      metric: {name: requests-per-second}
      target: {type: AverageValue, averageValue: "50"}
`);
    c.startTraffic({ kind: 'Service', name: 'web' }, 300);
    c.advance(120);
    expect(replicas(c)).toBe(6);
    expect(hpaRow(c)[2]).toMatch(/^requests-per-second: \d+(m)?\/50$/);
  });

  it('explains what it cannot measure', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 1'));
    k(c, 'autoscale deployment web --cpu-percent=50 --max=5');
    c.advance(60);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
    expect(condition(c, 'ScalingActive').message).toMatch(/^the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-\w+-\w+$/);
    expect(hpaRow(c)[2]).toBe('cpu: <unknown>/50%');
    k(c, 'apply -f -', `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: custom}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 5
  metrics:
  - type: Pods
    pods: {metric: {name: queue_depth}, target: {type: AverageValue, averageValue: "5"}}
`);
    c.advance(20);
    expect(k(c, 'get events')).toContain('unable to get metric queue_depth: unable to fetch metrics from custom metrics API: the server could not find the metric queue_depth for pods');
  });

  it('kubectl autoscale checks its arguments', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx');
    expect(kFail(c, 'autoscale deployment web')).toContain('--max=MAXPODS is required');
    expect(kFail(c, 'autoscale deployment web --min=5 --max=2')).toContain('--max=MAXPODS must be larger or equal to --min=MINPODS, currently 2 < 5');
    expect(kFail(c, 'autoscale deployment nope --max=2')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(k(c, 'autoscale deploy/web --max=3')).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    // Without --cpu-percent the API server defaults the target to 80 % CPU.
    expect(rows(k(c, 'get hpa'))[0][2]).toBe('cpu: <unknown>/80%');
  });
});

describe('replica calculator', () => {
  const pods = (values: (number | undefined)[], ready = true) => values.map((v, i) => ({ name: `p${i}`, value: v, request: 100, ready }));
  it('holds within the 10 % tolerance and scales proportionally outside it', () => {
    expect(calcReplicas(2, pods([54, 54]), 50, true).replicas).toBe(2);
    expect(calcReplicas(2, pods([100, 100]), 50, true).replicas).toBe(4);
    expect(calcReplicas(4, pods([10, 10, 10, 10]), 50, true).replicas).toBe(1);
  });
  it('assumes the worst for pods it cannot trust', () => {
    // Scaling down, a pod without metrics counts as using 100 % of target: no scale-down.
    expect(calcReplicas(3, pods([20, 20, undefined]), 50, true).replicas).toBe(2);
    expect(calcReplicas(2, pods([40, undefined]), 50, true).replicas).toBe(2);
    // Scaling up, unready pods count as 0 %.
    const mixed = [...pods([200]), { name: 'new', value: 150, request: 100, ready: false }];
    expect(calcReplicas(2, mixed, 50, true).replicas).toBe(4);
  });
});
