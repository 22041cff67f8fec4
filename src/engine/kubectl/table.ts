/**
 * Tables as kubectl prints them: Go's tabwriter with minwidth 6, padding 3 and padchar ' '
 * (cli-runtime printers.GetNewTabWriter) — each column as wide as its widest cell plus three
 * spaces, at least six; the last column is not padded.
 */
export function formatTable(header: string[], rows: string[][], opts: { keepTrailingPadding?: boolean } = {}): string {
  const widths = header.map((h, i) => {
    let w = h.length;
    for (const r of rows) w = Math.max(w, (r[i] ?? '').length);
    return Math.max(w + 3, 6);
  });
  const line = (cells: string[]) => {
    let out = '';
    for (let i = 0; i < cells.length; i++) out += i === cells.length - 1 ? cells[i] : cells[i].padEnd(widths[i]);
    // A row whose last cell is empty ends in the padding of the one before, as tabwriter leaves it (api-resources -o wide).
    return opts.keepTrailingPadding ? out : out.replace(/\s+$/, '');
  };
  const lines = new Array<string>(rows.length + 1);
  lines[0] = line(header);
  for (let i = 0; i < rows.length; i++) lines[i + 1] = line(rows[i]);
  return lines.join('\n') + '\n';
}
