/**
 * Events leave the API server an hour after their last occurrence (kube-apiserver --event-ttl,
 * default 1h) on the simulated clock, whether or not anyone ever lists them.
 */
import { describe, expect, it } from 'vitest';
import { EventStore, EVENT_TTL_MS } from './events';
import { SimClock } from '../sim/clock';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';

function storeOnClock() {
  const clock = new SimClock(0);
  let rv = 0;
  const events = new EventStore(
    () => clock.now(),
    () => String(++rv),
    (at, run) => {
      const t = clock.at(at, 'kube-apiserver', run);
      return () => clock.cancel(t);
    },
  );
  return { clock, events };
}

const ref = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', name, namespace: 'default', uid: `uid-${name}` });

describe('event TTL', () => {
  it('drops events an hour after their last occurrence without anyone listing them', () => {
    const { clock, events } = storeOnClock();
    for (let i = 0; i < 500; i++) events.record(ref(`p${i}`), 'Normal', 'Scheduled', `assigned p${i}`, 'default-scheduler');
    clock.runUntil(EVENT_TTL_MS - 1000);
    expect(events.count()).toBe(500);
    clock.runUntil(EVENT_TTL_MS + 1);
    expect(events.count()).toBe(0);
    expect(events.pendingExpiries()).toBe(0);
    // Nothing left on the clock for events once none remain: no timer per event, none idle.
    expect(clock.nextAt()).toBeUndefined();
  });

  it('keeps a repeated event an hour from its newest occurrence', () => {
    const { clock, events } = storeOnClock();
    events.record(ref('a'), 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet');
    clock.runUntil(50 * 60_000);
    const again = events.record(ref('a'), 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet');
    expect(again.count).toBe(2);
    clock.runUntil(EVENT_TTL_MS + 10 * 60_000);
    expect(events.count()).toBe(1);
    clock.runUntil(50 * 60_000 + EVENT_TTL_MS + 1);
    expect(events.count()).toBe(0);
  });

  it('keeps one clock task for any number of events', () => {
    const { clock, events } = storeOnClock();
    for (let i = 0; i < 2000; i++) {
      clock.runUntil(i * 1000);
      events.record(ref(`p${i % 50}`), 'Normal', 'Pulled', `image ${i}`, 'kubelet');
    }
    expect(clock.pending()).toBeLessThanOrEqual(2);
  });

  it('keeps a busy cluster’s events flat when nobody lists them', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'create deployment web --image=nginx --replicas=6');
    const counts: number[] = [];
    for (let i = 0; i < 6 * 4; i++) {
      // A rollout every 15 simulated minutes for six hours; events are never read.
      k(c, `set image deployment/web nginx=nginx:1.${i}`);
      c.advance(15 * 60);
      counts.push(c.api.events.count());
    }
    assertNoTaskFailures(c);
    // After the first hour the number of live events stops growing (4 rollouts' worth at most).
    const steady = counts.slice(4);
    expect(Math.max(...steady)).toBeLessThanOrEqual(Math.min(...steady) * 1.5 + 10);
    expect(c.api.events.pendingExpiries()).toBeLessThanOrEqual(c.api.events.count() + 200);
  });
});
