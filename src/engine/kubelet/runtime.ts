/**
 * What a container does once started — the simulated process. It is read from the image's
 * default entrypoint, or from `command`/`args` interpreted like a tiny shell (`sleep`, `echo`,
 * `exit`, `while true; do …; done`), so manifests from tutorials behave as they would:
 * `busybox` with no command exits at once (and ends in CrashLoopBackOff under
 * restartPolicy Always), `sleep 3600` runs an hour, nginx serves until stopped.
 */
import { rfc3339 } from '../sim/clock';
import { resolveImage } from './images';
import { parseImage } from '../util/imageref';
import { genericBanner } from './genericImages';
import { shellWords } from '../util/shell';
import { compileCommand, statements, type Step } from './shellCompiler';
import { immutable } from '../sim/forkable';
import { persistent, persistentTable } from '../sim/persistable';

export type { Step } from './shellCompiler';
import { exitOf, filesAt, logLines, roundMs, shapeOf, type LogQuery } from './process';

export interface HttpCall {
  url: string;
  host?: string;
}

export interface ContainerProgram {
  steps: Step[];
  /** Requests it sends for as long as it runs (a load generator's loop), with their rate. */
  load?: (HttpCall & { rps: number })[];
  /** The image's short name (nginx, redis, liveness …): how it answers probes. */
  image: string;
  /** Ports the process listens on once running (HTTP and TCP probes connect to these). */
  listens: number[];
  /** What it uses once running: memory past the container's limit gets it OOMKilled. */
  memoryBytes: number;
  milliCpu: number;
  /** How long the process takes to stop on SIGTERM; undefined: it ignores SIGTERM (PID 1 sleep) and is killed at the end of the grace period. */
  sigtermMs?: number;
  /** Lines the process prints right after it starts. */
  banner: Banner;
}

export interface ProgramRun {
  /** Milliseconds after start at which the process exits by itself, if it does. */
  exitAfterMs?: number;
  exitCode: number;
}

type Banner = (t: number, pod: string) => string[];

// Banners are pure functions of their arguments (and of constants): copies of the cluster share them.
const NO_BANNER: Banner = persistent('runtime.banner.none', () => []);

