import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';

/** "Why here?" reads the decision recorded when the pod was bound, not a recomputation. */
describe("the scheduler's recorded decision", () => {
  it('keeps the scores of the cycle that bound the pod while the live scores move on', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=1');
    c.advance(20);
    const pod = c.store.list('pods', 'default').find((p) => p.metadata.name!.startsWith('web-'))!;
    const attempt = structuredClone(c.scheduler.lastAttempt('default', pod.metadata.name!)!);
    expect(attempt.node).toBe(pod.spec!.nodeName);
    // The chosen node is among the best (ties are broken at random, as selectHost does).
    expect(attempt.topScores.map((s) => s.node)).toContain(pod.spec!.nodeName);
    const before = c.scheduler.explain(pod).find((v) => v.node === pod.spec!.nodeName)!.total;

    k(c, 'create deployment load --image=nginx --replicas=12');
    c.advance(60);
    const after = c.scheduler.explain(c.store.get('pods', 'default', pod.metadata.name!)!).find((v) => v.node === pod.spec!.nodeName)!.total;
    expect(after).not.toBe(before);
    expect(c.scheduler.lastAttempt('default', pod.metadata.name!)).toEqual(attempt);
  });
});
