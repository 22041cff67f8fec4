import { describe, expect, it } from 'vitest';
import { problemsFor } from './problems';
import { createCluster } from '../../engine/port';

const apply = (yaml: string) => {
  const c = createCluster();
  const r = c.kubectl('apply -f web.yaml', { files: { 'web.yaml': yaml } });
  expect(r.exitCode).not.toBe(0);
  return problemsFor(yaml, r.stderr);
};

describe('apply errors point at their line', () => {
  it('validation causes, unknown fields, wrong types, unknown kinds and YAML syntax', () => {
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: -1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;
    expect(apply(deploy)).toEqual([{ line: 6, message: expect.stringContaining('spec.replicas: Invalid value: -1') }]);
    expect(apply(deploy.replace('  replicas: -1', '  replicaz: 1'))[0].line).toBe(6);
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: http\n`;
    expect(apply(pod)[0].line).toBe(10);
    expect(apply(`apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n`)[0].line).toBe(2);
    expect(apply(`apiVersion: v1\nkind: Pod\nmetadata: [\n`)[0].line).toBe(4);
  });

  it('in a file of several documents, finds the one the error names', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\ndata: {a: b}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: broken\nspec:\n  ports:\n  - port: 99999\n`;
    const problems = apply(text);
    expect(problems[0].line).toBeGreaterThan(6);
  });
});
