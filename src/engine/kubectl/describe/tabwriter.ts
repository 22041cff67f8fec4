/**
 * Go's text/tabwriter (the elastic-tabstop algorithm): a column is aligned only across the
 * run of consecutive lines that have a cell in it, so `kubectl describe` sections line up
 * block by block exactly as kubectl prints them.
 */
export function tabwrite(text: string, minwidth: number, padding: number): string {
  const lines = text.split('\n');
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) lines.pop();
  const cells = lines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const row = cells[i];
      let s = '';
      for (let j = 0; j < row.length; j++) {
        if (j < row.length - 1) s += row[j].padEnd(widths[j] ?? 0);
        else s += row[j];
      }
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= cells[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        if (column >= cells[t].length - 1) break;
        const c = cells[t][column];
        width = Math.max(width, c.length + padding);
        if (c.length > 0) discardable = false;
      }
      void discardable;
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
