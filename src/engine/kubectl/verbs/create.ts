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
import { KubectlError, bool, str, strings, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { readManifests } from '../manifests';
import { ingressGenerator, serviceGenerator } from './createService';
import { createToken } from './createToken';
import { pdbGenerator } from './createPdb';
import { priorityClassGenerator } from './createPriorityClass';
import { asTyped, clusterRoleBindingGenerator, clusterRoleGenerator, isRbacObject, requireClusterRoleFlag, roleBindingGenerator, roleGenerator, withTypedLastApplied } from './createRbac';
import { checkOutput } from './get';
import { dryRunMode, prepare, reportApiError, withLastApplied } from './apply';
import { ApiError } from '../../api/errors';
import { goJson, printJson, printYaml } from '../printers/output';
import { parseImage } from '../../util/imageref';
import { parseQuantity } from '../../api/quantity';

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
  { name: 'selector', type: 'string' },
  { name: 'min-available', type: 'string' },
  { name: 'max-unavailable', type: 'string' },
  // create priorityclass
  { name: 'value', type: 'int', bits: 32 },
  { name: 'global-default', type: 'bool' },
  { name: 'description', type: 'string' },
  { name: 'preemption-policy', type: 'string' },
  // create role | clusterrole | rolebinding | clusterrolebinding (--user here is a subject, not the kubeconfig user)
  { name: 'verb', type: 'strings' },
  { name: 'resource', type: 'strings' },
  { name: 'resource-name', type: 'strings' },
  { name: 'non-resource-url', type: 'strings' },
  { name: 'aggregation-rule', type: 'strings' },
  { name: 'role', type: 'string' },
  { name: 'clusterrole', type: 'string' },
  { name: 'user', type: 'strings' },
  { name: 'group', type: 'strings' },
  { name: 'serviceaccount', type: 'strings' },
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
      // create_deployment.go: every word after the name (those after `--` too) is the container's command.
      const command = [...rest, ...ctx.args.rest];
      if (images.length > 1 && command.length) throw new KubectlError('error: cannot specify multiple --image options and command');
      const containers = images.map((image) => {
        const c: Record<string, unknown> = { ...(command.length ? { command } : {}), image, name: containerNameFromImage(image), resources: {} };
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
    case 'poddisruptionbudget':
    case 'pdb':
      return pdbGenerator(ctx.args, need('poddisruptionbudget'), ns);
    case 'priorityclass':
    case 'pc':
      return priorityClassGenerator(ctx.args, need('priorityclass'));
    case 'role':
      return roleGenerator(ctx.args, need('role'), ns, (line) => ctx.err.push(line));
    case 'clusterrole':
      return clusterRoleGenerator(ctx.args, need('clusterrole'), (line) => ctx.err.push(line));
    case 'rolebinding':
      return roleBindingGenerator(ctx.args, need('rolebinding'), ns);
    case 'clusterrolebinding':
      requireClusterRoleFlag(ctx.args);
      return clusterRoleBindingGenerator(ctx.args, need('clusterrolebinding'));
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

const GENERATOR_NOUN: Record<string, string> = { serviceaccount: 'serviceaccount', sa: 'serviceaccount', ingress: 'ingress', ing: 'ingress', job: 'job', cronjob: 'cronjob', cj: 'cronjob', deployment: 'deployment', deploy: 'deployment', configmap: 'configmap', cm: 'configmap', secret: 'secret', quota: 'quota', resourcequota: 'quota', poddisruptionbudget: 'poddisruptionbudget', pdb: 'poddisruptionbudget', priorityclass: 'priorityclass', pc: 'priorityclass', rolebinding: 'rolebinding', clusterrolebinding: 'clusterrolebinding' };
/** Generators whose server errors kubectl prints as they come (create_role.go returns them unwrapped). */
const UNWRAPPED_GENERATORS = new Set(['role', 'clusterrole']);

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
      if (bool(ctx.args, 'save-config')) obj = what && isRbacObject(obj) ? withTypedLastApplied(obj) : withLastApplied(obj);
      if (mode === 'client') {
        printed.push(what && isRbacObject(obj) ? asTyped(clientDryRun(obj)) : clientDryRun(obj));
        if (!output) ctx.out.push(`${qualifiedKindName(ctx.cluster.api.typeOf(obj))}/${obj.metadata.name} created (dry run)\n`);
        continue;
      }
      const created = ctx.cluster.api.create(obj, 'kubectl', { dryRun: mode === 'server' });
      // The RBAC generators print the typed object their client decoded the answer into.
      printed.push(what && isRbacObject(created) ? asTyped(created) : created);
      if (!output) ctx.out.push(`${qualifiedKindName(ctx.cluster.api.typeOf(created))}/${created.metadata.name} created${mode === 'server' ? ' (server dry run)' : ''}\n`);
    } catch (err) {
      // The generator subcommands wrap server errors in their own words (create_deployment.go …).
      const noun = !what ? undefined : m.obj.kind === 'Service' ? `${m.obj.spec.type} service` : GENERATOR_NOUN[what];
      if (noun && err instanceof ApiError) {
        ctx.failed = true;
        ctx.err.push(`error: failed to create ${noun}: ${err.message}`);
      } else if (what && UNWRAPPED_GENERATORS.has(what) && err instanceof ApiError) {
        ctx.failed = true;
        ctx.err.push(err.kubectlMessage());
      } else reportApiError(ctx, err, 'creating', m.source);
    }
  }
  if (output === 'yaml') ctx.out.push(printYaml(printed, printed.length === 1));
  // A generator's typed object keeps Go's field order under -o json (only unstructured objects come out sorted).
  else if (output === 'json') ctx.out.push(what && printed.length === 1 && isRbacObject(printed[0]) ? goJson(printed[0]) : printJson(printed, printed.length === 1));
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
  // PodDisruptionBudgetStatus's counts are not omitempty: Go writes their zeros.
  if (obj.kind === 'PodDisruptionBudget') out.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  return out;
}
