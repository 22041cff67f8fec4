/**
 * The kubelet's server for `kubectl logs` and `kubectl exec` (reached through the API server's
 * pods/log and pods/exec): a container's log as far as asked, and the running container an
 * exec lands in — its environment as fixed at start, its mounted files, and where its writes go.
 */
import type { KObject } from '../api/types';
import type { ControllerContext } from '../client/context';
import type { VolumeData } from '../storage/volumeData';
import { volumeDataKey } from '../helpers/volumeutil';
import { stateOf } from './containerMachine';
import { logsOf } from './runtime';
import type { LogQuery } from './process';
import { mountedFiles, storeLookup } from './configSources';
import type { ExecTarget, WritableFiles } from './exec';
import type { ContainerRuntime, PodWorker } from './podWorker';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface StreamingHost {
  readonly ctx: ControllerContext;
  readonly nodeName: string;
  readonly volumeData: VolumeData;
  worker(key: string): PodWorker | undefined;
}

export function containerLogs(k: StreamingHost, namespace: string, name: string, container: string | undefined, previous: boolean, query: LogQuery = {}): { lines: string[] } | { error: string } {
  const w = k.worker(`${namespace}/${name}`);
  if (!w) return { lines: [] };
  const c = container ? w.containers.find((x) => x.spec.name === container) : w.containers.find((x) => !x.init);
  if (!c) return { error: `container ${container} is not valid for pod ${name}` };
  const runs = c.logs;
  const run = previous ? runs[runs.length - 2] : runs[runs.length - 1];
  if (!run) {
    if (previous) return { error: `previous terminated container "${c.spec.name}" in pod "${name}" not found` };
    const reason = stateOf(c.snapshot).reason ?? 'ContainerCreating';
    return { error: `container "${c.spec.name}" in pod "${name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : reason}` };
  }
  const until = run.finishedAt ?? k.ctx.clock.now();
  return { lines: logsOf(run.program, run.startedAt, until, name, query) };
}

/** The running container a `kubectl exec` reaches, with how long it has been running. */
export function execTarget(k: StreamingHost, namespace: string, name: string, container: string): ExecTarget | { error: string } {
  const w = k.worker(`${namespace}/${name}`);
  const c = w?.containers.find((x) => x.spec.name === container);
  const pod = k.ctx.api.store.get('pods', namespace, name);
  if (!w || !c || !pod) return { error: `container ${container} is not valid for pod ${name}` };
  if (stateOf(c.snapshot).state !== 'Running') return { error: `unable to upgrade connection: container not found ("${container}")` };
  const now = k.ctx.clock.now();
  const startedAt = c.snapshot.context.startedAt ?? now;
  const live = storeLookup(k.ctx.api.store, namespace);
  const atStart = c.sources ?? live;
  const account = k.ctx.api.store.get('serviceaccounts', namespace, pod.spec?.serviceAccountName ?? 'default');
  const files = mountedFiles(pod, c.spec, w.volumeSources ?? live, atStart, account?.metadata.uid);
  return { program: c.program, spec: c.spec, runningFor: now - startedAt, startedAt, envSources: atStart, files, writable: writableFiles(k, w, c, pod, files) };
}

/**
 * Where a container's writes land: the deepest mount holding the path — an emptyDir (kept for
 * the pod's life), a persistent volume or hostPath directory (kept beyond it), a read-only
 * mount — or else its own writable layer (lost when it restarts).
 */
function writableFiles(k: StreamingHost, w: PodWorker, c: ContainerRuntime, pod: KObject, mounted: Record<string, string>): WritableFiles {
  const volumes = new Map<string, Any>((pod.spec?.volumes ?? []).map((v: Any) => [v.name, v]));
  type Place = { files: Map<string, string>; key: string } | { readonly: true };
  const mounts = ((c.spec.volumeMounts as Any[]) ?? [])
    .map((m) => ({ path: String(m.mountPath).replace(/\/+$/, ''), m, v: volumes.get(m.name) }))
    .sort((a, b) => b.path.length - a.path.length)
    .map((x) => {
      // Where the mount's files live: the pod's emptyDir store, or a volume's own files.
      let files: Map<string, string> | undefined;
      let prefix = '';
      if (x.v?.emptyDir) {
        files = w.emptyDirs;
        prefix = `${x.m.name}/`;
      } else if (x.v?.hostPath) files = k.volumeData.files(volumeDataKey(x.v, k.nodeName)!);
      else if (x.v?.persistentVolumeClaim && w.volumeKeys?.has(x.m.name)) files = k.volumeData.files(w.volumeKeys.get(x.m.name)!);
      const readOnly = !!x.m.readOnly || !!x.v?.persistentVolumeClaim?.readOnly || !files;
      return { ...x, files, prefix, readOnly };
    });
  const locate = (path: string): Place => {
    const mount = mounts.find((x) => path === x.path || path.startsWith(`${x.path}/`));
    if (!mount) return { files: (c.layer ??= new Map()), key: path };
    if (mount.readOnly || !mount.files) return { readonly: true };
    return { files: mount.files, key: `${mount.prefix}${path.slice(mount.path.length + 1)}` };
  };
  return {
    read: (path) => {
      const at = locate(path);
      return 'files' in at ? at.files.get(at.key) : undefined;
    },
    write: (path, content, append) => {
      const at = locate(path);
      if (!('files' in at) || mounted[path] !== undefined) return 'Read-only file system';
      at.files.set(at.key, (append ? (at.files.get(at.key) ?? '') : '') + content);
      return undefined;
    },
    list: (dir) => {
      const out: string[] = [];
      for (const path of [...(c.layer?.keys() ?? [])]) if (path.startsWith(dir)) out.push(path.slice(dir.length).split('/')[0]);
      for (const x of mounts) {
        if (!x.files) continue;
        for (const key of x.files.keys()) {
          if (!key.startsWith(x.prefix)) continue;
          const full = `${x.path}/${key.slice(x.prefix.length)}`;
          if (full.startsWith(dir)) out.push(full.slice(dir.length).split('/')[0]);
        }
      }
      return out;
    },
  };
}
