/**
 * kubectl debug (pkg/cmd/debug, v1.32): an ephemeral container added to a running pod through
 * pods/ephemeralcontainers, a copy of a pod with a debug container (--copy-to), or a pod in a
 * node's host namespaces with its root at /host (node/NAME). The profile (./debugProfiles.ts)
 * shapes the container; `legacy` is still the default in 1.32, with its deprecation warning.
 *
 * Attaching (-i) waits, in simulated time, for the container to run, as kubectl's watch does,
 * then shows its output: to its end for a command that ends within ATTACH_FOLLOW_MS (an ended
 * container's log is also what kubectl falls back to). This terminal has no interactive session:
 * a shell left waiting on stdin keeps running for `kubectl exec … -c NAME -- COMMAND`.
 */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { typeForKind } from '../../api/registry';
import { KubectlError, bool, str, stringArray, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { resolveType } from '../resources';
import { applyProfile, PROFILES, type KeepFlags } from './debugProfiles';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export const DEBUG_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'arguments-only', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'copy-to', type: 'string' },
  { name: 'replace', type: 'bool' },
  { name: 'env', type: 'strings' },
  { name: 'image', type: 'string' },
  { name: 'keep-labels', type: 'bool' },
  { name: 'keep-annotations', type: 'bool' },
  { name: 'keep-liveness', type: 'bool' },
  { name: 'keep-readiness', type: 'bool' },
  { name: 'keep-startup', type: 'bool' },
  { name: 'keep-init-containers', type: 'bool', default: true },
  { name: 'set-image', type: 'strings' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'same-node', type: 'bool' },
  { name: 'share-processes', type: 'bool', default: true },
  { name: 'target', type: 'string' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'profile', type: 'string', default: 'legacy' },
  { name: 'custom', type: 'string' },
];

/** How long the simulated kubectl waits for the debug container to run (real kubectl waits without end). */
const ATTACH_WAIT_MS = 5 * 60_000;
/** How long an attached session follows a running command before handing the terminal back. */
const ATTACH_FOLLOW_MS = 30_000;

/** distribution/reference's ReferenceRegexp: [domain/]path[:tag][@digest]. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** A StringToString flag (--env, --set-image): `k=v[,k=v]`, repeatable. */
function stringToString(ctx: VerbContext, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const value of stringArray(ctx.args, name)) {
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0) throw new KubectlError(`error: invalid argument "${value}" for "--${name}" flag: ${pair} must be formatted as key=value\nSee 'kubectl debug --help' for usage.`);
      out.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  return out;
}

interface DebugOptions {
  image: string;
  container: string;
  interactive: boolean;
  tty: boolean;
  attach: boolean;
  quiet: boolean;
  args: string[];
  argsOnly: boolean;
  env: { name: string; value: string }[];
  pullPolicy: string;
  target: string;
  copyTo: string;
  setImages: Map<string, string>;
  profile: string;
  keep: KeepFlags;
}

