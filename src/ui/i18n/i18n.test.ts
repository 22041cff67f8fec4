import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n resources', () => {
  it('Korean and English have the same keys', () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });
  it('no Korean string is left empty or in English only', () => {
    for (const k of keys(ko)) {
      const value = k.split('.').reduce((o: Record<string, unknown>, p) => o[p] as Record<string, unknown>, ko as unknown as Record<string, unknown>) as unknown as string;
      expect(value.length).toBeGreaterThan(0);
    }
  });
});

describe('"why" messages', () => {
  it('every reason the engine records has a sentence in both languages', async () => {
    const { REASON_KEYS } = await import('../../engine/port');
    const en_ = new Set(keys(en));
    const ko_ = new Set(keys(ko));
    for (const key of REASON_KEYS) {
      expect(en_.has(`reasons.${key}`), key).toBe(true);
      expect(ko_.has(`reasons.${key}`), key).toBe(true);
    }
  });
});
