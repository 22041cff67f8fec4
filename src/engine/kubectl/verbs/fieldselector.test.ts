import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster, rows, NGINX_DEPLOYMENT } from '../../testing/helpers';

describe('kubectl get --field-selector', () => {
  it('filters pods and events by the fields the server supports', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    k(c, 'run broken --image=no-such-image:1');
    c.advance(30);
    const node = k(c, 'get pod broken -o jsonpath={.spec.nodeName}');
    const onNode = rows(k(c, `get pods -A --field-selector spec.nodeName=${node}`));
    expect(onNode.length).toBeGreaterThan(1);
    expect(onNode.every((r) => k(c, `get pod ${r[1]} -n ${r[0]} -o jsonpath={.spec.nodeName}`) === node)).toBe(true);
    expect(rows(k(c, 'get pods --field-selector status.phase!=Running')).map((r) => r[0])).toEqual(['broken']);

    const warnings = rows(k(c, 'get events --field-selector type=Warning'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((r) => r[1] === 'Warning')).toBe(true);
    const forPod = rows(k(c, 'get events --field-selector involvedObject.name=broken,reason=Failed'));
    expect(forPod.length).toBeGreaterThan(0);
    expect(forPod.every((r) => r[2] === 'Failed' && r[3] === 'pod/broken')).toBe(true);
    expect(rows(k(c, 'get events --field-selector source=default-scheduler')).every((r) => r[2] === 'Scheduled')).toBe(true);
  });

  it('refuses field labels the resource does not have, as the API server does', () => {
    const c = newCluster();
    expect(kFail(c, 'get pods --field-selector spec.foo=bar')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    );
    expect(kFail(c, 'get deployments --field-selector status.replicas=1')).toContain('Unable to find "apps/v1, Resource=deployments"');
    expect(kFail(c, 'get pods --field-selector nonsense')).toContain("error: invalid field selector: 'nonsense'");
  });
});
