/**
 * Generates src/engine/openapi/patchStrategies.json: for each API type, the fields whose lists a
 * strategic merge patch merges rather than replaces (`+patchStrategy=merge`, with the
 * `+patchMergeKey` that identifies an item) and the ones with `retainKeys`. Read from the
 * `generated.proto` files of k8s.io/api and k8s.io/apimachinery v0.32.9 (Kubernetes v1.32,
 * Apache-2.0), where these markers sit in each field's comment.
 *
 *   node --import tsx scripts/generate-patch-strategies.ts path/to/k8s-proto
 *
 * (The protos are not in this repository — the team's copy sits beside it as `k8s-proto/`; the
 * generated table is in the tree, so tests read nothing outside.)
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: node --import tsx scripts/generate-patch-strategies.ts <folder holding k8s.io/api/…/generated.proto>');
  process.exit(2);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f === 'generated.proto' ? [p] : [];
  });
}

/** `k8s.io.api.core.v1` → `core/v1`, `k8s.io.apimachinery.pkg.apis.meta.v1` → `meta/v1` (the definitions' keys). */
function groupOf(pkg: string): string | undefined {
  const api = /^k8s\.io\.api\.([a-z0-9]+)\.(v[a-z0-9]+)$/.exec(pkg);
  if (api) return `${api[1]}/${api[2]}`;
  const meta = /^k8s\.io\.apimachinery\.pkg\.apis\.meta\.(v1)$/.exec(pkg);
  return meta ? `meta/${meta[1]}` : undefined;
}

const out: Record<string, Record<string, { strategy: string; mergeKey?: string }>> = {};
for (const file of walk(root).sort()) {
  const text = readFileSync(file, 'utf8');
  const group = groupOf(/^package ([\w.]+);/m.exec(text)?.[1] ?? '');
  if (!group) continue;
  let message: string | undefined;
  let depth = 0;
  let comment: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const open = /^message (\w+) \{$/.exec(line);
    if (open) {
      // Nested messages (map entries) are not API types.
      if (depth === 0) message = open[1];
      depth++;
      comment = [];
      continue;
    }
    if (line === '}') {
      depth--;
      if (depth === 0) message = undefined;
      comment = [];
      continue;
    }
    if (line.startsWith('//')) {
      comment.push(line);
      continue;
    }
    const field = /^(?:optional|repeated)?\s*[\w.<>, ]+\s+(\w+) = \d+;$/.exec(line);
    if (field && message && depth === 1) {
      const strategy = comment.map((c) => /\+patchStrategy=([\w,]+)/.exec(c)?.[1]).find(Boolean);
      const mergeKey = comment.map((c) => /\+patchMergeKey=(\w+)/.exec(c)?.[1]).find(Boolean);
      if (strategy) (out[`${group}.${message}`] ??= {})[field[1]] = mergeKey ? { strategy, mergeKey } : { strategy };
    }
    comment = [];
  }
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(
  'src/engine/openapi/patchStrategies.json',
  `${JSON.stringify({ source: 'k8s.io/api and k8s.io/apimachinery v0.32.9 generated.proto (Kubernetes v1.32), Apache-2.0', types: sorted }, null, 1)}\n`,
);
console.log(`${Object.keys(sorted).length} types with patch strategies`);
