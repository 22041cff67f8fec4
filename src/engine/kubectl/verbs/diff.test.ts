import { describe, expect, it } from 'vitest';
import { k, newCluster } from '../../testing/helpers';

const deployment = (replicas: number) => `apiVersion: apps/v1
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
        image: nginx:1.27
`;

describe('kubectl diff', () => {
  it('prints what an apply would change as a unified diff, exit 1; nothing and exit 0 when it would change nothing', () => {
    const c = newCluster();
    const created = c.kubectl('diff -f -', { stdin: deployment(2) });
    expect(created.exitCode).toBe(1);
    expect(created.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\n--- .*\t\d{4}-\d\d-\d\d [\d:.]+ \+0000\n\+\+\+ .*\n@@ -0,0 \+1,35 @@\n\+apiVersion: apps\/v1\n/);
    // Nothing was created: diff only asks the server for a dry run.
    expect(c.kubectl('get deployment web').exitCode).toBe(1);
    k(c, 'apply -f -', deployment(2));
    expect(c.kubectl('diff -f -', { stdin: deployment(2) })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const changed = c.kubectl('diff -f -', { stdin: deployment(3) });
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout).toContain('-  generation: 1\n+  generation: 2\n');
    expect(changed.stdout).toContain('-  replicas: 2\n+  replicas: 3\n');
    expect(k(c, 'get deployment web -o jsonpath={.spec.replicas}')).toBe('2');
  });
});