const SERVERS: Record<string, Banner> = {
  nginx: (t) => {
    const ts = goLogTime(t);
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ts} [notice] 1#1: using the "epoll" event method`,
      `${ts} [notice] 1#1: nginx/1.27.3`,
      `${ts} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
      `${ts} [notice] 1#1: OS: Linux 6.8.0-49-generic`,
      `${ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${ts} [notice] 1#1: start worker processes`,
      `${ts} [notice] 1#1: start worker process 29`,
      `${ts} [notice] 1#1: start worker process 30`,
    ];
  },
  httpd: (t) => [
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.5. Set the 'ServerName' directive globally to suppress this message",
    `[${apacheTime(t)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
    `[${apacheTime(t)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
  ],
  redis: (t) => [
    `1:C ${redisTime(t)} # WARNING Memory overcommit must be enabled!`,
    `1:C ${redisTime(t)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(t)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M ${redisTime(t)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(t)} * Server initialized`,
    `1:M ${redisTime(t)} * Ready to accept connections tcp`,
  ],
  memcached: NO_BANNER,
  mongo: (t) => [`{"t":{"$date":"${rfc3339(t)}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`],
  pause: NO_BANNER,
  default: (t, pod) => [`${rfc3339(t)} server started on ${pod}`],
};
persistentTable('runtime.banner.servers', SERVERS);

const MYSQL_UNINITIALIZED: Banner = persistent('runtime.banner.mysqlUninitialized', (t: number) => [
  `${rfc3339(t)} 0 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.`,
  `${rfc3339(t)} 0 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
  '    You need to specify one of the following as an environment variable:',
  '    - MYSQL_ROOT_PASSWORD',
  '    - MYSQL_ALLOW_EMPTY_PASSWORD',
  '    - MYSQL_RANDOM_ROOT_PASSWORD',
]);

const POSTGRES_UNINITIALIZED: Banner = persistent('runtime.banner.postgresUninitialized', () => [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
]);

/** Images whose default process waits on a terminal and so exits at once in a pod. */
const EXIT_AT_ONCE = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'node', 'python', 'golang', 'openjdk', 'perl', 'hello-world']);

function baseName(image: string): string {
  const repo = parseImage(image).repository;
  return repo.split('/').pop() ?? repo;
}

function goLogTime(t: number): string {
  return new Date(t).toISOString().replace('T', ' ').slice(0, 19).replace(/-/g, '/');
}
function apacheTime(t: number): string {
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)} ${d.getUTCFullYear()}`;
}
function redisTime(t: number): string {
  const d = new Date(t);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

interface ContainerLike {
  image?: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  /** stdin kept open (kubectl debug -i, run -i): a shell reads it and waits instead of exiting. */
  stdin?: boolean;
}

/** Ports an image's server listens on by default. */
const DEFAULT_PORTS: Record<string, number[]> = {
  nginx: [80], httpd: [80], 'nginx-slim': [80], caddy: [80], traefik: [80], haproxy: [80], wordpress: [80], 'hpa-example': [80], 'gb-frontend': [80],
  redis: [6379], 'gb-redis-follower': [6379], postgres: [5432], mysql: [3306], mariadb: [3306], mongo: [27017], memcached: [11211], rabbitmq: [5672, 15672],
  tomcat: [8080], liveness: [8080], goproxy: [8080], 'hello-app': [8080], agnhost: [8080], zookeeper: [2181], cassandra: [9042], elasticsearch: [9200],
  coredns: [53, 8080, 8181, 9153], etcd: [2379, 2380], 'kube-apiserver': [6443], 'kube-scheduler': [10259], 'kube-controller-manager': [10257], 'kube-proxy': [10249, 10256],
  'metrics-server': [10250],
};

/** Reads what a container will do. */
export function programFor(c: ContainerLike & { ports?: { containerPort: number }[] }): ContainerProgram {
  let base = baseName(c.image ?? '');
  const partial = rawProgram(c);
  // agnhost's `liveness` subcommand is the docs' failing web server (healthy 10 s, then 500).
  if (base === 'agnhost' && (c.args?.[0] === 'liveness' || c.command?.includes('liveness'))) base = 'liveness';
  const serving = partial.steps.find((st): st is Extract<Step, { kind: 'serve' }> => st.kind === 'serve');
  const listens = serving?.listens ? [...new Set([...(DEFAULT_PORTS[base] ?? []), ...(c.ports ?? []).map((p) => p.containerPort)])] : [];
  const use = partial.steps.find((st): st is Extract<Step, { kind: 'use' }> => st.kind === 'use');
  const program: ContainerProgram = { ...partial, image: base, listens, memoryBytes: use?.memoryBytes ?? 0, milliCpu: use?.milliCpu ?? 0 };
  // An image the simulator does not know runs as a generic stand-in (./genericImages) that logs like a typical server.
  if (listens.length && !c.command?.length && !SERVERS[base] && resolveImage(c.image ?? '').verdict.kind === 'generic') program.banner = genericBanner(c.image ?? '', listens);
  const load = loadOf(partial.steps);
  if (load.length) program.load = load;
  // Never changed once read: copies of the cluster share it (and the steps process.ts memoizes on).
  return immutable(program);
}

/** A loop that sends requests sends them at (requests per round) ÷ (time per round). */
function loadOf(steps: Step[]): (HttpCall & { rps: number })[] {
  const out: (HttpCall & { rps: number })[] = [];
  for (const st of steps) {
    if (st.kind !== 'loop') continue;
    const round = roundMs(shapeOf(st.body));
    if (!Number.isFinite(round)) continue;
    for (const b of st.body) if (b.kind === 'sleep' && b.request) out.push({ ...b.request, rps: 1000 / round });
  }
  return out;
}


function rawProgram(c: ContainerLike): Omit<ContainerProgram, 'image' | 'listens' | 'memoryBytes' | 'milliCpu'> {
  const base = baseName(c.image ?? '');
  const env = new Map((c.env ?? []).map((e) => [e.name, e.value ?? '']));
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  const interactiveShell = words.length === 0 ? EXIT_AT_ONCE.has(base) && base !== 'hello-world' : words.length === 1 && /^(?:.*\/)?(?:sh|bash|ash)$/.test(words[0]);
  if (c.stdin && interactiveShell) return { steps: [{ kind: 'serve', listens: false }], sigtermMs: undefined, banner: NO_BANNER };
  if (c.command?.length || (c.args?.length && EXIT_AT_ONCE.has(base))) {
    const words = [...(c.command ?? []), ...(c.args ?? [])];
    const steps = compileCommand(words);
    const sleepsAsPid1 = words[0]?.split('/').pop() === 'sleep';
    return { steps, sigtermMs: sleepsAsPid1 ? undefined : steps.some((s) => s.kind === 'loop' || s.kind === 'sleep') ? undefined : 200, banner: NO_BANNER };
  }
  if (base === 'hello-world') return { steps: [{ kind: 'log', text: 'Hello from Docker!' }, { kind: 'exit', code: 0 }], sigtermMs: 10, banner: NO_BANNER };
  if (EXIT_AT_ONCE.has(base)) return { steps: [{ kind: 'exit', code: 0 }], sigtermMs: 10, banner: NO_BANNER };
  if ((base === 'mysql' || base === 'mariadb') && !['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD'].some((k) => env.has(k))) {
    return {
      steps: [{ kind: 'sleep', ms: 400 }, { kind: 'exit', code: 1 }],
      sigtermMs: 100,
      banner: MYSQL_UNINITIALIZED,
    };
  }
  if (base === 'postgres' && !env.has('POSTGRES_PASSWORD') && env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
    return {
      steps: [{ kind: 'sleep', ms: 300 }, { kind: 'exit', code: 1 }],
      sigtermMs: 100,
      banner: POSTGRES_UNINITIALIZED,
    };
  }
  const banner = SERVERS[base] ?? SERVERS.default;
  return { steps: [{ kind: 'serve', listens: true }], sigtermMs: base === 'postgres' || base === 'mysql' ? 1500 : 300, banner };
}

/** When (if ever) the process exits by itself, and with what code. */
export function runOf(program: ContainerProgram): ProgramRun {
  const end = exitOf(program.steps);
  return end.at === undefined ? { exitCode: end.code } : { exitAfterMs: Math.max(end.at, 50), exitCode: end.code };
}

/**
 * The log lines the process has printed by `now` in its current log file, oldest first: the
 * last `query.tail` (at most LOG_LINES_SHOWN), none before `query.sinceMs`. The cost depends on
 * the script and the lines asked for, not on how long it has run (see process.ts).
 */
export function logsOf(program: ContainerProgram, startedAt: number, now: number, podName: string, query: LogQuery = {}): string[] {
  return logLines(program.steps, program.banner(startedAt, podName), startedAt, now, podName, query).map((l) => l.text);
}

/** Whether `path` exists in the container `offsetMs` after it started (files its script made). */
export function fileExists(program: ContainerProgram, path: string, offsetMs: number): boolean {
  return filesAt(program.steps, offsetMs).has(path) || IMAGE_FILES[program.image]?.includes(path) === true;
}

const IMAGE_FILES: Record<string, string[]> = {
  nginx: ['/usr/share/nginx/html/index.html', '/etc/nginx/nginx.conf'],
  httpd: ['/usr/local/apache2/htdocs/index.html'],
};

export interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: string; host?: string };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number; service?: string };
}

