/**
 * The i18next formatter for Korean particles: translations say `{{name, josa(과/와)}}` (any
 * es-hangul pair, in either order) and get the name followed by the particle its final sound
 * takes — `web과`, `worker-2를` (the reading rules are in lessons/josa.ts, shared with lesson text).
 */
import type { i18n } from 'i18next';
import { withJosa } from '../../lessons/josa';

export { finalSound, pickJosa, withJosa } from '../../lessons/josa';

/** Registers the `josa` formatter: `{{name, josa(과/와)}}`. Call before or after init. */
export function registerJosa(i18next: i18n): void {
  const add = () =>
    i18next.services.formatter?.add('josa', (value: unknown, _lng: string | undefined, options: Record<string, unknown>) => {
      const pair = Object.keys(options ?? {}).find((k) => k.includes('/'));
      const word = String(value ?? '');
      return pair ? withJosa(word, pair) : word;
    });
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
