import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { newCluster, k, kFail } from '../testing/helpers';

const corpus = (path: string) => readFileSync(resolve(__dirname, '../testdata/corpus', path), 'utf8');

describe('Job', () => {
  it("runs the docs' pi Job to completion (controllers/job.yaml)", () => {
    const c = newCluster();
    expect(k(c, 'apply -f -', corpus('controllers/job.yaml'))).toBe('job.batch/pi created\n');
    c.advance(5);
    expect(k(c, 'get jobs')).toMatch(/^NAME   STATUS    COMPLETIONS   DURATION   AGE\npi     Running   0\/1           5s         5s\n$/);
    c.advance(60);
    expect(k(c, 'get jobs')).toMatch(/^NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1\/1           \d+s        \d+s\n$/);
    const pod = c.store.list('pods', 'default')[0];
    expect(pod.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' });
    expect(k(c, `get pod ${pod.metadata.name}`)).toMatch(/0\/1     Completed   0 /);
    expect(k(c, 'logs job/pi')).toMatch(/^3\.14159265358979323846264338327950288419716939937510/);
    const job = c.store.get('jobs', 'default', 'pi')!;
    expect(job.status.conditions.map((x: { type: string }) => x.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(job.status.succeeded).toBe(1);
    expect(k(c, 'describe job pi')).toMatch(/Completed +\S+ +job-controller +Job completed/);
  });

  it('runs completions with parallelism', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: work\nspec:\n  completions: 5\n  parallelism: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: w\n        image: busybox\n        command: ["sh", "-c", "echo working; sleep 3"]\n');
    c.advance(2);
    expect(c.store.list('pods', 'default').filter((p) => p.status.phase !== 'Succeeded')).toHaveLength(2);
    c.advance(60);
    expect(k(c, 'get job work')).toMatch(/work   Complete   5\/5 /);
    expect(c.store.list('pods', 'default')).toHaveLength(5);
  });

  it('fails after backoffLimit failed pods, waiting longer each time', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: flaky\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: w\n        image: busybox\n        command: ["sh", "-c", "exit 1"]\n');
    c.advance(8);
    expect(c.store.list('pods', 'default')).toHaveLength(1);
    c.advance(15);
    expect(c.store.list('pods', 'default')).toHaveLength(2);
    c.advance(120);
    expect(c.store.list('pods', 'default')).toHaveLength(3);
    expect(k(c, 'get job flaky')).toMatch(/flaky   Failed   0\/1 /);
    expect(k(c, 'describe job flaky')).toMatch(/Warning +BackoffLimitExceeded +\S+ +job-controller +Job has reached the specified backoff limit/);
  });

  it('refuses restartPolicy Always', () => {
    const c = newCluster({ minimal: true, bootSeconds: 0 });
    expect(kFail(c, 'apply -f -', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: bad\nspec:\n  template:\n    spec:\n      containers:\n      - name: w\n        image: busybox\n')).toBe(
      'The Job "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n',
    );
  });
});
