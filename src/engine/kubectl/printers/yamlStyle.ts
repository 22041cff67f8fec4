/**
 * Which style kubectl's YAML writer (go-yaml v2) gives a string: plain where the text allows it,
 * else single-quoted, else double-quoted; a literal block for several lines. The rules are
 * yaml_emitter_analyze_scalar's and yaml_emitter_select_scalar_style's, plus the encoder's
 * choice of double quotes for text that would read as another type (a number, `true`, a date).
 */

export type GoScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL';

/** is_printable: newline, ASCII space to `~`, U+00A0–U+D7FF and U+E000–U+FFFD without the BOM. */
function printable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

const blank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** What yaml.v2 would read as something other than a string: written double-quoted. */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return false;
  if (/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(s)) return true;
  if (/^[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?$/.test(s) || /^0x[0-9a-f]+$/i.test(s) || /^[-+]?\d+(:[0-5]?\d)+(\.\d*)?$/.test(s)) return true;
  if (/^[-+]?\.(inf|nan)$/i.test(s) || /^[-+]?0[bBoO][0-7_]+$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s)) return true;
  return false;
}

/** The style of a string written as a block mapping value or sequence item (or, `key`, as a mapping key). */
export function goScalarStyle(s: string, key = false): GoScalarStyle {
  if (resolvesToNonString(s)) return 'QUOTE_DOUBLE';
  if (s === '') return key ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
  const chars = Array.from(s);
  let blockIndicators = false;
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let trailingSpace = false;
  let leadingBreak = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  // Flow indicators matter only inside flow collections, which kubectl's YAML never writes.
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const followedByWhitespace = i + 1 >= chars.length || blank(chars[i + 1]) || chars[i + 1] === '\n';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!printable(ch.codePointAt(0)!)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (ch === '\n') {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = blank(ch) || ch === '\n';
  }
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let single = true;
  let block = !trailingSpace;
  if (breakSpace) plain = single = false;
  if (spaceBreak || special) plain = single = block = false;
  if (lineBreaks) plain = false;
  if (blockIndicators) plain = false;
  // The encoder asks for a literal block for text with line breaks (double quotes for a key).
  if (s.includes('\n')) return block && !key ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
  if (plain) return 'PLAIN';
  return single ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
}

const ESCAPES: Record<number, string> = { 0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0x2028: 'L', 0x2029: 'P' };
const hex = (v: number, digits: number) => v.toString(16).toUpperCase().padStart(digits, '0');

/**
 * A double-quoted scalar as yaml_emitter_write_double_quoted_scalar writes it, on one line:
 * line breaks, quotes, backslashes and anything not printable escaped (`\n`, `\t`, `\x7F`,
 * `\U0001F600`), everything else as it is. (Folding past column 80 is ./yamlFolding.ts's.)
 */
export function goDoubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const v = ch.codePointAt(0)!;
    const isBreak = v === 0x0a || v === 0x0d || v === 0x85 || v === 0x2028 || v === 0x2029;
    if (!printable(v) || v === 0xfeff || isBreak || v === 0x22 || v === 0x5c) out += '\\' + (ESCAPES[v] ?? (v <= 0xff ? `x${hex(v, 2)}` : v <= 0xffff ? `u${hex(v, 4)}` : `U${hex(v, 8)}`));
    else out += ch;
  }
  return out + '"';
}
