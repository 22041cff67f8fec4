/**
 * kubectl debug's profiles (pkg/cmd/debug/profiles.go): how each shapes the debug container
 * and, for a copy, the copied pod. `legacy` is the default in v1.32 (deprecated, warned about).
 */
import type { KObject } from '../../api/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'];

export type DebugStyle = 'ephemeral' | 'podCopy' | 'node';

/** --keep-* flags: what a copy keeps of the original. */
export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

/** The container named, wherever it is in the spec (podutils.VisitContainers over all kinds). */
function containerNamed(pod: KObject, name: string, regularOnly = false): Any {
  const spec = pod.spec ?? {};
  const lists: Any[][] = regularOnly ? [spec.containers ?? []] : [spec.initContainers ?? [], spec.containers ?? [], spec.ephemeralContainers ?? []];
  return lists.flat().find((c) => c.name === name);
}

function securityContext(pod: KObject, name: string): Any {
  const c = containerNamed(pod, name);
  if (!c) return {};
  c.securityContext = { ...(c.securityContext ?? {}) };
  return c.securityContext;
}

function addCapability(pod: KObject, name: string, cap: string): void {
  const sc = securityContext(pod, name);
  sc.capabilities = { ...(sc.capabilities ?? {}), add: [...(sc.capabilities?.add ?? []), cap] };
}

/** mountRootPartition: the host's / at /host (regular containers only). */
function mountRootPartition(pod: KObject, name: string): void {
  pod.spec.volumes = [...(pod.spec.volumes ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  const c = containerNamed(pod, name, true);
  if (c) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: '/host', name: 'host-root' }];
}

/** useHostNamespaces: the host's network, PID and IPC namespaces. */
function shareHostNamespaces(pod: KObject): void {
  pod.spec.hostNetwork = true;
  pod.spec.hostPID = true;
  pod.spec.hostIPC = true;
}

function shareProcessNamespace(pod: KObject): void {
  pod.spec.shareProcessNamespace ??= true;
}

function clearSecurityContext(pod: KObject, name: string): void {
  const c = containerNamed(pod, name);
  if (c) delete c.securityContext;
}

function removeForCopy(pod: KObject, keep: KeepFlags, labelsOnly = false): void {
  if (!keep.labels) delete pod.metadata.labels;
  if (labelsOnly) return;
  if (!keep.annotations) delete pod.metadata.annotations;
  for (const c of pod.spec.containers ?? []) {
    if (!keep.liveness) delete c.livenessProbe;
    if (!keep.readiness) delete c.readinessProbe;
    if (!keep.startup) delete c.startupProbe;
  }
  if (!keep.initContainers) delete pod.spec.initContainers;
}

/** ProfileApplier.Apply for the named profile (the pod is a fresh copy: it is changed in place). */
export function applyProfile(profile: string, keep: KeepFlags, pod: KObject, name: string, style: DebugStyle): void {
  switch (profile) {
    case 'legacy':
      if (style === 'node') {
        mountRootPartition(pod, name);
        shareHostNamespaces(pod);
      } else if (style === 'podCopy') removeForCopy(pod, { ...keep, labels: false }, true);
      return;
    case 'general':
      if (style === 'node') {
        mountRootPartition(pod, name);
        clearSecurityContext(pod, name);
        shareHostNamespaces(pod);
      } else if (style === 'podCopy') {
        removeForCopy(pod, keep);
        addCapability(pod, name, 'SYS_PTRACE');
        shareProcessNamespace(pod);
      } else addCapability(pod, name, 'SYS_PTRACE');
      return;
    case 'baseline':
    case 'restricted':
      clearSecurityContext(pod, name);
      if (profile === 'restricted') {
        const sc = securityContext(pod, name);
        sc.runAsNonRoot = true;
        sc.capabilities = { drop: ['ALL'] };
        sc.allowPrivilegeEscalation = false;
        sc.seccompProfile = { type: 'RuntimeDefault' };
      }
      if (style === 'podCopy') {
        removeForCopy(pod, keep);
        shareProcessNamespace(pod);
      }
      return;
    case 'netadmin':
    case 'sysadmin':
      if (profile === 'netadmin') {
        addCapability(pod, name, 'NET_ADMIN');
        addCapability(pod, name, 'NET_RAW');
      } else securityContext(pod, name).privileged = true;
      if (style === 'node') {
        shareHostNamespaces(pod);
        if (profile === 'sysadmin') mountRootPartition(pod, name);
      } else if (style === 'podCopy') {
        removeForCopy(pod, keep);
        shareProcessNamespace(pod);
      }
  }
}
