/**
 * kubectl create: from manifests (-f), or the generators learners use first —
 * `create deployment`, `create namespace`, `create configmap`, `create secret generic`,
 * `create job` (also `--from=cronjob/NAME`, to run a CronJob now), `create cronjob` and
 * `create service clusterip|nodeport|loadbalancer|externalname` and `create ingress --rule`.
 */
import type { KObject } from '../../api/types';
import { hasOwn, setOwn } from '../../util/own';
import { encodeBase64 } from '../../util/base64';
import { qualifiedKindName } from '../../api/registry';
import { KubectlError, bool, str, stringArray, strings, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { readManifests } from '../manifests';
import { checkOutput } from './get';
import { dryRunMode, prepare, reportApiError, withLastApplied } from './apply';
import { ApiError } from '../../api/errors';
import { printJson, printYaml } from '../printers/output';
import { parseImage } from '../../util/imageref';
import { parseQuantity } from '../../api/quantity';
import { parseGoDuration } from '../../util/cron';

export const CREATE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'image', type: 'strings' },
  { name: 'replicas', short: 'r', type: 'int', bits: 32 },
  { name: 'port', type: 'int', bits: 32 },
  { name: 'from-literal', type: 'strings' },
  { name: 'from-file', type: 'strings' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'hard', type: 'string' },
  { name: 'scopes', type: 'string' },
  { name: 'schedule', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'from', type: 'string' },
  { name: 'tcp', type: 'strings' },
  { name: 'clusterip', type: 'string' },
  { name: 'node-port', type: 'int', bits: 32 },
  { name: 'external-name', type: 'string' },
  { name: 'rule', type: 'strings' },
  { name: 'class', type: 'string' },
  { name: 'default-backend', type: 'string' },
  { name: 'annotation', type: 'strings' },
  { name: 'duration', type: 'string' },
  { name: 'audience', type: 'strings' },
];

/** The container name kubectl derives from an image: its last path part, without tag or digest. */
export function containerNameFromImage(image: string): string {
  const repo = parseImage(image).repository;
  return (repo.split('/').pop() ?? repo).replace(/[^a-z0-9-]/g, '-');
}

