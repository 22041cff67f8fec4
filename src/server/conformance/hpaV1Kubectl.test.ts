/**
 * HorizontalPodAutoscalers at autoscaling/v1 through real kubectl v1.32: `kubectl autoscale`
 * (which creates v1 objects) and v1 manifests work against the served API, reading back at v1
 * gives v1's shape, and a v1 patch changes the one stored object.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the autoscaling/v1 conformance suite');

const V1_HPA = (max: number, cpu: number) => `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: ${max}
  targetCPUUtilizationPercentage: ${cpu}
`;

describe.runIf(!!KUBECTL)('autoscaling/v1 HorizontalPodAutoscalers through real kubectl v1.32', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);
  beforeAll(async () => {
    served = await serveForTest({ seed: 3 });
    expect((await k(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])).code).toBe(0);
  });
  afterAll(async () => {
    await served?.close();
  });

  it('kubectl autoscale creates one, served at v2 (preferred) and at v1', async () => {
    const made = await k(['autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=50']);
    expect([made.stdout, made.stderr, made.code]).toEqual(['horizontalpodautoscaler.autoscaling/web autoscaled\n', '', 0]);
    expect((await k(['get', 'hpa', 'web', '-o', 'jsonpath={.apiVersion} {.spec.metrics[0].resource.target.averageUtilization}'])).stdout).toBe('autoscaling/v2 50');
    expect((await k(['get', 'horizontalpodautoscalers.v1.autoscaling', 'web', '-o', 'jsonpath={.apiVersion} {.spec.targetCPUUtilizationPercentage} {.spec.maxReplicas}'])).stdout).toBe('autoscaling/v1 50 5');
    expect((await k(['api-versions'])).stdout).toContain('autoscaling/v1\nautoscaling/v2\n');
  });

  it('applies v1 manifests and v1 patches to the one stored object', async () => {
    expect((await k(['apply', '-f', '-'], V1_HPA(3, 70))).stdout).toBe('horizontalpodautoscaler.autoscaling/api created\n');
    expect((await k(['apply', '-f', '-'], V1_HPA(4, 60))).stdout).toBe('horizontalpodautoscaler.autoscaling/api configured\n');
    expect((await k(['get', 'hpa', 'api', '-o', 'jsonpath={.spec.maxReplicas} {.spec.metrics[0].resource.target.averageUtilization}'])).stdout).toBe('4 60');
    const patched = await k(['patch', 'horizontalpodautoscalers.v1.autoscaling', 'api', '--type=merge', '-p', '{"spec":{"targetCPUUtilizationPercentage":65}}']);
    expect([patched.stdout, patched.stderr]).toEqual(['horizontalpodautoscaler.autoscaling/api patched\n', '']);
    expect((await k(['get', 'hpa', 'api', '-o', 'jsonpath={.spec.metrics[0].resource.target.averageUtilization}'])).stdout).toBe('65');
  });
});