export function debugCommand(ctx: VerbContext): void {
  const a = ctx.args;
  // Complete
  const profile = str(a, 'profile')!;
  if (!PROFILES.includes(profile)) throw new KubectlError(`error: unknown profile: ${profile}`);
  if (str(a, 'custom') !== undefined) throw new KubectlError('error: --custom is not available in this simulator: it reads a container spec from a file on your machine');
  const interactive = bool(a, 'stdin');
  const o: DebugOptions = {
    image: str(a, 'image') ?? '',
    container: str(a, 'container') ?? '',
    interactive,
    tty: bool(a, 'tty'),
    attach: a.flags.has('attach') ? bool(a, 'attach') : interactive,
    quiet: bool(a, 'quiet'),
    args: a.rest,
    argsOnly: bool(a, 'arguments-only'),
    env: [...stringToString(ctx, 'env')].map(([name, value]) => ({ name, value })),
    pullPolicy: str(a, 'image-pull-policy') ?? '',
    target: str(a, 'target') ?? '',
    copyTo: str(a, 'copy-to') ?? '',
    setImages: stringToString(ctx, 'set-image'),
    profile,
    keep: { labels: bool(a, 'keep-labels'), annotations: bool(a, 'keep-annotations'), liveness: bool(a, 'keep-liveness'), readiness: bool(a, 'keep-readiness'), startup: bool(a, 'keep-startup'), initContainers: bool(a, 'keep-init-containers') },
  };
  validate(ctx, o);
  if (profile === 'legacy') ctx.err.push('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".');
  // Run: each target in turn, as the resource builder visits them.
  for (const name of a.positionals) {
    let debugPod: KObject;
    let containerName: string;
    try {
      const slash = name.indexOf('/');
      const type = resolveType(slash < 0 ? 'pods' : name.slice(0, slash));
      const obj = ctx.cluster.api.get(type, type.namespaced ? namespaceOf(ctx) : undefined, slash < 0 ? name : name.slice(slash + 1));
      if (type.kind === 'Node') [debugPod, containerName] = visitNode(ctx, o, obj);
      else if (type.kind === 'Pod') [debugPod, containerName] = o.copyTo ? debugByCopy(ctx, o, obj) : debugByEphemeralContainer(ctx, o, obj);
      else throw new KubectlError(`error: "${type.group ? `${type.group}/` : ''}${type.version}, Kind=${type.kind}" not supported by debug`);
    } catch (e) {
      if (e instanceof ApiError) throw new KubectlError(e.kubectlMessage());
      throw e;
    }
    if (o.attach && containerName) attachTo(ctx, o, debugPod, containerName);
  }
}

