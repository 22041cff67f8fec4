/**
 * Every manifest in the conformance corpus (kubernetes/website examples, copied into src/engine/testdata/corpus) is either
 * accepted by `kubectl apply -f`, or — for kinds this simulator does not serve yet — refused
 * with kubectl's own "no matches for kind" error. Never a crash, never a silent no-op.
 */
import { describe, expect, it } from 'vitest';
import { convertedVersion } from '../api/conversion/hpaV1';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCluster } from '../testing/helpers';
import { resolveKind } from '../api/registry';
import { parseAllDocuments } from 'yaml';

const corpusDir = resolve(__dirname, '../testdata/corpus');
const index = existsSync(`${corpusDir}/INDEX.tsv`)
  ? readFileSync(`${corpusDir}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
  : [];

describe('conformance corpus', () => {
  it('is present in the repository', () => {
    expect(index.length).toBeGreaterThan(100);
  });

  it.each(index.map(([path, kinds]) => [path, kinds]))('%s', (path, kinds) => {
    const c = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    c.kubectl('create namespace dev');
    const text = readFileSync(`${corpusDir}/${path}`, 'utf8');
    // The tutorials create their namespaces first; so does this test.
    for (const m of text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)) c.kubectl(`create namespace ${m[1]}`);
    const r = c.kubectl('apply -f -', { stdin: text });
    const docs = parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean) as { apiVersion: string; kind: string }[];
    const all = kinds.split(',');
    // Served means this kind at this apiVersion (v1.32 dropped e.g. batch/v1beta1 CronJob).
    const unsupported = docs.filter((d) => !resolveKind(d.apiVersion, d.kind) && !convertedVersion(d.apiVersion, d.kind)).map((d) => d.kind);
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
