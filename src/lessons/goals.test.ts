import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { deploymentReady, nodeWasStopped, podsMovedOff } from './goals';

describe('lesson goals run headless', () => {
  it('are not met before the learner acts, and met after', () => {
    const c = createCluster({ seed: 3 });
    const ready = deploymentReady('web', 3);
    const stopped = nodeWasStopped('worker-1');
    const moved = podsMovedOff('worker-1', 'web');
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
