/**
 * kubectl expose (deployment|replicaset|pod|service) NAME: a Service selecting the same pods,
 * its port taken from --port or from the first containerPort, like kubectl's service generator.
 */
import type { KObject } from '../../api/types';
import { notFound } from '../../api/errors';
import { qualifiedResource } from '../../api/registry';
import { KubectlError, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { resolveType } from '../resources';
import { checkOutput } from './get';
import { dryRunMode, reportApiError } from './apply';
import { clientDryRun } from './create';
import { printJson, printYaml } from '../printers/output';

export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
];

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function pairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new KubectlError(`error: invalid label spec: ${part}`);
    out[k] = v;
  }
  return out;
}

export function exposeCommand(ctx: VerbContext): void {
  const [first, second] = ctx.args.positionals;
  if (!first) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  const [typeName, name] = first.includes('/') ? first.split('/') : [first, second];
  const type = resolveType(typeName);
  if (!name) throw new KubectlError("error: resource(s) were provided, but no name was specified");
  const obj = ctx.cluster.api.tryGet(type, namespaceOf(ctx), name);
  if (!obj) throw new KubectlError(notFound(qualifiedResource(type), name).kubectlMessage());
  const output = str(ctx.args, 'output');
  checkOutput(output, ['json', 'name', 'yaml']);

  let selector: Record<string, string> | undefined;
  const selText = str(ctx.args, 'selector');
  if (selText) selector = pairs(selText);
  else if (obj.kind === 'Pod') selector = obj.metadata.labels;
  else if (obj.kind === 'Service') selector = obj.spec?.selector;
  else {
    const sel = obj.spec?.selector;
    if (sel?.matchExpressions?.length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the provided selector uses matchExpressions; use --selector`);
    selector = sel?.matchLabels;
  }
  if (!selector || Object.keys(selector).length === 0) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no labels to select its pods`);
  if (obj.kind !== 'Pod' && obj.kind !== 'Service' && obj.kind !== 'Deployment' && obj.kind !== 'ReplicaSet' && obj.kind !== 'StatefulSet') {
    throw new KubectlError(`error: cannot expose a ${obj.kind}`);
  }

  const template = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  const containerPorts: { containerPort: number; name?: string; protocol?: string }[] = (template?.containers ?? []).flatMap((c: { ports?: unknown[] }) => c.ports ?? []);
  const portFlag = str(ctx.args, 'port');
  let ports: Record<string, unknown>[];
  const protocol = str(ctx.args, 'protocol') ?? 'TCP';
  const targetFlag = str(ctx.args, 'target-port');
  const target = (p: number) => (targetFlag === undefined ? p : /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag);
  if (portFlag) {
    if (!/^\d+$/.test(portFlag)) throw new KubectlError(`error: failed to parse port "${portFlag}"`);
    ports = [{ port: Number(portFlag), protocol, targetPort: target(Number(portFlag)) }];
  } else if (obj.kind === 'Service') {
    ports = (obj.spec?.ports ?? []).map((p: Record<string, unknown>) => ({ ...p, nodePort: undefined }));
  } else if (containerPorts.length) {
    ports = containerPorts.map((p, i) => {
      const port: Record<string, unknown> = { port: p.containerPort, protocol: p.protocol ?? protocol, targetPort: target(p.containerPort) };
      if (containerPorts.length > 1) port.name = `port-${i + 1}`;
      return port;
    });
  } else {
    throw new KubectlError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  }
  const svcType = str(ctx.args, 'type');
  if (svcType && !TYPES.includes(svcType)) throw new KubectlError(`error: invalid service type "${svcType}"`);
  const svcName = str(ctx.args, 'name') ?? name;
  const labelsText = str(ctx.args, 'labels');
  const labels = labelsText ? pairs(labelsText) : obj.metadata.labels;
  const svc: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svcName, namespace: namespaceOf(ctx), ...(labels ? { labels } : {}) },
    spec: { ports, selector, ...(svcType ? { type: svcType } : {}) },
  };
  const externalIP = str(ctx.args, 'external-ip');
  if (externalIP) svc.spec.externalIPs = [externalIP];
  const clusterIP = str(ctx.args, 'cluster-ip');
  if (clusterIP) svc.spec.clusterIP = clusterIP;
  const mode = dryRunMode(ctx);
  try {
    const result = mode === 'client' ? { ...clientDryRun(svc), status: { loadBalancer: {} } } : ctx.cluster.api.create(svc, 'kubectl', { dryRun: mode === 'server' });
    if (output === 'yaml') ctx.out.push(printYaml([result], true));
    else if (output === 'json') ctx.out.push(printJson([result], true));
    else if (output === 'name') ctx.out.push(`service/${svcName}\n`);
    else ctx.out.push(`service/${svcName} exposed${mode === 'none' ? '' : ` (${mode} dry run)`}\n`);
  } catch (e) {
    reportApiError(ctx, e, 'creating', 'STDIN');
  }
}
