// Sums the gzip size of the JavaScript the page needs for its first paint — the entry script
// and what it preloads — and fails above the budget (issue: initial JS without Monaco ≤ 250 KB).
// The service worker's registration (workbox-window) is a dynamic import after the first paint;
// were it ever pulled into the entry, it would be counted here.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 250;
// The build folder: an argument, else E2E_DIST (a working copy's own build), else dist.
const dist = process.argv[2] ?? process.env.E2E_DIST ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(join(dist, f))).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${f}`);
}
console.log(`initial JS (gzip): ${(total / 1024).toFixed(1)} KB — budget ${BUDGET_KB} KB`);
if (total / 1024 > BUDGET_KB) {
  console.error('initial JS is over budget');
  process.exit(1);
}