function literalPairs(values: string[], duplicate: (key: string) => string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${v}, expected key=value`);
    const key = v.slice(0, eq);
    if (hasOwn(data, key)) throw new KubectlError(`error: ${duplicate(key)}`);
    setOwn(data, key, v.slice(eq + 1));
  }
  return data;
}

function generate(ctx: VerbContext, what: string, name: string | undefined, rest: string[]): KObject {
  const ns = namespaceOf(ctx);
  const need = (usage: string) => {
    if (!name) throw new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${usage} -h' for help and examples`);
    return name;
  };
  switch (what) {
    case 'deployment':
    case 'deploy': {
      const n = need('deployment');
      const images = strings(ctx.args, 'image');
      if (images.length === 0) throw new KubectlError('error: required flag(s) "image" not set');
      const port = ctx.args.flags.get('port') as number | undefined;
      const containers = images.map((image) => {
        const c: Record<string, unknown> = { image, name: containerNameFromImage(image), resources: {} };
        if (port !== undefined) c.ports = [{ containerPort: port }];
        return c;
      });
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { labels: { app: n }, name: n, namespace: ns },
        spec: {
          replicas: (ctx.args.flags.get('replicas') as number | undefined) ?? 1,
          selector: { matchLabels: { app: n } },
          strategy: {},
          template: { metadata: { labels: { app: n } }, spec: { containers } },
        },
      };
    }
    case 'namespace':
    case 'ns':
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: need('namespace') }, spec: {} };
    case 'configmap':
    case 'cm': {
      const n = need('configmap');
      if (strings(ctx.args, 'from-file').length) throw new KubectlError('error: --from-file needs a file system, which this sandbox does not have; use --from-literal=key=value');
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n, namespace: ns }, data: literalPairs((ctx.args.flags.get('from-literal') as string[] | undefined) ?? [], (key) => `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${n}"`) };
    }
    case 'quota':
    case 'resourcequota': {
      const n = need('quota');
      const spec: Record<string, unknown> = {};
      const hard = str(ctx.args, 'hard');
      if (hard) {
        const list: Record<string, string> = {};
        for (const statement of hard.split(',')) {
          const parts = statement.split('=');
          if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
          if (parseQuantity(parts[1]) === undefined) throw new KubectlError('error: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
          list[parts[0]] = parts[1];
        }
        spec.hard = list;
      }
      const scopes = str(ctx.args, 'scopes');
      if (scopes) spec.scopes = scopes.split(',');
      return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: n, namespace: ns }, spec };
    }
    case 'job': {
      const n = need('job');
      const from = str(ctx.args, 'from');
      const image = strings(ctx.args, 'image')[0];
      // Exactly one of the two (create_job.go Validate: the same words for none and both).
      if (!image === !from) throw new KubectlError('error: either --image or --from must be specified');
      if (from) return jobFromCronJob(ctx, n, from);
      return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: n, namespace: ns },
        spec: { template: { metadata: {}, spec: { containers: [commandContainer(n, image, ctx.args.rest)], restartPolicy: 'Never' } } },
      };
    }
    case 'cronjob':
    case 'cj': {
      const image = strings(ctx.args, 'image')[0];
      const schedule = str(ctx.args, 'schedule');
      // cobra's required-flag check comes before the NAME check (create_cronjob.go marks both required).
      const missing = [image ? '' : '"image"', schedule ? '' : '"schedule"'].filter(Boolean);
      if (missing.length) throw new KubectlError(`error: required flag(s) ${missing.join(', ')} not set`);
      const n = need('cronjob');
      return {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: n, namespace: ns },
        spec: {
          jobTemplate: {
            metadata: { name: n },
            spec: { template: { metadata: {}, spec: { containers: [commandContainer(n, image, ctx.args.rest)], restartPolicy: str(ctx.args, 'restart') || 'OnFailure' } } },
          },
          schedule,
        },
      };
    }
    case 'service':
    case 'svc':
      return serviceGenerator(ctx, name, rest);
    case 'serviceaccount':
    case 'sa':
      return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: need('serviceaccount'), namespace: ns } };
    case 'ingress':
    case 'ing':
      return ingressGenerator(ctx, need('ingress'));
    case 'secret': {
      const [sub, secretName] = [name, rest[0]];
      if (sub !== 'generic') throw new KubectlError(`error: "kubectl create secret ${sub ?? ''}" is not available in this simulator; use "kubectl create secret generic NAME --from-literal=key=value"`);
      if (!secretName) throw new KubectlError("error: exactly one NAME is required, got 0\nSee 'kubectl create secret generic -h' for help and examples");
      const literals = literalPairs((ctx.args.flags.get('from-literal') as string[] | undefined) ?? [], (key) => `cannot add key ${key}, another key by that name already exists`);
      const data = Object.fromEntries(Object.entries(literals).map(([k, v]) => [k, encodeBase64(v)]));
      return { apiVersion: 'v1', kind: 'Secret', metadata: { name: secretName, namespace: ns }, data, type: str(ctx.args, 'type') ?? 'Opaque' };
    }
    default:
      throw new KubectlError(`error: "kubectl create ${what}" is not available in this simulator; write a manifest and use "kubectl apply -f" instead`);
  }
}

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
function serviceGenerator(ctx: VerbContext, sub: string | undefined, rest: string[]): KObject {
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
function ingressGenerator(ctx: VerbContext, name: string): KObject {
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

/** The one container `create job` and `create cronjob` write: named after the object, the words after `--` as its command. */
function commandContainer(name: string, image: string, command: string[]): Record<string, unknown> {
  const c: Record<string, unknown> = { image, name, resources: {} };
  if (command.length) c.command = command;
  return c;
}

/**
 * `create job NAME --from=cronjob/CRON`: the CronJob's job template run now, marked as started by
 * hand and owned by the CronJob (create_job.go createJobFromCronJob).
 */
function jobFromCronJob(ctx: VerbContext, name: string, from: string): KObject {
  const slash = from.indexOf('/');
  const kind = slash > 0 ? from.slice(0, slash).toLowerCase() : '';
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind)) throw new KubectlError('error: from must be an existing cronjob');
  const ns = namespaceOf(ctx);
  const cronName = from.slice(slash + 1);
  const cj = ctx.cluster.api.store.get('cronjobs', ns, cronName);
  if (!cj) throw new KubectlError(`Error from server (NotFound): cronjobs.batch "${cronName}" not found`);
  const template = cj.spec?.jobTemplate ?? {};
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const metadata: Record<string, unknown> = { name, namespace: ns, annotations, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }] };
  if (template.metadata?.labels) metadata.labels = template.metadata.labels;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: metadata as KObject['metadata'], spec: structuredClone(template.spec ?? {}) };
}

const GENERATOR_NOUN: Record<string, string> = { serviceaccount: 'serviceaccount', sa: 'serviceaccount', ingress: 'ingress', ing: 'ingress', job: 'job', cronjob: 'cronjob', cj: 'cronjob', deployment: 'deployment', deploy: 'deployment', configmap: 'configmap', cm: 'configmap', secret: 'secret', quota: 'quota', resourcequota: 'quota' };

const API_ISSUER = 'https://kubernetes.default.svc.cluster.local';

