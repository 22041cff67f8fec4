/**
 * The terminal's command line, readline-style: what xterm.js hands over as keystrokes (its
 * `onData` strings: printable text, control characters, escape sequences) becomes edits of one
 * line with a cursor, history and Tab completion; every edit answers with the bytes that redraw
 * the line on screen. Pure: no DOM, no xterm, so it is tested in Node. Lines wider than the
 * terminal wrap; the redraw climbs back to the line's first row, so editing them stays tidy.
 */

export const PROMPT = '\x1b[32m$\x1b[0m ';
const PROMPT_WIDTH = 2;

export interface LineEditorHost {
  /** Completion of the whole line (see complete.ts). */
  complete(line: string): { line: string; choices: string[] };
  /** Terminal width in cells. */
  columns(): number;
}

export type EditorAction =
  | { kind: 'write'; data: string }
  /** Enter: the line is done (the screen already moved to a fresh row). */
  | { kind: 'submit'; line: string }
  /** Ctrl+L: the host clears the screen, then calls redraw(). */
  | { kind: 'clear' };

/** Cells a string takes: Hangul, CJK and fullwidth forms take two. */
export function cellWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  /** The history position while browsing with ↑/↓ (null: editing a new line). */
  private browsing: number | null = null;
  /** The line being typed before browsing started, restored by ↓ past the newest entry. */
  private draft: string[] = [];
  /** Rows between the line's first row and the screen cursor, as last drawn. */
  private cursorRow = 0;

  constructor(
    private host: LineEditorHost,
    private history: () => string[],
  ) {}

  get line(): string {
    return this.chars.join('');
  }

  /** Handle one onData chunk: keys, or pasted text (each newline in it submits a line). */
  input(data: string): EditorAction[] {
    const out: EditorAction[] = [];
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const seq = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(rest);
      if (seq) {
        this.escape(seq[1], out);
        i += seq[0].length;
        continue;
      }
      const ch = String.fromCodePoint(data.codePointAt(i)!);
      i += ch.length;
      this.key(ch, out);
    }
    return out;
  }

  /** Draw the prompt and the line from the start of a fresh row (after output or a clear). */
  redraw(): string {
    this.cursorRow = 0;
    return this.render(false);
  }

  /** Bytes that wipe the line being edited, so output can be written where it was. */
  erase(): string {
    const up = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '';
    this.cursorRow = 0;
    return `${up}\r\x1b[J`;
  }

  private key(ch: string, out: EditorAction[]): void {
    switch (ch) {
      case '\r':
      case '\n': {
        const line = this.line;
        // Leave the line on screen (cursor to its end) and move to a new row.
        out.push({ kind: 'write', data: this.moveToEnd() + '\r\n' });
        this.chars = [];
        this.cursor = 0;
        this.cursorRow = 0;
        this.browsing = null;
        out.push({ kind: 'submit', line });
        return;
      }
      case '\x7f':
      case '\b':
        if (this.cursor > 0) {
          this.chars.splice(--this.cursor, 1);
          this.draw(out);
        }
        return;
      case '\t':
        this.tab(out);
        return;
      case '\x03': // Ctrl+C: abandon the line, as a shell does.
        out.push({ kind: 'write', data: this.moveToEnd() + '^C\r\n' });
        this.chars = [];
        this.cursor = 0;
        this.cursorRow = 0;
        this.browsing = null;
        out.push({ kind: 'write', data: this.render(false) });
        return;
      case '\x0c':
        out.push({ kind: 'clear' });
        return;
      case '\x01':
        this.cursor = 0;
        this.draw(out);
        return;
      case '\x05':
        this.cursor = this.chars.length;
        this.draw(out);
        return;
      case '\x15': // Ctrl+U: delete to the start.
        this.chars.splice(0, this.cursor);
        this.cursor = 0;
        this.draw(out);
        return;
      case '\x0b': // Ctrl+K: delete to the end.
        this.chars.length = this.cursor;
        this.draw(out);
        return;
      case '\x17': {
        // Ctrl+W: delete the word before the cursor.
        let j = this.cursor;
        while (j > 0 && this.chars[j - 1] === ' ') j--;
        while (j > 0 && this.chars[j - 1] !== ' ') j--;
        this.chars.splice(j, this.cursor - j);
        this.cursor = j;
        this.draw(out);
        return;
      }
    }
    if (ch < ' ' || ch === '\x1b') return; // other control keys do nothing
    this.chars.splice(this.cursor++, 0, ch);
    this.draw(out);
  }

  private escape(seq: string, out: EditorAction[]): void {
    const final = seq[seq.length - 1];
    if (seq === '[3~') {
      if (this.cursor < this.chars.length) {
        this.chars.splice(this.cursor, 1);
        this.draw(out);
      }
      return;
    }
    switch (final) {
      case 'A':
        this.browse(-1, out);
        return;
      case 'B':
        this.browse(1, out);
        return;
      case 'C':
        if (this.cursor < this.chars.length) this.cursor++;
        break;
      case 'D':
        if (this.cursor > 0) this.cursor--;
        break;
      case 'H':
        this.cursor = 0;
        break;
      case 'F':
        this.cursor = this.chars.length;
        break;
      default:
        return; // function keys and the like: ignored
    }
    this.draw(out);
  }

  private browse(step: number, out: EditorAction[]): void {
    const history = this.history();
    if (!history.length) return;
    if (this.browsing === null) {
      if (step > 0) return;
      this.draft = this.chars;
      this.browsing = history.length;
    }
    const next = this.browsing + step;
    if (next < 0) return;
    if (next >= history.length) {
      this.browsing = null;
      this.chars = this.draft;
    } else {
      this.browsing = next;
      this.chars = [...history[next]];
    }
    this.cursor = this.chars.length;
    this.draw(out);
  }

  private tab(out: EditorAction[]): void {
    if (!this.line.trim()) return;
    const before = this.chars.slice(0, this.cursor).join('');
    const after = this.chars.slice(this.cursor).join('');
    const { line, choices } = this.host.complete(before);
    this.chars = [...line, ...after];
    this.cursor = [...line].length;
    if (choices.length > 1) {
      // Like bash: list the choices under the line, then the prompt again.
      out.push({ kind: 'write', data: this.moveToEnd() + '\r\n' + choices.join('  ') + '\r\n' });
      this.cursorRow = 0;
      out.push({ kind: 'write', data: this.render(false) });
      return;
    }
    this.draw(out);
  }

  private draw(out: EditorAction[]): void {
    out.push({ kind: 'write', data: this.render(true) });
  }

  /** Prompt and line, then the cursor placed; `inPlace` first climbs back over the old drawing. */
  private render(inPlace: boolean): string {
    const cols = Math.max(10, this.host.columns());
    const text = this.line;
    const total = PROMPT_WIDTH + cellWidth(text);
    const at = PROMPT_WIDTH + cellWidth(this.chars.slice(0, this.cursor).join(''));
    let s = inPlace ? this.erase() : '';
    s += PROMPT + text;
    // Where writing left the cursor: at the end, or (a full last row) still on that row.
    const endRow = total > 0 && total % cols === 0 ? total / cols - 1 : Math.floor(total / cols);
    const row = at > 0 && at % cols === 0 && at === total ? at / cols - 1 : Math.floor(at / cols);
    const col = at > 0 && at % cols === 0 && at === total ? cols : at % cols;
    if (endRow > row) s += `\x1b[${endRow - row}A`;
    s += `\x1b[${col + 1}G`;
    this.cursorRow = row;
    return s;
  }

  /** Moves the screen cursor to the end of the line (before leaving it). */
  private moveToEnd(): string {
    const cols = Math.max(10, this.host.columns());
    const total = PROMPT_WIDTH + cellWidth(this.line);
    const endRow = total > 0 && total % cols === 0 ? total / cols - 1 : Math.floor(total / cols);
    const down = endRow - this.cursorRow;
    return (down > 0 ? `\x1b[${down}B` : '') + `\x1b[${(total % cols === 0 && total > 0 ? cols : total % cols) + 1}G`;
  }
}

/** Prose for the terminal (hints, notes) broken between words to fit `cols` cells. */
export function wrapWords(text: string, cols: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && cellWidth(next) > cols) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
