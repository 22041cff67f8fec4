/**
 * int32 fields (issue 19 item 6): numbers past their range are refused as the API server's
 * decoder and kubectl's flag parser refuse them; a huge but valid count is accepted.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../testing/helpers';

const deployment = (replicas: string) => `apiVersion: apps/v1
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
      - name: c
        image: nginx
`;

describe('int32 fields', () => {
  it.each([
    ['1e300', 'number 1e+300'],
    ['2147483648', 'number 2147483648'],
    ['-2147483649', 'number -2147483649'],
  ])('refuse replicas: %s in a manifest with the decoder’s words', (value, number) => {
    const c = newCluster({ minimal: true });
    expect(kFail(c, 'apply -f -', deployment(value))).toBe(
      `Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal ${number} into Go struct field DeploymentSpec.spec.replicas of type int32\n`,
    );
    expect(c.store.get('deployments', 'default', 'web')).toBeUndefined();
  });

  it('accept the largest int32 and int64 fields past it', () => {
    const c = newCluster({ minimal: true });
    expect(k(c, 'apply -f -', deployment('2147483647').replace('spec:\n      containers', 'spec:\n      terminationGracePeriodSeconds: 4294967296\n      containers'))).toBe('deployment.apps/web created\n');
    k(c, 'scale deployment web --replicas=0');
  });

  it('refuse kubectl scale past int32 as the API server does, and kubectl’s own flags past int64', () => {
    const c = newCluster({ minimal: true });
    k(c, 'create deployment web --image=nginx');
    const err = kFail(c, 'scale deployment web --replicas=2147483648');
    expect(err).toMatch(/^The request is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"autoscaling\/v1\\",\\"kind\\":\\"Scale\\",\\"metadata\\":\{\\"creationTimestamp\\":\\"[^\\]+\\",\\"name\\":\\"web\\",\\"namespace\\":\\"default\\",\\"resourceVersion\\":\\"\d+\\",\\"uid\\":\\"[0-9a-f-]+\\"\},\\"spec\\":\{\\"replicas\\":2147483648\},\\"status\\":\{\\"replicas\\":\d+,\\"selector\\":\\"app=web\\"\}\}": json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32\n$/);
    expect(kFail(c, 'scale deployment web --replicas=99999999999999999999')).toBe(
      'error: invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\nSee \'kubectl scale --help\' for usage.\n',
    );
    expect(kFail(c, 'create deployment big --image=nginx --replicas=2147483648')).toBe(
      'error: invalid argument "2147483648" for "-r, --replicas" flag: strconv.ParseInt: parsing "2147483648": value out of range\nSee \'kubectl create deployment --help\' for usage.\n',
    );
    expect(k(c, 'get deployment web -o jsonpath={.spec.replicas}')).toBe('1');
  });

  it('take a huge but valid count without freezing: work per simulated millisecond stays bounded', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'create deployment web --image=nginx');
    expect(k(c, 'scale deployment web --replicas=1000000')).toBe('deployment.apps/web scaled\n');
    // The page advances millisecond by millisecond and can stop between any two; each
    // millisecond creates at most a bounded batch of pods (the ReplicaSet's burst).
    let most = 0;
    for (let ms = 0; ms < 40; ms++) {
      const before = c.store.count('pods');
      c.advance(0.001);
      most = Math.max(most, c.store.count('pods') - before);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(500);
    assertNoTaskFailures(c);
    expect(k(c, 'get deployment web -o jsonpath={.spec.replicas}')).toBe('1000000');
  });
});
