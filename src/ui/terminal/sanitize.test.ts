import { describe, expect, it } from 'vitest';
import { escapeTerminal } from './sanitize';

describe('escapeTerminal (as kubectl printers.EscapeTerminal, plus what xterm.js obeys)', () => {
  it('leaves ordinary text, Korean, newlines and tabs alone', () => {
    const s = 'NAME\tREADY\n파드 web-1\t1/1\n';
    expect(escapeTerminal(s)).toBe(s);
  });

  it('shows ESC as ^[ and CR as \\r, exactly as kubectl 1.26+ does', () => {
    expect(escapeTerminal('a\x1b[2Jb')).toBe('a^[[2Jb');
    expect(escapeTerminal('line\r\n')).toBe('line\\r\n');
  });

  it('defuses an OSC 8 hyperlink and a screen clear hidden in an annotation', () => {
    const evil = '\u001b]8;;http://evil\u0007x\u001b]8;;\u0007 \u001b[2J';
    const shown = escapeTerminal(evil);
    expect(shown).toBe('^[]8;;http://evil^Gx^[]8;;^G ^[[2J');
    expect(shown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('shows other C0 controls, DEL and 8-bit C1 controls (CSI U+009B, OSC U+009D) as cat -v does', () => {
    expect(escapeTerminal('a\bb\x07\x00\x0b\x0c\x7f')).toBe('a^Hb^G^@^K^L^?');
    expect(escapeTerminal('\u009b2J\u009d0;title\u009c')).toBe('M-^[2JM-^]0;titleM-^\\');
  });

  it('never lets a control character through, whatever the input', () => {
    let all = '';
    for (let c = 0; c < 0x200; c++) all += String.fromCharCode(c);
    const shown = escapeTerminal(all);
    expect(shown.replace(/[\n\t]/g, '')).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });
});
