import { describe, expect, it } from 'vitest';
import { widestLine } from './width';

describe('widestLine', () => {
  it('counts cells: Hangul takes two, colour codes none', () => {
    expect(widestLine('abc\nabcdef\n')).toBe(6);
    expect(widestLine('파드 web')).toBe(8);
    expect(widestLine('\x1b[31mred\x1b[0m')).toBe(3);
    expect(widestLine('')).toBe(0);
  });
});
