import { describe, expect, it } from 'vitest';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';

/**
 * Jobs, CronJobs, DaemonSets and StatefulSets explain themselves in their own words: the "Why?"
 * tab once said of a finished Job "0 pod(s) too few for 1 desired — created them", because every
 * workload borrowed the ReplicaSet's reason.
 */
const reasonsOf = (c: Cluster, kind: string, name: string) =>
  c.reasons.recent().filter((r) => r.objects[0]?.kind === kind && r.objects[0]?.name === name);

const job = (name: string, command: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  completions: 2
  ${extra}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "${command}"]
`;

describe('workload controllers record reasons of their own', () => {
  it('a Job says how many completions it has and why it made pods, then that it is Complete', () => {
    const c = newCluster();
    k(c, 'apply -f -', job('pi', 'echo done'));
    c.advance(60);
    assertNoTaskFailures(c);
    expect(k(c, 'get job pi -o jsonpath={.status.succeeded}')).toBe('2');
    const rs = reasonsOf(c, 'Job', 'pi');
    expect(rs.map((r) => r.key)).not.toContain('replicaset.createdPods');
    const created = rs.filter((r) => r.key === 'job.createdPods');
    expect(created.length).toBeGreaterThan(0);
    expect(created[0].params).toMatchObject({ count: 1, parallelism: 1, completions: 2, succeeded: 0, active: 0 });
    const completed = rs.filter((r) => r.key === 'job.completed');
    expect(completed).toHaveLength(1);
    expect(completed[0].params).toEqual({ succeeded: 2, completions: 2 });
  });

  it('a Job past its backoffLimit says so', () => {
    const c = newCluster();
    k(c, 'apply -f -', job('bad', 'exit 1', 'backoffLimit: 1'));
    c.advance(120);
    assertNoTaskFailures(c);
    const failed = reasonsOf(c, 'Job', 'bad').filter((r) => r.key === 'job.backoffLimitExceeded');
    expect(failed).toHaveLength(1);
    expect(failed[0].params).toMatchObject({ backoffLimit: 1 });
    expect(Number(failed[0].params.failed)).toBeGreaterThan(1);
  });

  it('a CronJob names the schedule that came due and the Job it made', () => {
    const c = newCluster();
    k(c, 'create cronjob tick --image=busybox --schedule="*/1 * * * *" -- echo hi');
    c.advance(130);
    assertNoTaskFailures(c);
    const rs = reasonsOf(c, 'CronJob', 'tick');
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) {
      expect(r.key).toBe('cronjob.createdJob');
      expect(r.params.schedule).toBe('*/1 * * * *');
      expect(r.params.scheduled).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
      expect(r.objects[1]).toMatchObject({ kind: 'Job' });
    }
  });

  it('a DaemonSet says how many nodes lacked its pod', () => {
    const c = newCluster();
    k(
      c,
      'apply -f -',
      `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
`,
    );
    c.advance(20);
    assertNoTaskFailures(c);
    const workers = k(c, 'get nodes --no-headers').trim().split('\n').filter((l) => !l.includes('control-plane')).length;
    const rs = reasonsOf(c, 'DaemonSet', 'agent');
    expect(rs.map((r) => r.key)).toEqual(['daemonset.createdPods']);
    expect(rs[0].params).toEqual({ count: workers, desired: workers });
  });

  it('a StatefulSet names each pod it creates with its ordinal, in order', () => {
    const c = newCluster();
    k(
      c,
      'apply -f -',
      `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
`,
    );
    c.advance(90);
    assertNoTaskFailures(c);
    const rs = reasonsOf(c, 'StatefulSet', 'db');
    expect(rs.map((r) => r.key)).toEqual(['statefulset.createdPod', 'statefulset.createdPod', 'statefulset.createdPod']);
    expect(rs.map((r) => [r.params.ordinal, r.objects[1]?.name])).toEqual([
      [0, 'db-0'],
      [1, 'db-1'],
      [2, 'db-2'],
    ]);
  });
});