function base64url(text: string): string {
  return encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * `kubectl create token SA`: a TokenRequest for the account, answered with a JWT shaped as the
 * API server signs them (issuer, audience, expiry, the account and its uid). The signature is
 * random: nothing in the simulator verifies it.
 */
function createToken(ctx: VerbContext, name: string | undefined): void {
  if (!name) throw new KubectlError("error: exactly one NAME is required, got 0\nSee 'kubectl create token -h' for help and examples");
  const ns = namespaceOf(ctx);
  let seconds = 3600;
  const duration = str(ctx.args, 'duration');
  if (duration !== undefined) {
    let ms: number;
    try {
      ms = parseGoDuration(duration);
    } catch (e) {
      throw new KubectlError(`error: invalid argument "${duration}" for "--duration" flag: ${(e as Error).message}\nSee 'kubectl create token --help' for usage.`);
    }
    if (ms < 0) throw new KubectlError('error: --duration must be greater than or equal to 0');
    if (ms > 0) seconds = Math.floor(ms / 1000);
  }
  const sa = ctx.cluster.api.store.get('serviceaccounts', ns, name);
  if (!sa) throw new KubectlError(`error: failed to create token: serviceaccounts "${name}" not found`);
  if (seconds < 600) throw new KubectlError(`error: failed to create token: TokenRequest.authentication.k8s.io "${name}" is invalid: spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
  const rng = ctx.cluster.rng;
  const now = Math.floor(ctx.cluster.now() / 1000);
  const audiences = strings(ctx.args, 'audience');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const random = (n: number) => Array.from({ length: n }, () => alphabet[rng.int(64)]).join('');
  const header = { alg: 'RS256', kid: random(43) };
  const claims = {
    aud: audiences.length ? audiences : [API_ISSUER],
    exp: now + seconds,
    iat: now,
    iss: API_ISSUER,
    jti: rng.uuid(),
    'kubernetes.io': { namespace: ns, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: now,
    sub: `system:serviceaccount:${ns}:${name}`,
  };
  ctx.out.push(`${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${random(342)}\n`);
}

export function createCommand(ctx: VerbContext): void {
  if (ctx.args.positionals[0] === 'token') return createToken(ctx, ctx.args.positionals[1]);
  const output = str(ctx.args, 'output');
  checkOutput(output, ['json', 'name', 'yaml']);
  const mode = dryRunMode(ctx);
  const [what, name, ...rest] = ctx.args.positionals;
  const filenames = (ctx.args.flags.get('filename') as string[] | undefined) ?? [];
  if (!what && filenames.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const inputs: { obj: KObject; source: string }[] = what ? [{ obj: generate(ctx, what, name, rest), source: 'STDIN' }] : readManifests(ctx, filenames);
  const printed: KObject[] = [];
  for (const m of inputs) {
    try {
      let obj = what ? m.obj : prepare(ctx, m);
      if (bool(ctx.args, 'save-config')) obj = withLastApplied(obj);
      if (mode === 'client') {
        printed.push(clientDryRun(obj));
        if (!output) ctx.out.push(`${qualifiedKindName(ctx.cluster.api.typeOf(obj))}/${obj.metadata.name} created (dry run)\n`);
        continue;
      }
      const created = ctx.cluster.api.create(obj, 'kubectl', { dryRun: mode === 'server' });
      printed.push(created);
      if (!output) ctx.out.push(`${qualifiedKindName(ctx.cluster.api.typeOf(created))}/${created.metadata.name} created${mode === 'server' ? ' (server dry run)' : ''}\n`);
    } catch (err) {
      // The generator subcommands wrap server errors in their own words (create_deployment.go …).
      const noun = !what ? undefined : m.obj.kind === 'Service' ? `${m.obj.spec.type} service` : GENERATOR_NOUN[what];
      if (noun && err instanceof ApiError) {
        ctx.failed = true;
        ctx.err.push(`error: failed to create ${noun}: ${err.message}`);
      } else reportApiError(ctx, err, 'creating', m.source);
    }
  }
  if (output === 'yaml') ctx.out.push(printYaml(printed, printed.length === 1));
  else if (output === 'json') ctx.out.push(printJson(printed, printed.length === 1));
  else if (output === 'name') for (const o of printed) ctx.out.push(`${qualifiedKindName(ctx.cluster.api.typeOf(o))}/${o.metadata.name}\n`);
}

/** What `--dry-run=client -o yaml` prints: the object as the client would send it. */
export function clientDryRun(obj: KObject): KObject {
  const metadata: Record<string, unknown> = { creationTimestamp: null, ...obj.metadata };
  if (obj.kind !== 'Namespace' && obj.metadata.namespace === 'default') delete metadata.namespace;
  const out: KObject = { ...obj, metadata: metadata as KObject['metadata'] };
  // Go serialises every ObjectMeta's zero creationTimestamp as null, the nested templates' too.
  const withTemplateMeta = (spec: KObject['spec']) => (spec?.template ? { ...spec, template: { ...spec.template, metadata: { creationTimestamp: null, ...spec.template.metadata } } } : spec);
  if (out.spec?.template) out.spec = withTemplateMeta(out.spec);
  if (out.spec?.jobTemplate) out.spec = { ...out.spec, jobTemplate: { ...out.spec.jobTemplate, metadata: { creationTimestamp: null, ...out.spec.jobTemplate.metadata }, spec: withTemplateMeta(out.spec.jobTemplate.spec) } };
  if (['Deployment', 'Namespace', 'Pod', 'Job', 'CronJob'].includes(obj.kind)) out.status = {};
  if (obj.kind === 'Service' || obj.kind === 'Ingress') out.status = { loadBalancer: {} };
  return out;
}
