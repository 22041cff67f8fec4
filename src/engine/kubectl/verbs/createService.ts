/**
 * kubectl create service (clusterip, nodeport, loadbalancer, externalname) and kubectl create
 * ingress, as create_service.go and create_ingress.go build them — with kubectl's own checks
 * of ports, port names and rules, and its error words.
 */
import type { KObject } from '../../api/types';
import { KubectlError, str, stringArray, strings } from '../args';
import { namespaceOf, type VerbContext } from '../context';

const SERVICE_TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

/** What `kubectl create service` alone prints (cobra's help for a command with subcommands). */
const CREATE_SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16) and its error words. */
function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** validation.IsValidPortName (an IANA service name), its messages joined by commas as kubectl does. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (/[a-z]/.test(name) === false) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** create_service.go: ports from `--tcp=port[:targetPort]`, each named after its spec with ':' as '-'. */
export function serviceGenerator(ctx: VerbContext, sub: string | undefined, rest: string[]): KObject {
  if (!sub) throw new KubectlError(CREATE_SERVICE_HELP);
  const type = SERVICE_TYPES[sub];
  if (!type) throw new KubectlError(`error: unknown command "${[sub, ...rest].join(' ')}"\nSee 'kubectl create service -h' for help and examples`);
  const externalName = str(ctx.args, 'external-name');
  if (type === 'ExternalName' && externalName === undefined) throw new KubectlError('error: required flag(s) "external-name" not set');
  const name = rest[0];
  if (!name || rest.length > 1) throw new KubectlError(`error: exactly one NAME is required, got ${rest.length}\nSee 'kubectl create service ${sub} -h' for help and examples`);
  const clusterIP = str(ctx.args, 'clusterip');
  const tcp = strings(ctx.args, 'tcp').flatMap((t) => t.split(','));
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('error: at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(externalName!)) throw new KubectlError(`error: invalid service external name ${externalName}`);
  const nodePort = (ctx.args.flags.get('node-port') as number | undefined) ?? 0;
  const ports = tcp.map((spec) => {
    const [p, target] = spec.split(':');
    const port = parsePort(p);
    let targetPort: number | string = port;
    if (target !== undefined) {
      if (/^[+-]?[0-9]+$/.test(target)) {
        targetPort = Number(target);
        if (!(targetPort >= 1 && targetPort <= 65535)) throw new KubectlError('error: must be between 1 and 65535, inclusive');
      } else {
        const errs = portNameErrors(target);
        if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`);
        targetPort = target;
      }
    }
    const sp: Record<string, unknown> = { name: spec.replaceAll(':', '-'), port, protocol: 'TCP', targetPort };
    if (nodePort) sp.nodePort = nodePort;
    return sp;
  });
  const spec: Record<string, unknown> = { selector: { app: name }, type };
  if (ports.length) spec.ports = ports;
  if (externalName) spec.externalName = externalName;
  if (clusterIP) spec.clusterIP = clusterIP;
  return { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name, namespace: namespaceOf(ctx) }, spec };
}

/** create_ingress.go's rule syntax: host/path=svcname:svcport[,tls[=secret]] (Go's \w is [0-9A-Za-z_]). */
const INGRESS_RULE = /^([\w*.-]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** intstr.Parse: a number is a port number, anything else a port name. */
function backendPort(port: string): Record<string, unknown> {
  return /^[+-]?[0-9]+$/.test(port) && Number.isSafeInteger(Number(port)) ? { number: Number(port) } : { name: port };
}

function backend(service: string): Record<string, unknown> {
  const [name, port] = service.split(':');
  return { service: { name, port: backendPort(port) } };
}

/** `create ingress NAME --rule=… [--class] [--default-backend=svc:port] [--annotation=k=v]`, as create_ingress.go builds it. */
export function ingressGenerator(ctx: VerbContext, name: string): KObject {
  const rules = stringArray(ctx.args, 'rule');
  const defaultBackend = str(ctx.args, 'default-backend') ?? '';
  const annotationFlags = stringArray(ctx.args, 'annotation');
  if (!defaultBackend && rules.length === 0) throw new KubectlError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  for (const r of rules) if (!INGRESS_RULE.test(r)) throw new KubectlError(`error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of annotationFlags) if (!a.includes('=')) throw new KubectlError(`error: annotation ${a} is invalid and should be in format key=[value]`);
  if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('error: default-backend should be in format servicename:serviceport');

  const spec: Record<string, unknown> = {};
  const klass = str(ctx.args, 'class');
  if (klass) spec.ingressClassName = klass;
  if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
  // TLS: one entry per secret, gathering the hosts of the rules that name it (buildTLSRules).
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seenHosts = new Set<string>();
  for (const r of rules) {
    const parts = r.split(',');
    if (parts.length !== 2) continue;
    const host = r.split('/')[0];
    const secret = parts[1].split('=')[1] ?? '';
    if (seenHosts.has(host)) continue;
    seenHosts.add(host);
    const same = tls.find((t) => (t.secretName ?? '') === secret);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }
  if (tls.length) spec.tls = tls;
  // Rules: one per host, its paths in the order given; `path*` is a Prefix path, else Exact.
  const httpRules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const r of rules) {
    const withoutTls = r.split(',')[0];
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const [pathPart, service] = withoutTls.slice(slash + 1).split('=');
    let path = `/${pathPart}`;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const p = { backend: backend(service), path, pathType };
    const existing = httpRules.find((x) => (x.host ?? '') === host);
    if (existing) existing.http.paths.push(p);
    else httpRules.push({ ...(host ? { host } : {}), http: { paths: [p] } });
  }
  if (httpRules.length) spec.rules = httpRules;
  const metadata: Record<string, unknown> = { name, namespace: namespaceOf(ctx) };
  if (annotationFlags.length) metadata.annotations = Object.fromEntries(annotationFlags.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: metadata as KObject['metadata'], spec };
}
