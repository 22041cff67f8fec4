/**
 * Table columns per resource type, as the API server's table convertor prints them
 * (pkg/printers/internalversion/printers.go). `wide` columns come after the default ones.
 *
 * Over 400 lines on purpose: a table with one entry per resource type, as upstream's
 * printers.go is one file; split, a type's columns would be harder to find.
 */
import type { KObject } from '../../api/types';
import { formatLabelSelector, formatLabels, formatSelector } from '../../api/labels';
import { ageSince, humanDuration } from '../duration';
import { podReady, podRestarts, podStatusReason } from './podstatus';
import type { EventRecord } from '../../api/events';
import { formatQuantity, quotaAmount } from '../../api/quotaUsage';
import { accessModesString } from '../../helpers/volumeutil';
import { isDefaultClass } from '../../api/defaultstorageclass';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface Columns {
  header: string[];
  wide: string[];
  row(obj: KObject, now: number): string[];
  wideRow(obj: KObject, now: number): string[];
}

const age = (o: KObject, now: number) => ageSince(now, o.metadata.creationTimestamp);
const none = (s: string | undefined) => (s ? s : '<none>');

function containersAndImages(template: Any): [string, string] {
  const cs: Any[] = template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

const pods: Columns = {
  header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (p, now) => [p.metadata.name!, podReady(p), podStatusReason(p), podRestarts(p, now), age(p, now)],
  wideRow: (p) => {
    const gates: Any[] = p.spec?.readinessGates ?? [];
    const gateText = gates.length
      ? `${gates.filter((g) => (p.status?.conditions ?? []).some((c: Any) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [none(p.status?.podIP), none(p.spec?.nodeName), none(p.status?.nominatedNodeName), gateText];
  },
};

const deployments: Columns = {
  header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => [d.metadata.name!, `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, String(d.status?.updatedReplicas ?? 0), String(d.status?.availableReplicas ?? 0), age(d, now)],
  wideRow: (d) => [...containersAndImages(d.spec?.template), formatSelector(d.spec?.selector)],
};

const replicasets: Columns = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (r, now) => [r.metadata.name!, String(r.spec?.replicas ?? 0), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(r, now)],
  wideRow: (r) => [...containersAndImages(r.spec?.template), formatSelector(r.spec?.selector)],
};

const replicationcontrollers: Columns = {
  header: replicasets.header,
  wide: replicasets.wide,
  row: replicasets.row,
  wideRow: (r) => [...containersAndImages(r.spec?.template), formatLabels(r.spec?.selector)],
};

const daemonsets: Columns = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => {
    const sel = Object.entries((d.spec?.template?.spec?.nodeSelector as Record<string, string>) ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const st = d.status ?? {};
    return [d.metadata.name!, String(st.desiredNumberScheduled ?? 0), String(st.currentNumberScheduled ?? 0), String(st.numberReady ?? 0), String(st.updatedNumberScheduled ?? 0), String(st.numberAvailable ?? 0), sel || '<none>', age(d, now)];
  },
  wideRow: (d) => [...containersAndImages(d.spec?.template), formatSelector(d.spec?.selector)],
};

