/** Helpers shared by the describers (kubectl pkg/describe: PrefixWriter, printLabelsMultiline …). */
import { humanDuration } from '../duration';
import { formatTaint } from '../../helpers/taints';
import type { EventRecord } from '../../api/events';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export class DescribeWriter {
  private parts: string[] = [];

  /** level 0..n indents by two spaces per level, as PrefixWriter does. */
  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }

  /** Everything before this point is aligned on its own (tabwriter Flush). */
  flush(): void {
    this.parts.push('\u0000');
  }

  toString(): string {
    return this.parts.join('');
  }
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: "Mon, 02 Mar 2026 09:05:01 +0000". */
export function rfc1123z(iso: string | undefined): string {
  if (!iso) return '<unset>';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, level = 0): void {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return void w.write(level, `${title}:\t<none>\n`);
  keys.forEach((k, i) => w.write(level, `${i === 0 ? `${title}:` : ''}\t${k}=${labels![k]}\n`));
}

export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined, level = 0): void {
  const skip = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !skip.has(k))
    .sort();
  if (keys.length === 0) return void w.write(level, `${title}:\t<none>\n`);
  // describe.go printAnnotationsMultiline: a long or multi-line value goes under its key, each
  // line cut at 138 bytes with "...".
  keys.forEach((k, i) => {
    const head = i === 0 ? `${title}:` : '';
    const value = annotations![k]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(k) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(level, `${head}\t${k}:\n`);
      for (const line of value.split('\n')) w.write(level, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(level, `${head}\t${k}: ${value}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const utf8 = new TextEncoder();

/** Go's len(): bytes of the UTF-8 encoding. */
function byteLength(s: string): number {
  return utf8.encode(s).length;
}

/** describe.go shorten: the first `max` bytes and "..." (a cut inside a character leaves its bytes, as Go's slicing does). */
function shorten(s: string, max: number): string {
  const bytes = utf8.encode(s);
  return bytes.length > max ? `${new TextDecoder().decode(bytes.slice(0, max))}...` : s;
}

export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: Any[] | undefined, level = 0): void {
  if (!tolerations?.length) return void w.write(level, `${title}:\t<none>\n`);
  // Sorted by key, as describe.go prints them.
  [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0)).forEach((t, i) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(level, `${i === 0 ? `${title}:` : ''}\t${s}\n`);
  });
}

export function taintsMultiline(w: DescribeWriter, title: string, taints: Any[] | undefined): void {
  if (!taints?.length) return void w.write(0, `${title}:\t<none>\n`);
  taints.forEach((t, i) => w.write(0, `${i === 0 ? `${title}:` : ''}\t${formatTaint(t)}\n`));
}

export function eventsSection(w: DescribeWriter, events: EventRecord[], now: number): void {
  if (events.length === 0) return void w.write(0, 'Events:\t<none>\n');
  w.flush();
  // kubectl reads the timestamps as the API serialises them, to the whole second: so do ages and order here.
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  const sorted = [...events].sort((a, b) => second(a.last) - second(b.last) || a.seq - b.seq);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = humanDuration(now - second(e.first));
    const interval = e.count > 1 ? `${humanDuration(now - second(e.last))} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.component}\t${e.message.trim()}\n`);
  }
}

/** Runs the tabwriter over each flushed section (padding 2, as describe's tabwriter). */
export function render(w: DescribeWriter, tabwrite: (s: string, min: number, pad: number) => string): string {
  return w
    .toString()
    .split('\u0000')
    .map((part) => tabwrite(part, 0, 2))
    .join('');
}
