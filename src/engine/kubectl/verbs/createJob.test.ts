import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../../testing/helpers';

/** `kubectl create job` and `create cronjob`: the bytes below are what kubectl 1.32 prints for the same lines. */
describe('kubectl create job / cronjob', () => {
  it('writes the same CronJob as kubectl (dry run)', () => {
    const c = newCluster();
    expect(k(c, 'create cronjob tick --image=busybox --schedule="*/1 * * * *" --dry-run=client -o yaml -- echo hi')).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: tick
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: tick
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - echo
            - hi
            image: busybox
            name: tick
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`);
  });

  it('writes the same Job as kubectl (dry run)', () => {
    const c = newCluster();
    expect(k(c, 'create job pi --image=busybox --dry-run=client -o yaml -- echo done')).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: pi
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - done
        image: busybox
        name: pi
        resources: {}
      restartPolicy: Never
status: {}
`);
    expect(k(c, 'create job pi --image=busybox --dry-run=client')).toBe('job.batch/pi created (dry run)\n');
  });

  it("answers kubectl's words for missing flags and names", () => {
    const c = newCluster();
    expect(kFail(c, 'create cronjob tick')).toBe('error: required flag(s) "image", "schedule" not set\n');
    expect(kFail(c, 'create cronjob tick --image=b')).toBe('error: required flag(s) "schedule" not set\n');
    expect(kFail(c, 'create cronjob tick --schedule=x')).toBe('error: required flag(s) "image" not set\n');
    expect(kFail(c, 'create cronjob --image=b --schedule="* * * * *"')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create cronjob -h' for help and examples\n");
    expect(kFail(c, 'create job x')).toBe('error: either --image or --from must be specified\n');
    expect(kFail(c, 'create job x --image=b --from=cronjob/y')).toBe('error: either --image or --from must be specified\n');
    expect(kFail(c, 'create job')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n");
    expect(kFail(c, 'create job x --from=cronjob/nope')).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });

  it('runs a CronJob now with --from: the Job is marked manual, owned by the CronJob, and completes', () => {
    const c = newCluster();
    k(c, 'create cronjob nightly --image=busybox --schedule="0 3 * * *" -- echo backup');
    expect(k(c, 'create job nightly-now --from=cronjob/nightly')).toBe('job.batch/nightly-now created\n');
    const job = c.store.get('jobs', 'default', 'nightly-now')!;
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: c.store.get('cronjobs', 'default', 'nightly')!.metadata.uid, controller: true }]);
    c.advance(40);
    assertNoTaskFailures(c);
    expect(k(c, 'get job nightly-now -o jsonpath={.status.succeeded}')).toBe('1');
    expect(k(c, 'logs job/nightly-now')).toBe('backup\n');
  });
});
