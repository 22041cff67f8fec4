#!/usr/bin/env node
// Finds Debian's Chromium for the Playwright e2e suite, installing it with apt-get when missing.
// Never downloads a browser of its own (`npx playwright install` cannot work on this network).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}
console.log('chromium not found; installing the Debian package (apt-get install -y chromium)…');
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch {
  console.error('Could not install chromium. Install it yourself (apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('chromium still missing after install');
  process.exit(1);
}
console.log('chromium: /usr/bin/chromium');
