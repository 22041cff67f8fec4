/**
 * Rewinding from checkpoints: the host keeps copies of the live cluster every few simulated
 * minutes, and a rewind replays only from the nearest one — giving, byte for byte, what a replay
 * of the whole log gives (issue 14), at moments on a checkpoint, between two, at an action's
 * instant, and after acting in the past cut the timeline.
 */
import { describe, expect, it } from 'vitest';
import { NotForkable, rebuildCluster } from '../../engine/port';
import { EngineHost } from './host';
import { Checkpoints, CHECKPOINT_INTERVAL_MS } from './checkpoints';

async function settled(host: EngineHost): Promise<void> {
  // A rewind rebuilds in slices on timers; the host says where it is going until it is there.
  for (let i = 0; i < 2000; i++) {
    let busy = false;
    host.flush();
    await new Promise((r) => setTimeout(r, 5));
    const view = (host as unknown as { rewindingTo?: number }).rewindingTo;
    busy = view !== undefined;
    if (!busy) return;
  }
  throw new Error('the rewind never finished');
}

/** Lets `seconds` pass as the page's ticks do (each within the thread's budget, so several). */
function pass(host: EngineHost, seconds: number): void {
  const end = host.position().now + seconds * 1000;
  while (host.position().now < end) host.tick((end - host.position().now) / 1000);
}

const everything = 'get all,nodes,events,leases,endpointslices -A -o yaml';

describe('rewinding from checkpoints', () => {
  it('shows, at any moment, exactly what a replay of the whole log shows', async () => {
    const host = new EngineHost(() => {});
    host.reset({ seed: 9, workers: 3 });
    host.run('create deployment web --image=nginx --replicas=5');
    host.run('create cronjob tick --image=busybox --schedule=*/2 * * * * -- echo hi');
    const marks: number[] = [];
    for (let s = 0; s < 22 * 2; s++) {
      pass(host, 30);
      // Actions right after a tick, at the same instant a checkpoint may have been taken.
      if (s % 7 === 3) {
        host.run(`scale deployment web --replicas=${3 + (s % 5)}`);
        marks.push(host.position().now);
      }
      if (s === 17) host.stopNode('worker-2');
      if (s === 29) host.startNode('worker-2');
    }
    const checkpoints = host.checkpointTimes();
    expect(checkpoints.length).toBeGreaterThanOrEqual(4);
    const { options, actions } = host.session();
    const live = host.position().now;
    const targets = [checkpoints[1], checkpoints[2] + 1, checkpoints[3] - 1, ...marks.slice(1, 3), checkpoints[1] + CHECKPOINT_INTERVAL_MS / 2, live - 1000];
    for (const t of targets) {
      host.rewind(t);
      await settled(host);
      expect(host.position().now).toBe(t);
      expect(host.query(everything).stdout).toBe(rebuildCluster(options, actions, t).query(everything).stdout);
    }
    // Acting in the past cuts the timeline there: later checkpoints go, the rest still serve.
    host.rewind(checkpoints[2] + 30_000);
    await settled(host);
    host.run('scale deployment web --replicas=2');
    expect(host.checkpointTimes().every((t) => t < checkpoints[2] + 30_000)).toBe(true);
    for (let s = 0; s < 12; s++) pass(host, 30);
    const cut = host.session();
    const t = checkpoints[2] + 60_000;
    host.rewind(t);
    await settled(host);
    expect(host.query(everything).stdout).toBe(rebuildCluster(cut.options, cut.actions, t).query(everything).stdout);
    // Undo rebuilds from a checkpoint too, and the same.
    host.backToLive();
    expect(host.undoLast()).toBe(true);
    const undone = host.session();
    expect(host.query(everything).stdout).toBe(rebuildCluster(undone.options, undone.actions, host.position().now).query(everything).stdout);
  });
});

describe('the list of checkpoints', () => {
  const fake = (at: number) => ({ now: () => at, actionLog: () => [], fork: () => fake(at) }) as never;

  it('keeps one per interval, drops the cheapest to lose when full, and drops a cut future', () => {
    const list = new Checkpoints(100, 6);
    for (let at = 0; at <= 1000; at += 50) list.note(fake(at), 10);
    // 0, 100, … taken (equal work between them); at most 6, the first and the newest kept.
    const times = list.times();
    expect(times.length).toBe(6);
    expect(times[0]).toBe(0);
    expect(times[times.length - 1]).toBe(1000);
    expect(new Set(times).size).toBe(times.length);
    expect(list.before(999)).toMatchObject({ at: times[times.length - 2] });
    list.dropAfter(times[times.length - 2]);
    expect(list.times()).toEqual(times.slice(0, -2));
  });

  it('keeps a copy sooner after a burst of work, and keeps the copies around bursts when thinning', () => {
    const list = new Checkpoints(60_000, 5);
    // Quiet minutes (little work), then a burst at 150 s: 400 ms of work in 20 s.
    for (let at = 0; at <= 600_000; at += 10_000) list.note(fake(at), at >= 150_000 && at < 170_000 ? 200 : 1);
    const times = list.times();
    expect(times.length).toBe(5);
    // Copies right after the burst survive; quiet stretches are merged instead.
    expect(times.some((t) => t > 150_000 && t < 180_000)).toBe(true);
    expect(times[0]).toBe(0);
    expect(times[times.length - 1]).toBeGreaterThan(600_000 - 60_000);
  });

  it('gives up copying a cluster that cannot be copied (rewinds then replay), but not on other errors', () => {
    const list = new Checkpoints(100, 6);
    const refusing = { now: () => 0, actionLog: () => [], fork: () => { throw new NotForkable('Cluster.rest'); } } as never;
    list.note(refusing);
    expect(list.times()).toEqual([]);
    expect(list.before(0)).toBeUndefined();
    const broken = { now: () => 0, actionLog: () => [], fork: () => { throw new TypeError('a bug'); } } as never;
    expect(() => new Checkpoints(100, 6).note(broken)).toThrow(TypeError);
  });
});
