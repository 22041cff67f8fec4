import { describe, expect, it } from 'vitest';
import { k, newCluster } from '../testing/helpers';

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: php-apache}
spec:
  selector:
    matchLabels: {run: php-apache}
  template:
    metadata:
      labels: {run: php-apache}
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 500m}
          requests: {cpu: 200m}
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels: {run: php-apache}
spec:
  ports:
  - port: 80
  selector: {run: php-apache}
`;

describe('a pod looping over wget is a load generator', () => {
  it('the HPA walkthrough: load raises CPU, the HPA scales up; without it, back down after the window', () => {
    const c = newCluster();
    k(c, 'apply -f -', PHP_APACHE);
    k(c, 'autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
    c.advance(60);
    expect(k(c, 'get hpa php-apache')).toMatch(/cpu: \d+%\/50%\s+1\s+10\s+1\s/);
    k(c, 'run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
    c.advance(180);
    const replicas = Number(k(c, 'get deployment php-apache -o jsonpath={.spec.replicas}'));
    expect(replicas).toBeGreaterThan(3);
    expect(c.traffic.list().length).toBe(1);
    expect(c.traffic.list()[0].rps).toBeCloseTo(50, 0);
    k(c, 'delete pod load-generator');
    c.advance(60);
    expect(c.traffic.list()).toEqual([]);
    c.advance(400);
    expect(Number(k(c, 'get deployment php-apache -o jsonpath={.spec.replicas}'))).toBe(1);
  });
});
