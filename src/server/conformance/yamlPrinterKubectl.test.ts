/**
 * kubectl's YAML printer is go-yaml v2: which strings go plain, single- or double-quoted or into a
 * literal block, and where a long one is folded (past column 80, at a space, two columns in).
 * Real kubectl v1.32 prints generated objects locally (`--dry-run=client -o yaml`, no server
 * needed); the simulator's kubectl must print the same bytes for the same strings — a few
 * hundred of them drawn from a seeded generator of words, quotes, colons, hashes, Korean, tabs,
 * doubled spaces and line breaks, as map values and as sequence items.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { kubectlForSuite } from '../testing/served';

const KUBECTL = kubectlForSuite('the YAML printer conformance suite');

const WORDS = ['a', 'ab', 'word', 'longerword', 'x:', 'a:b', "it's", '"q"', '#tag', 'x#y', 'é', '한국어', 'tab\there', '-', '- x', '?', 'true', '1.5', '0x1F', 'http://x.y/z?a=b&c', '{', '}', '[x]', '*', '&a', '!', '%', '@', '`', 'supercalifragilisticexpialidocious'];

/** A small seeded generator (mulberry32), so every run draws the same strings. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return {
    int(max: number): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
    },
  };
}

function strings(seed: number, count: number, lines: boolean): string[] {
  const rng = seeded(seed);
  return Array.from({ length: count }, () => {
    const n = 1 + rng.int(rng.int(3) === 0 ? 4 : 40);
    let s = '';
    for (let i = 0; i < n; i++) s += (i ? [' ', ' ', ' ', '  ', lines ? '\n' : ' '][rng.int(5)] : '') + WORDS[rng.int(WORDS.length)];
    if (rng.int(6) === 0) s = ' ' + s;
    if (rng.int(6) === 0) s += rng.int(2) ? ' ' : lines ? '\n' : ' ';
    return s;
  });
}

/** POSIX single quotes, as the simulator's command line takes them. */
const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

describe.runIf(!!KUBECTL)('kubectl -o yaml strings, against real kubectl v1.32', () => {
  const real = (args: string[]) => execFileSync(KUBECTL!, args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
  const sim = (args: string[]) => createCluster({ seed: 1, minimal: true, bootSeconds: 0 }).kubectl(args.map(quote).join(' '));

  it('quotes and folds map values as go-yaml does', () => {
    for (const [seed, lines] of [[1, false], [2, false], [3, true]] as const) {
      const values = strings(seed, 120, lines);
      const args = ['create', 'configmap', 'x', ...values.map((s, i) => `--from-literal=k${String(i).padStart(3, '0')}=${s}`), '--dry-run=client', '-o', 'yaml'];
      const mine = sim(args);
      expect(mine.stderr).toBe('');
      expect(mine.stdout).toBe(real(args));
    }
  });

  it('folds sequence items two columns in from the dash', () => {
    const args = ['create', 'deployment', 'web', '--image=busybox:1.36', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', ...strings(4, 40, false)];
    const mine = sim(args);
    expect(mine.stderr).toBe('');
    expect(mine.stdout).toBe(real(args));
  });
});
