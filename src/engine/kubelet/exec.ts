/**
 * What `kubectl exec` runs inside a simulated container: a handful of everyday commands
 * answered from the pod's real state — its environment (env, envFrom, the downward API and
 * the Service variables of enableServiceLinks), its hostname and the files its process wrote.
 */
import type { KObject } from '../api/types';
import { getOwn } from '../util/own';
import type { ObjectStore } from '../api/store';
import type { HttpResult } from '../network/http';
import { dateOutput, fileExists, type ContainerProgram } from './runtime';
import { fieldRef, type ConfigLookup } from './configSources';
import { shellWords } from '../util/shell';
import { containerFs } from './containerFs';
import { tarCommand, testCommand } from './tarCommand';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout is a byte string (tar's archive), to be sent as bytes rather than UTF-8 text. */
  binary?: true;
}

/** A running container as exec sees it. */
export interface ExecTarget {
  spec: Any;
  program: ContainerProgram;
  runningFor: number;
  /** When the container started: its environment was fixed then. */
  startedAt: number;
  /** The ConfigMaps and Secrets its environment was built from (a snapshot taken at start). */
  envSources: ConfigLookup;
  /** Files mounted from configMap/secret/projected/downwardAPI volumes (read-only). */
  files: Record<string, string>;
  /** What the container wrote: its own layer (gone on restart) and emptyDir volumes (kept for the pod's life). */
  writable: WritableFiles;
  /** The cluster network, for wget/curl (given by whoever runs the command). */
  http?: (url: string, hostHeader?: string) => HttpResult;
  /** Whether the pod's DNS queries reach CoreDNS (false when a NetworkPolicy drops them). */
  dnsReachable?: () => boolean;
  /**
   * kubectl run inside the pod, talking to the API server with the pod's ServiceAccount token
   * (in-cluster config); given by whoever runs the command, for images that carry kubectl.
   */
  kubectl?: (words: string[]) => ExecResult;
}

/** Images that ship a kubectl binary (bitnami/kubectl, registry.k8s.io/kubectl, alpine/k8s …). */
const KUBECTL_IMAGE = /(^|\/)(kubectl|k8s-kubectl|k8s|hyperkube)(:|@|$)/;

/** Images whose filesystem has curl (busybox-based ones have only wget). */
const HAS_CURL = new Set(['nginx', 'nginx-slim', 'httpd', 'curl', 'node', 'python', 'ubuntu', 'debian', 'redis', 'postgres', 'mysql']);

/** Files a container can write, by absolute path; returns an error sentence when it cannot. */
export interface WritableFiles {
  read(path: string): string | undefined;
  write(path: string, content: string, append: boolean): string | undefined;
  list(dir: string): string[];
}

/**
 * The container's environment, in the order the kubelet builds it when it creates the
 * container: Service variables only for Services that existed then, ConfigMap and Secret
 * values as they were then.
 */
