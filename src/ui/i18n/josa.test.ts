import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { registerJosa } from './josa';

describe('the josa formatter', () => {
  it('an i18next formatter picks the particle in translations: {{name, josa(과/와)}}', async () => {
    const t = i18next.createInstance();
    registerJosa(t);
    await t.init({ lng: 'ko', resources: { ko: { translation: { x: '{{a, josa(과/와)}} {{b, josa(을/를)}} 비교' } } } });
    expect(t.t('x', { a: 'web', b: 'worker-2' })).toBe('web과 worker-2를 비교');
  });
});
