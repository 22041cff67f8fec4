import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBytes, readTar, toBytes, writeTar } from './tar';

describe('ustar archives', () => {
  it('writes 512-byte blocks padded to a 10 KiB record, with a valid checksum', () => {
    const a = writeTar([{ name: 'tmp/x.txt', data: toBytes('hello\n'), directory: false, mode: 0o644, mtime: 1_700_000_000 }]);
    expect(a.length).toBe(10240);
    expect(a.slice(0, 9)).toBe('tmp/x.txt');
    expect(a.slice(257, 263)).toBe('ustar\0');
    expect(a.slice(124, 136)).toBe('00000000006\0');
    expect(a.slice(512, 518)).toBe('hello\n');
    expect(readTar(a)).toEqual([{ name: 'tmp/x.txt', data: 'hello\n', directory: false, mode: 0o644, mtime: 1_700_000_000 }]);
  });

  it('reads back what it writes: names (long ones split into prefix and name), directories and UTF-8 contents', () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9._-]{1,40}$/).filter((s) => s !== '.' && s !== '..');
    const entry = fc.record({ path: fc.array(segment, { minLength: 1, maxLength: 4 }), text: fc.string({ unit: 'grapheme', maxLength: 600 }), directory: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const written = entries.map((e) => ({ name: `${e.path.join('/')}${e.directory ? '/' : ''}`, data: e.directory ? '' : toBytes(e.text), directory: e.directory, mode: e.directory ? 0o755 : 0o644, mtime: 42 }));
        const read = readTar(writeTar(written));
        expect(read).toEqual(written);
        for (const [i, e] of entries.entries()) if (!e.directory) expect(fromBytes(read[i].data)).toBe(e.text);
      }),
    );
  });
});
