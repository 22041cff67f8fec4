/** Go's time.Duration String() after Truncate(time.Millisecond): 512ms, 2.188s, 1m2.5s. */
export function goDuration(ms: number): string {
  ms = Math.floor(ms);
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = (ms % 60000) / 1000;
  const sText = `${Number(s.toFixed(3))}s`;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sText}`;
}
