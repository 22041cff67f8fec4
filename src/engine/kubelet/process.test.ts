/**
 * Simulated processes have bounded cost: reading what a container printed, or whether it wrote
 * a file, costs interpreter steps that depend on the script and on what is asked — never on how
 * long it has run. Costs are counted in steps (process.ts `work`), not wall time.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileExists, logsOf, programFor, runOf } from './runtime';
import { CONTAINER_LOG_MAX_SIZE, LOG_LINES_SHOWN, STEPS_PER_SECOND, work } from './process';
import { newCluster, k, kFail, assertNoTaskFailures } from '../testing/helpers';

const HOUR = 3_600_000;
const sh = (script: string) => programFor({ image: 'busybox', command: ['sh', '-c', script] });
/** Interpreter steps `f` takes. */
function cost(f: () => void): number {
  const before = work.steps;
  f();
  return work.steps - before;
}

describe('simulated processes: bounded cost', () => {
  it('a sleep smaller than the clock can count: logs answer, throttled to the step budget', () => {
    const p = sh('while true; do echo tick; sleep 0.0000001; done');
    let lines: string[] = [];
    const steps = cost(() => (lines = logsOf(p, 0, HOUR, 'pod')));
    expect(lines).toHaveLength(LOG_LINES_SHOWN);
    expect(new Set(lines)).toEqual(new Set(['tick']));
    expect(steps).toBeLessThan(50 * LOG_LINES_SHOWN);
    // Throttled like a CPU-limited container: a round of 2 statements (+ the loop's test) takes
    // at least 3 steps' time, so one second holds at most STEPS_PER_SECOND / 3 ticks.
    const second = logsOf(p, 0, 10 * 60_000, 'pod', { sinceMs: 10 * 60_000 - 1000 });
    expect(second.length).toBeLessThanOrEqual(STEPS_PER_SECOND / 3 + 1);
    expect(second.length).toBeGreaterThan(STEPS_PER_SECOND / 4);
  });

  it('logs --tail=5 after an hour, ten hours or a year cost the same few steps', () => {
    const p = sh('while true; do echo tick $(date); sleep 0.001; done');
    const at = (now: number) => cost(() => expect(logsOf(p, 0, now, 'pod', { tail: 5 })).toHaveLength(5));
    const hour = at(HOUR);
    expect(hour).toBeLessThan(200);
    expect(at(10 * HOUR)).toBeLessThan(200);
    expect(at(365 * 24 * HOUR)).toBeLessThan(200);
    // The lines are the newest: `date` of the last round before one hour.
    expect(logsOf(p, 0, HOUR, 'pod', { tail: 1 })[0]).toBe('tick Thu Jan  1 01:00:00 UTC 1970');
  });

  it('a loop touching a file: whether it exists costs the same at 30 s and at 30 h', () => {
    const p = sh('while true; do touch /tmp/alive; sleep 0.0001; rm /tmp/alive; sleep 0.0001; done');
    const a = cost(() => fileExists(p, '/tmp/alive', 30_000));
    const b = cost(() => fileExists(p, '/tmp/alive', 30 * HOUR));
    expect(a).toBeLessThan(100);
    expect(b).toBeLessThan(100);
    const healthy = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(fileExists(healthy, '/tmp/healthy', 10_000)).toBe(true);
    expect(fileExists(healthy, '/tmp/healthy', 31_000)).toBe(false);
  });

  it('a for loop binds its variable literally: a pattern as its name is a syntax error, not a RegExp', () => {
    let p = sh('for (a+)+b in aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac; do echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaac; done');
    expect(logsOf(p, 0, 1000, 'pod')).toEqual(['sh: syntax error: bad for loop variable']);
    expect(runOf(p)).toEqual({ exitAfterMs: 50, exitCode: 2 });
    p = sh('for ( in 1 2');
    expect(logsOf(p, 0, 1000, 'pod')).toEqual(['sh: syntax error: bad for loop variable']);
    p = sh('while true; do echo unfinished');
    expect(logsOf(p, 0, 1000, 'pod')).toEqual(['sh: syntax error: unexpected end of file (expecting "done")']);
    expect(runOf(p).exitCode).toBe(2);
    p = sh('for i in 1 2 3; do echo "n=$i ${i}x $ii"; done; exit 4');
    expect(logsOf(p, 0, 1000, 'pod')).toEqual(['n=1 1x $ii', 'n=2 2x $ii', 'n=3 3x $ii']);
    expect(runOf(p).exitCode).toBe(4);
  });

  it('nested for loops are not unrolled: a million iterations cost nothing to compile', () => {
    const items = Array.from({ length: 100 }, (_, i) => i).join(' ');
    let p!: ReturnType<typeof sh>;
    const compile = cost(() => {
      p = sh(`for a in ${items}; do for b in ${items}; do for c in ${items}; do echo $a.$b.$c; done; done; done`);
      runOf(p);
    });
    expect(compile).toBeLessThan(100);
    // 10^6 lines at one step each take at least 1000 simulated seconds (plus the loops' own steps).
    expect(runOf(p).exitAfterMs).toBeGreaterThan(1_000_000);
    expect(logsOf(p, 0, 10 * HOUR, 'pod', { tail: 2 })).toEqual(['99.99.98', '99.99.99']);
  });

  it('logs rotate at containerLogMaxSize: kubectl logs shows only the current file', () => {
    const long = 'x'.repeat(5000);
    const p = sh(`while true; do echo ${long}; sleep 0.01; done`);
    // Each line is 5000 characters + newline + the CRI prefix; the 10 Mi file fills after ~2080 lines.
    const perLine = 5041;
    const full = Math.floor(CONTAINER_LOG_MAX_SIZE / perLine);
    const before = logsOf(p, 0, (full - 1) * 10, 'pod');
    expect(before.length).toBe(Math.min(full, LOG_LINES_SHOWN));
    // Ten lines later the file has rotated: the current one holds the nine that started after it.
    const after = logsOf(p, 0, (full + 9) * 10, 'pod');
    expect(after).toHaveLength(9);
  });

  it('property: any generated script costs a bounded number of steps to read, at any age', () => {
    const leaf = fc.oneof(
      fc.constantFrom('echo tick', 'echo $(date) $HOSTNAME', 'touch /tmp/f', 'rm /tmp/f', 'true', 'wget -q -O- http://web'),
      fc.constantFrom('0', '0.0000001', '0.001', '0.5', '1', '2m').map((s) => `sleep ${s}`),
      fc.constantFrom('(a+)+b', 'i', '(', 'x.*', '$', 'a{1000}').map((v) => `for ${v} in a b c; do echo $${v}; done`),
    );
    const script: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.array(leaf, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('; ')),
        fc.tuple(tie('block'), tie('block')).map(([a, b]) => `${a}; ${b}`),
        tie('block').map((b) => `while true; do ${b}; done`),
        fc.tuple(fc.integer({ min: 0, max: 50 }), tie('block')).map(([n, b]) => `for v in ${Array.from({ length: n }, (_, i) => i).join(' ')}; do ${b}; done`),
      ),
    })).block;
    fc.assert(
      fc.property(script, fc.integer({ min: 1, max: 100 * HOUR }), (text, now) => {
        const compiled = cost(() => sh(text));
        expect(compiled).toBeLessThan(20 * text.length + 100);
        const p = sh(text);
        const size = text.length + 10;
        // One answer, whatever the age: at most (lines asked + 1) walks of the script.
        const tail = cost(() => logsOf(p, 0, now, 'pod', { tail: 10 }));
        expect(tail).toBeLessThan(11 * size * 4 + 100);
        const all = cost(() => logsOf(p, 0, now, 'pod'));
        expect(all).toBeLessThan((LOG_LINES_SHOWN + 1) * size * 4 + 100);
        expect(cost(() => fileExists(p, '/tmp/f', now))).toBeLessThan(size * size + 100);
        // The step budget: no simulated second holds more lines than STEPS_PER_SECOND.
        expect(logsOf(p, 0, now, 'pod', { sinceMs: now - 1000 }).length).toBeLessThanOrEqual(STEPS_PER_SECOND);
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('in a cluster: a pod looping on a tiny sleep answers kubectl logs, and a bad script exits 2 with sh\'s words', () => {
    const c = newCluster();
    k(c, 'run tick --image=busybox -- sh -c "while true; do echo tick; sleep 0.0000001; done"');
    k(c, 'run broken --image=busybox --restart=Never -- sh -c "for ( in 1 2"');
    c.advance(600);
    const before = work.steps;
    expect(k(c, 'logs tick --tail=3')).toBe('tick\ntick\ntick\n');
    expect(work.steps - before).toBeLessThan(100);
    expect(k(c, 'logs broken')).toBe('sh: syntax error: bad for loop variable\n');
    // --since reads back only that far: one second of a throttled loop.
    const second = k(c, 'logs tick --since=1s').split('\n').filter(Boolean);
    expect(second.length).toBeGreaterThan(STEPS_PER_SECOND / 4);
    expect(second.length).toBeLessThanOrEqual(STEPS_PER_SECOND / 3 + 1);
    expect(kFail(c, 'logs tick --since=5')).toBe('error: invalid argument "5" for "--since" flag: time: missing unit in duration "5"\nSee \'kubectl logs --help\' for usage.\n');
    expect(c.store.get('pods', 'default', 'broken')!.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    assertNoTaskFailures(c);
  });
});
