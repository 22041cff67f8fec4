#!/usr/bin/env node
// Writes public/licenses/: the licence of every third-party package whose code, fonts or data
// the built site ships (the fonts' SIL OFL, the Kubernetes schema's Apache-2.0, the libraries'
// MIT/ISC/BSD texts), and an index. Run after changing a runtime dependency:
// `node scripts/collect-licenses.mjs`. The build copies public/ as is, so the site serves them at
// ./licenses/.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'public/licenses';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// Runtime dependencies (bundled into the site), plus the one dev dependency whose output ships:
// workbox-window (registration) and the Workbox runtime inside the service worker.
const names = [...Object.keys(pkg.dependencies), 'workbox-window', 'kubernetes-types'].sort();

const licenceFile = (dir) => readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
mkdirSync(OUT, { recursive: true });
const lines = [
  'Wheelhouse — licences of what this site ships',
  '',
  `Wheelhouse itself: ${pkg.license} (Apache-2.0.txt).`,
  '',
  'Fonts (bundled, served from this site):',
  '  Noto Sans KR — SIL Open Font License 1.1 (noto-sans-kr-OFL.txt)',
  '  Nanum Gothic Coding — SIL Open Font License 1.1 (nanum-gothic-coding-OFL.txt)',
  '',
  'Data: the Kubernetes API schema (field names, types and descriptions used by the editor and',
  'kubectl explain) comes from the Kubernetes OpenAPI specification through kubernetes-types,',
  'Copyright The Kubernetes Authors, Apache License 2.0 (Apache-2.0.txt).',
  '',
  'Libraries bundled into the JavaScript (third-party.txt has each licence text):',
];
let third = '';
for (const name of names) {
  const dir = join('node_modules', name);
  const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  lines.push(`  ${name} ${p.version} — ${p.license}`);
  const file = licenceFile(dir);
  if (name.startsWith('@fontsource/')) continue; // the OFL files above
  if (file) third += `==== ${name} ${p.version} (${p.license}) ====\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n\n`;
  else if (p.license === 'Apache-2.0') third += `==== ${name} ${p.version} (Apache-2.0) ====\n\nSee Apache-2.0.txt.\n\n`;
}
writeFileSync(join(OUT, 'noto-sans-kr-OFL.txt'), readFileSync('node_modules/@fontsource/noto-sans-kr/LICENSE'));
writeFileSync(join(OUT, 'nanum-gothic-coding-OFL.txt'), readFileSync('node_modules/@fontsource/nanum-gothic-coding/LICENSE'));
writeFileSync(join(OUT, 'Apache-2.0.txt'), readFileSync('LICENSE'));
writeFileSync(join(OUT, 'third-party.txt'), third);
writeFileSync(join(OUT, 'index.txt'), lines.join('\n') + '\n');
console.log(`wrote ${OUT}/ (${names.length} packages)`);
