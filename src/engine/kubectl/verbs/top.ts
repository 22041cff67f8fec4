/**
 * kubectl top pod|node: the Metrics API read and printed as kubectl's metrics printer does —
 * CPU in millicores (`%vm`), memory in MiB (`%vMi`), node percentages of allocatable.
 */
import { matches } from '../../api/labels';
import { selectorFlag } from './get';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { formatTable } from '../table';
import type { MetricsApi, NodeMetrics, PodMetrics } from '../../api/subresources';
import { goDuration } from '../../util/goduration';

export const TOP_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'containers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sum', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool' },
  { name: 'show-capacity', type: 'bool' },
];

const MI = 1024 * 1024;
const METRICS_CREATION_DELAY_MS = 120_000;
const cpu = (m: number) => `${m}m`;
const mem = (b: number) => `${Math.floor(b / MI)}Mi`;

export function topCommand(ctx: VerbContext): void {
  const [what, name] = ctx.args.positionals;
  const kind = what?.toLowerCase();
  if (!kind) throw new KubectlError('Display resource (CPU/memory) usage.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]');
  const sortBy = str(ctx.args, 'sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError(`error: --sort-by accepts only cpu or memory`);
  const pods = ['pod', 'pods', 'po'].includes(kind);
  if (!pods && !['node', 'nodes', 'no'].includes(kind)) throw new KubectlError(`error: unknown command "${what}" for "kubectl top"\n\nDid you mean this?\n\tnode\n\tpod`);
  // kubectl top reads metrics.k8s.io through the API server (an aggregated API).
  const metrics = ctx.cluster.api.metricsApi('kubectl', pods ? 'pods' : 'nodes', pods && !bool(ctx.args, 'all-namespaces') ? namespaceOf(ctx) : undefined);
  if (!metrics?.available()) throw new KubectlError('error: Metrics API not available');
  if (pods) return topPods(ctx, metrics, name, sortBy);
  return topNodes(ctx, metrics, name, sortBy);
}

/** -l, parsed and reported as `kubectl get` does. */
function selectorFilter(ctx: VerbContext): (labels: Record<string, string> | undefined) => boolean {
  const sel = selectorFlag(ctx);
  return sel ? (labels) => matches(sel, labels) : () => true;
}

function topPods(ctx: VerbContext, api: MetricsApi, name: string | undefined, sortBy: string | undefined): void {
  const allNs = bool(ctx.args, 'all-namespaces');
  const ns = namespaceOf(ctx);
  const store = ctx.cluster.store;
  let metrics: PodMetrics[];
  if (name) {
    const m = api.pod(ns, name);
    if (!m) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ns}/${name}" not found`);
    metrics = [m];
  } else {
    const keep = selectorFilter(ctx);
    metrics = api.pods(allNs ? undefined : ns).filter((m) => keep(store.get('pods', m.namespace, m.name)?.metadata.labels));
    if (!metrics.length) {
      // kubectl's verifyEmptyMetrics: pods younger than two minutes are simply not measured yet.
      const pods = (allNs ? store.list('pods') : store.list('pods', ns)).filter((p) => keep(p.metadata.labels));
      for (const pod of pods) {
        const age = ctx.cluster.now() - Date.parse(pod.metadata.creationTimestamp!);
        if (age > METRICS_CREATION_DELAY_MS) throw new KubectlError(`error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}`);
      }
      if (pods.length) throw new KubectlError('error: metrics not available yet');
      ctx.err.push(allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
      return;
    }
  }
  const total = (m: PodMetrics, k: 'cpu' | 'memory') => m.containers.reduce((s, c) => s + c.usage[k], 0);
  metrics.sort((a, b) => (sortBy ? total(b, sortBy as 'cpu') - total(a, sortBy as 'cpu') : a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)));
  const containers = bool(ctx.args, 'containers');
  const header = [...(allNs ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
  const rows: string[][] = [];
  for (const m of metrics) {
    const prefix = allNs ? [m.namespace] : [];
    if (containers) for (const c of m.containers) rows.push([...prefix, m.name, c.name, cpu(c.usage.cpu), mem(c.usage.memory)]);
    else rows.push([...prefix, m.name, cpu(total(m, 'cpu')), mem(total(m, 'memory'))]);
  }
  if (bool(ctx.args, 'sum')) {
    rows.push([...(allNs ? [''] : []), ...(containers ? [''] : []), '', '________', '________']);
    rows.push([...(allNs ? [''] : []), ...(containers ? [''] : []), '', cpu(metrics.reduce((s, m) => s + total(m, 'cpu'), 0)), mem(metrics.reduce((s, m) => s + total(m, 'memory'), 0))]);
  }
  print(ctx, header, rows);
}

function topNodes(ctx: VerbContext, api: MetricsApi, name: string | undefined, sortBy: string | undefined): void {
  const store = ctx.cluster.store;
  const keep = selectorFilter(ctx);
  let nodes = store.list('nodes').filter((n) => keep(n.metadata.labels));
  if (name) {
    nodes = nodes.filter((n) => n.metadata.name === name);
    if (!nodes.length) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`);
  }
  const byName = new Map<string, NodeMetrics>(api.nodes().map((m) => [m.name, m]));
  const withMetrics = nodes.filter((n) => byName.has(n.metadata.name!));
  if (name && !withMetrics.length) throw new KubectlError(`error: metrics not available yet`);
  if (!withMetrics.length) throw new KubectlError('error: metrics not available yet');
  const pct = (used: number, of: number) => (of > 0 ? `${Math.floor((used * 100) / of)}%` : '<unknown>');
  const ordered = [...nodes].sort((a, b) => {
    if (!sortBy) return 0;
    const x = byName.get(a.metadata.name!)?.usage[sortBy as 'cpu'] ?? -1;
    const y = byName.get(b.metadata.name!)?.usage[sortBy as 'cpu'] ?? -1;
    return y - x;
  });
  const rows = ordered.map((n) => {
    const m = byName.get(n.metadata.name!);
    // A node whose kubelet cannot be scraped is listed with unknown usage.
    if (!m) return [n.metadata.name!, '<unknown>', '<unknown>', '<unknown>', '<unknown>'];
    return [m.name, cpu(m.usage.cpu), pct(m.usage.cpu, m.allocatable.cpu), mem(m.usage.memory), pct(m.usage.memory, m.allocatable.memory)];
  });
  print(ctx, ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'], rows);
}

function print(ctx: VerbContext, header: string[], rows: string[][]): void {
  // kubectl top ends every line with a tab (its printer writes "…\t%s\t\n"), so the last column is padded too.
  const table = formatTable([...header, ''], rows.map((r) => [...r, '']), { keepTrailingPadding: true });
  ctx.out.push(bool(ctx.args, 'no-headers') ? table.slice(table.indexOf('\n') + 1) : table);
}
