/**
 * What the API server passes on rather than stores: `pods/log` and `pods/exec` go to the
 * kubelet on the pod's node (its server on :10250), `metrics.k8s.io` to metrics-server (an
 * aggregated API). kubectl asks the API server for them like for any object, so it never
 * holds a kubelet; the cluster plugs the node and metrics backends in when it assembles.
 */

/** How much of a container's log to return (kubectl logs --tail / --since). */
export interface LogQuery {
  /** Lines from the end of the current log file; default: all, up to what the kubelet keeps shown. */
  tail?: number;
  /** Only lines written at or after this time. */
  sinceMs?: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout is a byte string (an archive from `tar cf -`), to be sent as bytes. */
  binary?: true;
}

/** The kubelet's server on a node, as the API server reaches it. */
export interface NodeServer {
  /** False while the node is stopped: the API server's dial fails. */
  readonly reachable: boolean;
  logs(namespace: string, name: string, container: string, previous: boolean, query: LogQuery): { lines: string[] } | { error: string };
  exec(namespace: string, name: string, container: string, words: string[], stdin?: string): ExecResult | { error: string };
}

/** metrics.k8s.io/v1beta1 usage, in millicores and bytes. */
export interface Usage {
  cpu: number;
  memory: number;
}

export interface PodMetrics {
  namespace: string;
  name: string;
  timestamp: string;
  window: string;
  containers: { name: string; usage: Usage }[];
}

export interface NodeMetrics {
  name: string;
  timestamp: string;
  usage: Usage;
  allocatable: Usage;
}

/** The Metrics API as metrics-server serves it. */
export interface MetricsApi {
  /** False until metrics-server has been deployed and is ready (kubectl: "Metrics API not available"). */
  available(): boolean;
  nodes(): NodeMetrics[];
  pods(namespace?: string): PodMetrics[];
  pod(namespace: string, name: string): PodMetrics | undefined;
}

/** custom.metrics.k8s.io, as an adapter serves it: a per-pod rate (requests per second). */
export interface CustomMetricsApi {
  podRate(namespace: string, name: string): number;
}

/** Backends the cluster registers with the API server. */
export interface SubresourceBackends {
  node(name: string): NodeServer | undefined;
  metrics: MetricsApi;
}
