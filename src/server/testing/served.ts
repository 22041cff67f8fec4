/**
 * For the conformance tests: a served cluster on free loopback ports, its kubeconfig in a
 * temporary folder, and real kubectl (v1.32, from the Google Cloud SDK these machines carry;
 * `KUBECTL` overrides) run against it with a cache of its own.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../serve';

const CANDIDATES = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.32', '/usr/local/google-cloud-sdk/bin/kubectl.1.32', '/opt/google-cloud-sdk/bin/kubectl.1.32'];

/** Real kubectl v1.32, or undefined when this machine has none. */
export function findKubectl(): string | undefined {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Real kubectl for a conformance suite: its path, or undefined (the suite then reports itself
 * skipped in one loud line) — except under REQUIRE_REAL_KUBECTL (`.ci/run`), where a missing
 * kubectl fails the run instead of skipping the suite.
 */
export function kubectlForSuite(suite: string): string | undefined {
  const found = findKubectl();
  if (found) return found;
  if (process.env.REQUIRE_REAL_KUBECTL) throw new Error('REQUIRE_REAL_KUBECTL is set but no kubectl v1.32 was found (set KUBECTL=/path/to/kubectl)');
  console.warn(`\n*** SKIPPED: ${suite} (no kubectl v1.32 on this machine; set KUBECTL=/path/to/kubectl) ***\n`);
  return undefined;
}

export interface Served {
  server: RunningServer;
  dir: string;
  kubeconfig: string;
  close(): Promise<void>;
}

export async function serveForTest(opts: { seed?: number; workers?: number; speed?: number } = {}): Promise<Served> {
  const server = await startServer({ port: 0, seed: opts.seed ?? 1, workers: opts.workers ?? 3, speed: opts.speed ?? 1, kubeconfig: '', page: false });
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-serve-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, server.kubeconfig, { mode: 0o600 });
  return {
    server,
    dir,
    kubeconfig,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs real kubectl with the served cluster's kubeconfig (and its own discovery cache). */
export function kubectl(kubectlPath: string, served: Served, args: string[], input?: string, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(kubectlPath, ['--kubeconfig', served.kubeconfig, '--cache-dir', join(served.dir, 'cache'), ...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, KUBECONFIG: served.kubeconfig, HOME: served.dir } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A long-running kubectl (get -w, logs -f): its output so far, and a way to stop it. */
export function kubectlStream(kubectlPath: string, served: Served, args: string[]): { output(): string; stop(): void; child: ChildProcess } {
  const child = spawn(kubectlPath, ['--kubeconfig', served.kubeconfig, '--cache-dir', join(served.dir, 'cache'), ...args], { env: { ...process.env, HOME: served.dir } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { output: () => out, stop: () => child.kill('SIGTERM'), child };
}

/** Waits until `check` holds (polling), or fails with what it last saw. */
export async function eventually<T>(what: string, get: () => Promise<T> | T, check: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await get();
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: still not so after ${timeoutMs} ms; last seen: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
