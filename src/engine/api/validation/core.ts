/** Validation of the core kinds other than Pod: Service, ConfigMap, Secret, Namespace, Node. */
import type { KObject } from '../types';
import { deepEqual } from '../../util/equal';
import { configKeyErrors, dns1123LabelErrors, duplicate, invalidValue, required, unsupported, validateLabels, type Errs } from './common';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const protocols = ['SCTP', 'TCP', 'UDP'];

export function validateService(obj: KObject, errs: Errs): void {
  const spec = obj.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!serviceTypes.includes(type)) errs.push(unsupported('spec.type', spec.type, serviceTypes));
  const ports: Any[] = spec.ports ?? [];
  if (ports.length === 0 && type !== 'ExternalName' && spec.clusterIP !== 'None') errs.push(required('spec.ports'));
  if (type === 'ExternalName' && !spec.externalName) errs.push(required('spec.externalName'));
  const names = new Set<string>();
  for (const [i, p] of ports.entries()) {
    const pp = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${pp}.name`));
    if (p.name) {
      // validateServicePort: a DNS-1123 label, so `80-8080` (what `create service --tcp=80:8080` names it) is valid.
      for (const e of dns1123LabelErrors(p.name)) errs.push(invalidValue(`${pp}.name`, p.name, e));
      if (names.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
      names.add(p.name);
    }
    if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(invalidValue(`${pp}.port`, p.port ?? 0, 'must be between 1 and 65535, inclusive'));
    if (p.protocol !== undefined && !protocols.includes(p.protocol)) errs.push(unsupported(`${pp}.protocol`, p.protocol, protocols));
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) {
      errs.push(invalidValue(`${pp}.targetPort`, p.targetPort, 'must be between 1 and 65535, inclusive'));
    }
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (type === 'ClusterIP') errs.push({ field: `${pp}.nodePort`, message: 'Forbidden: may not be used when `type` is \'ClusterIP\'' });
      else if (p.nodePort < 30000 || p.nodePort > 32767) {
        errs.push(invalidValue(`${pp}.nodePort`, p.nodePort, 'provided port is not in the valid range. The range of valid ports is 30000-32767'));
      }
    }
  }
  validateLabels(spec.selector, 'spec.selector', errs);
}

export function validateServiceUpdate(obj: KObject, old: KObject, errs: Errs): void {
  const oldIP = old.spec?.clusterIP;
  const newIP = obj.spec?.clusterIP;
  if (oldIP && newIP !== undefined && newIP !== '' && newIP !== oldIP) {
    errs.push(invalidValue('spec.clusterIPs[0]', [newIP], 'may not change once set'));
  }
}

function validateDataKeys(obj: KObject, errs: Errs): void {
  const seen = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) {
    for (const key of Object.keys((obj[field] as Record<string, unknown>) ?? {})) {
      for (const e of configKeyErrors(key)) errs.push(invalidValue(`${field}[${key}]`, key, e));
      if (field === 'binaryData' && seen.has(key)) errs.push(invalidValue(`data[${key}]`, key, 'duplicate of key present in binaryData'));
      seen.add(key);
    }
  }
  let size = 0;
  for (const field of ['data', 'binaryData']) for (const v of Object.values((obj[field] as Record<string, string>) ?? {})) size += String(v).length;
  if (size > 1024 * 1024) errs.push({ field: '', message: 'Too long: must have at most 1048576 bytes' });
}

export function validateConfigMap(obj: KObject, errs: Errs): void {
  validateDataKeys(obj, errs);
}

const base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function validateSecret(obj: KObject, errs: Errs): void {
  validateDataKeys(obj, errs);
  for (const [k, v] of Object.entries((obj.data as Record<string, unknown>) ?? {})) {
    if (typeof v !== 'string' || !base64Re.test(v)) errs.push(invalidValue(`data[${k}]`, '<secret contents redacted>', 'must be base64 encoded'));
  }
}

export function validateImmutableData(obj: KObject, old: KObject, errs: Errs): void {
  if (old.immutable === true) {
    if (!deepEqual(obj.data ?? {}, old.data ?? {})) errs.push({ field: 'data', message: 'Forbidden: field is immutable when `immutable` is set' });
    if (obj.immutable !== true) errs.push({ field: 'immutable', message: 'Forbidden: field is immutable when `immutable` is set' });
  }
}

export function validateNode(obj: KObject, errs: Errs): void {
  const effects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
  for (const [i, t] of (obj.spec?.taints ?? []).entries()) {
    if (!t.key) errs.push(required(`spec.taints[${i}].key`));
    if (!effects.includes(t.effect)) errs.push(unsupported(`spec.taints[${i}].effect`, t.effect ?? '', effects));
  }
}
