/** Test helpers: a small cluster and a kubectl that fails loudly. */
import { Cluster, type ClusterOptions } from '../cluster/cluster';

/**
 * A cluster with its parts in reach, for tests and benchmarks that look inside the engine
 * (everything else goes through the port's createCluster).
 */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}

export function newCluster(options: ClusterOptions = {}): Cluster {
  return createCluster({ seed: 42, ...options });
}

/** Fails the test if any simulated task threw (the clock records instead of stopping). */
export function assertNoTaskFailures(c: Cluster): void {
  if (c.clock.failures.length) throw new Error(`a simulated task threw:\n${c.clock.failures.map((f) => `${f.owner}: ${f.error}`).join('\n')}`);
}

/** Runs kubectl and returns stdout, throwing with stderr when it fails. */
export function k(c: Cluster, cmd: string, stdin?: string): string {
  assertNoTaskFailures(c);
  const r = c.kubectl(cmd, { stdin });
  if (r.exitCode !== 0) throw new Error(`kubectl ${cmd} failed (${r.exitCode}):\n${r.stderr}`);
  return r.stdout;
}

/** Runs kubectl expecting failure; returns stderr. */
export function kFail(c: Cluster, cmd: string, stdin?: string): string {
  assertNoTaskFailures(c);
  const r = c.kubectl(cmd, { stdin });
  if (r.exitCode === 0) throw new Error(`kubectl ${cmd} unexpectedly succeeded:\n${r.stdout}`);
  return r.stderr;
}

/**
 * What the simulator's kubectl prints for `lines`, run one after another on `c` — stdout then
 * stderr of each, as a terminal shows them: the text the generators' tests compare with what real
 * kubectl printed for the same lines (src/engine/testdata/*.kubectl-1.32.txt).
 */
export function transcript(c: Cluster, lines: string[]): string {
  return lines
    .map((line) => {
      const r = c.kubectl(line);
      return r.stdout + r.stderr;
    })
    .join('');
}

/** The rows of a kubectl table, split into cells. */
export function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s{2,}/));
}

export const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;
