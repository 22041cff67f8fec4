/**
 * kubectl cp (pkg/cmd/cp, v1.32): files between the learner's terminal and a container, the way
 * kubectl moves them — through pods/exec and `tar` in the container (`tar cf - PATH` out,
 * `test -d` then `tar -xmf - -C DIR` in). The terminal's local files are the editor's files
 * (the ones `-f` reads); what a copy out writes comes back in the result's `localFiles`.
 */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { typeForKind } from '../../api/registry';
import { fromBytes, readTar, toBytes, writeTar, TarFormatError, type TarEntry } from '../../util/tar';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { defaultContainer } from '../podContainer';

export const CP_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'no-preserve', type: 'bool' },
  { name: 'retries', type: 'int' },
];

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

const FORMAT = 'error: filespec must match the canonical format: [[namespace/]pod:]file/path';

function extractFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new KubectlError(FORMAT);
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  const file = arg.slice(i + 1);
  if (pieces.length === 1) return { pod: pieces[0], file };
  if (pieces.length === 2) return { namespace: pieces[0], pod: pieces[1], file };
  throw new KubectlError(FORMAT);
}

/** Go's path.Clean. */
function clean(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return abs ? `/${joined}` : joined || '.';
}

const base = (p: string) => clean(p).split('/').pop() || '/';
const dir = (p: string) => {
  const c = clean(p);
  const at = c.lastIndexOf('/');
  return at < 0 ? '.' : at === 0 ? '/' : c.slice(0, at);
};
const join = (a: string, b: string) => clean(b ? `${a}/${b}` : a);

export function cpCommand(ctx: VerbContext): void {
  if (ctx.args.positionals.length !== 2) throw new KubectlError('error: source and destination are required');
  const src = extractFileSpec(ctx.args.positionals[0]);
  const dest = extractFileSpec(ctx.args.positionals[1]);
  if (src.pod && dest.pod) throw new KubectlError('error: one of src or dest must be a local file specification');
  if (!src.file || !dest.file) throw new KubectlError('error: filepath can not be empty');
  try {
    if (src.pod) return copyFromPod(ctx, src, dest);
    if (dest.pod) return copyToPod(ctx, src, dest);
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(e.kubectlMessage());
    throw e;
  }
  throw new KubectlError('error: one of src or dest must be a remote file specification');
}

/** ExecOptions.Run as cp drives it: the pod, its container (defaulted with a notice on `notices`), then the command. */
function execIn(ctx: VerbContext, spec: FileSpec, words: string[], notices: string[] | undefined, stdin?: string) {
  const pod: KObject = ctx.cluster.api.get(typeForKind('Pod'), spec.namespace ?? namespaceOf(ctx), spec.pod!);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  let container = str(ctx.args, 'container');
  if (!container) {
    const chosen = defaultContainer(pod);
    container = chosen.name;
    if (chosen.notice) notices?.push(chosen.notice);
  }
  const r = ctx.cluster.api.podExec(pod, container!, words, 'kubectl', stdin);
  if ('unreachable' in r) throw new KubectlError('error: unable to upgrade connection: pod does not exist');
  if ('error' in r) throw new KubectlError(`error: ${r.error}`);
  return r;
}

/** The local side: the terminal's files, by name (`./x` is `x`). */
function localName(p: string): string {
  return clean(p).replace(/^\.\//, '');
}

function copyFromPod(ctx: VerbContext, src: FileSpec, dest: FileSpec): void {
  // tar's messages go where kubectl sends the exec's stderr here: its own stdout.
  const r = execIn(ctx, src, ['tar', 'cf', '-', src.file], ctx.out);
  if (r.stderr) ctx.out.push(r.stderr);
  const prefix = clean(src.file).replace(/^\/+/, '').replace(/^(\.\.\/)+/, '').replace(/^\.\//, '');
  let entries: TarEntry[] = [];
  try {
    entries = readTar(r.stdout);
  } catch (e) {
    if (!(e instanceof TarFormatError)) throw e;
  }
  const destBase = localName(dest.file);
  for (const e of entries) {
    if (!e.name.startsWith(prefix)) throw new KubectlError('error: tar contents corrupted');
    const target = join(destBase, e.name.slice(prefix.length));
    if (target.startsWith('../') || target === '..') {
      ctx.err.push(`warning: file "${target}" is outside target destination, skipping`);
      continue;
    }
    if (e.directory) continue;
    if (target === '.' || target === '/') throw new KubectlError(`error: open ${target}: is a directory`);
    (ctx.localFiles ??= {})[target] = fromBytes(e.data);
  }
  // kubectl stops at the archive's end marker and exits before the exec's status arrives: a
  // tar that failed on one path but wrote its (empty) archive still ends in success. Only a
  // command that wrote nothing at all reports its exit code.
  if (r.exitCode !== 0 && !r.stdout) throw new KubectlError(`command terminated with exit code ${r.exitCode}`);
}

function copyToPod(ctx: VerbContext, src: FileSpec, dest: FileSpec): void {
  const name = localName(src.file);
  const files = Object.keys(ctx.files).filter((f) => Object.hasOwn(ctx.files, f));
  const isFile = files.includes(name);
  const under = files.filter((f) => f.startsWith(`${name}/`) || name === '.');
  if (!isFile && !under.length) throw new KubectlError(`error: ${src.file} doesn't exist in local filesystem`);
  let destFile = dest.file;
  // checkDestinationIsDir: `test -d` decides whether the copy goes inside.
  if (execIn(ctx, dest, ['test', '-d', dest.file], undefined).exitCode === 0) destFile = join(dest.file, base(name));
  const destBase = base(destFile);
  const entries: TarEntry[] = isFile
    ? [{ name: destBase, data: toBytes(ctx.files[name]), directory: false, mode: 0o644, mtime: Math.floor(ctx.cluster.now() / 1000) }]
    : under.sort().map((f) => ({ name: `${destBase}/${name === '.' ? f : f.slice(name.length + 1)}`, data: toBytes(ctx.files[f]), directory: false, mode: 0o644, mtime: Math.floor(ctx.cluster.now() / 1000) }));
  const words = bool(ctx.args, 'no-preserve') ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  words.push('-C', dir(destFile));
  const r = execIn(ctx, dest, words, ctx.err, writeTar(entries));
  if (r.stdout) ctx.out.push(r.stdout);
  if (r.stderr) ctx.err.push(r.stderr);
  if (r.exitCode !== 0) throw new KubectlError(`command terminated with exit code ${r.exitCode}`);
}
