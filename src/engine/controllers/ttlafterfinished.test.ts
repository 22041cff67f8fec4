import { describe, expect, it } from 'vitest';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';

const job = (ttl: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  ${ttl}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "echo done"]
`;

describe('TTL after finished', () => {
  it('deletes a finished Job and its pods ttlSecondsAfterFinished after it finished', () => {
    const c = newCluster();
    k(c, 'apply -f -', job('ttlSecondsAfterFinished: 100'));
    c.advance(40);
    expect(k(c, 'get job pi -o jsonpath={.status.succeeded}')).toBe('1');
    const finished = Date.parse(k(c, 'get job pi -o jsonpath={.status.completionTime}'));
    c.advance((finished + 90_000 - c.now()) / 1000);
    expect(c.store.get('jobs', 'default', 'pi')).toBeDefined();
    c.advance(20);
    assertNoTaskFailures(c);
    expect(c.store.get('jobs', 'default', 'pi')).toBeUndefined();
    expect(c.store.list('pods', 'default').filter((p) => p.metadata.labels?.['job-name'] === 'pi')).toHaveLength(0);
  });

  it('deletes at once with a TTL of 0, and keeps a Job without one', () => {
    const c = newCluster();
    k(c, 'apply -f -', job('ttlSecondsAfterFinished: 0'));
    k(c, 'apply -f -', job('completions: 1').replace('name: pi', 'name: kept'));
    c.advance(60);
    expect(c.store.get('jobs', 'default', 'pi')).toBeUndefined();
    expect(c.store.get('jobs', 'default', 'kept')).toBeDefined();
  });
});

describe('ttlSecondsAfterFinished validation', () => {
  it('refuses a negative TTL', () => {
    const c = newCluster();
    const r = c.kubectl('apply -f -', { stdin: job('ttlSecondsAfterFinished: -1') });
    expect(r.stderr).toBe('The Job "pi" is invalid: spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0\n');
  });
});
