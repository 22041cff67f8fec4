/**
 * Text from the cluster (names, annotations, events, container logs, YAML) shown in the xterm
 * terminal with its control characters made visible, so that nothing a pod or an object holds
 * can move the cursor, clear the screen, retitle the window or plant an OSC 8 hyperlink. Only
 * the colours the app adds itself around this text reach the terminal as escape sequences.
 *
 * kubectl does the same since 1.26 (kubernetes#112553, for issue #101695): cli-runtime's
 * `printers.EscapeTerminal` is `strings.NewReplacer("\x1b", "^[", "\r", "\\r")` — ESC becomes
 * the two characters `^[` and a carriage return the two characters `\r`. Those two are matched
 * exactly here. The page's terminal also obeys other controls that kubectl leaves to the user's
 * terminal emulator: xterm.js acts on backspace, vertical tab, form feed, shift-in/out and on the
 * 8-bit C1 controls (U+009B is a CSI, U+009D an OSC just like `ESC [` and `ESC ]`). Those are shown
 * as `cat -v` shows them: C0 in caret notation (`^H`, `^G`), DEL as `^?`, C1 as `M-^[` and so on.
 * Newline and tab are the text's own layout and pass.
 */
export function escapeTerminal(text: string): string {
  // Fast path: most output has no control character at all.
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x1b) out += '^[';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a || c === 0x09) out += ch;
    else if (c < 0x20) out += '^' + String.fromCharCode(c + 0x40);
    else if (c === 0x7f) out += '^?';
    else if (c >= 0x80 && c <= 0x9f) out += 'M-^' + String.fromCharCode(c - 0x80 + 0x40);
    else out += ch;
  }
  return out;
}
