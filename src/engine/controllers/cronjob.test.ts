import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail } from '../testing/helpers';
import { parseCron } from './cron';

const HELLO = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
          restartPolicy: OnFailure
`;

describe('cron schedules', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['* * * * *', '2026-03-02T09:00:30Z', '2026-03-02T09:01:00Z'],
    ['*/5 * * * *', '2026-03-02T09:01:00Z', '2026-03-02T09:05:00Z'],
    ['0 3 * * *', '2026-03-02T09:00:00Z', '2026-03-03T03:00:00Z'],
    ['30 9 * * mon-fri', '2026-03-06T10:00:00Z', '2026-03-09T09:30:00Z'],
    ['0 0 1 jan *', '2026-03-02T09:00:00Z', '2027-01-01T00:00:00Z'],
    ['@hourly', '2026-03-02T09:10:00Z', '2026-03-02T10:00:00Z'],
    ['@every 90s', '2026-03-02T09:00:00Z', '2026-03-02T09:01:30Z'],
  ])('%s after %s → %s', (spec, after, next) => expect(new Date(parseCron(spec).next(at(after))).toISOString().replace('.000', '')).toBe(next));
});

describe('CronJob', () => {
  it('creates a Job every minute, named by its schedule, and keeps three successful ones', () => {
    const c = newCluster();
    expect(k(c, 'apply -f -', HELLO)).toBe('cronjob.batch/hello created\n');
    expect(k(c, 'get cronjobs')).toMatch(/^NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   \* \* \* \* \*   <none>     False     0        <none>          0s\n$/);
    c.advance(70);
    const jobs = c.store.list('jobs', 'default');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].metadata.name).toBe(`hello-${Math.floor(Date.parse('2026-03-02T09:06:00Z') / 60000)}`);
    c.advance(300);
    expect(c.store.list('jobs', 'default').filter((j) => !j.metadata.deletionTimestamp)).toHaveLength(3);
    const d = k(c, 'describe cronjob hello');
    expect(d).toMatch(/SuccessfulCreate +\S+ +cronjob-controller +Created job hello-\d+/);
    expect(d).toMatch(/SawCompletedJob +\S+ +cronjob-controller +Saw completed job: hello-\d+, status: Complete/);
    expect(d).toMatch(/SuccessfulDelete +\S+ +cronjob-controller +Deleted job hello-\d+/);
    const pod = c.store.list('pods', 'default').find((p) => p.status?.phase === 'Succeeded')!;
    expect(k(c, `logs ${pod.metadata.name}`)).toMatch(/^Mon Mar  2 09:\d\d:\d\d UTC 2026\nHello from the Kubernetes cluster\n$/);
  });

  it('does not start while suspended, and refuses a bad schedule', () => {
    const c = newCluster();
    k(c, 'apply -f -', HELLO.replace('schedule: "* * * * *"', 'schedule: "* * * * *"\n  suspend: true'));
    c.advance(180);
    expect(c.store.list('jobs', 'default')).toHaveLength(0);
    expect(kFail(c, 'apply -f -', HELLO.replace('name: hello', 'name: bad').replace('"* * * * *"', '"* * *"'))).toBe('The CronJob "bad" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: * * *\n');
    expect(kFail(c, 'apply -f -', HELLO.replace('batch/v1', 'batch/v1beta1'))).toContain('no matches for kind "CronJob" in version "batch/v1beta1"');
  });
});
