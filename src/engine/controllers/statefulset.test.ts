import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';

const WEB = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector:
    matchLabels: {app: nginx}${extra}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.27
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

describe('StatefulSet', () => {
  it('creates web-0, web-1, web-2 in order, each after the previous is Ready', () => {
    const c = newCluster();
    expect(k(c, 'apply -f -', WEB(3))).toBe('statefulset.apps/web created\n');
    c.advance(2);
    expect(c.store.list('pods', 'default').map((p) => p.metadata.name)).toEqual(['web-0']);
    c.advance(60);
    const pods = c.store.list('pods', 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2']);
    const created = pods.map((p) => Date.parse(p.metadata.creationTimestamp!));
    expect(created[0]).toBeLessThan(created[1]);
    expect(created[1]).toBeLessThan(created[2]);
    expect(pods[1].spec.hostname).toBe('web-1');
    expect(pods[1].spec.subdomain).toBe('nginx');
    // The claim from the template, then the ServiceAccount token volume admission adds.
    expect(pods[1].spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(pods[1].spec.volumes.map((v: { name: string }) => v.name)).toEqual(['www', expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/)]);
    expect(k(c, 'get sts')).toMatch(/^NAME   READY   AGE\nweb    3\/3     \d+s\n$/);
    expect(k(c, 'rollout status sts/web')).toMatch(/^statefulset rolling update complete 3 pods at revision web-\w+\.\.\.\n$/);
  });

  it('keeps a pod\'s name when it is deleted, and scales down from the highest ordinal', () => {
    const c = newCluster();
    k(c, 'apply -f -', WEB(3));
    c.advance(60);
    const uid = c.store.get('pods', 'default', 'web-1')!.metadata.uid;
    k(c, 'delete pod web-1');
    c.advance(40);
    const again = c.store.get('pods', 'default', 'web-1')!;
    expect(again.metadata.uid).not.toBe(uid);
    expect(again.status.phase).toBe('Running');
    k(c, 'scale sts web --replicas=1');
    c.advance(0.1);
    expect(c.store.get('pods', 'default', 'web-2')!.metadata.deletionTimestamp).toBeDefined();
    expect(c.store.get('pods', 'default', 'web-1')!.metadata.deletionTimestamp).toBeUndefined();
    c.advance(90);
    expect(c.store.list('pods', 'default').map((p) => p.metadata.name)).toEqual(['web-0']);
  });

  it('rolls an update from the highest ordinal down', () => {
    const c = newCluster();
    k(c, 'apply -f -', WEB(3));
    c.advance(60);
    k(c, 'set image sts/web nginx=registry.k8s.io/nginx-slim:0.26');
    c.advance(0.1);
    const deleting = c.store.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(deleting).toEqual(['web-2']);
    c.advance(200);
    expect(c.store.list('pods', 'default').map((p) => p.spec.containers[0].image)).toEqual(Array(3).fill('registry.k8s.io/nginx-slim:0.26'));
  });
});
