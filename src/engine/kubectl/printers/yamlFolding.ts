/**
 * Long scalars folded as kubectl's YAML printer folds them. kubectl writes YAML with go-yaml v2,
 * whose emitter breaks a plain or quoted scalar at a space once the line is past 80 columns
 * (yaml_emitter_write_plain_scalar / _single_quoted_ / _double_quoted_, best_width 80), and
 * continues it two columns in from the key or the sequence dash. The `yaml` library folds by
 * another rule, so the printer writes each scalar on one line and this pass folds it the go-yaml way.
 */

const BEST_WIDTH = 80;

/** A line's parts: where the key (or the last dash) starts, and the scalar after it. */
interface ScalarLine {
  head: string;
  /** Column the continuation lines start at. */
  indent: number;
  value: string;
}

/** A quoted token at the start of `s` (a key or a value): its length, or 0 if unterminated. */
function quotedLength(s: string): number {
  const q = s[0];
  for (let i = 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') i++;
    else if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return 0;
}

function splitLine(line: string): ScalarLine | 'block' | undefined {
  let at = 0;
  while (line[at] === ' ') at++;
  let dashColumn = -1;
  while (line.startsWith('- ', at)) {
    dashColumn = at;
    at += 2;
  }
  const keyColumn = at;
  let rest = line.slice(at);
  let hasKey = false;
  if (rest[0] === '"' || rest[0] === "'") {
    const n = quotedLength(rest);
    if (n && (rest.startsWith(': ', n) || n === rest.length - 1) && rest[n] === ':') {
      hasKey = true;
      at += n + 1;
    }
  } else {
    const colon = rest.search(/:( |$)/);
    if (colon > 0) {
      hasKey = true;
      at += colon + 1;
    }
  }
  if (hasKey) {
    if (line[at] !== ' ') return undefined;
    at++;
  } else if (dashColumn < 0) return undefined;
  rest = line.slice(at);
  if (!rest) return undefined;
  if (rest[0] === '|' || rest[0] === '>') return 'block';
  if (rest[0] === '{' || rest[0] === '[' || rest[0] === '&' || rest[0] === '*' || rest[0] === '!') return undefined;
  return { head: line.slice(0, at), indent: (hasKey ? keyColumn : dashColumn) + 2, value: rest };
}

/** go-yaml's scalar writers, over the text as printed (quotes and escapes included). */
function fold(head: string, indent: number, value: string): string {
  const quote = value[0] === "'" || value[0] === '"' ? value[0] : '';
  // A quoted scalar's content runs between its quotes; escapes never hold a space.
  const body = quote ? value.slice(1, -1) : value;
  const pad = ' '.repeat(indent);
  let out = head + quote;
  let column = head.length + quote.length;
  let spaces = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== ' ') {
      out += ch;
      column++;
      spaces = false;
      continue;
    }
    const next = body[i + 1];
    const inside = i > 0 && i < body.length - 1;
    const breakHere = !spaces && column > BEST_WIDTH && (quote === '"' ? inside : quote === "'" ? inside && next !== ' ' : next !== ' ');
    if (breakHere) {
      out += '\n' + pad;
      column = indent;
      // A double-quoted scalar keeps a leading space of the next line by escaping it.
      if (quote === '"' && next === ' ') {
        out += '\\';
        column++;
      }
    } else {
      out += ' ';
      column++;
    }
    spaces = true;
  }
  return out + quote;
}

/** Where a line's key (or item) starts: past its indentation and sequence dashes. A block's text is indented more. */
function keyColumn(line: string): number {
  let at = 0;
  while (line[at] === ' ') at++;
  while (line.startsWith('- ', at)) at += 2;
  return at;
}

/** Folds every long scalar of a YAML text (one scalar per line, as the printer writes it). */
export function foldLikeGoYaml(text: string): string {
  const lines = text.split('\n');
  let blockColumn = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.length <= BEST_WIDTH) {
      if (blockColumn >= 0 && line.trim() !== '' && line.length - line.trimStart().length <= blockColumn) blockColumn = -1;
      if (blockColumn < 0 && /(:|-) [|>][-+]?\d*$/.test(line)) blockColumn = keyColumn(line);
      continue;
    }
    const indentation = line.length - line.trimStart().length;
    // Inside a literal block the text is kept as written.
    if (blockColumn >= 0 && indentation > blockColumn) continue;
    blockColumn = -1;
    const parts = splitLine(line);
    if (parts === 'block') {
      blockColumn = keyColumn(line);
      continue;
    }
    if (parts && parts.value.length > 0) lines[n] = fold(parts.head, parts.indent, parts.value);
  }
  return lines.join('\n');
}
