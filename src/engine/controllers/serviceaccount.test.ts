import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../testing/helpers';

/** ServiceAccounts: served, a `default` one in every namespace, and checked when a pod names one. */
describe('ServiceAccounts', () => {
  it('every namespace has a default ServiceAccount, which comes back when deleted', () => {
    const c = newCluster();
    expect(k(c, 'get serviceaccounts')).toMatch(/^NAME +SECRETS +AGE\ndefault +0 +\d+m\d*s?\n$/);
    expect(k(c, 'get sa -n kube-system -o name').split('\n').filter(Boolean).sort()).toEqual(['serviceaccount/coredns', 'serviceaccount/default', 'serviceaccount/kube-proxy', 'serviceaccount/metrics-server']);
    k(c, 'create namespace shop');
    c.advance(2);
    expect(k(c, 'get sa -n shop -o name')).toBe('serviceaccount/default\n');
    k(c, 'delete sa default -n shop');
    c.advance(2);
    assertNoTaskFailures(c);
    expect(k(c, 'get sa -n shop -o name')).toBe('serviceaccount/default\n');
  });

  it('a pod runs as default, or as the account it names — which must exist', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx');
    expect(k(c, 'get pod web -o jsonpath={.spec.serviceAccountName}/{.spec.serviceAccount}')).toBe('default/default');
    const pod = (sa: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  serviceAccountName: ${sa}\n  containers:\n  - name: api\n    image: nginx\n`;
    expect(kFail(c, 'apply -f -', pod('robot'))).toBe('Error from server (Forbidden): error when creating "STDIN": pods "api" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n');
    expect(k(c, 'create serviceaccount robot')).toBe('serviceaccount/robot created\n');
    expect(k(c, 'apply -f -', pod('robot'))).toBe('pod/api created\n');
    c.advance(20);
    expect(k(c, 'describe pod api')).toMatch(/\nService Account: +robot\n/);
  });

  it('kubectl create serviceaccount and describe serviceaccount as kubectl 1.32 prints them', () => {
    const c = newCluster();
    expect(k(c, 'create serviceaccount robot --dry-run=client -o yaml')).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: robot\n');
    expect(k(c, 'create sa robot --dry-run=client')).toBe('serviceaccount/robot created (dry run)\n');
    expect(kFail(c, 'create sa')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create serviceaccount -h' for help and examples\n");
    k(c, 'create sa robot');
    expect(k(c, 'describe sa robot')).toBe(`Name:                robot
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`);
  });
});

describe('kubectl create token', () => {
  const claims = (token: string) => JSON.parse(Buffer.from(token.trim().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));

  it('answers a JWT for the account: issuer, audience, subject, its uid, one hour by default', () => {
    const c = newCluster();
    k(c, 'create sa robot');
    const token = k(c, 'create token robot');
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const body = claims(token);
    expect(body).toMatchObject({ iss: 'https://kubernetes.default.svc.cluster.local', aud: ['https://kubernetes.default.svc.cluster.local'], sub: 'system:serviceaccount:default:robot', 'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'robot', uid: c.store.get('serviceaccounts', 'default', 'robot')!.metadata.uid } } });
    expect(body.exp - body.iat).toBe(3600);
    expect(body.iat).toBe(Math.floor(c.now() / 1000));
    expect(claims(k(c, 'create token robot --duration=2h --audience=api')).aud).toEqual(['api']);
    expect(claims(k(c, 'create token robot --duration=2h')).exp - Math.floor(c.now() / 1000)).toBe(7200);
  });

  it("refuses what the API server refuses, in kubectl's words", () => {
    const c = newCluster();
    expect(kFail(c, 'create token nobody')).toBe('error: failed to create token: serviceaccounts "nobody" not found\n');
    expect(kFail(c, 'create token default --duration=1m')).toBe('error: failed to create token: TokenRequest.authentication.k8s.io "default" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes\n');
    expect(kFail(c, 'create token')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create token -h' for help and examples\n");
  });
});
