/** kubectl describe ingress and networkpolicy (pkg/describe IngressDescriber.describeIngressV1, NetworkPolicyDescriber, as in v1.32). */
import type { KObject } from '../../api/types';
import type { ObjectStore } from '../../api/store';
import type { EventRecord } from '../../api/events';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline } from './writer';
import { formatLabelSelector } from '../../api/labels';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/**
 * formatEndpointSlices: ready endpoints as ip:port for the Service ports named in `ports`, at most
 * three, then "+ N more...".
 */
export function formatEndpointSlices(slices: KObject[], ports: Set<string>): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = (slice.endpoints ?? []) as Any[];
    const slicePorts = (slice.ports ?? []) as Any[];
    const add = (text: string, ready: boolean) => {
      if (list.length === max) more = true;
      if (!ready) return;
      if (!more) list.push(text);
      count++;
    };
    if (slicePorts.length === 0) {
      for (const e of endpoints) add(e.addresses[0], e.conditions?.ready !== false);
    } else {
      for (const p of slicePorts) {
        if (!ports.has(p.name ?? '')) continue;
        for (const e of endpoints) add(`${e.addresses[0]}:${p.port}`, e.conditions?.ready !== false);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function serviceBackend(b: Any): string {
  return `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;
}

function describeBackend(store: ObjectStore, ns: string, backend: Any): string {
  if (backend?.service) {
    const sb = serviceBackend(backend.service);
    const svc = store.get('services', ns, backend.service.name);
    if (!svc) return `${sb} (<error: services "${backend.service.name}" not found>)`;
    let name = '';
    for (const sp of (svc.spec?.ports ?? []) as Any[]) {
      if (backend.service.port?.number && backend.service.port.number === sp.port) name = sp.name ?? '';
      else if (backend.service.port?.name && backend.service.port.name === sp.name) name = sp.name;
    }
    const slices = store.list('endpointslices', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === backend.service.name);
    return `${sb} (${formatEndpointSlices(slices, new Set([name]))})`;
  }
  if (backend?.resource) return `APIGroup: ${backend.resource.apiGroup ?? '<none>'}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  return '';
}

export function describeIngress(ing: KObject, store: ObjectStore, w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec: Any = ing.spec ?? {};
  const ns = ing.metadata.namespace!;
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  const addresses = [...new Set(((ing.status?.loadBalancer?.ingress ?? []) as Any[]).map((i) => i.ip || i.hostname).filter(Boolean))].sort();
  w.write(0, `Address:\t${addresses.join(',')}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const def = spec.defaultBackend ? describeBackend(store, ns, spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls as Any[]) w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of (spec.rules ?? []) as Any[]) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const path of rule.http.paths ?? []) w.write(2, `\t${path.path ?? ''} \t${describeBackend(store, ns, path.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  annotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  eventsSection(w, events, now);
}

export function describeIngressClass(ic: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec: Any = ic.spec ?? {};
  w.write(0, `Name:\t${ic.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ic.metadata.labels);
  annotationsMultiline(w, 'Annotations', ic.metadata.annotations);
  w.write(0, `Controller:\t${spec.controller ?? ''}\n`);
  if (spec.parameters) {
    w.write(0, 'Parameters:\n');
    if (spec.parameters.apiGroup !== undefined) w.write(1, `APIGroup:\t${spec.parameters.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.parameters.kind ?? ''}\n`);
    w.write(1, `Name:\t${spec.parameters.name ?? ''}\n`);
  }
  eventsSection(w, events, now);
}

export function describeEndpoints(ep: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', ep.metadata.labels);
  annotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of (ep.subsets ?? []) as Any[]) {
    const ips = (list: Any[] | undefined) => (list ?? []).map((a) => a.ip).join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    if (subset.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of subset.ports as Any[]) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  eventsSection(w, events, now);
}

export function describeEndpointSlice(eps: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', eps.metadata.labels);
  annotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports = (eps.ports ?? []) as Any[];
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
  }
  const endpoints = (eps.endpoints ?? []) as Any[];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  eventsSection(w, events, now);
}

/** Go's time.Time.String() of a metav1.Time in UTC: "2026-03-02 09:05:01 +0000 UTC". */
function goTimeString(iso: string | undefined): string {
  if (!iso) return '0001-01-01 00:00:00 +0000 UTC';
  return `${iso.replace('T', ' ').replace(/(\.\d*?)0*Z$/, '$1').replace(/\.?Z$/, '').replace(/\.$/, '')} +0000 UTC`;
}

/** The ports and peers of NetworkPolicy rules (printNetworkPolicySpecIngressFrom / …EgressTo). */
function networkPolicyRules(w: DescribeWriter, rules: Any[] | undefined, direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  const [peersKey, peerTitle, anyPeer] = direction === 'ingress' ? ['from', 'From', 'From: <any> (traffic not restricted by source)'] : ['to', 'To', 'To: <any> (traffic not restricted by destination)'];
  if (!rules?.length) return void w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
  rules.forEach((rule, i) => {
    const ports: Any[] = rule?.ports ?? [];
    if (!ports.length) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      // %s of a nil *IntOrString prints <nil>.
      const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port);
      const proto = p.protocol ?? 'TCP';
      w.write(0, p.endPort === undefined ? `${indent}To Port: ${port}/${proto}\n` : `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers: Any[] = rule?.[peersKey] ?? [];
    if (!peers.length) w.write(0, `${indent}${anyPeer}\n`);
    for (const peer of peers) {
      w.write(0, `${indent}${peerTitle}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector) w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      else if (peer.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      else if (peer.ipBlock) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ''}\n`);
        w.write(2, `${indent}Except: ${((peer.ipBlock.except as string[]) ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** kubectl describe networkpolicy (pkg/describe describeNetworkPolicy, as in v1.32): no events. */
export function describeNetworkPolicy(np: KObject, w: DescribeWriter): void {
  const spec: Any = np.spec ?? {};
  w.write(0, `Name:\t${np.metadata.name}\n`);
  w.write(0, `Namespace:\t${np.metadata.namespace}\n`);
  w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', np.metadata.labels);
  annotationsMultiline(w, 'Annotations', np.metadata.annotations);
  w.write(0, 'Spec:\n');
  // The describer writes the label and the value as two prefixed writes: the value gets its own indent.
  w.write(1, 'PodSelector: ');
  const sel = spec.podSelector ?? {};
  const empty = Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
  w.write(2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(sel)}\n`);
  const types: string[] = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    networkPolicyRules(w, spec.ingress, 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    networkPolicyRules(w, spec.egress, 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
}
