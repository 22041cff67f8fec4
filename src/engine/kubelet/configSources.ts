/**
 * ConfigMaps and Secrets as a container sees them: environment variables (env/envFrom) and
 * files in configMap / secret / projected / downwardAPI volumes (a projected volume's
 * ServiceAccount token included: ./boundToken.ts).
 *
 * Timing follows the kubelet, because it is what learners trip over on real clusters:
 * - env is resolved once, when the container is created; editing the ConfigMap later changes
 *   nothing until the container restarts;
 * - a missing (non-optional) ConfigMap or Secret named in env stops the container in
 *   CreateContainerConfigError; named in a volume, it keeps the pod in ContainerCreating with
 *   FailedMount events;
 * - mounted files follow edits after the kubelet's next periodic sync (up to about a minute),
 *   except subPath mounts, which keep what they had when the container started.
 */
import { persistentTable } from '../sim/persistable';
import type { KObject } from '../api/types';
import { getOwn, hasOwn, setOwn } from '../util/own';
import type { ObjectStore } from '../api/store';
import { decodeBase64 } from '../util/base64';
import { boundServiceAccountToken } from './boundToken';
import { bound, immutable } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export type SourceKind = 'configmaps' | 'secrets';
/** Decoded key → value of one ConfigMap or Secret; undefined when it does not exist. */
export type ConfigData = Record<string, string>;
export type ConfigLookup = (kind: SourceKind, name: string) => ConfigData | undefined;

/**
 * What the API server holds now, decoded (Secret values and ConfigMap binaryData are base64).
 * Lookups are kept (a container's sources, a pod's volumes): bound calls, so a copy of the
 * cluster can rebuild them on its own store.
 */
export function storeLookup(store: ObjectStore, namespace: string): ConfigLookup {
  return bound(lookups, lookups.fromStore, store, namespace);
}

function fromStore(store: ObjectStore, namespace: string, kind: SourceKind, name: string): ConfigData | undefined {
  const obj = store.get(kind, namespace, name);
  if (!obj) return undefined;
  const out: ConfigData = {};
  if (kind === 'secrets') for (const [k, v] of Object.entries((obj.data as Record<string, string>) ?? {})) setOwn(out, k, decodeBase64(v));
  else {
    for (const [k, v] of Object.entries((obj.data as Record<string, string>) ?? {})) setOwn(out, k, v);
    for (const [k, v] of Object.entries((obj.binaryData as Record<string, string>) ?? {})) setOwn(out, k, decodeBase64(v));
  }
  return out;
}

/** Every ConfigMap and Secret a container's env or the pod's volumes name, without duplicates. */
export function referencedSources(pod: KObject, container?: Any): [SourceKind, string][] {
  const seen = new Map<string, [SourceKind, string]>();
  const add = (kind: SourceKind, name: unknown) => {
    if (typeof name === 'string' && name) seen.set(`${kind}/${name}`, [kind, name]);
  };
  if (container) {
    for (const from of container.envFrom ?? []) {
      if (from.configMapRef) add('configmaps', from.configMapRef.name);
      if (from.secretRef) add('secrets', from.secretRef.name);
    }
    for (const e of container.env ?? []) {
      if (e.valueFrom?.configMapKeyRef) add('configmaps', e.valueFrom.configMapKeyRef.name);
      if (e.valueFrom?.secretKeyRef) add('secrets', e.valueFrom.secretKeyRef.name);
    }
  }
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap) add('configmaps', v.configMap.name);
    if (v.secret) add('secrets', v.secret.secretName);
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap) add('configmaps', s.configMap.name);
      if (s.secret) add('secrets', s.secret.name);
    }
  }
  return [...seen.values()];
}

/** Copies what `lookup` sees of the named sources, so later edits do not leak in. */
export function snapshotSources(sources: [SourceKind, string][], lookup: ConfigLookup): ConfigLookup {
  const copy = new Map<string, ConfigData | undefined>();
  for (const [kind, name] of sources) copy.set(`${kind}/${name}`, lookup(kind, name));
  return bound(lookups, lookups.fromSnapshot, immutable(copy), lookup);
}

function fromSnapshot(copy: Map<string, ConfigData | undefined>, lookup: ConfigLookup, kind: SourceKind, name: string): ConfigData | undefined {
  return copy.has(`${kind}/${name}`) ? copy.get(`${kind}/${name}`) : lookup(kind, name);
}

const lookups = persistentTable('kubelet.configLookups', { fromStore, fromSnapshot });

const KIND_WORD: Record<SourceKind, string> = { configmaps: 'configmap', secrets: 'secret' };
const KIND_TITLE: Record<SourceKind, string> = { configmaps: 'ConfigMap', secrets: 'Secret' };

/**
 * Why the kubelet cannot build this container's environment (kubelet_pods.go
 * makeEnvironmentVariables), or undefined when it can. Optional references may be missing.
 */
