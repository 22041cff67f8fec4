/**
 * `kubectl apply --server-side` in the simulator, with the field ownership the API server keeps:
 * the simulator's own kubectl records its writes under kubectl's field managers, so an apply
 * meets the same conflicts it would on a real cluster.
 */
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';

const deployment = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
`;

describe('kubectl apply --server-side', () => {
  it('conflicts with the manager that set a field, unless forced', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx:1.27 --replicas=1');
    const managers = JSON.parse(k(c, 'get deployment web -o json --show-managed-fields')).metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`);
    expect(managers).toEqual(['kubectl-create/Update']);
    // Hidden unless asked for, as kubectl prints objects.
    expect(k(c, 'get deployment web -o yaml')).not.toContain('managedFields');
    const err = kFail(c, 'apply --server-side -f -', deployment(3));
    expect(err).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl-create" using apps\/v1 at [0-9T:-]+Z: \.spec\.replicas\nPlease review the fields above--they currently have other managers\./);
    expect(k(c, 'get deployment web -o jsonpath={.spec.replicas}')).toBe('1');
    expect(k(c, 'apply --server-side --force-conflicts -f -', deployment(3))).toBe('deployment.apps/web serverside-applied\n');
    expect(k(c, 'get deployment web -o jsonpath={.spec.replicas}')).toBe('3');
  });

  it('co-owns a field set to the same value, and drops what it stops applying', () => {
    const c = newCluster();
    expect(k(c, 'apply --server-side -f -', deployment(2))).toBe('deployment.apps/web serverside-applied\n');
    k(c, 'label deployment web tier=front');
    // The label is kubectl-label's: a later apply without it leaves it alone.
    expect(k(c, 'apply --server-side -f -', deployment(2, 'nginx:1.26'))).toBe('deployment.apps/web serverside-applied\n');
    expect(k(c, 'get deployment web -o jsonpath={.metadata.labels.tier}/{.spec.template.spec.containers[0].image}')).toBe('front/nginx:1.26');
  });
});
