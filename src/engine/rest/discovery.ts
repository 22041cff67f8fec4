/**
 * Discovery: what kubectl and client libraries read before anything else — the groups, their
 * versions and each version's resources (kind, scope, verbs, short names, categories,
 * subresources). Served both ways the API server does: the legacy documents (`/api`, `/apis`,
 * `/api/v1`, `/apis/{g}/{v}`) and aggregated discovery (apidiscovery.k8s.io/v2), which kubectl
 * 1.30+ asks for first. `kubectl get all` expands to exactly what is tagged `all` here.
 */
import { AGGREGATED_TYPES, type ResourceType, type TypeRegistry } from '../api/registry';
import { hpaV1Type } from '../api/conversion/hpaV1';

interface Subresource {
  name: string;
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

const STATUS: Subresource = { name: 'status', kind: '', verbs: ['get', 'patch', 'update'] };
const SCALE: Subresource = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };

/** The subresources each type serves here (a subset of a real server's: no proxy). */
export const SUBRESOURCES: Record<string, Subresource[]> = {
  pods: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: ['create'] },
    { name: 'ephemeralcontainers', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
    { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', kind: 'Pod', verbs: ['get'] },
    STATUS,
  ],
  deployments: [SCALE, STATUS],
  replicasets: [SCALE, STATUS],
  statefulsets: [SCALE, STATUS],
  replicationcontrollers: [SCALE, STATUS],
  daemonsets: [STATUS],
  jobs: [STATUS],
  cronjobs: [STATUS],
  nodes: [STATUS],
  namespaces: [{ name: 'finalize', kind: 'Namespace', verbs: ['update'] }, STATUS],
  services: [STATUS],
  persistentvolumeclaims: [STATUS],
  persistentvolumes: [STATUS],
  horizontalpodautoscalers: [STATUS],
  poddisruptionbudgets: [STATUS],
  ingresses: [STATUS],
  resourcequotas: [STATUS],
  volumeattachments: [STATUS],
  serviceaccounts: [{ name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] }],
};

/** The subresources a type serves: a custom one's are its version's (status only, here). */
export function subresourcesOf(t: ResourceType): Subresource[] {
  if (t.custom) return t.custom.statusSubresource ? [STATUS] : [];
  return t.group === 'metrics.k8s.io' ? [] : (SUBRESOURCES[t.resource] ?? []);
}

const servedCache = new WeakMap<TypeRegistry, { generation: number; types: ResourceType[] }>();

/** Everything a cluster's server answers for: its stored kinds (built-in and custom), then the aggregated APIs. */
export function servedTypes(registry: TypeRegistry): ResourceType[] {
  const cached = servedCache.get(registry);
  if (cached && cached.generation === registry.generation) return cached.types;
  const all = registry.all();
  // autoscaling/v1 HorizontalPodAutoscalers: the same objects as v2's (the preferred version, listed first), converted (./hpaV1.ts).
  const hpa = all.find((t) => t.group === 'autoscaling' && t.resource === 'horizontalpodautoscalers');
  const types = [...all, ...(hpa ? [hpaV1Type(hpa)] : []), ...AGGREGATED_TYPES];
  servedCache.set(registry, { generation: registry.generation, types });
  return types;
}

/** Group versions in the order /apis lists them (core first, as every server does). */
export function groupVersions(served: ResourceType[]): { group: string; version: string }[] {
  const seen = new Set<string>();
  const out: { group: string; version: string }[] = [];
  for (const t of served) {
    const key = `${t.group}/${t.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ group: t.group, version: t.version });
  }
  return out;
}

export function typesIn(served: ResourceType[], group: string, version: string): ResourceType[] {
  return served.filter((t) => t.group === group && t.version === version);
}

/** The type a resource path names (`pods` under v1, `deployments` under apps/v1). */
export function servedType(served: ResourceType[], group: string, version: string, resource: string): ResourceType | undefined {
  return served.find((t) => t.group === group && t.version === version && t.resource === resource);
}

const gv = (group: string, version: string) => (group ? `${group}/${version}` : version);

export function apiVersions(serverAddress: string): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(served: ResourceType[], group: string): unknown {
  const versions = groupVersions(served)
    .filter((g) => g.group === group)
    .map((g) => ({ groupVersion: gv(g.group, g.version), version: g.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export function apiGroupList(served: ResourceType[]): unknown {
  const groups = [...new Set(groupVersions(served).map((g) => g.group))].filter((g) => g);
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(served, g)) };
}

export function apiGroupDocument(served: ResourceType[], group: string): unknown | undefined {
  if (!group || !groupVersions(served).some((g) => g.group === group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(apiGroup(served, group) as object) };
}

export function apiResourceList(served: ResourceType[], group: string, version: string): unknown | undefined {
  const types = typesIn(served, group, version);
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    const r: Record<string, unknown> = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs };
    if (t.shortNames.length) r.shortNames = t.shortNames;
    if (t.categories.length) r.categories = t.categories;
    resources.push(r);
    for (const s of subresourcesOf(t)) {
      const sub: Record<string, unknown> = { name: `${t.resource}/${s.name}`, singularName: '', namespaced: t.namespaced, kind: s.kind || t.kind, verbs: s.verbs };
      if (s.group) Object.assign(sub, { group: s.group, version: s.version });
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv(group, version), resources };
}

/** Aggregated discovery for `/api` (the core group) or `/apis` (every named group). */
export function aggregatedDiscovery(served: ResourceType[], core: boolean): unknown {
  const groups = [...new Set(groupVersions(served).map((g) => g.group))].filter((g) => (core ? g === '' : g !== ''));
  const items = groups.map((group) => ({
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: groupVersions(served)
      .filter((g) => g.group === group)
      .map(({ version }) => ({
        version,
        resources: typesIn(served, group, version).map((t) => {
          const r: Record<string, unknown> = { resource: t.resource, responseKind: { group, version, kind: t.kind }, scope: t.namespaced ? 'Namespaced' : 'Cluster', singularResource: t.singular, verbs: t.verbs };
          if (t.shortNames.length) r.shortNames = t.shortNames;
          if (t.categories.length) r.categories = t.categories;
          const subs = subresourcesOf(t);
          if (subs.length) r.subresources = subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group ?? group, version: s.version ?? version, kind: s.kind || t.kind }, verbs: s.verbs }));
          return r;
        }),
        freshness: 'Current',
      })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether the client asked for aggregated discovery (v2; v2beta1 is no longer served in 1.32's clients' first choice). */
export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && accept.split(',').some((a) => a.includes('as=APIGroupDiscoveryList') && a.includes('v=v2') && !a.includes('v=v2beta1'));
}