export function envConfigError(container: Any, namespace: string, lookup: ConfigLookup): string | undefined {
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind: SourceKind = from.configMapRef ? 'configmaps' : 'secrets';
    if (ref && !ref.optional && !lookup(kind, ref.name)) return `${KIND_WORD[kind]} "${ref.name}" not found`;
  }
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
    if (!ref || ref.optional) continue;
    const kind: SourceKind = e.valueFrom.configMapKeyRef ? 'configmaps' : 'secrets';
    const data = lookup(kind, ref.name);
    if (!data) return `${KIND_WORD[kind]} "${ref.name}" not found`;
    if (!hasOwn(data, ref.key)) return `couldn't find key ${ref.key} in ${KIND_TITLE[kind]} ${namespace}/${ref.name}`;
  }
  return undefined;
}

/** Why the kubelet cannot set up one of the pod's volumes (the FailedMount message), if it cannot. */
export function volumeMountError(pod: KObject, lookup: ConfigLookup): string | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const checks: { kind: SourceKind; name: string; optional?: boolean; items?: Any[] }[] = [];
    if (v.configMap) checks.push({ kind: 'configmaps', name: v.configMap.name, optional: v.configMap.optional, items: v.configMap.items });
    if (v.secret) checks.push({ kind: 'secrets', name: v.secret.secretName, optional: v.secret.optional, items: v.secret.items });
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap) checks.push({ kind: 'configmaps', name: s.configMap.name, optional: s.configMap.optional, items: s.configMap.items });
      if (s.secret) checks.push({ kind: 'secrets', name: s.secret.name, optional: s.secret.optional, items: s.secret.items });
    }
    for (const check of checks) {
      const data = lookup(check.kind, check.name);
      if (!data) {
        if (check.optional) continue;
        return `MountVolume.SetUp failed for volume "${v.name}" : ${KIND_WORD[check.kind]} "${check.name}" not found`;
      }
      const missing = (check.items ?? []).find((it: Any) => !hasOwn(data, it.key));
      if (missing && !check.optional) return `MountVolume.SetUp failed for volume "${v.name}" : ${check.kind === 'configmaps' ? 'configmap' : 'secret'} references non-existent ${check.kind === 'configmaps' ? 'config' : 'secret'} key: ${missing.key}`;
    }
  }
  return undefined;
}

/** A pod field as the downward API reads it (env fieldRef and downwardAPI volume items). */
export function fieldRef(pod: KObject, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
    case 'metadata.annotations':
      return Object.entries(pod.metadata[path.slice(9) as 'labels'] ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}="${v}"`)
        .join('\n');
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default: {
      const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      return m ? (pod.metadata[m[1] as 'labels']?.[m[2]] ?? '') : '';
    }
  }
}

/** The files one volume holds, by path relative to its mount point. */
function volumeFiles(pod: KObject, volume: Any, lookup: ConfigLookup, serviceAccountUid?: string): Record<string, string> {
  const files: Record<string, string> = {};
  const project = (data: ConfigData | undefined, items: Any[] | undefined) => {
    if (!data) return;
    // Own keys only, stored as data even when named __proto__ (util/own.ts).
    if (items?.length) {
      for (const it of items) if (hasOwn(data, it.key)) setOwn(files, it.path, data[it.key]);
    }
    else for (const [k, v] of Object.entries(data)) setOwn(files, k, v);
  };
  if (volume.configMap) project(lookup('configmaps', volume.configMap.name), volume.configMap.items);
  if (volume.secret) project(lookup('secrets', volume.secret.secretName), volume.secret.items);
  for (const s of volume.projected?.sources ?? []) {
    if (s.configMap) project(lookup('configmaps', s.configMap.name), s.configMap.items);
    if (s.secret) project(lookup('secrets', s.secret.name), s.secret.items);
    for (const it of s.downwardAPI?.items ?? []) if (it.fieldRef) files[it.path] = fieldRef(pod, it.fieldRef.fieldPath);
    if (s.serviceAccountToken) setOwn(files, s.serviceAccountToken.path, boundServiceAccountToken(pod, serviceAccountUid, s.serviceAccountToken.expirationSeconds ?? 3600));
  }
  for (const it of volume.downwardAPI?.items ?? []) if (it.fieldRef) files[it.path] = fieldRef(pod, it.fieldRef.fieldPath);
  return files;
}

/**
 * The container's mounted config files, absolute path → content. `current` is the kubelet's
 * latest sync of each source; `atStart` what it saw when the container started (for subPath).
 */
export function mountedFiles(pod: KObject, container: Any, current: ConfigLookup, atStart: ConfigLookup, serviceAccountUid?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const volumes = new Map<string, Any>((pod.spec?.volumes ?? []).map((v: Any) => [v.name, v]));
  for (const m of container.volumeMounts ?? []) {
    const v = volumes.get(m.name);
    if (!v) continue;
    const mount = String(m.mountPath ?? '').replace(/\/+$/, '');
    if (m.subPath) {
      const content = getOwn(volumeFiles(pod, v, atStart, serviceAccountUid), m.subPath);
      if (content !== undefined) out[mount] = content;
      continue;
    }
    for (const [rel, content] of Object.entries(volumeFiles(pod, v, current, serviceAccountUid))) setOwn(out, `${mount}/${rel}`, content);
  }
  return out;
}
