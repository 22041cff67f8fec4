/**
 * metrics-server: the Metrics API (metrics.k8s.io) that `kubectl top` and the HPA read. It
 * scrapes every kubelet each metric-resolution (15 s); a pod shows up once its containers have
 * run for a full window, and the numbers stay put until the next scrape. Scrapes are taken on
 * demand — the first read in a window measures, later reads in it get the same answer — so a
 * 150,000-pod cluster pays nothing while nobody looks.
 */
import type { ObjectStore } from '../api/store';
import type { SimClock } from '../sim/clock';
import { rfc3339 } from '../sim/clock';
import { milliCpu, bytes } from '../api/quantity';
import { containerUsage, systemOverhead } from './usage';
import type { MetricsApi, NodeMetrics, PodMetrics } from '../api/subresources';
import type { RunningContainer } from '../kubelet/kubelet';

export const METRIC_RESOLUTION_MS = 15_000;

export type { PodMetrics, NodeMetrics } from '../api/subresources';

interface Snapshot {
  window: number;
  pods: Map<string, PodMetrics>;
  nodes: Map<string, NodeMetrics>;
}

export interface MetricsSources {
  store: ObjectStore;
  clock: SimClock;
  /** Running containers per node whose kubelet is up. */
  runningContainers(): Map<string, RunningContainer[]>;
  podRps(namespace: string, name: string): number;
}

export class MetricsServer implements MetricsApi {
  private snapshot: Snapshot | undefined;

  constructor(private src: MetricsSources) {}

  /** Whether the metrics-server Deployment in kube-system has a ready replica. */
  available(): boolean {
    const d = this.src.store.get('deployments', 'kube-system', 'metrics-server');
    return !!d && (d.status?.availableReplicas ?? 0) > 0;
  }

  pods(namespace?: string): PodMetrics[] {
    const all = [...this.scrape().pods.values()];
    return namespace === undefined ? all : all.filter((p) => p.namespace === namespace);
  }

  pod(namespace: string, name: string): PodMetrics | undefined {
    return this.scrape().pods.get(`${namespace}/${name}`);
  }

  nodes(): NodeMetrics[] {
    return [...this.scrape().nodes.values()];
  }

  private scrape(): Snapshot {
    const now = this.src.clock.now();
    const window = Math.floor(now / METRIC_RESOLUTION_MS);
    if (this.snapshot?.window === window) return this.snapshot;
    const at = window * METRIC_RESOLUTION_MS;
    const timestamp = rfc3339(at);
    const pods = new Map<string, PodMetrics>();
    const nodes = new Map<string, NodeMetrics>();
    for (const [nodeName, containers] of this.src.runningContainers()) {
      const node = this.src.store.get('nodes', undefined, nodeName);
      if (!node) continue;
      const total = systemOverhead(nodeName, window);
      const byPod = new Map<string, RunningContainer[]>();
      for (const c of containers) {
        const key = `${c.namespace}/${c.pod}`;
        let list = byPod.get(key);
        if (!list) byPod.set(key, (list = []));
        list.push(c);
      }
      for (const [key, list] of byPod) {
        const rps = this.src.podRps(list[0].namespace, list[0].pod);
        // Requests land on the container that listens (the first one, if none says).
        const server = list.find((c) => c.program.listens.length) ?? list[0];
        const measured = list.map((c) => ({ name: c.container, usage: containerUsage(c.program, c.spec, c === server ? rps : 0, `${key}/${c.container}/${window}`) }));
        for (const m of measured) {
          total.cpu += m.usage.cpu;
          total.memory += m.usage.memory;
        }
        // Rates need two samples a window apart: a pod younger than that has no metrics yet.
        if (list.some((c) => at - c.startedAt < METRIC_RESOLUTION_MS)) continue;
        pods.set(key, { namespace: list[0].namespace, name: list[0].pod, timestamp, window: '15s', containers: measured });
      }
      const alloc = node.status?.allocatable ?? {};
      nodes.set(nodeName, { name: nodeName, timestamp, usage: total, allocatable: { cpu: milliCpu(alloc.cpu), memory: bytes(alloc.memory) } });
    }
    this.snapshot = { window, pods, nodes };
    return this.snapshot;
  }
}

