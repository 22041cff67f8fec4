import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../testing/helpers';
import { parseCron, parseGoDuration } from '../util/cron';
import { mostRecentScheduleTime } from './cronjob';

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
  ])('%s after %s → %s', (spec, after, next) => expect(new Date(parseCron(spec).next(at(after))!).toISOString().replace('.000', '')).toBe(next));
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

describe('schedules that never fire or fire often', () => {
  it('answers a schedule that never fires with an InvalidSchedule event and schedules nothing', () => {
    const c = newCluster();
    k(c, 'apply -f -', HELLO.replace('"* * * * *"', '"0 0 31 2 *"'));
    c.advance(180);
    assertNoTaskFailures(c);
    expect(c.clock.contained).toEqual([]);
    expect(c.store.list('jobs', 'default')).toHaveLength(0);
    expect(k(c, 'describe cronjob hello')).toMatch(/Warning +InvalidSchedule +\S+ +cronjob-controller +invalid schedule: 0 0 31 2 \* : time difference between two schedules is less than 1 second/);
    // Nothing of the CronJob's left on the clock: it waits for a change to its spec.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect((c.controllers.cronjob as any).timers.size).toBe(0);
    k(c, 'apply -f -', HELLO.replace('"* * * * *"', '"*/2 * * * *"'));
    c.advance(150);
    expect(c.store.list('jobs', 'default').length).toBeGreaterThan(0);
  });

  it('accepts @every 500ms as v1.32 does (robfig/cron rounds it up to a second) and names Jobs by minute', () => {
    const c = newCluster();
    expect(k(c, 'apply -f -', HELLO.replace('"* * * * *"', '"@every 500ms"'))).toBe('cronjob.batch/hello created\n');
    c.advance(150);
    assertNoTaskFailures(c);
    const names = c.store.list('jobs', 'default').map((j) => j.metadata.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.length).toBeLessThanOrEqual(3);
    expect(k(c, 'get cronjob hello -o jsonpath={.status.lastScheduleTime}')).toMatch(/^2026-03-02T09:0\d:\d\dZ$/);
    expect(kFail(c, 'apply -f -', HELLO.replace('name: hello', 'name: bad').replace('"* * * * *"', '"@every 5x"'))).toBe(
      'The CronJob "bad" is invalid: spec.schedule: Invalid value: "@every 5x": failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"\n',
    );
  });

  it('finds the latest missed activation without walking every one', () => {
    const s = parseCron('@every 1s');
    const created = Date.parse('2026-01-01T00:00:00Z');
    const now = created + 30 * 86_400_000;
    const cj = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: {} };
    expect(mostRecentScheduleTime(cj, now, s)).toEqual({ time: now, tooMany: true });
    expect(mostRecentScheduleTime(cj, created + 500, s)).toEqual({ tooMany: false });
    expect(mostRecentScheduleTime(cj, now, parseCron('0 0 31 2 *'))).toEqual({ error: 'time difference between two schedules is less than 1 second' });
  });

  it('parses durations as Go does', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('500ms')).toBe(500);
    expect(parseGoDuration('-2m')).toBe(-120_000);
    expect(parseGoDuration('0')).toBe(0);
    expect(() => parseGoDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => parseGoDuration('')).toThrow('time: invalid duration ""');
    expect(() => parseGoDuration('1d')).toThrow('time: unknown unit "d" in duration "1d"');
  });

  it('keeps no growing record of the Jobs it has seen finish', () => {
    const c = newCluster();
    k(c, 'apply -f -', HELLO);
    const sizes = () => {
      const ctl = c.controllers.cronjob as Record<string, unknown>;
      return Object.values(ctl).reduce<number>((n, v) => n + (v instanceof Map || v instanceof Set ? v.size : 0), 0);
    };
    c.advance(600);
    const early = sizes();
    c.advance(3 * 3600);
    assertNoTaskFailures(c);
    expect(sizes()).toBe(early);
    // Each finished Job is still reported once.
    expect(c.api.events.list('default').filter((e) => e.reason === 'SawCompletedJob').every((e) => e.count === 1)).toBe(true);
  });
});