/**
 * One probe run against the simulated process, `offsetMs` after the container started:
 * success, or the failure output the kubelet prints in the Unhealthy event.
 */
export function probeResult(program: ContainerProgram, probe: ProbeSpec, namedPorts: Record<string, number>, podIP: string, offsetMs: number): { ok: boolean; output: string } {
  const port = (p: number | string) => (typeof p === 'number' ? p : (namedPorts[p] ?? Number(p)));
  if (probe.exec) {
    const words = probe.exec.command ?? [];
    const script = words[0]?.split('/').pop() === 'sh' && words[1] === '-c' ? (words[2] ?? '') : words.join(' ');
    for (const stmt of statements(script)) {
      const [cmd, ...args] = shellWords(stmt).words;
      const name = cmd?.split('/').pop();
      if (name === 'false' || (name === 'exit' && args[0] !== '0')) return { ok: false, output: '' };
      if ((name === 'cat' || name === 'ls' || (name === 'test' && args[0] === '-f')) && args.length) {
        const path = name === 'test' ? args[1] : args.filter((a) => !a.startsWith('-'))[0];
        if (path && !fileExists(program, path, offsetMs)) {
          return { ok: false, output: name === 'cat' ? `cat: can't open '${path}': No such file or directory` : name === 'ls' ? `ls: ${path}: No such file or directory` : '' };
        }
      }
    }
    return { ok: true, output: '' };
  }
  if (probe.httpGet) {
    const p = port(probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host ?? podIP;
    if (!program.listens.includes(p)) return { ok: false, output: `Get "${scheme}://${host}:${p}${path}": dial tcp ${host}:${p}: connect: connection refused` };
    const code = httpStatus(program.image, path, offsetMs);
    return code >= 200 && code < 400 ? { ok: true, output: '' } : { ok: false, output: `HTTP probe failed with statuscode: ${code}` };
  }
  if (probe.tcpSocket) {
    const p = port(probe.tcpSocket.port);
    const host = probe.tcpSocket.host ?? podIP;
    return program.listens.includes(p) ? { ok: true, output: '' } : { ok: false, output: `dial tcp ${host}:${p}: connect: connection refused` };
  }
  if (probe.grpc) {
    return program.listens.includes(probe.grpc.port)
      ? { ok: true, output: '' }
      : { ok: false, output: `timeout: failed to connect service "${podIP}:${probe.grpc.port}" within 1s: context deadline exceeded` };
  }
  return { ok: true, output: '' };
}

/** How the simulated web servers answer a path. */
function httpStatus(image: string, path: string, offsetMs: number): number {
  // registry.k8s.io/liveness (the docs' example): /healthz is fine for 10 seconds, then 500.
  if (image === 'liveness') return path === '/healthz' && offsetMs < 10_000 ? 200 : 500;
  if (image === 'nginx' || image === 'httpd' || image === 'nginx-slim') return path === '/' || path === '/index.html' ? 200 : 404;
  return 200;
}


/** What `date` prints in a busybox/coreutils container: "Mon Mar  2 09:06:00 UTC 2026". */
export function dateOutput(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
