import { describe, expect, it } from 'vitest';
import type { KObject } from '../types';
import { hpaFromV1, hpaToV1 } from './hpaV1';

const V2: KObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default', annotations: { team: 'shop' } },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 2,
    maxReplicas: 6,
    metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } },
    ],
    behavior: { scaleDown: { stabilizationWindowSeconds: 60 } },
  },
  status: { currentReplicas: 2, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 75 } } }], conditions: [{ type: 'AbleToScale', status: 'True' }] },
};

describe('autoscaling/v1 conversion', () => {
  it('keeps the CPU target in v1 fields and everything else in annotations, and loses nothing on the way back', () => {
    const v1 = hpaToV1(V2);
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 60 });
    expect(v1.status).toEqual({ currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 75 });
    expect(Object.keys(v1.metadata.annotations!).sort()).toEqual(['autoscaling.alpha.kubernetes.io/behavior', 'autoscaling.alpha.kubernetes.io/conditions', 'autoscaling.alpha.kubernetes.io/metrics', 'team']);
    expect(hpaFromV1(v1)).toEqual(V2);
  });

  it('reads a plain v1 object as v2 with one CPU metric, or none (v2 defaulting then adds 80%)', () => {
    const plain: KObject = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'a' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'a' }, maxReplicas: 3, targetCPUUtilizationPercentage: 50 } };
    expect(hpaFromV1(plain).spec).toEqual({ scaleTargetRef: { kind: 'Deployment', name: 'a' }, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    const { targetCPUUtilizationPercentage: _t, ...noTarget } = plain.spec;
    void _t;
    expect(hpaFromV1({ ...plain, spec: noTarget }).spec.metrics).toBeUndefined();
  });
});
