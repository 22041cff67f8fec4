/** kubectl patch as a learner types it, with real kubectl's words. */
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';

function cluster() {
  const c = newCluster();
  k(c, 'create deployment web --image=nginx:1.27 --replicas=2');
  c.advance(30);
  return c;
}

describe('kubectl patch', () => {
  it('strategic merge by default: a container is matched by name, the rollout follows', () => {
    const c = cluster();
    expect(k(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'`)).toBe('deployment.apps/web patched\n');
    expect(k(c, "get deployment web -o jsonpath='{.spec.template.spec.containers[*].image}'")).toBe('nginx:1.26');
    c.advance(120);
    expect(k(c, 'rollout status deployment web')).toBe('deployment "web" successfully rolled out\n');
    // The same patch again changes nothing.
    expect(k(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'`)).toBe('deployment.apps/web patched (no change)\n');
  });

  it('merge and json types, YAML patches, dry runs and -o', () => {
    const c = cluster();
    expect(k(c, `patch deploy web --type merge -p '{"spec":{"replicas":4}}'`)).toBe('deployment.apps/web patched\n');
    expect(k(c, `patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`)).toBe('deployment.apps/web patched\n');
    expect(k(c, `patch deploy web -p 'metadata: {labels: {tier: front}}'`)).toBe('deployment.apps/web patched\n');
    expect(k(c, "get deploy web -o jsonpath='{.spec.replicas} {.metadata.labels.tier}'")).toBe('1 front');
    expect(k(c, `patch deploy web -p '{"spec":{"replicas":7}}' --dry-run=server`)).toBe('deployment.apps/web patched (server dry run)\n');
    expect(k(c, `patch deploy web -p '{"spec":{"replicas":7}}' --dry-run=client`)).toBe('deployment.apps/web patched (dry run)\n');
    expect(k(c, "get deploy web -o jsonpath='{.spec.replicas}'")).toBe('1');
    expect(k(c, `patch deploy web -p '{"spec":{"replicas":2}}' -o name`)).toBe('deployment.apps/web\n');
    expect(k(c, `patch deploy web --subresource=scale --type=merge -p '{"spec":{"replicas":3}}'`)).toBe('scale.autoscaling/web patched\n');
    expect(k(c, "get deploy web -o jsonpath='{.spec.replicas}'")).toBe('3');
  });

  it('unknown fields are dropped with a warning (the server warns by default); bad patches get the server\'s words', () => {
    const c = cluster();
    const r = c.kubectl(`patch deploy web -p '{"spec":{"replica":3}}'`);
    expect(r.stderr).toBe('Warning: unknown field "spec.replica"\n');
    expect(r.stdout).toBe('deployment.apps/web patched (no change)\n');
    expect(kFail(c, `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`)).toBe('Error from server (InternalError): Internal error occurred: map: map[image:x] does not contain declared merge key: name\n');
    expect(kFail(c, `patch deploy web --type json -p '[{"op":"replace","path":"/spec/nope","value":1}]'`)).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
    expect(kFail(c, `patch deploy web --type json -p '{"op":"add"}'`)).toBe('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
    expect(kFail(c, `patch deploy web -p '{"spec":{"replicas":-1}}'`)).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    expect(kFail(c, `patch deploy web -p '{"spec":{"replicas":"two"}}'`)).toMatch(/^Error from server \(BadRequest\): json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n$/);
    expect(kFail(c, `patch deploy nope -p '{"spec":{}}'`)).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(kFail(c, `patch deploy web -p '{bad'`)).toBe("Error from server (BadRequest): invalid character 'b' looking for beginning of object key string\n");
    expect(kFail(c, `patch deploy web -p '{"spec":{"replicas":2 "x":1}}'`)).toBe("Error from server (BadRequest): invalid character '\"' after object key:value pair\n");
    expect(kFail(c, 'patch deploy web')).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(kFail(c, `patch deploy web --type foo -p '{}'`)).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(kFail(c, `patch deploy web -p '{"metadata":{"name":"other"}}'`)).toBe('Error from server (BadRequest): the name of the object (other) does not match the name on the URL (web)\n');
  });
});