export function containerEnv(store: ObjectStore, pod: KObject, container: Any, sources: ConfigLookup, startedAt: number): [string, string][] {
  const ns = pod.metadata.namespace!;
  const env = new Map<string, string>();
  env.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', pod.metadata.name!);
  if (pod.spec?.enableServiceLinks !== false) {
    for (const svc of [...store.list('services', ns), ...(ns === 'default' ? [] : [store.get('services', 'default', 'kubernetes')!].filter(Boolean))]) {
      if (!svc.spec?.clusterIP || svc.spec.clusterIP === 'None') continue;
      if (svc.metadata.namespace !== ns && svc.metadata.name !== 'kubernetes') continue;
      if (Date.parse(svc.metadata.creationTimestamp ?? '') > startedAt) continue;
      const prefix = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
      const ports: Any[] = svc.spec.ports ?? [];
      if (!ports.length) continue;
      env.set(`${prefix}_SERVICE_HOST`, svc.spec.clusterIP);
      env.set(`${prefix}_SERVICE_PORT`, String(ports[0].port));
      for (const p of ports) if (p.name) env.set(`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port));
      const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
      env.set(`${prefix}_PORT`, `${proto}://${svc.spec.clusterIP}:${ports[0].port}`);
      for (const p of ports) {
        const pr = (p.protocol ?? 'TCP').toUpperCase();
        const base = `${prefix}_PORT_${p.port}_${pr}`;
        env.set(base, `${pr.toLowerCase()}://${svc.spec.clusterIP}:${p.port}`);
        env.set(`${base}_PROTO`, pr.toLowerCase());
        env.set(`${base}_PORT`, String(p.port));
        env.set(`${base}_ADDR`, svc.spec.clusterIP);
      }
    }
  }
  for (const from of container.envFrom ?? []) {
    const data = from.configMapRef ? sources('configmaps', from.configMapRef.name) : from.secretRef ? sources('secrets', from.secretRef.name) : undefined;
    for (const [k, v] of Object.entries(data ?? {})) env.set(`${from.prefix ?? ''}${k}`, v);
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env.set(e.name, e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m: string, v: string) => env.get(v) ?? m));
    else if (e.valueFrom?.fieldRef) env.set(e.name, fieldRef(pod, e.valueFrom.fieldRef.fieldPath));
    else if (e.valueFrom?.configMapKeyRef) {
      // An optional reference to a missing key leaves the variable out altogether.
      const v = getOwn(sources('configmaps', e.valueFrom.configMapKeyRef.name), e.valueFrom.configMapKeyRef.key);
      if (v !== undefined) env.set(e.name, v);
    } else if (e.valueFrom?.secretKeyRef) {
      const v = getOwn(sources('secrets', e.valueFrom.secretKeyRef.name), e.valueFrom.secretKeyRef.key);
      if (v !== undefined) env.set(e.name, v);
    } else if (e.valueFrom?.resourceFieldRef) env.set(e.name, String(container.resources?.limits?.[e.valueFrom.resourceFieldRef.resource.replace('limits.', '').replace('requests.', '')] ?? '0'));
    else env.set(e.name, '');
  }
  env.set('HOME', '/root');
  return [...env];
}

