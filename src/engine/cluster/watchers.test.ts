/**
 * A write is atomic to its watchers (issue 19 item 5): every watcher sees every committed
 * change even when another one throws, the writer is told its write happened, and a control
 * loop whose sync throws records an event and retries with back-off instead of failing a clock
 * task.
 */
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../api/store';
import { SimClock } from '../sim/clock';
import { WorkQueue, retryDelay } from '../client/context';
import type { KObject } from '../api/types';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';

const pod = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: {} });

describe('watchers', () => {
  it('tell every watcher of a write even when one before it throws', () => {
    const s = new ObjectStore((r) => r);
    const seen: string[] = [];
    const errors: string[] = [];
    s.onWatchError = (_r, type, obj, e) => errors.push(`${type}:${obj.metadata.name}:${(e as Error).message}`);
    s.watch('pods', (type, obj) => seen.push(`first ${type} ${obj.metadata.name}`));
    s.watch('pods', () => {
      throw new SyntaxError('Invalid regular expression');
    });
    s.watch('pods', (type, obj) => seen.push(`last ${type} ${obj.metadata.name}`));
    const stored = s.insert('pods', pod('a'));
    s.replace('pods', { ...stored, metadata: { ...stored.metadata } });
    s.remove('pods', 'default', 'a');
    expect(seen).toEqual(['first ADDED a', 'last ADDED a', 'first MODIFIED a', 'last MODIFIED a', 'first DELETED a', 'last DELETED a']);
    expect(errors).toEqual(['ADDED:a:Invalid regular expression', 'MODIFIED:a:Invalid regular expression', 'DELETED:a:Invalid regular expression']);
  });

  it('leave a pod created by kubectl visible to the kubelet and deletable when another watcher throws', () => {
    const c = newCluster();
    c.store.watch('pods', (_t, p) => {
      if (p.metadata.name === 'odd') throw new SyntaxError('Invalid regular expression: /\\$\\{?(\\}?/g: Unterminated group');
    });
    const r = c.kubectl('run odd --image=nginx');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/odd created\n');
    c.advance(30);
    expect(k(c, 'get pod odd -o jsonpath={.status.phase}')).toBe('Running');
    k(c, 'delete pod odd --wait=false');
    c.advance(40);
    expect(c.kubectl('get pod odd').stderr).toMatch(/NotFound|not found/);
    assertNoTaskFailures(c);
    expect(c.clock.contained.length).toBeGreaterThan(0);
  });
});

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        command: ["true"]
`;

describe('the pod from issue 19', () => {
  it('a pod whose script has `for ( in 1 2` is created, runs to its error, and deletes', () => {
    const c = newCluster();
    expect(k(c, "run bad --image=busybox --restart=Never -- sh -c 'for ( in 1 2; do echo x; done'")).toBe('pod/bad created\n');
    c.advance(30);
    assertNoTaskFailures(c);
    expect(c.clock.contained).toEqual([]);
    expect(k(c, 'get events --field-selector involvedObject.name=bad')).toMatch(/Scheduled/);
    expect(k(c, 'get pod bad -o jsonpath={.status.phase}')).not.toBe('Pending');
    k(c, 'delete pod bad --wait=false');
    c.advance(40);
    expect(c.store.get('pods', 'default', 'bad')).toBeUndefined();
  });
});

describe('work queue', () => {
  it('retries a sync that throws with client-go back-off, and starts over after a success', () => {
    const clock = new SimClock(0);
    const runs: number[] = [];
    const errors: number[] = [];
    let fail = 3;
    const q = new WorkQueue(clock, 'test-controller', 5, () => {
      runs.push(clock.now());
      if (fail-- > 0) throw new Error('boom');
    }, (_key, _e, retries) => errors.push(retries));
    q.add('default/x');
    clock.runUntil(10_000);
    // 5 ms queue delay, then back-off 5, 10, 20 ms (+5 ms queue delay each time).
    expect(runs).toEqual([5, 15, 30, 55]);
    expect(errors).toEqual([0, 1, 2]);
    expect(q.retries('default/x')).toBe(0);
    expect(clock.failures).toEqual([]);
    expect(retryDelay(40)).toBe(1_000_000);
  });

  it('gives a controller whose sync throws a Warning event and a retry, never a clock failure', () => {
    const c = newCluster();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const job = (c.controllers as any).job as { sync: (key: string) => void };
    const real = job.sync.bind(job);
    let failures = 2;
    job.sync = (key: string) => {
      if (failures-- > 0) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      real(key);
    };
    k(c, 'apply -f -', JOB);
    c.advance(60);
    assertNoTaskFailures(c);
    const events = k(c, 'get events --field-selector involvedObject.name=once');
    expect(events).toMatch(/Warning\s+FailedSync\s+job\/once\s+Error syncing default\/once: Cannot read properties of undefined \(reading 'x'\); will retry/);
    expect(k(c, 'get job once -o jsonpath={.status.succeeded}')).toBe('1');
  });
});

describe('periodic loops', () => {
  it('keep running after one pass throws (node lifecycle monitor)', () => {
    const c = newCluster();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const nlc = (c.controllers as any).nodelifecycle as { monitor: () => void };
    const real = nlc.monitor.bind(nlc);
    let failures = 1;
    nlc.monitor = () => {
      if (failures-- > 0) throw new Error('boom');
      real();
    };
    c.advance(30);
    assertNoTaskFailures(c);
    expect(c.clock.contained.some((f) => f.owner === 'node-controller')).toBe(true);
    // The loop still runs: a stopped machine is noticed.
    c.stopNode('worker-1');
    c.advance(90);
    expect(k(c, 'get node worker-1 --no-headers')).toMatch(/NotReady/);
  });
});
