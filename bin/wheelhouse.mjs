#!/usr/bin/env node
// `npx wheelhouse serve` from a clone: runs the server's TypeScript with tsx (a dev dependency).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command = 'serve', ...rest] = process.argv.slice(2);
if (command !== 'serve') {
  process.stderr.write(`usage: wheelhouse serve [flags]   (got "${command}"; see wheelhouse serve --help)\n`);
  process.exit(2);
}
const built = spawnSync(process.execPath, [join(root, 'scripts/ensure-build.mjs'), ...rest], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts'), ...rest], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
