/**
 * Every manifest in the shared conformance corpus (kubernetes/website examples) is either
 * accepted by `kubectl apply -f`, or — for kinds this simulator does not serve yet — refused
 * with kubectl's own "no matches for kind" error. Never a crash, never a silent no-op.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCluster } from '../index';
import { RESOURCE_TYPES } from '../api/registry';

const corpusDir = resolve(__dirname, '../../../../shared/corpus');
const index = existsSync(`${corpusDir}/INDEX.tsv`)
  ? readFileSync(`${corpusDir}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
  : [];
const served = new Set(RESOURCE_TYPES.map((t) => t.kind));

describe('shared corpus', () => {
  it('is present beside the project', () => {
    expect(index.length).toBeGreaterThan(100);
  });

  it.each(index.map(([path, kinds]) => [path, kinds]))('%s', (path, kinds) => {
    const c = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    c.kubectl('create namespace dev');
    const text = readFileSync(`${corpusDir}/${path}`, 'utf8');
    // The tutorials create their namespaces first; so does this test.
    for (const m of text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)) c.kubectl(`create namespace ${m[1]}`);
    const r = c.kubectl('apply -f -', { stdin: text });
    const all = kinds.split(',');
    const unsupported = all.filter((kind) => !served.has(kind));
    if (unsupported.length === 0) {
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(all.length);
      expect(r.stdout).toMatch(/ created\n$/);
    } else {
      expect(r.exitCode).toBe(1);
      for (const kind of new Set(unsupported)) expect(r.stderr).toContain(`no matches for kind "${kind}"`);
      expect(r.stderr).not.toMatch(/TypeError|undefined|Cannot read/);
    }
    c.advance(30);
    // Whatever was accepted is visible and the cluster keeps answering.
    expect(c.kubectl('get all -A').exitCode).toBe(0);
  });
});
