import { describe, expect, it } from 'vitest';
import { mergePatch } from './mergePatch';

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, removes keys set to null, replaces arrays and scalars', () => {
    const target = { a: 'b', c: { d: 'e', f: 'g' }, list: [1, 2], keep: true };
    expect(mergePatch(target, { a: 'z', c: { f: null, h: 1 }, list: [3] })).toEqual({ a: 'z', c: { d: 'e', h: 1 }, list: [3], keep: true });
    expect(target.c).toEqual({ d: 'e', f: 'g' }); // the target is not changed
  });
  it('follows the RFC’s examples where the patch is not an object', () => {
    expect(mergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(mergePatch({ a: 'b' }, null)).toBeNull();
    expect(mergePatch(['a'], { a: 'b' })).toEqual({ a: 'b' });
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
  });
});