/** Runs one command (already split into words) in the container; `stdin` is what the client streamed in (kubectl cp). */
export function execInContainer(store: ObjectStore, pod: KObject, target: ExecTarget, now: number, words: string[], stdin?: string): ExecResult {
  const { spec: container, program, runningFor } = target;
  const [cmd, ...args] = words;
  const name = cmd?.split('/').pop();
  const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });
  const files: Record<string, string> = {
    '/etc/hostname': `${pod.metadata.name}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${pod.status?.podIP ?? ''}\t${pod.metadata.name}\n`,
    '/etc/resolv.conf': `search ${pod.metadata.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    ...target.files,
  };
  switch (name) {
    case 'kubectl':
      if (!KUBECTL_IMAGE.test(container?.image ?? '') || !target.kubectl) return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "kubectl": executable file not found in $PATH: unknown\n`, 126);
      return target.kubectl(args);
    case 'env':
    case 'printenv': {
      const env = containerEnv(store, pod, container, target.envSources, target.startedAt);
      if (name === 'printenv' && args.length) {
        const found = args.map((a) => env.find(([k]) => k === a)?.[1]).filter((v): v is string => v !== undefined);
        return found.length ? ok(found.join('\n') + '\n') : { stdout: '', stderr: '', exitCode: 1 };
      }
      return ok(env.map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    }
    case 'hostname':
      return ok(`${pod.metadata.name}\n`);
    case 'whoami':
      return ok('root\n');
    case 'pwd':
      return ok('/\n');
    case 'true':
      return ok('');
    case 'false':
      return fail('', 1);
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'date':
      return ok(`${dateOutput(now)}\n`);
    case 'cat': {
      let out = '';
      for (const path of args) {
        if (getOwn(files, path) !== undefined) out += files[path];
        else if (target.writable.read(path) !== undefined) out += target.writable.read(path);
        else if (fileExists(program, path, runningFor)) out += '';
        else return { stdout: out, stderr: `cat: can't open '${path}': No such file or directory\n`, exitCode: 1 };
      }
      return ok(out);
    }
    case 'ls': {
      const path = args.find((a) => !a.startsWith('-'));
      if (!path || path === '/') return ok('bin\ndev\netc\nhome\nlib\nproc\nroot\nsys\ntmp\nusr\nvar\n');
      if (getOwn(files, path) !== undefined || fileExists(program, path, runningFor)) return ok(`${path}\n`);
      if (target.writable.read(path) !== undefined) return ok(`${path}\n`);
      const dir = `${path.replace(/\/+$/, '')}/`;
      const children = [...new Set([...Object.keys(files).filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length).split('/')[0]), ...target.writable.list(dir)])].sort();
      if (children.length) return ok(`${children.join('\n')}\n`);
      // A mount point or one of the image's directories is there even when empty (kubectl debug node/…'s /host shows the node's root).
      const fs = containerFs(target, files, pod);
      if (fs.isDir(path)) {
        const names = fs.list(path);
        return ok(names.length ? `${names.join('\n')}\n` : '');
      }
      return fail(`ls: ${path}: No such file or directory\n`);
    }
    case 'tar':
      return tarCommand(containerFs(target, files, pod), program.image, args, stdin, now);
    case 'test':
    case '[':
      return testCommand(containerFs(target, files, pod), args);
    case 'nslookup':
      // busybox nslookup when no DNS server answers (its queries are dropped).
      if (target.dnsReachable?.() === false && args.some((a) => !a.startsWith('-'))) return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
      return nslookup(store, pod, args.find((a) => !a.startsWith('-')) ?? '');
    case 'wget':
      return wget(target, args);
    case 'curl':
      if (!HAS_CURL.has(program.image)) return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n`, 126);
      return curl(target, args);
    case 'sh':
    case 'bash':
    case 'ash':
      if (args[0] === '-c' && args[1]) return runShell(store, pod, target, now, args[1]);
      return fail('error: interactive shells are not available in this simulator; run one command at a time, e.g. "kubectl exec POD -- env"');
    default:
      return fail(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
        126,
      );
  }
}

/**
 * `sh -c '…'`: commands separated by `;` or `&&`, each optionally redirected with `>` or `>>`
 * into a file — enough for `echo hello > /data/greeting; cat /data/greeting`.
 */
/** busybox wget: `wget -qO- URL`, `-O -`, `--header "Host: x"`, `-T secs`. */
function wget(target: ExecTarget, args: string[]): ExecResult {
  let quiet = false;
  let toStdout = false;
  let host: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q') quiet = true;
    else if (a === '-qO-' || a === '-qO' || a === '-O-') {
      quiet ||= a.startsWith('-q');
      toStdout = a.endsWith('-') || args[i + 1] === '-';
      if (a === '-qO') i++;
    } else if (a === '-O') toStdout = args[++i] === '-';
    else if (a === '--header') host = /^host:\s*(.+)$/i.exec(args[++i] ?? '')?.[1];
    else if (a === '-T') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [-T SEC] URL...\n', exitCode: 1 };
  if (!target.http) return { stdout: '', stderr: `wget: bad address '${url}'\n`, exitCode: 1 };
  const r = target.http(url, host);
  const name = url.replace(/^https?:\/\//, '').split(/[/:]/)[0];
  if ('error' in r) {
    const msg = r.error === 'bad address' ? `wget: bad address '${name}'` : r.error === 'refused' ? `wget: can't connect to remote host (${r.address?.split(':')[0]}): Connection refused` : r.error === 'timeout' ? 'wget: download timed out' : 'wget: error getting response: Connection reset by peer';
    // busybox prints "Connecting to" only once the name has resolved.
    return { stdout: '', stderr: `${quiet || r.error === 'bad address' ? '' : `Connecting to ${name}${r.address ? ` (${r.address})` : ''}\n`}${msg}\n`, exitCode: 1 };
  }
  const connecting = quiet ? '' : `Connecting to ${name} (${r.address})\n`;
  if (r.status >= 400) return { stdout: '', stderr: `${connecting}wget: server returned error: HTTP/1.1 ${r.status} ${r.status === 404 ? 'Not Found' : r.status === 504 ? 'Gateway Time-out' : 'Service Temporarily Unavailable'}\n`, exitCode: 1 };
  if (toStdout) return { stdout: r.body, stderr: quiet ? '' : `${connecting}writing to stdout\n-                    100% |********************************| ${r.body.length}  0:00:00 ETA\nwritten to stdout\n`, exitCode: 0 };
  const file = url.split('/').slice(3).pop() || 'index.html';
  const error = target.writable.write(`/${file}`, r.body, false);
  if (error) return { stdout: '', stderr: `${connecting}wget: can't open '${file}': ${error}\n`, exitCode: 1 };
  return { stdout: '', stderr: quiet ? '' : `${connecting}saving to '${file}'\n${file}           100% |********************************| ${r.body.length}  0:00:00 ETA\n'${file}' saved\n`, exitCode: 0 };
}

