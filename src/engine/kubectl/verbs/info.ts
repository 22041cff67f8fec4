/** kubectl version, api-resources and cluster-info. */
import { AGGREGATED_TYPES, apiVersionOf } from '../../api/registry';
import { KUBERNETES_VERSION } from '../../api/version';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { formatTable } from '../table';
import { toYaml } from '../printers/output';

export const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'short', type: 'bool' },
];

export function versionCommand(ctx: VerbContext): void {
  const output = str(ctx.args, 'output');
  const client = { major: '1', minor: '32', gitVersion: KUBERNETES_VERSION, platform: 'linux/amd64' };
  const info = bool(ctx.args, 'client') ? { clientVersion: client, kustomizeVersion: 'v5.5.0' } : { clientVersion: client, kustomizeVersion: 'v5.5.0', serverVersion: client };
  if (output === 'yaml') return void ctx.out.push(toYaml(info));
  if (output === 'json') return void ctx.out.push(JSON.stringify(info, null, 2) + '\n');
  if (output) throw new KubectlError(`error: --output must be 'yaml' or 'json'`);
  ctx.out.push(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: v5.5.0\n`);
  if (!bool(ctx.args, 'client')) ctx.out.push(`Server Version: ${KUBERNETES_VERSION}\n`);
}

export const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'namespaced', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'api-group', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'verbs', type: 'strings' },
];

export function apiResourcesCommand(ctx: VerbContext): void {
  const namespaced = str(ctx.args, 'namespaced');
  const group = str(ctx.args, 'api-group');
  const output = str(ctx.args, 'output');
  // As discovery lists them: the core group first, then by group name (kubectl sorts only by group).
  // ServerPreferredResources: each group at its preferred version (the first discovery lists).
  const preferred = new Map<string, string>();
  const all = [...ctx.cluster.api.types.all(), ...AGGREGATED_TYPES].filter((t) => {
    if (!preferred.has(t.group)) preferred.set(t.group, t.version);
    return preferred.get(t.group) === t.version;
  });
  let types = all.map((t, i) => ({ t, i })).sort((a, b) => (a.t.group < b.t.group ? -1 : a.t.group > b.t.group ? 1 : a.i - b.i)).map(({ t }) => t);
  if (namespaced !== undefined) types = types.filter((t) => t.namespaced === (namespaced === 'true'));
  if (group !== undefined) types = types.filter((t) => t.group === group);
  if (output === 'name') {
    for (const t of types) ctx.out.push(`${t.group ? `${t.resource}.${t.group}` : t.resource}\n`);
    return;
  }
  const wide = output === 'wide';
  if (output && !wide) throw new KubectlError(`error: --output ${output} is not available; use -o wide or -o name`);
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = types.map((t) => [t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind, ...(wide ? [t.verbs.join(','), t.categories.join(',')] : [])]);
  const table = formatTable(header, rows, { keepTrailingPadding: wide });
  ctx.out.push(bool(ctx.args, 'no-headers') ? table.split('\n').slice(1).join('\n') : table);
}

export const API_VERSIONS_FLAGS: FlagSpec[] = [];

/** kubectl api-versions: every group/version the server serves, sorted as Go's sort.Strings sorts them. */
export function apiVersionsCommand(ctx: VerbContext): void {
  if (ctx.args.positionals.length) throw new KubectlError(`error: unexpected arguments: [${ctx.args.positionals.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples`);
  // autoscaling/v1 is served beside v2 for HorizontalPodAutoscalers (../../api/conversion/hpaV1.ts).
  const versions = [...new Set([...ctx.cluster.api.types.all(), ...AGGREGATED_TYPES].map(apiVersionOf).concat('autoscaling/v1'))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const v of versions) ctx.out.push(`${v}\n`);
}

export function clusterInfoCommand(ctx: VerbContext): void {
  if (ctx.args.positionals[0] === 'dump') throw new KubectlError('error: "kubectl cluster-info dump" is not available in this simulator; try "kubectl get all -A"');
  const cp = ctx.cluster.store.get('nodes', undefined, 'control-plane');
  const ip = cp?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
  const url = `https://${ip}:6443`;
  ctx.out.push(`Kubernetes control plane is running at ${url}\n`);
  if (ctx.cluster.store.get('services', 'kube-system', 'kube-dns')) ctx.out.push(`CoreDNS is running at ${url}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n`);
  ctx.out.push("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
}
