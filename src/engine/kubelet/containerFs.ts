/**
 * A running container's files as one tree, for the commands that walk it (`tar`, `test -d`):
 * what the kubelet mounted (ConfigMaps, Secrets, the /etc files it manages), what the process
 * and exec sessions wrote (its layer, emptyDir and persistent volumes) and what the image ships.
 * Directories are not stored: a path is a directory if it is a mount, one of the image's
 * top-level directories, or has files beneath it.
 */
import { getOwn } from '../util/own';
import { fileExists } from './runtime';
import { filesAt } from './process';
import type { ExecTarget } from './exec';
import type { KObject } from '../api/types';

/** The top-level directories every image here has (what `ls /` prints). */
export const ROOT_DIRS = ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];

export interface ContainerFs {
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  /** Names directly under a directory, sorted. */
  list(dir: string): string[];
  write(path: string, content: string): string | undefined;
}

/** `a/./b/../c` → `/a/c`, relative to the working directory `/`. */
export function cleanPath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const p of `${path.startsWith('/') ? '' : cwd}/${path}`.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

export function containerFs(target: ExecTarget, managed: Record<string, string>, pod?: KObject): ContainerFs {
  const files = { ...managed, ...target.files };
  const mounts = ((target.spec?.volumeMounts ?? []) as { mountPath: string }[]).map((m) => cleanPath(m.mountPath));
  // The node's own root mounted in (hostPath "/", as kubectl debug node/… mounts it at /host): its top-level directories.
  const hostRoots = ((target.spec?.volumeMounts ?? []) as { name: string; mountPath: string }[])
    .filter((m) => ((pod?.spec?.volumes ?? []) as { name: string; hostPath?: { path?: string } }[]).some((v) => v.name === m.name && v.hostPath && cleanPath(v.hostPath.path ?? '') === '/'))
    .map((m) => cleanPath(m.mountPath));
  const rootDirOf = (p: string) => ['/', ...hostRoots].some((r) => ROOT_DIRS.some((d) => p === `${r === '/' ? '' : r}/${d}`));
  const read = (path: string): string | undefined => {
    const p = cleanPath(path);
    return getOwn(files, p) ?? target.writable.read(p) ?? (fileExists(target.program, p, target.runningFor) ? '' : undefined);
  };
  const list = (dir: string): string[] => {
    const d = cleanPath(dir);
    const prefix = d === '/' ? '/' : `${d}/`;
    const names = new Set<string>(d === '/' || hostRoots.includes(d) ? ROOT_DIRS : []);
    for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    for (const m of mounts) if (m.startsWith(prefix)) names.add(m.slice(prefix.length).split('/')[0]);
    for (const n of target.writable.list(prefix)) names.add(n);
    // Files the container's own process touched (their contents are not simulated).
    for (const f of filesAt(target.program.steps, target.runningFor)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    names.delete('');
    return [...names].sort();
  };
  const isDir = (path: string): boolean => {
    const p = cleanPath(path);
    if (p === '/' || rootDirOf(p) || mounts.includes(p)) return true;
    if (getOwn(files, p) !== undefined || target.writable.read(p) !== undefined) return false;
    return list(p).length > 0;
  };
  const write = (path: string, content: string) => {
    const p = cleanPath(path);
    if (getOwn(files, p) !== undefined) return 'Read-only file system';
    return target.writable.write(p, content, false);
  };
  return { read, isDir, list, write };
}
