/** kubectl describe service / namespace / configmap / secret, and a generic fallback. */
import type { KObject } from '../../api/types';
import type { EventRecord } from '../../api/events';
import { quotaCell } from '../printers/columns';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline, rfc1123z } from './writer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/**
 * A port's endpoints as kubectl 1.32 prints them (describe.go formatEndpointSlices): read from
 * the Service's EndpointSlices in their listed order, ready addresses only, at most three and
 * "+ N more..." after.
 */
export function formatEndpointSlices(slices: KObject[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const add = (text: string) => {
    if (list.length === max) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const endpoints: Any[] = (slice as Any).endpoints ?? [];
    const ports: Any[] = (slice as Any).ports ?? [];
    const ready = (ep: Any) => ep.conditions?.ready === undefined || ep.conditions?.ready === null || ep.conditions.ready === true;
    if (ports.length === 0) {
      for (const ep of endpoints) if (ready(ep)) add(ep.addresses[0]);
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== (portName ?? '')) continue;
      for (const ep of endpoints) if (ready(ep)) add(`${ep.addresses[0]}:${port.port}`);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export function describeService(svc: KObject, slices: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  const sel = Object.entries(spec.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  w.write(0, `Selector:\t${sel.length ? sel.map(([k, v]) => `${k}=${v}`).join(',') : '<none>'}\n`);
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  if (spec.ipFamilies) w.write(0, `IP Families:\t${spec.ipFamilies.join(',')}\n`);
  if (spec.clusterIP) {
    w.write(0, `IP:\t${spec.clusterIP}\n`);
    w.write(0, `IPs:\t${(spec.clusterIPs ?? [spec.clusterIP]).join(',')}\n`);
  }
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  const ingress: Any[] = svc.status?.loadBalancer?.ingress ?? [];
  // buildIngressString: the address, and its ipMode (VIP or Proxy) where the load balancer says.
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip || i.hostname}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}\n`);
  if (spec.type === 'ExternalName') w.write(0, `External Name:\t${spec.externalName}\n`);
  for (const p of spec.ports ?? []) {
    w.write(0, `Port:\t${p.name || '<unset>'}\t${p.port}/${p.protocol ?? 'TCP'}\n`);
    w.write(0, `TargetPort:\t${p.targetPort}/${p.protocol ?? 'TCP'}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${p.name || '<unset>'}\t${p.nodePort}/${p.protocol ?? 'TCP'}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  eventsSection(w, events, now);
}

/** describeNamespace: status and conditions, then the namespace's quotas and limit ranges. */
export function describeNamespace(ns: KObject, quotas: KObject[], limitRanges: KObject[], w: DescribeWriter): void {
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  const conditions = (ns.status?.conditions ?? []) as Any[];
  if (conditions.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(0, '\n');
  if (quotas.length === 0) w.write(0, 'No resource quota.\n');
  else {
    w.write(0, 'Resource Quotas\n');
    for (const q of [...quotas].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
      w.write(1, `Name:\t${q.metadata.name}\n`);
      const scopes = [...((q.spec?.scopes ?? []) as string[])].sort();
      if (scopes.length) w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      w.write(1, 'Resource\tUsed\tHard\n');
      w.write(1, '--------\t---\t---\n');
      const hard = (q.status?.hard ?? {}) as Record<string, string>;
      for (const r of Object.keys(hard).sort()) w.write(1, `${r}\t${q.status?.used?.[r] ?? '0'}\t${hard[r]}\n`);
    }
  }
  w.write(0, '\n');
  if (limitRanges.length === 0) w.write(0, 'No LimitRange resource.\n');
  else {
    w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    for (const l of limitRanges) limitRangeRows(w, l, ' ');
  }
}

/** describeLimitRangeSpec: one row per limit type and resource, `-` where nothing is set. */
function limitRangeRows(w: DescribeWriter, l: KObject, prefix: string): void {
  for (const item of (l.spec?.limits as Any[]) ?? []) {
    const fields = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'];
    const resources = [...new Set(fields.flatMap((f) => Object.keys(item[f] ?? {})))].sort();
    for (const r of resources) w.write(0, `${prefix}${item.type}\t${r}\t${fields.map((f) => item[f]?.[r] ?? '-').join('\t')}\n`);
  }
}

export function describeConfigMap(cm: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data = (cm.data as Record<string, string>) ?? {};
  for (const k of Object.keys(data).sort()) w.write(0, `${k}:\n----\n${data[k]}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  const bin = (cm.binaryData as Record<string, string>) ?? {};
  for (const k of Object.keys(bin).sort()) w.write(0, `${k}: ${Math.floor((bin[k].length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
  eventsSection(w, events, now);
}

export function describeSecret(s: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', s.metadata.labels);
  annotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n`);
  w.write(0, '\nData\n====\n');
  const data = (s.data as Record<string, string>) ?? {};
  for (const k of Object.keys(data).sort()) {
    const len = atob(data[k]).length;
    w.write(0, `${k}:\t${len} bytes\n`);
  }
  void events;
  void now;
}

/**
 * camelcase.Split as kubectl vendors it (fatih/camelcase): runs of lower case, upper case and
 * digits, an upper-case run giving its last letter to the lower-case run after it
 * ("apiVersion" → api, Version; "podIPs" → pod, I, Ps).
 */
function camelSplit(s: string): string[] {
  const runs: string[] = [];
  const kind = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  for (const ch of s) {
    if (runs.length && kind(runs[runs.length - 1].slice(-1)) === kind(ch)) runs[runs.length - 1] += ch;
    else runs.push(ch);
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i] && kind(runs[i][0]) === 2 && kind(runs[i + 1][0]) === 1) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter(Boolean);
}

/** smartLabelFor: "creationTimestamp" → "Creation Timestamp", "uid" → "UID"; keys with other characters as they are. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

const GENERIC_SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

/** printUnstructuredContent: every field, sorted, maps and lists nested one level deeper, no list markers. */
function printUnstructured(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (GENERIC_SKIP.includes(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printUnstructured(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
  }
}

/** Go's %v of a decoded JSON value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.keys(v as object).sort().map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  return String(v);
}

/** genericDescriber: for kinds kubectl has no describer for (Lease, VolumeAttachment, Event …). */
export function describeGeneric(obj: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printUnstructured(w, 0, obj as unknown as Record<string, unknown>, '');
  eventsSection(w, events, now);
}

/** kubectl describe quota: one row per hard resource, Used beside Hard. */
export function describeResourceQuota(q: KObject, w: DescribeWriter): void {
  w.write(0, `Name:\t${q.metadata.name}\n`);
  w.write(0, `Namespace:\t${q.metadata.namespace}\n`);
  if (q.spec?.scopes?.length) w.write(0, `Scopes:\t${q.spec.scopes.join(', ')}\n`);
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  for (const r of Object.keys(q.status?.hard ?? q.spec?.hard ?? {}).sort()) w.write(0, `${r}\t${quotaCell(r, q.status?.used?.[r])}\t${quotaCell(r, (q.status?.hard ?? q.spec?.hard)[r])}\n`);
}

/** kubectl describe limitrange: a row per type and resource, "-" where nothing is set. */
export function describeLimitRange(l: KObject, w: DescribeWriter): void {
  w.write(0, `Name:\t${l.metadata.name}\n`);
  w.write(0, `Namespace:\t${l.metadata.namespace}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  limitRangeRows(w, l, '');
}

/** describeServiceAccount: its pull secrets, mountable secrets and (legacy) token secrets. */
export function describeServiceAccount(sa: KObject, tokens: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', sa.metadata.labels);
  annotationsMultiline(w, 'Annotations', sa.metadata.annotations);
  const names = (list: unknown) => ((list as { name: string }[] | undefined) ?? []).map((x) => x.name);
  // kubectl pads the three headers to one width and prints them in sorted order.
  const sections: [string, string[]][] = [
    ['Image pull secrets:', names(sa.imagePullSecrets)],
    ['Mountable secrets: ', names(sa.secrets)],
    ['Tokens:            ', tokens.map((t) => t.metadata.name!)],
  ];
  for (const [header, list] of sections) {
    if (list.length === 0) w.write(0, `${header}\t<none>\n`);
    else list.forEach((n, i) => w.write(0, `${i === 0 ? header : '                   '}\t${n}\n`));
  }
  eventsSection(w, events, now);
}
