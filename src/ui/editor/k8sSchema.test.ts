import { describe, expect, it } from 'vitest';
import { kubernetesSchema } from './k8sSchema';

describe('the editor schema', () => {
  it('has a root per served kind, chosen by kind, with the API versions learners write', () => {
    const s = kubernetesSchema() as { properties: { kind: { enum: string[] }; apiVersion: { enum: string[] } }; allOf: { if: { properties: { kind: { const: string } } }; then: { $ref: string } }[]; definitions: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }> };
    expect(s.properties.kind.enum).toEqual(expect.arrayContaining(['Pod', 'Deployment', 'Service', 'PersistentVolumeClaim', 'StorageClass', 'Ingress', 'HorizontalPodAutoscaler']));
    expect(s.properties.apiVersion.enum).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'storage.k8s.io/v1', 'autoscaling/v2']));
    const deploy = s.allOf.find((x) => x.if.properties.kind.const === 'Deployment')!;
    expect(deploy.then.$ref).toBe('#/definitions/apps.v1.Deployment');
    const spec = s.definitions['apps.v1.DeploymentSpec'];
    expect(spec.additionalProperties).toBe(false);
    expect(Object.keys(spec.properties!)).toEqual(expect.arrayContaining(['replicas', 'selector', 'template', 'strategy']));
    // Every $ref points at a definition that exists.
    const text = JSON.stringify(s);
    for (const m of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) expect(s.definitions[m[1]], m[1]).toBeDefined();
  });
});
