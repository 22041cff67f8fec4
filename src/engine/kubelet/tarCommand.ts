/**
 * `tar` and `test` as `kubectl cp` runs them through exec: `tar cf - PATH` to copy out (the
 * archive on stdout), `test -d DIR` then `tar -xmf - -C DIR` to copy in (the archive on stdin).
 * busybox-based images have busybox's tar, the others GNU tar; each words its messages its own
 * way (the "removing leading '/'" notice is the one learners meet).
 */
import { fromBytes, readTar, toBytes, writeTar, TarFormatError, type TarEntry } from '../util/tar';
import type { ContainerFs } from './containerFs';
import { cleanPath } from './containerFs';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout is a byte string (an archive), not text. */
  binary?: true;
}

/** Images whose tar is busybox's (the rest are Debian-based: GNU tar). */
const BUSYBOX = new Set(['busybox', 'alpine', 'curl', 'agnhost']);

function usage(busybox: boolean): CommandResult {
  return busybox
    ? { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...\n', exitCode: 1 }
    : { stdout: '', stderr: "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n", exitCode: 2 };
}

/** `test -d|-f|-e PATH` (and `[ … ]`): only the exit code speaks. */
export function testCommand(fs: ContainerFs, args: string[]): CommandResult {
  const words = args[args.length - 1] === ']' ? args.slice(0, -1) : args;
  const [op, path] = words;
  const answer = (yes: boolean): CommandResult => ({ stdout: '', stderr: '', exitCode: yes ? 0 : 1 });
  if (path === undefined) return answer(!!op);
  if (op === '-d') return answer(fs.isDir(path));
  if (op === '-f') return answer(fs.read(path) !== undefined);
  if (op === '-e') return answer(fs.isDir(path) || fs.read(path) !== undefined);
  return answer(false);
}

export function tarCommand(fs: ContainerFs, image: string, args: string[], stdin: string | undefined, nowMs: number): CommandResult {
  const busybox = BUSYBOX.has(image);
  let mode: 'c' | 'x' | 't' | undefined;
  let file: string | undefined;
  let dir = '/';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-C' || a === '--directory') dir = args[++i] ?? '/';
    else if (a === '-f' || a === '--file') file = args[++i];
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') || (i === 0 && /^[cxtvfmoO]+$/.test(a))) {
      // Bundled letters (`cf`, `-xmf`): `f` takes the next word.
      for (const ch of a.replace(/^-/, '')) {
        if (ch === 'c' || ch === 'x' || ch === 't') mode = ch;
        else if (ch === 'f') file = args[++i];
        else if (ch === 'C') dir = args[++i] ?? '/';
      }
    } else paths.push(a);
  }
  if (!mode) return usage(busybox);
  if (file !== '-') return { stdout: '', stderr: busybox ? `tar: can't open '${file}': No such file or directory\n` : `tar: ${file}: Cannot open: No such file or directory\n`, exitCode: busybox ? 1 : 2 };
  if (!fs.isDir(dir)) return { stdout: '', stderr: busybox ? `tar: can't change directory to '${dir}': No such file or directory\n` : `tar: ${dir}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n`, exitCode: busybox ? 1 : 2 };
  if (mode === 'c') return create(fs, busybox, dir, paths, nowMs);
  return extract(fs, busybox, dir, stdin ?? '', mode === 't');
}

function create(fs: ContainerFs, busybox: boolean, dir: string, paths: string[], nowMs: number): CommandResult {
  if (!paths.length) return { stdout: '', stderr: busybox ? 'tar: empty archive\n' : 'tar: Cowardly refusing to create an empty archive\nTry \'tar --help\' or \'tar --usage\' for more information.\n', exitCode: busybox ? 1 : 2 };
  const entries: TarEntry[] = [];
  let stderr = '';
  let failed = false;
  let warned = false;
  const mtime = Math.floor(nowMs / 1000);
  const add = (full: string, member: string) => {
    if (fs.isDir(full)) {
      entries.push({ name: `${member}/`, data: '', directory: true, mode: 0o755, mtime });
      for (const child of fs.list(full)) add(`${full === '/' ? '' : full}/${child}`, `${member}/${child}`);
    } else entries.push({ name: member, data: toBytes(fs.read(full) ?? ''), directory: false, mode: 0o644, mtime });
  };
  for (const p of paths) {
    const full = cleanPath(p, dir);
    if (!fs.isDir(full) && fs.read(full) === undefined) {
      stderr += busybox ? `tar: ${p}: No such file or directory\n` : `tar: ${p}: Cannot stat: No such file or directory\n`;
      failed = true;
      continue;
    }
    if (p.startsWith('/') && !warned) {
      stderr += busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n";
      warned = true;
    }
    add(full, p.replace(/^\/+/, '').replace(/\/+$/, '') || '.');
  }
  if (failed) stderr += busybox ? 'tar: error exit delayed from previous errors\n' : 'tar: Exiting with failure status due to previous errors\n';
  return { stdout: writeTar(entries), stderr, exitCode: failed ? (busybox ? 1 : 2) : 0, binary: true };
}

function extract(fs: ContainerFs, busybox: boolean, dir: string, archive: string, listOnly: boolean): CommandResult {
  let entries;
  try {
    entries = readTar(archive);
  } catch (e) {
    if (!(e instanceof TarFormatError)) throw e;
    return { stdout: '', stderr: busybox ? 'tar: invalid tar magic\n' : 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n', exitCode: busybox ? 1 : 2 };
  }
  if (listOnly) return { stdout: entries.map((e) => `${e.name}\n`).join(''), stderr: '', exitCode: 0 };
  let stderr = '';
  let failed = false;
  for (const e of entries) {
    if (e.directory || e.link !== undefined) continue;
    const error = fs.write(cleanPath(e.name, dir), fromBytes(e.data));
    if (error) {
      stderr += busybox ? `tar: can't open '${e.name}': ${error}\n` : `tar: ${e.name}: Cannot open: ${error}\n`;
      failed = true;
    }
  }
  if (failed && !busybox) stderr += 'tar: Exiting with failure status due to previous errors\n';
  return { stdout: '', stderr, exitCode: failed ? (busybox ? 1 : 2) : 0 };
}
