import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository stands alone: a fresh clone with nothing beside it passes `npm install && npm
// test` (.ci/run proves it by running from such a clone). So no source, test, script or bench
// may read a folder outside the tree — the workspace's shared/ folder above all: whatever the
// tests need is copied in (src/engine/testdata/, src/ui/i18n/glossary-ko.tsv, …).
const ROOTS = ['src', 'e2e', 'scripts', 'bench'];
const OUTSIDE = [
  /\.\.\/+(\.\.\/+)*shared\b/, // a relative path up and into shared/
  /['"`]\.\.['"`]\s*,\s*(['"`]\.\.['"`]\s*,\s*)*['"`]shared['"`]/, // join(…, '..', 'shared')
  /['"`]\/work\/shared\b/, // the workspace's absolute path, as a string
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.(ts|tsx|mjs|js|cjs|json)$/.test(name) ? [path] : [];
  });
}

describe('the repository stands alone', () => {
  it('no file under src, e2e, scripts or bench reaches outside the tree for shared/', () => {
    const self = relative(process.cwd(), new URL(import.meta.url).pathname);
    const offenders = ROOTS.flatMap(files)
      .filter((f) => f !== self)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
          .filter(({ line }) => OUTSIDE.some((re) => re.test(line)))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the check itself sees such a path', () => {
    const seen = (s: string) => OUTSIDE.some((re) => re.test(s));
    expect(seen(`readFileSync(new URL('../../../../${'shared'}/corpus/a.yaml', import.meta.url))`)).toBe(true);
    expect(seen(`join(__dirname, '..', '..', '${'shared'}', 'corpus')`)).toBe(true);
    expect(seen(`const dir = '/work/${'shared'}/corpus'`)).toBe(true);
    expect(seen(`// copied from the workspace's glossary`)).toBe(false);
  });
});
