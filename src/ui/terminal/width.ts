/** How many terminal cells text takes, as xterm lays it out. */
/** East Asian wide characters take two cells (Hangul, CJK, full-width forms). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** The cells the widest line of some output takes (colour codes take none). */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) widest = Math.max(widest, line.length + (line.match(WIDE)?.length ?? 0));
  return widest;
}