/** DebugOptions.Validate, in its order. */
function validate(ctx: VerbContext, o: DebugOptions): void {
  if (o.attach && ctx.args.flags.has('attach') && !o.image && !o.container) throw new KubectlError('error: you must specify --container or create a new container using --image in order to attach.');
  if (o.copyTo) {
    if (!o.image && !o.setImages.size && !o.args.length) throw new KubectlError('error: you must specify --image, --set-image or command arguments.');
    if (o.args.length && !o.container && !o.image) throw new KubectlError('error: you must specify an existing container or a new image when specifying args.');
  } else if (bool(ctx.args, 'replace')) throw new KubectlError('error: --replace may only be used with --copy-to.');
  else if (bool(ctx.args, 'same-node')) throw new KubectlError('error: --same-node may only be used with --copy-to.');
  else if (o.setImages.size) throw new KubectlError('error: --set-image may only be used with --copy-to.');
  else if (!o.image) throw new KubectlError('error: you must specify --image when not using --copy-to.');
  if (o.image && !REFERENCE.test(o.image)) throw new KubectlError(`error: invalid image name "${o.image}": invalid reference format`);
  if (!ctx.args.positionals.length) {
    if (ctx.args.flags.has('filename')) throw new KubectlError('error: -f is not available for debug in this simulator; name the pod or node');
    throw new KubectlError('error: NAME or filename is required for debug');
  }
  if (!['Always', 'IfNotPresent', 'Never', ''].includes(o.pullPolicy)) throw new KubectlError(`error: invalid image pull policy: ${o.pullPolicy}`);
  for (const [name, image] of o.setImages) if (!REFERENCE.test(image)) throw new KubectlError(`error: invalid image name "${image}" for container "${name}": invalid reference format`);
  if (o.target) {
    if (o.copyTo) throw new KubectlError('error: --target is incompatible with --copy-to. Use --share-processes instead.');
    if (!o.quiet) ctx.out.push(`Targeting container "${o.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  }
  if (o.tty && !o.interactive) throw new KubectlError('error: -i/--stdin is required for containers with -t/--tty=true');
}

/** The fields kubectl sets on the container it adds (empty ones are left out, as Go's omitempty does). */
function debugContainer(o: DebugOptions, name: string): Any {
  const c: Any = { name };
  if (o.env.length) c.env = o.env;
  if (o.image) c.image = o.image;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  c.terminationMessagePolicy = 'File';
  if (o.tty) c.tty = true;
  if (o.args.length) c[o.argsOnly ? 'args' : 'command'] = o.args;
  return c;
}

/** computeDebugContainerName: --container, or `debugger-` and five random characters no container has. */
function debugContainerName(ctx: VerbContext, o: DebugOptions, pod: KObject): string {
  if (o.container) return o.container;
  const taken = new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: Any) => c.name));
  let name = '';
  while (!name || taken.has(name)) name = `debugger-${ctx.cluster.rng.nameSuffix(5)}`;
  if (!o.quiet) ctx.out.push(`Defaulting debug container name to ${name}.\n`);
  return name;
}

function debugByEphemeralContainer(ctx: VerbContext, o: DebugOptions, pod: KObject): [KObject, string] {
  const name = debugContainerName(ctx, o, pod);
  const ec = debugContainer(o, name);
  if (o.target) ec.targetContainerName = o.target;
  const copied: KObject = { ...pod, spec: { ...pod.spec, ephemeralContainers: [...(pod.spec?.ephemeralContainers ?? []), ec] } };
  applyProfile(o.profile, o.keep, copied, name, 'ephemeral');
  const added = copied.spec.ephemeralContainers[copied.spec.ephemeralContainers.length - 1];
  // CreateTwoWayMergePatch against the pod: the new entry, merged by name, and the list's order.
  const order = copied.spec.ephemeralContainers.map((c: Any) => ({ name: c.name }));
  const patch = { spec: { '$setElementOrder/ephemeralContainers': order, ephemeralContainers: [added] } };
  const result = ctx.cluster.api.patch(typeForKind('Pod'), pod.metadata.namespace, pod.metadata.name!, 'strategic', patch, 'kubectl', { subresource: 'ephemeralcontainers' });
  return [result.object, name];
}

function debugByCopy(ctx: VerbContext, o: DebugOptions, pod: KObject): [KObject, string] {
  const spec: Any = structuredClone(pod.spec ?? {});
  delete spec.ephemeralContainers;
  if (ctx.args.flags.has('share-processes')) spec.shareProcessNamespace = bool(ctx.args, 'share-processes');
  if (!bool(ctx.args, 'same-node')) delete spec.nodeName;
  for (const c of spec.containers ?? []) {
    const override = o.setImages.get(c.name) ?? o.setImages.get('*');
    if (override) c.image = override;
  }
  const copied: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: o.copyTo, namespace: pod.metadata.namespace, ...(pod.metadata.annotations ? { annotations: { ...pod.metadata.annotations } } : {}), ...(pod.metadata.labels ? { labels: { ...pod.metadata.labels } } : {}) }, spec };
  let name = o.container;
  let c: Any = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].find((x: Any) => x.name === name);
  if (!c) {
    if (!o.image) {
      if (o.setImages.size) return [create(ctx, pod, copied), ''];
      throw new KubectlError('error: you must specify image when creating new container');
    }
    name ||= debugContainerName(ctx, o, copied);
    c = { name, terminationMessagePolicy: 'File' };
    spec.containers = [...(spec.containers ?? []), c];
  }
  if (o.args.length) {
    if (o.argsOnly) c.args = o.args;
    else {
      c.command = o.args;
      delete c.args;
    }
  }
  if (o.env.length) c.env = o.env;
  if (o.image) c.image = o.image;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  c.stdin = o.interactive || undefined;
  c.tty = o.tty || undefined;
  if (c.stdin === undefined) delete c.stdin;
  if (c.tty === undefined) delete c.tty;
  applyProfile(o.profile, o.keep, copied, c.name, 'podCopy');
  return [create(ctx, pod, copied), name];
}

function create(ctx: VerbContext, original: KObject, copied: KObject): KObject {
  const created = ctx.cluster.api.create(copied, 'kubectl');
  if (bool(ctx.args, 'replace')) ctx.cluster.api.delete(typeForKind('Pod'), original.metadata.namespace, original.metadata.name!, 'kubectl', { gracePeriodSeconds: 0 });
  return created;
}

/** generateNodeDebugPod: a pod bound to the node, tolerating everything, never restarted. */
function visitNode(ctx: VerbContext, o: DebugOptions, node: KObject): [KObject, string] {
  const cn = o.container || 'debugger';
  const pn = `node-debugger-${node.metadata.name}-${ctx.cluster.rng.nameSuffix(5)}`;
  if (!o.quiet) ctx.out.push(`Creating debugging pod ${pn} with container ${cn} on node ${node.metadata.name}.\n`);
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pn, namespace: namespaceOf(ctx) },
    spec: { containers: [debugContainer(o, cn)], nodeName: node.metadata.name, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] },
  };
  applyProfile(o.profile, o.keep, pod, cn, 'node');
  const created = ctx.cluster.api.create(pod, 'kubectl');
  return [created, cn];
}

function statusOf(pod: KObject | undefined, name: string): Any {
  const s = pod?.status ?? {};
  return [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? []), ...(s.ephemeralContainerStatuses ?? [])].find((x: Any) => x.name === name);
}

/**
 * handleAttachPod: wait (simulated time) until the container runs or has ended, then show
 * what it printed. A waiting message is warned about as kubectl's watch does.
 */
function attachTo(ctx: VerbContext, o: DebugOptions, debugPod: KObject, name: string): void {
  const podType = typeForKind('Pod');
  const ns = debugPod.metadata.namespace!;
  const current = () => ctx.cluster.store.get('pods', ns, debugPod.metadata.name!);
  const warned = new Set<string>();
  const ready = ctx.cluster.waitFor(() => {
    const s = statusOf(current(), name);
    if (!s) return false;
    if (s.state?.running || s.state?.terminated) return true;
    const message = s.state?.waiting?.message;
    if (!o.quiet && message && !warned.has(message)) {
      warned.add(message);
      ctx.err.push(`Warning: container ${name}: ${message}`);
    }
    return false;
  }, ATTACH_WAIT_MS);
  if (!current()) throw new KubectlError(`Error from server (NotFound): pods "${debugPod.metadata.name}" not found`);
  if (!ready) throw new KubectlError(`error: timed out waiting for the debug container ${name} to start (this simulator waits ${ATTACH_WAIT_MS / 60_000} minutes; kubectl would keep waiting)`);
  const pod = ctx.cluster.api.get(podType, ns, debugPod.metadata.name!);
  const status = statusOf(pod, name);
  const logs = (p: KObject) => {
    const r = ctx.cluster.api.podLogs(p, name, false, {});
    if ('lines' in r) for (const l of r.lines) ctx.out.push(`${l}\n`);
  };
  // An ended container: kubectl falls back to its log.
  if (status.state?.terminated) return logs(pod);
  if (!o.quiet) ctx.err.push("If you don't see a command prompt, try pressing enter.");
  // Attached, the session shows the output until the container ends: a command that ends soon is
  // followed to its end; a shell waiting on stdin (or a server) is left running.
  const shell = o.interactive && (o.args.length === 0 || (o.args.length === 1 && /^(?:.*\/)?(?:sh|bash|ash)$/.test(o.args[0])));
  const ended = !shell && ctx.cluster.waitFor(() => !!statusOf(current(), name)?.state?.terminated, ATTACH_FOLLOW_MS);
  logs(current() ?? pod);
  if (!ended) ctx.err.push(`(this terminal has no interactive session: ${name} keeps running; run commands in it with "kubectl exec ${pod.metadata.name} -c ${name} -- COMMAND")`);
}