/** Job STATUS: Complete, Failed, Terminating, Suspended or Running (printJob). */
function jobStatus(j: KObject): string {
  const has = (t: string) => (j.status?.conditions ?? []).some((c: Any) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (j.metadata.deletionTimestamp) return 'Terminating';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (j.spec?.suspend) return 'Suspended';
  return 'Running';
}

const jobs: Columns = {
  header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (j, now) => {
    const succeeded = j.status?.succeeded ?? 0;
    const completions = j.spec?.completions;
    const parallelism = j.spec?.parallelism ?? 1;
    const comp = completions !== undefined && completions !== null ? `${succeeded}/${completions}` : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    const start = j.status?.startTime ? Date.parse(j.status.startTime) : undefined;
    const end = j.status?.completionTime ? Date.parse(j.status.completionTime) : now;
    return [j.metadata.name!, jobStatus(j), comp, start === undefined ? '' : humanDuration(end - start), age(j, now)];
  },
  wideRow: (j) => [...containersAndImages(j.spec?.template), formatSelector(j.spec?.selector)],
};

const cronjobs: Columns = {
  header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (cj, now) => [
    cj.metadata.name!,
    cj.spec?.schedule ?? '',
    cj.spec?.timeZone ?? '<none>',
    cj.spec?.suspend ? 'True' : 'False',
    String((cj.status?.active ?? []).length),
    cj.status?.lastScheduleTime ? ageSince(now, cj.status.lastScheduleTime) : '<none>',
    age(cj, now),
  ],
  wideRow: (cj) => [...containersAndImages(cj.spec?.jobTemplate?.spec?.template), formatSelector(cj.spec?.jobTemplate?.spec?.selector)],
};

const statefulsets: Columns = {
  header: ['NAME', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES'],
  row: (s, now) => [s.metadata.name!, `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`, age(s, now)],
  wideRow: (s) => containersAndImages(s.spec?.template),
};

/** "a, b, c + N more..." as kubectl's endpoint printers shorten long lists (max 3). */
function firstThree(items: string[]): string {
  if (!items.length) return '<none>';
  return items.length > 3 ? `${items.slice(0, 3).join(',')} + ${items.length - 3} more...` : items.join(',');
}

const endpoints: Columns = {
  header: ['NAME', 'ENDPOINTS', 'AGE'],
  wide: [],
  row: (e, now) => {
    const list: string[] = [];
    // formatEndpoints: for each subset, for each port, every ready address.
    for (const sub of (e.subsets as Any[]) ?? []) {
      const ports: Any[] = sub.ports?.length ? sub.ports : [{ port: undefined }];
      for (const p of ports) for (const a of sub.addresses ?? []) list.push(p.port === undefined ? a.ip : `${a.ip}:${p.port}`);
    }
    return [e.metadata.name!, firstThree(list), age(e, now)];
  },
  wideRow: () => [],
};

const endpointslices: Columns = {
  header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wide: [],
  row: (s, now) => {
    const ports = ((s.ports as Any[]) ?? []).map((p) => String(p.port ?? '')).filter(Boolean);
    const addrs = ((s.endpoints as Any[]) ?? []).flatMap((e) => e.addresses ?? []);
    return [s.metadata.name!, String(s.addressType ?? ''), ports.length ? ports.join(',') : '<unset>', firstThree(addrs), age(s, now)];
  },
  wideRow: () => [],
};

export function servicePorts(s: KObject): string {
  const ports: Any[] = s.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

export function serviceExternalIP(s: KObject): string {
  const type = s.spec?.type ?? 'ClusterIP';
  const external: string[] = s.spec?.externalIPs ?? [];
  if (type === 'ExternalName') return s.spec?.externalName ?? '<none>';
  if (type === 'LoadBalancer') {
    const ingress: Any[] = s.status?.loadBalancer?.ingress ?? [];
    const ips = [...ingress.map((i) => i.ip ?? i.hostname), ...external];
    return ips.length ? ips.join(',') : '<pending>';
  }
  return external.length ? external.join(',') : '<none>';
}

const services: Columns = {
  header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wide: ['SELECTOR'],
  row: (s, now) => [s.metadata.name!, s.spec?.type ?? 'ClusterIP', s.spec?.clusterIP || '<none>', serviceExternalIP(s), servicePorts(s), age(s, now)],
  wideRow: (s) => [
    Object.keys(s.spec?.selector ?? {}).length
      ? Object.entries(s.spec.selector)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : '<none>',
  ],
};

export function nodeStatus(n: KObject): string {
  const ready = (n.status?.conditions ?? []).find((c: Any) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (n.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

export function nodeRoles(n: KObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

const nodes: Columns = {
  header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (n, now) => [n.metadata.name!, nodeStatus(n), nodeRoles(n), age(n, now), n.status?.nodeInfo?.kubeletVersion ?? ''],
  wideRow: (n) => {
    const addr = (t: string) => (n.status?.addresses ?? []).find((a: Any) => a.type === t)?.address;
    const info = n.status?.nodeInfo ?? {};
    return [none(addr('InternalIP')), none(addr('ExternalIP')), info.osImage ?? '<unknown>', info.kernelVersion ?? '<unknown>', info.containerRuntimeVersion ?? '<unknown>'];
  },
};

const namespaces: Columns = {
  header: ['NAME', 'STATUS', 'AGE'],
  wide: [],
  row: (n, now) => [n.metadata.name!, n.status?.phase ?? 'Active', age(n, now)],
  wideRow: () => [],
};

const configmaps: Columns = {
  header: ['NAME', 'DATA', 'AGE'],
  wide: [],
  row: (c, now) => [c.metadata.name!, String(Object.keys((c.data as object) ?? {}).length + Object.keys((c.binaryData as object) ?? {}).length), age(c, now)],
  wideRow: () => [],
};

const serviceaccounts: Columns = {
  header: ['NAME', 'SECRETS', 'AGE'],
  wide: [],
  row: (sa, now) => [sa.metadata.name!, String(((sa.secrets as unknown[]) ?? []).length), age(sa, now)],
  wideRow: () => [],
};

const secrets: Columns = {
  header: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wide: [],
  row: (s, now) => [s.metadata.name!, String(s.type ?? 'Opaque'), String(Object.keys((s.data as object) ?? {}).length), age(s, now)],
  wideRow: () => [],
};

const leases: Columns = {
  header: ['NAME', 'HOLDER', 'AGE'],
  wide: [],
  row: (l, now) => [l.metadata.name!, l.spec?.holderIdentity ?? '', age(l, now)],
  wideRow: () => [],
};

/** REQUEST and LIMIT list `resource: used/hard`; names starting with `limits.` go under LIMIT. */
const resourcequotas: Columns = {
  header: ['NAME', 'AGE', 'REQUEST', 'LIMIT'],
  wide: [],
  row: (q, now) => {
    const request: string[] = [];
    const limit: string[] = [];
    for (const r of Object.keys(q.spec?.hard ?? {}).sort()) {
      const cell = `${r}: ${quotaCell(r, q.status?.used?.[r])}/${quotaCell(r, q.status?.hard?.[r])}`;
      (r.startsWith('limits.') ? limit : request).push(cell);
    }
    return [q.metadata.name!, age(q, now), request.join(', '), limit.join(', ')];
  },
  wideRow: () => [],
};

/** TARGETS as kubectl 1.32 prints them: `cpu: 53%/50%`, `requests-per-second: 40/50`. */
function hpaTargets(h: KObject): string {
  const specs: Any[] = h.spec?.metrics ?? [];
  if (!specs.length) return '<none>';
  const current: Any[] = h.status?.currentMetrics ?? [];
  const cells = specs.map((m) => {
    if (m.type === 'Resource' || m.type === 'ContainerResource') {
      const src = m.resource ?? m.containerResource;
      const cur = current.find((c) => c.type === m.type && (c.resource ?? c.containerResource)?.name === src.name)?.[m.type === 'Resource' ? 'resource' : 'containerResource']?.current;
      if (src.target?.type === 'Utilization') return `${src.name}: ${cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>'}/${src.target.averageUtilization}%`;
      return `${src.name}: ${cur?.averageValue ?? '<unknown>'}/${src.target?.averageValue}`;
    }
    if (m.type === 'Pods') {
      const cur = current.find((c) => c.type === 'Pods' && c.pods?.metric?.name === m.pods?.metric?.name)?.pods?.current;
      return `${m.pods?.metric?.name}: ${cur?.averageValue ?? '<unknown>'}/${m.pods?.target?.averageValue}`;
    }
    return '<unknown>';
  });
  return cells.length > 2 ? [...cells.slice(0, 2), `+ ${cells.length - 2} more...`].join(', ') : cells.join(', ');
}

/** An int-or-string as printed (`2`, `50%`), N/A when unset (printPodDisruptionBudget). */
const intOrPercent = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v));

const poddisruptionbudgets: Columns = {
  header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
  wide: [],
  row: (p, now) => [p.metadata.name!, intOrPercent(p.spec?.minAvailable), intOrPercent(p.spec?.maxUnavailable), String(p.status?.disruptionsAllowed ?? 0), age(p, now)],
  wideRow: () => [],
};

const horizontalpodautoscalers: Columns = {
  header: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
  wide: [],
  row: (h, now) => [
    h.metadata.name!,
    `${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`,
    hpaTargets(h),
    h.spec?.minReplicas !== undefined ? String(h.spec.minReplicas) : '<unset>',
    String(h.spec?.maxReplicas ?? ''),
    String(h.status?.currentReplicas ?? 0),
    age(h, now),
  ],
  wideRow: () => [],
};

/** printPriorityClass: AGE comes before PREEMPTIONPOLICY, as upstream appends the policy last. */
const priorityclasses: Columns = {
  header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
  wide: [],
  row: (pc, now) => {
    const o = pc as Any;
    return [pc.metadata.name!, String(o.value ?? 0), String(!!o.globalDefault), age(pc, now), String(o.preemptionPolicy ?? '')];
  },
  wideRow: () => [],
};

/** printNetworkPolicy: the pod selector as metav1.FormatLabelSelector prints it. */
const networkpolicies: Columns = {
  header: ['NAME', 'POD-SELECTOR', 'AGE'],
  wide: [],
  row: (np, now) => [np.metadata.name!, formatLabelSelector(np.spec?.podSelector), age(np, now)],
  wideRow: () => [],
};

const ingresses: Columns = {
  header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  wide: [],
  row: (i, now) => {
    const hosts = [...new Set(((i.spec?.rules as Any[]) ?? []).map((r) => r.host ?? '*'))];
    const address = ((i.status?.loadBalancer?.ingress as Any[]) ?? []).map((a) => a.ip ?? a.hostname).join(',');
    return [i.metadata.name!, i.spec?.ingressClassName ?? '<none>', hosts.length ? hosts.join(',') : '*', address, i.spec?.tls?.length ? '80, 443' : '80', age(i, now)];
  },
  wideRow: () => [],
};

const ingressclasses: Columns = {
  header: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
  wide: [],
  row: (c, now) => [c.metadata.name!, c.spec?.controller ?? '', c.spec?.parameters ? `${c.spec.parameters.kind}/${c.spec.parameters.name}` : '<none>', age(c, now)],
  wideRow: () => [],
};

/** A claim or volume being deleted shows Terminating instead of its phase. */
const storagePhase = (o: KObject) => (o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''));
const vac = (o: KObject) => o.spec?.volumeAttributesClassName ?? '<unset>';

const persistentvolumes: Columns = {
  header: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
  wide: ['VOLUMEMODE'],
  row: (pv, now) => {
    const ref = pv.spec?.claimRef;
    return [pv.metadata.name!, pv.spec?.capacity?.storage ?? '', accessModesString(pv.spec?.accessModes), pv.spec?.persistentVolumeReclaimPolicy ?? '', storagePhase(pv), ref?.name ? `${ref.namespace}/${ref.name}` : '', pv.spec?.storageClassName ?? '', vac(pv), pv.status?.reason ?? '', age(pv, now)];
  },
  wideRow: (pv) => [pv.spec?.volumeMode ?? 'Filesystem'],
};

const persistentvolumeclaims: Columns = {
  header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
  wide: ['VOLUMEMODE'],
  row: (pvc, now) => {
    const bound = !!pvc.spec?.volumeName && pvc.status?.phase === 'Bound';
    return [pvc.metadata.name!, storagePhase(pvc), pvc.spec?.volumeName ?? '', bound ? (pvc.status?.capacity?.storage ?? '') : '', bound ? accessModesString(pvc.status?.accessModes) : '', pvc.spec?.storageClassName ?? '', vac(pvc), age(pvc, now)];
  },
  wideRow: (pvc) => [pvc.spec?.volumeMode ?? 'Filesystem'],
};

const storageclasses: Columns = {
  header: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wide: [],
  row: (sc, now) => {
    const o = sc as Any;
    return [isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name!, String(o.provisioner ?? ''), String(o.reclaimPolicy ?? 'Delete'), String(o.volumeBindingMode ?? 'Immediate'), String(!!o.allowVolumeExpansion), age(sc, now)];
  },
  wideRow: () => [],
};

const volumeattachments: Columns = {
  header: ['NAME', 'ATTACHER', 'PV', 'NODE', 'ATTACHED', 'AGE'],
  wide: [],
  row: (va, now) => [va.metadata.name!, va.spec?.attacher ?? '', va.spec?.source?.persistentVolumeName ?? '', va.spec?.nodeName ?? '', String(!!va.status?.attached), age(va, now)],
  wideRow: () => [],
};

export const quotaCell = (r: string, v: unknown) => formatQuantity(r, quotaAmount(r, v ?? '0'));

const limitranges: Columns = {
  header: ['NAME', 'CREATED AT'],
  wide: [],
  row: (l) => [l.metadata.name!, l.metadata.creationTimestamp ?? ''],
  wideRow: () => [],
};

/** Roles print when they were made, as an RFC 3339 time rather than an age (printRole). */
const roles: Columns = limitranges;

/** ROLE is `Kind/name`; -o wide lists the subjects by kind (printRoleBinding, rbac.SubjectsStrings). */
const rolebindings: Columns = {
  header: ['NAME', 'ROLE', 'AGE'],
  wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row: (b, now) => {
    const ref = b.roleRef as Any;
    return [b.metadata.name!, `${ref?.kind ?? ''}/${ref?.name ?? ''}`, age(b, now)];
  },
  wideRow: (b) => {
    const subjects: Any[] = (b.subjects as Any[]) ?? [];
    const named = (kind: string) => subjects.filter((s) => s.kind === kind).map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name ?? ''}` : (s.name ?? '')));
    return [named('User').join(', '), named('Group').join(', '), named('ServiceAccount').join(', ')];
  },
};

/** Event rows are built from the compact records (LAST SEEN with "(xN over …)"). */
export function eventRow(e: EventRecord, now: number, wide: boolean): string[] {
  let last = humanDuration(now - e.last);
  if (e.count > 1) last = `${last} (x${e.count} over ${humanDuration(now - e.first)})`;
  const object = `${e.involved.kind.toLowerCase()}/${e.involved.name}`;
  if (!wide) return [last, e.type, e.reason, object, e.message.trim()];
  const source = e.host ? `${e.component}, ${e.host}` : e.component;
  return [last, e.type, e.reason, object, e.involved.fieldPath ?? '', source, e.message.trim(), humanDuration(now - e.first), String(e.count), e.name];
}

export const EVENT_HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
export const EVENT_WIDE_HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

/** The API server's default table (rest.NewDefaultTableConvertor): the timestamp as it is stored. */
const customresourcedefinitions: Columns = {
  header: ['NAME', 'CREATED AT'],
  wide: [],
  row: (o) => [o.metadata.name!, o.metadata.creationTimestamp ?? ''],
  wideRow: () => [],
};

export const COLUMNS: Record<string, Columns> = {
  customresourcedefinitions, endpoints, endpointslices, serviceaccounts, pods, deployments, replicasets, daemonsets, statefulsets, jobs, cronjobs, services, nodes, namespaces, configmaps, secrets, leases, resourcequotas, limitranges, poddisruptionbudgets, priorityclasses, replicationcontrollers, horizontalpodautoscalers, ingresses, ingressclasses, networkpolicies, persistentvolumes, persistentvolumeclaims, storageclasses, volumeattachments, roles, clusterroles: roles, rolebindings, clusterrolebindings: rolebindings };
