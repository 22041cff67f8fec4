/** networking.k8s.io/v1 Ingress validation (pkg/apis/networking/validation), the rules learners trip on. */
import type { KObject } from '../types';
import { invalidValue, required, unsupported, type Errs } from './common';

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
