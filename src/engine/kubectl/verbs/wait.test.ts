/**
 * kubectl wait: the simulated clock runs while it blocks, as time passes on a real cluster; it
 * answers in kubectl 1.32's words (the refusals below are real kubectl's bytes, which it prints
 * before it ever contacts a server), and a replay of the log waits the same.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../../testing/helpers';
import { rebuildCluster } from '../../port';

describe('kubectl wait', () => {
  it('blocks while the clock runs until a condition holds, then says so per object', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'create deployment web --image=nginx --replicas=2');
    const before = c.now();
    expect(k(c, 'wait --for=condition=Available deployment/web')).toBe('deployment.apps/web condition met\n');
    // The pods had to be pulled and started: simulated time went by inside the command.
    expect(c.now()).toBeGreaterThan(before);
    expect(k(c, 'get deploy web -o jsonpath={.status.readyReplicas}')).toBe('2');
    expect(k(c, 'wait --for=condition=ready pod -l app=web')).toMatch(/^pod\/web-\S+ condition met\npod\/web-\S+ condition met\n$/);
    expect(k(c, 'wait --for=jsonpath={.status.readyReplicas}=2 deployment/web')).toBe('deployment.apps/web condition met\n');
    expect(k(c, "wait --for=jsonpath='{.status.phase}'=Running pods --all")).toMatch(/condition met\n.*condition met\n$/);
    assertNoTaskFailures(c);
  });

  it('waits for deletion (by uid: a replacement with the same name does not count), and for creation', () => {
    const c = newCluster({ workers: 1 });
    k(c, 'run solo --image=nginx');
    k(c, 'wait --for=condition=Ready pod/solo');
    k(c, 'delete pod solo --wait=false');
    expect(k(c, 'wait --for=delete pod/solo --timeout=60s')).toBe('pod/solo condition met\n');
    expect(c.kubectl('get pod solo').exitCode).toBe(1);
    // Nothing left to wait for: done, silently.
    expect(k(c, 'wait --for=delete pod/solo')).toBe('');
    expect(kFail(c, 'wait --for=create pod/later --timeout=3s')).toBe('error: timed out waiting for the condition\n');
  });

  it('gives up at the timeout with kubectl’s error, having let that much time pass', () => {
    const c = newCluster({ workers: 1 });
    k(c, 'create deployment bad --image=nginx:1.99');
    const before = c.now();
    expect(kFail(c, 'wait --for=condition=Available deployment/bad --timeout=10s')).toBe('error: timed out waiting for the condition on deployments/bad\n');
    expect(c.now() - before).toBe(10_000);
    // --timeout=0 checks once.
    expect(kFail(c, 'wait --for=condition=Available deployment/bad --timeout=0')).toBe('error: timed out waiting for the condition on deployments/bad\n');
  });

  it('refuses what kubectl refuses, in its words', () => {
    const c = newCluster({ minimal: true });
    k(c, 'create deployment web --image=nginx');
    expect(kFail(c, 'wait deploy/web')).toBe('error: unrecognized condition: ""\n');
    expect(kFail(c, 'wait deploy/web --for=nonsense')).toBe('error: unrecognized condition: "nonsense"\n');
    expect(kFail(c, 'wait deploy/web --for=condition=Available --timeout=xyz')).toBe('error: invalid argument "xyz" for "--timeout" flag: time: invalid duration "xyz"\nSee \'kubectl wait --help\' for usage.\n');
    expect(kFail(c, 'wait deploy/web --for=jsonpath={.a}=')).toBe("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n");
    expect(kFail(c, 'wait deploy/web --for=jsonpath=')).toBe('error: jsonpath expression cannot be empty\n');
    expect(kFail(c, 'wait --for=condition=Ready pod/nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(kFail(c, 'wait --for=condition=Ready pods -l app=nothing')).toBe('error: no matching resources found\n');
  });

  it('replays to the same cluster (the wait is in the log, its time is not logged twice)', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'create deployment web --image=nginx --replicas=3');
    k(c, 'wait --for=condition=Available deployment/web --timeout=2m');
    k(c, 'scale deployment web --replicas=1');
    c.advance(20);
    const replayed = rebuildCluster(c.options, c.actionLog());
    expect(replayed.now()).toBe(c.now());
    expect(replayed.kubectl('get all -A -o yaml').stdout).toBe(k(c, 'get all -A -o yaml'));
  });
});
