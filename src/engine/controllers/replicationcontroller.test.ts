/**
 * ReplicationControllers (legacy, still in many tutorials): kept by the ReplicaSet controller
 * with a label-map selector that defaults to the template's labels and may change; served as
 * kubectl 1.32 prints them.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../testing/helpers';

const RC = (replicas: number, selector = '') => `apiVersion: v1
kind: ReplicationController
metadata:
  name: nginx
spec:
  replicas: ${replicas}${selector}
  template:
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
`;

const podsOf = (c: ReturnType<typeof newCluster>) => c.store.list('pods', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'ReplicationController' && !p.metadata.deletionTimestamp);

describe('ReplicationController', () => {
  it('keeps its replicas, defaults its selector and labels from the template, and prints as kubectl does', () => {
    const c = newCluster({ workers: 2 });
    expect(k(c, 'apply -f -', RC(3))).toBe('replicationcontroller/nginx created\n');
    c.advance(30);
    expect(podsOf(c)).toHaveLength(3);
    const rc = JSON.parse(k(c, 'get rc nginx -o json'));
    expect(rc.spec.selector).toEqual({ app: 'nginx' });
    expect(rc.metadata.labels).toEqual({ app: 'nginx' });
    expect(rc.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    expect(k(c, 'get rc')).toBe('NAME    DESIRED   CURRENT   READY   AGE\nnginx   3         3         3       30s\n');
    expect(k(c, 'get rc -o wide')).toBe('NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR\nnginx   3         3         3       30s   nginx        nginx    app=nginx\n');
    expect(k(c, 'describe rc nginx')).toMatch(/^Name:         nginx\nNamespace:    default\nSelector:     app=nginx\nLabels:       app=nginx\nAnnotations:  <none>\nReplicas:     3 current \/ 3 desired\nPods Status:  3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n/);
    expect(k(c, 'scale rc nginx --replicas=1')).toBe('replicationcontroller/nginx scaled\n');
    c.advance(30);
    expect(podsOf(c)).toHaveLength(1);
    expect(k(c, 'get all')).toContain('replicationcontroller/nginx   1         1         1       60s');
    // A deleted pod comes back; deleting the controller takes its pods with it.
    k(c, `delete pod ${podsOf(c)[0].metadata.name}`);
    c.advance(20);
    expect(podsOf(c)).toHaveLength(1);
    k(c, 'delete rc nginx');
    c.advance(40);
    expect(podsOf(c)).toHaveLength(0);
    assertNoTaskFailures(c);
  });

  it('refuses a selector the template does not satisfy, and releases its pods when the selector changes', () => {
    const c = newCluster({ workers: 1 });
    expect(kFail(c, 'apply -f -', RC(1, '\n  selector:\n    app: other'))).toContain('spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`');
    k(c, 'apply -f -', RC(2));
    c.advance(30);
    const before = podsOf(c).map((p) => p.metadata.name);
    // A ReplicationController's selector may change (apps/v1's may not): the old pods no longer match and are let go.
    k(c, 'apply -f -', RC(2, '\n  selector:\n    app: nginx\n    tier: web').replace('        app: nginx\n', '        app: nginx\n        tier: web\n'));
    c.advance(30);
    const owned = podsOf(c).map((p) => p.metadata.name);
    expect(owned).toHaveLength(2);
    expect(owned.some((n) => before.includes(n))).toBe(false);
    expect(c.store.list('pods', 'default').filter((p) => before.includes(p.metadata.name) && !p.metadata.ownerReferences)).toHaveLength(2);
    assertNoTaskFailures(c);
  });
});
