// Builds the page (dist/) when it is missing or older than its sources, so `npm run serve` on a
// fresh clone shows the page without a separate `npm run build`. `--no-page` skips it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--no-page')) process.exit(0);

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) if (e !== 'server' && !e.endsWith('.test.ts')) t = Math.max(t, newest(join(path, e)));
  return t;
}

const index = join(root, 'dist', 'index.html');
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'public')), newest(join(root, 'index.html')), newest(join(root, 'vite.config.ts')));
if (existsSync(index) && statSync(index).mtimeMs >= sources) process.exit(0);
process.stdout.write('building the page first (npm run build)…\n');
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
