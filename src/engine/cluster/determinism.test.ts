/** Same seed and same actions → the same cluster, byte for byte; and rewinding by replay. */
import { describe, expect, it } from 'vitest';
import { continueReplay, replayCluster } from './actionLog';
import { createCluster } from '../testing/helpers';
import { NGINX_DEPLOYMENT } from '../testing/helpers';
import type { Cluster } from './cluster';

function script(c: Cluster): void {
  c.kubectl('apply -f -', { stdin: NGINX_DEPLOYMENT });
  c.advance(12);
  c.kubectl('create deployment api --image=redis:7 --replicas=2');
  c.advance(7);
  c.stopNode('worker-1');
  c.advance(95);
  c.kubectl('scale deployment web --replicas=5');
  c.advance(30);
  c.startNode('worker-1');
  c.advance(20);
}

describe('determinism', () => {
  it('runs on whole milliseconds whatever the step size (a UI ticks in fractions)', () => {
    const c = createCluster({ seed: 3 });
    c.kubectl('create deployment web --image=nginx --replicas=3');
    for (let i = 0; i < 200; i++) c.advance(0.10037 * 16);
    expect(c.clock.failures).toEqual([]);
    expect(Number.isInteger(c.now())).toBe(true);
    expect(c.kubectl('get pods').stdout.match(/Running/g)).toHaveLength(3);
    const replayed = replayCluster({ seed: 3 }, c.actionLog());
    expect(replayed.now()).toBe(c.now());
    expect(replayed.kubectl('get all -A -o yaml').stdout).toBe(c.kubectl('get all -A -o yaml').stdout);
  });

  it('stopping an advance early (to draw a frame) covers less time, and replays the same', () => {
    const c = createCluster({ seed: 4 });
    c.kubectl('create deployment web --image=nginx --replicas=40');
    let asked = 0;
    let partial = 0;
    // A page that runs out of frame budget every few milliseconds of busy simulated time.
    for (let i = 0; i < 300; i++) {
      const covered = c.advance(1.6, () => ++asked % 7 === 0);
      if (covered < 1.6) partial++;
      // A learner acting in the middle of it, at whatever instant the clock rests on.
      if (i === 30) c.kubectl('scale deployment web --replicas=25');
    }
    expect(partial).toBeGreaterThan(10);
    expect(Number.isInteger(c.now())).toBe(true);
    expect(c.kubectl('get pods').stdout.match(/Running/g)).toHaveLength(25);
    const replayed = replayCluster({ seed: 4 }, c.actionLog());
    expect(replayed.now()).toBe(c.now());
    expect(replayed.kubectl('get all -A -o yaml').stdout).toBe(c.kubectl('get all -A -o yaml').stdout);
    expect(replayed.kubectl('get events -A').stdout).toBe(c.kubectl('get events -A').stdout);
  });

  it('gives byte-identical `get all -A -o yaml` for the same seed and actions', () => {
    const a = createCluster({ seed: 11 });
    const b = createCluster({ seed: 11 });
    script(a);
    script(b);
    const ya = a.kubectl('get all -A -o yaml').stdout;
    expect(a.clock.failures).toEqual([]);
    expect(ya.length).toBeGreaterThan(10_000);
    expect(b.kubectl('get all -A -o yaml').stdout).toBe(ya);
    expect(b.kubectl('get events -A').stdout).toBe(a.kubectl('get events -A').stdout);
  });

  it('differs for another seed (names and uids come from the seed)', () => {
    const a = createCluster({ seed: 11 });
    const b = createCluster({ seed: 12 });
    script(a);
    script(b);
    expect(b.kubectl('get pods -A -o name').stdout).not.toBe(a.kubectl('get pods -A -o name').stdout);
  });

  it('rebuilds the cluster at an earlier moment from the action log', () => {
    const a = createCluster({ seed: 5 });
    script(a);
    const log = a.actionLog();
    const stoppedAt = log.find((x) => x.type === 'stopNode')!.at;
    const before = replayCluster({ seed: 5 }, log, stoppedAt - 1000);
    expect(before.now()).toBe(stoppedAt - 1000);
    expect(before.kubectl('get node worker-1').stdout).toMatch(/worker-1   Ready /);
    // Replaying the whole log lands on the same state as the original.
    const whole = replayCluster({ seed: 5 }, log);
    expect(whole.kubectl('get all -A -o yaml').stdout).toBe(a.kubectl('get all -A -o yaml').stdout);
  });
});

describe('rewinding without starting over', () => {
  // A session with a bit of everything the log records: commands, node stops and starts,
  // traffic, a node added, and advances of every length (a UI ticks in fractions).
  function session(): Cluster {
    const c = createCluster({ seed: 11 });
    c.kubectl('apply -f -', { stdin: NGINX_DEPLOYMENT });
    for (let i = 0; i < 40; i++) c.advance(0.731);
    c.kubectl('expose deployment web --port=80');
    c.advance(9);
    const src = c.startTraffic({ kind: 'Service', namespace: 'default', name: 'web' }, 50);
    c.advance(33.3);
    c.stopNode('worker-2');
    c.advance(61);
    c.addNode({ name: 'worker-9' });
    c.kubectl('scale deployment web --replicas=6');
    c.advance(47.25);
    c.setTraffic(src.id, 120);
    c.startNode('worker-2');
    c.advance(80);
    c.kubectl('set image deployment/web nginx=nginx:1.26');
    c.advance(75);
    return c;
  }

  it('carried forward from an earlier moment, a rewound cluster equals a fresh replay at every later moment', () => {
    const live = session();
    const log = live.actionLog();
    const start = log[0].at;
    const end = live.now();
    // Moments inside advances, on action instants, and at the very end.
    const moments = [start + 5_000, start + 29_242, log[5].at, start + 140_000, log[log.length - 3].at, start + 330_000, end];
    const scrubbed = replayCluster({ seed: 11 }, log, moments[0]);
    for (const t of moments.slice(1)) {
      continueReplay(scrubbed, log, t);
      const fresh = replayCluster({ seed: 11 }, log, t);
      expect(scrubbed.now()).toBe(t);
      expect(scrubbed.query('get all -A -o yaml').stdout).toBe(fresh.query('get all -A -o yaml').stdout);
      expect(scrubbed.query('get events -A').stdout).toBe(fresh.query('get events -A').stdout);
      // Queries are not recorded: the two logs are the same history.
      expect(scrubbed.actionLog()).toEqual(fresh.actionLog());
    }
    expect(scrubbed.query('get all -A -o yaml').stdout).toBe(live.query('get all -A -o yaml').stdout);
    expect(scrubbed.clock.failures).toEqual([]);
  });

  it('refuses to go backwards (that is a fresh replay)', () => {
    const c = createCluster({ seed: 2 });
    c.advance(10);
    expect(() => continueReplay(c, c.actionLog(), c.now() - 1)).toThrow(/backwards/);
  });
});
