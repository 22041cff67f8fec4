/**
 * The ustar archive format (POSIX.1-1988), as `tar cf -` writes it and `tar xf -` reads it —
 * what `kubectl cp` streams through exec. Archives are byte strings: one character per byte
 * (0–255), so they pass through text-typed channels unchanged; file contents are UTF-8.
 */

export interface TarEntry {
  /** The member name as stored (no leading '/'); a directory's ends in '/'. */
  name: string;
  /** Contents as a byte string (empty for a directory). */
  data: string;
  directory: boolean;
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
}

const BLOCK = 512;

/** UTF-8 text → byte string. */
export function toBytes(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) out += String.fromCharCode(b);
  return out;
}

/** Byte string → UTF-8 text. */
export function fromBytes(bytes: string): string {
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(arr);
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function field(text: string, width: number): string {
  const bytes = toBytes(text).slice(0, width);
  return bytes + '\0'.repeat(width - bytes.length);
}

function header(e: TarEntry): string {
  let name = e.name;
  let prefix = '';
  if (toBytes(name).length > 100) {
    // ustar: a long name is split at a '/' into prefix (155) and name (100).
    const cut = name.lastIndexOf('/', 154);
    if (cut > 0) {
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
  }
  const fields = [
    field(name, 100),
    octal(e.mode & 0o7777, 8),
    octal(0, 8),
    octal(0, 8),
    octal(e.directory ? 0 : e.data.length, 12),
    octal(Math.max(0, Math.floor(e.mtime)), 12),
    '        ',
    e.directory ? '5' : '0',
    field('', 100),
    'ustar\x0000',
    field('root', 32),
    field('root', 32),
    octal(0, 8),
    octal(0, 8),
    field(prefix, 155),
    '\0'.repeat(12),
  ];
  let block = fields.join('');
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block.charCodeAt(i);
  block = block.slice(0, 148) + `${sum.toString(8).padStart(6, '0')}\0 ` + block.slice(156);
  return block;
}

function pad(n: number): string {
  return '\0'.repeat((BLOCK - (n % BLOCK)) % BLOCK);
}

/** An archive of the entries, ended by two zero blocks (and padded to tar's 10 KiB record, as GNU and busybox tar write it). */
export function writeTar(entries: TarEntry[]): string {
  let out = '';
  for (const e of entries) {
    out += header(e);
    if (!e.directory) out += e.data + pad(e.data.length);
  }
  out += '\0'.repeat(BLOCK * 2);
  const record = BLOCK * 20;
  return out + '\0'.repeat((record - (out.length % record)) % record);
}

export class TarFormatError extends Error {}

function readOctal(block: string, at: number, width: number): number {
  const text = block.slice(at, at + width).replace(/[\0 ]+$/g, '').trim();
  return text ? parseInt(text, 8) : 0;
}

function readString(block: string, at: number, width: number): string {
  const raw = block.slice(at, at + width);
  const end = raw.indexOf('\0');
  return fromBytes(end < 0 ? raw : raw.slice(0, end));
}

/** The entries of an archive; symbolic and hard links come back with `link` set and no data. */
export function readTar(archive: string): (TarEntry & { link?: string })[] {
  const out: (TarEntry & { link?: string })[] = [];
  let at = 0;
  let longName: string | undefined;
  while (at + BLOCK <= archive.length) {
    const block = archive.slice(at, at + BLOCK);
    if (/^\0*$/.test(block)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block.charCodeAt(i);
    if (sum !== readOctal(block, 148, 8)) throw new TarFormatError('archive/tar: invalid tar header');
    const size = readOctal(block, 124, 12);
    const type = block[156];
    const prefix = block.slice(257, 263).startsWith('ustar') ? readString(block, 345, 155) : '';
    let name = readString(block, 0, 100);
    if (prefix) name = `${prefix}/${name}`;
    const data = archive.slice(at + BLOCK, at + BLOCK + size);
    at += BLOCK + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    // GNU long names: the next member's name is this one's data.
    if (type === 'L') {
      longName = fromBytes(data.replace(/\0+$/, ''));
      continue;
    }
    if (type === 'x' || type === 'g') continue;
    if (longName !== undefined) {
      name = longName;
      longName = undefined;
    }
    const entry: TarEntry & { link?: string } = { name, data: type === '0' || type === '\0' || type === '7' ? data : '', directory: type === '5', mode: readOctal(block, 100, 8), mtime: readOctal(block, 136, 12) };
    if (type === '1' || type === '2') entry.link = readString(block, 157, 100);
    out.push(entry);
  }
  return out;
}
