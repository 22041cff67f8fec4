/** networking.k8s.io/v1 Ingress and NetworkPolicy validation (pkg/apis/networking/validation), the rules learners trip on. */
import type { KObject } from '../types';
import { forbiddenField, invalidValue, labelValueErrors, qualifiedNameErrors, required, unsupported, validateLabels, type Errs } from './common';
import { cidrContains, parseCidr } from '../../util/cidr';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: Any, field: string, errs: Errs): void {
  if (b?.service && b?.resource) errs.push({ field, message: 'Invalid value: "": cannot set both resource and service backends' });
  else if (b?.service) {
    if (!b.service.name) errs.push(required(`${field}.service.name`));
    const port = b.service.port ?? {};
    if (port.name === undefined && port.number === undefined) errs.push(required(`${field}.service.port`, 'port name or number is required'));
  } else if (!b?.resource) errs.push(invalidValue(field, '', 'one backend (`service` or `resource`) must be specified'));
}

export function validateIngress(obj: KObject, errs: Errs): void {
  const spec: Any = obj.spec ?? {};
  const rules: Any[] = spec.rules ?? [];
  if (!spec.defaultBackend && rules.length === 0) errs.push({ field: 'spec', message: 'Invalid value: "": either `defaultBackend` or `rules` must be specified' });
  if (spec.defaultBackend) validateBackend(spec.defaultBackend, 'spec.defaultBackend', errs);
  rules.forEach((rule, i) => {
    const rf = `spec.rules[${i}]`;
    if (rule.host !== undefined) {
      const host = String(rule.host);
      const bare = host.startsWith('*.') ? host.slice(2) : host;
      if (host.includes('*') && !host.startsWith('*.')) errs.push(invalidValue(`${rf}.host`, host, "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
      else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(bare) || /^\d+\.\d+\.\d+\.\d+$/.test(host)) {
        errs.push(invalidValue(`${rf}.host`, host, /^\d+\.\d+\.\d+\.\d+$/.test(host) ? 'must be a DNS name, not an IP address' : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
      }
    }
    const paths: Any[] = rule.http?.paths ?? [];
    if (rule.http && paths.length === 0) errs.push(required(`${rf}.http.paths`));
    paths.forEach((p, j) => {
      const pf = `${rf}.http.paths[${j}]`;
      if (!p.pathType) errs.push(required(`${pf}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(p.pathType)) errs.push(unsupported(`${pf}.pathType`, p.pathType, PATH_TYPES));
      if (p.path !== undefined && !String(p.path).startsWith('/')) errs.push(invalidValue(`${pf}.path`, p.path, "must be an absolute path"));
      validateBackend(p.backend, `${pf}.backend`, errs);
    });
  });
}

/** metav1 validation.ValidateLabelSelector: matchLabels as labels, then each requirement. */
export function validateLabelSelector(sel: Any, field: string, errs: Errs): void {
  if (!sel || typeof sel !== 'object') return;
  validateLabels(sel.matchLabels, `${field}.matchLabels`, errs);
  ((sel.matchExpressions as Any[]) ?? []).forEach((e, i) => {
    const ef = `${field}.matchExpressions[${i}]`;
    const values: unknown[] = e?.values ?? [];
    if (e?.operator === 'In' || e?.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${ef}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e?.operator === 'Exists' || e?.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbiddenField(`${ef}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else errs.push(invalidValue(`${ef}.operator`, e?.operator ?? '', 'not a valid selector operator'));
    for (const m of qualifiedNameErrors(String(e?.key ?? ''))) errs.push(invalidValue(`${ef}.key`, e?.key ?? '', m));
    values.forEach((v, j) => {
      for (const m of labelValueErrors(String(v))) errs.push(invalidValue(`${ef}.values[${j}]`, v, m));
    });
  });
}

/** validation.IsValidPortName (IANA_SVC_NAME). */
function portNameErrors(port: string): string[] {
  const out: string[] = [];
  if (port.length > 15) out.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  else if (!/[a-z]/.test(port)) out.push('must contain at least one letter (a-z)');
  if (port.includes('--')) out.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) out.push('must not begin or end with a hyphen');
  return out;
}

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const validPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;

/** ValidateNetworkPolicyPort: protocol, a numeric or named port, and endPort only after a number. */
function validateNetworkPolicyPort(p: Any, field: string, errs: Errs): void {
  const protocols = ['TCP', 'UDP', 'SCTP'];
  if (p?.protocol !== undefined && !protocols.includes(p.protocol)) errs.push(unsupported(`${field}.protocol`, p.protocol, protocols));
  if (p?.port !== undefined && p.port !== null) {
    if (typeof p.port === 'number') {
      if (!validPort(p.port)) errs.push(invalidValue(`${field}.port`, p.port, PORT_RANGE));
      if (p.endPort !== undefined) {
        if (p.endPort < p.port) errs.push(invalidValue(`${field}.endPort`, p.endPort, 'must be greater than or equal to `port`'));
        if (!validPort(p.endPort)) errs.push(invalidValue(`${field}.endPort`, p.endPort, PORT_RANGE));
      }
    } else {
      if (p.endPort !== undefined) errs.push(invalidValue(`${field}.endPort`, p.endPort, 'may not be specified when `port` is non-numeric'));
      for (const m of portNameErrors(String(p.port))) errs.push(invalidValue(`${field}.port`, String(p.port), m));
    }
  } else if (p?.endPort !== undefined) errs.push(invalidValue(`${field}.endPort`, p.endPort, 'may not be specified when `port` is not specified'));
}

/** ValidateIPBlock (v1.32): a CIDR, and each except a strict subset of it. */
function validateIPBlock(b: Any, field: string, errs: Errs): void {
  if (!b.cidr) return void errs.push(required(`${field}.cidr`, ''));
  const cidr = parseCidr(String(b.cidr));
  if (!cidr) return void errs.push(invalidValue(`${field}.cidr`, b.cidr, 'not a valid CIDR'));
  for (const [i, except] of ((b.except as unknown[]) ?? []).entries()) {
    const ef = `${field}.except[${i}]`;
    const e = parseCidr(String(except));
    // The API server stops at the first except that does not parse.
    if (!e) return void errs.push(invalidValue(ef, except, 'not a valid CIDR'));
    if (!cidrContains(cidr, { family: e.family, value: e.network }) || cidr.prefix >= e.prefix) errs.push(invalidValue(ef, except, 'must be a strict subset of `cidr`'));
  }
}

/** ValidateNetworkPolicyPeer: at least one of the three; ipBlock stands alone. */
function validateNetworkPolicyPeer(peer: Any, field: string, errs: Errs): void {
  let peers = 0;
  if (peer?.podSelector) {
    peers++;
    validateLabelSelector(peer.podSelector, `${field}.podSelector`, errs);
  }
  if (peer?.namespaceSelector) {
    peers++;
    validateLabelSelector(peer.namespaceSelector, `${field}.namespaceSelector`, errs);
  }
  if (peer?.ipBlock) {
    peers++;
    validateIPBlock(peer.ipBlock, `${field}.ipBlock`, errs);
  }
  if (peers === 0) errs.push(required(field, 'must specify a peer'));
  else if (peers > 1 && peer.ipBlock) errs.push(forbiddenField(field, 'may not specify both ipBlock and another peer'));
}

/** ValidateNetworkPolicySpec (pkg/apis/networking/validation). */
export function validateNetworkPolicy(obj: KObject, errs: Errs): void {
  const spec: Any = obj.spec ?? {};
  validateLabelSelector(spec.podSelector, 'spec.podSelector', errs);
  for (const [dir, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    ((spec[dir] as Any[]) ?? []).forEach((rule, i) => {
      const rf = `spec.${dir}[${i}]`;
      ((rule?.ports as Any[]) ?? []).forEach((p, j) => validateNetworkPolicyPort(p, `${rf}.ports[${j}]`, errs));
      ((rule?.[peersKey] as Any[]) ?? []).forEach((p, j) => validateNetworkPolicyPeer(p, `${rf}.${peersKey}[${j}]`, errs));
    });
  }
  const types: unknown[] = spec.policyTypes ?? [];
  if (types.length > 2) {
    // The API server quotes the Go slice it was given.
    errs.push({ field: 'spec.policyTypes', message: `Invalid value: []networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}: may not specify more than two policyTypes` });
    return;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(unsupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
}