/** curl [-s] [-H "Host: x"] [-m secs] [--connect-timeout secs] URL: the body on stdout; errors as curl words them. */
function curl(target: ExecTarget, args: string[]): ExecResult {
  let host: string | undefined;
  let url: string | undefined;
  let maxTime = 0;
  let connectTimeout = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-H' || a === '--header') host = /^host:\s*(.+)$/i.exec(args[++i] ?? '')?.[1];
    else if (a === '-m' || a === '--max-time') maxTime = Number(args[++i]);
    else if (a === '--connect-timeout') connectTimeout = Number(args[++i]);
    else if (a === '-o') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const r = target.http ? target.http(url, host) : ({ error: 'bad address' } as const);
  const name = url.replace(/^https?:\/\//, '').split(/[/:]/)[0];
  if ('error' in r) {
    if (r.error === 'bad address') return { stdout: '', stderr: `curl: (6) Could not resolve host: ${name}\n`, exitCode: 6 };
    if (r.error === 'refused') return { stdout: '', stderr: `curl: (7) Failed to connect to ${name} port ${r.address?.split(':')[1]} after 0 ms: Couldn't connect to server\n`, exitCode: 7 };
    if (r.error === 'timeout') {
      // curl's multi loop gives up at --max-time while still connecting; a connect timeout ends the attempt itself.
      if (maxTime > 0 && !(connectTimeout > 0 && connectTimeout < maxTime)) return { stdout: '', stderr: `curl: (28) Connection timed out after ${Math.round(maxTime * 1000) + 1} milliseconds\n`, exitCode: 28 };
      const after = connectTimeout > 0 ? Math.round(connectTimeout * 1000) + 1 : 10000;
      return { stdout: '', stderr: `curl: (28) Failed to connect to ${name} port ${r.address?.split(':')[1]} after ${after} ms: Timeout was reached\n`, exitCode: 28 };
    }
    return { stdout: '', stderr: 'curl: (56) Recv failure: Connection reset by peer\n', exitCode: 56 };
  }
  return { stdout: r.body, stderr: '', exitCode: 0 };
}

function runShell(store: ObjectStore, pod: KObject, target: ExecTarget, now: number, script: string): ExecResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const part of script.split(/\s*(?:;|&&)\s*/)) {
    if (!part.trim()) continue;
    const m = /^(.*?)\s*(>>?)\s*(\S+)\s*$/.exec(part);
    const { words } = shellWords(m ? m[1] : part);
    const r = words.length ? execInContainer(store, pod, target, now, words) : { stdout: '', stderr: '', exitCode: 0 };
    stderr += r.stderr;
    exitCode = r.exitCode;
    if (m) {
      const error = target.writable.write(m[3], r.stdout, m[2] === '>>');
      if (error) {
        stderr += `sh: can't create ${m[3]}: ${error}\n`;
        exitCode = 1;
      }
    } else stdout += r.stdout;
    if (exitCode !== 0 && /&&/.test(script)) break;
  }
  return { stdout, stderr, exitCode };
}

