import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from './quantity';

describe('canonicalQuantity: what the API server stores', () => {
  it.each([
    ['0.5', '500m'],
    [0.5, '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    [1, '1'],
    ['2000', '2k'],
    ['100M', '100M'],
    ['0.1', '100m'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['512', '512'],
    ['1023Ki', '1023Ki'],
    ['0.5Ki', '512'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['0', '0'],
    ['0Mi', '0'],
    ['250m', '250m'],
    ['0.0000000001', '1n'],
    ['-1.5', '-1500m'],
    ['1Ki', '1Ki'],
    ['1000Ki', '1000Ki'],
  ] as [string | number, string][])('%s → %s', (input, stored) => {
    expect(canonicalQuantity(input)).toBe(stored);
  });

  it('is undefined for what is not a quantity', () => {
    for (const bad of ['abc', '1.2.3', '.', '', '5 Gi', '1x']) expect(canonicalQuantity(bad)).toBeUndefined();
  });
});

describe('the API server stores quantities canonically', () => {
  it('rewrites requests, limits, quotas and claims as kubectl then reads them back', async () => {
    const { newCluster, k } = await import('../testing/helpers');
    const c = newCluster();
    k(
      c,
      'apply -f -',
      `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests: {cpu: 0.5, memory: 1024Mi}
      limits: {cpu: 1000m, memory: 1.5Gi}
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
spec:
  hard: {requests.cpu: "2000", pods: "10"}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests: {storage: 1024Mi}
`,
    );
    expect(k(c, 'get pod p -o jsonpath={.spec.containers[0].resources}')).toBe('{"limits":{"cpu":"1","memory":"1536Mi"},"requests":{"cpu":"500m","memory":"1Gi"}}');
    expect(k(c, 'get quota q -o jsonpath={.spec.hard}')).toBe('{"pods":"10","requests.cpu":"2k"}');
    expect(k(c, 'get pvc data -o jsonpath={.spec.resources.requests.storage}')).toBe('1Gi');
  });
});
