import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/port';
import { deploymentReady, nodeWasStopped, podsMovedOff } from './goals';

describe('lesson goals run headless', () => {
  it('are not met before the learner acts, and met after', () => {
    const c = createCluster({ seed: 3 });
    const ready = deploymentReady('web', 3);
    const stopped = nodeWasStopped('worker-1');
    const moved = podsMovedOff('worker-1', 'web', 3);
    expect([ready.met(c), stopped.met(c), moved.met(c)]).toEqual([false, false, false]);
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(20);
    expect(ready.met(c)).toBe(true);
    c.stopNode('worker-1');
    expect(stopped.met(c)).toBe(true);
    c.advance(420);
    expect(moved.met(c)).toBe(true);
    expect(ready.description.ko).toBe('디플로이먼트 web의 준비된 레플리카가 3개입니다');
  });
});

describe("a goal's picture and its check are one description", () => {
  it('podsMovedOff draws as many pods as it checks for', () => {
    const goal = podsMovedOff('worker-2', 'web', 6);
    expect(goal.picture?.pods).toEqual([{ label: 'web', count: 6, notOn: 'worker-2' }]);
    const c = createCluster({ seed: 5 });
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(30);
    c.stopNode('worker-2');
    c.advance(420);
    // Three pods off worker-2 are not the six the picture shows.
    expect(goal.met(c)).toBe(false);
    c.kubectl('scale deployment web --replicas=6');
    c.advance(30);
    expect(goal.met(c)).toBe(true);
  });
});

describe('goals about commands check what the command answered', () => {
  it('"called the Service three times" is not met by three failing calls, and is by three that succeed', async () => {
    const { LESSONS } = await import('./catalog');
    const { startScenario } = await import('./runner');
    const lesson = LESSONS.find((l) => l.id === 'services')!;
    const step = lesson.steps.find((s) => s.id === 'spread')!;
    const c = startScenario(lesson);
    // Reach the step as a learner would: every earlier step done.
    const { performSolution } = await import('./runner');
    for (const s of lesson.steps.slice(0, lesson.steps.indexOf(step))) {
      for (const a of s.solution) performSolution(c, a);
      for (let t = 0; t < 600 && !s.goal.met(c, { since: 0 }); t += 5) c.advance(5);
    }
    const ctx = { since: c.now() };
    // No client pod yet: each call fails ("pod does not exist"), typed three times.
    for (let i = 0; i < 3; i++) expect(c.kubectl('exec client -- wget -qO- http://hello').exitCode).not.toBe(0);
    expect(step.goal.met(c, ctx)).toBe(false);
    c.kubectl('run client --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    for (let i = 0; i < 3; i++) expect(c.kubectl('exec client -- wget -qO- http://hello').exitCode).toBe(0);
    expect(step.goal.met(c, ctx)).toBe(true);
  });

  it('a request answered 404 does not count as reaching the Ingress', async () => {
    const { didRun } = await import('./goals');
    const c = createCluster({ seed: 3 });
    c.advance(20);
    c.kubectl('run client --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    const since = { since: c.now() };
    // Nothing routes shop.example.com: the ingress controller's default backend answers 404.
    c.kubectl('exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/');
    expect(didRun(c, since, /^exec\b.*wget\b.*shop\.example\.com/)).toBe(false);
  });
});