/**
 * Cluster DNS as CoreDNS answers it, in busybox nslookup's format: Service names resolve to
 * their ClusterIP (headless Services to their ready pods' IPs), with the pod's search path
 * (<ns>.svc.cluster.local, svc.cluster.local, cluster.local) applied to short names.
 */
function nslookup(store: ObjectStore, pod: KObject, query: string): ExecResult {
  const header = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
  if (!query) return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n', exitCode: 1 };
  const ns = pod.metadata.namespace!;
  const name = query.replace(/\.$/, '');
  const parts = name.split('.');
  // A pod's own record (<hostname>.<headless service>.<ns>.svc.cluster.local, as a StatefulSet's
  // pods have): the search path tries it before reading the name as service.namespace.
  const podForm = parts.length === 2 ? [parts[0], parts[1], ns] : parts.length === 3 || (parts.length === 4 && parts[3] === 'svc') || (parts.length === 6 && name.endsWith('.svc.cluster.local')) ? parts.slice(0, 3) : undefined;
  if (podForm) {
    const [host, subdomain, podNs] = podForm as [string, string, string];
    const svc = store.get('services', podNs, subdomain);
    const target = svc?.spec?.clusterIP === 'None' ? store.list('pods', podNs).find((p) => p.spec?.hostname === host && p.spec?.subdomain === subdomain && p.status?.podIP && !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c: Any) => c.type === 'Ready' && c.status === 'True')) : undefined;
    if (target) return { stdout: `${header}Name:\t${host}.${subdomain}.${podNs}.svc.cluster.local\nAddress: ${target.status.podIP}\n\n`, stderr: '', exitCode: 0 };
  }
  const candidates: [string, string][] = [];
  if (name.endsWith('.svc.cluster.local') && parts.length === 5) candidates.push([parts[0], parts[1]]);
  else if (name.endsWith('.svc') && parts.length === 3) candidates.push([parts[0], parts[1]]);
  else if (parts.length === 2) candidates.push([parts[0], parts[1]]);
  else if (parts.length === 1) candidates.push([parts[0], ns]);
  for (const [svcName, svcNs] of candidates) {
    const svc = store.get('services', svcNs, svcName);
    if (!svc) continue;
    const fqdn = `${svcName}.${svcNs}.svc.cluster.local`;
    let ips: string[];
    if (svc.spec?.clusterIP === 'None') {
      ips = store.list('pods', svcNs).filter((p) => p.status?.podIP && !p.metadata.deletionTimestamp && Object.entries(svc.spec?.selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v) && (p.status?.conditions ?? []).some((c: Any) => c.type === 'Ready' && c.status === 'True')).map((p) => p.status.podIP);
    } else if (svc.spec?.type === 'ExternalName') {
      return { stdout: `${header}${fqdn}\tcanonical name = ${svc.spec.externalName}\n`, stderr: '', exitCode: 0 };
    } else ips = [svc.spec?.clusterIP];
    if (ips.length === 0) break;
    return { stdout: `${header}${ips.map((ip) => `Name:\t${fqdn}\nAddress: ${ip}\n`).join('\n')}\n`, stderr: '', exitCode: 0 };
  }
  const shown = parts.length === 1 ? `${name}.${ns}.svc.cluster.local` : name;
  return { stdout: header, stderr: `** server can't find ${shown}: NXDOMAIN\n\n`, exitCode: 1 };
}
