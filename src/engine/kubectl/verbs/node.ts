/** kubectl cordon / uncordon / taint / drain: the node maintenance verbs. */
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import { ApiError, notFound } from '../../api/errors';
import { typeForKind } from '../../api/registry';
import type { Taint } from '../../helpers/taints';
import { KubectlError, bool, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { selectorFlag } from './get';
import { changeObject, dryRunMode, dryRunSuffix, type DryRunMode } from '../dryrun';
import { parseGoDuration } from '../../util/cron';
import { goDuration } from '../../util/goduration';

const nodeType = typeForKind('Node');
const podType = typeForKind('Pod');
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const CORDON_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string' },
];

/** The nodes named on the command line, or chosen by -l / --all. */
function targetNodes(ctx: VerbContext, usage: string, names: string[]): KObject[] {
  const selector = selectorFlag(ctx);
  if (bool(ctx.args, 'all') || (selector && names.length === 0)) return ctx.cluster.api.list(nodeType, undefined, selector);
  if (names.length === 0) throw new KubectlError(`error: USAGE: ${usage} [flags]\nSee 'kubectl ${ctx.verb} -h' for help and examples`);
  return names.map((n) => {
    const node = ctx.cluster.api.tryGet(nodeType, undefined, n.replace(/^(nodes?|no)\//, ''));
    if (!node) throw new KubectlError(notFound('nodes', n).kubectlMessage());
    return node;
  });
}

function setUnschedulable(ctx: VerbContext, node: KObject, value: boolean, mode: DryRunMode): string {
  const name = node.metadata.name!;
  const word = value ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === value) return `node/${name} already ${word}${dryRunSuffix(mode)}\n`;
  changeObject(ctx, mode, nodeType, undefined, name, (cur) => {
    const spec = { ...cur.spec, unschedulable: value };
    if (!value) delete spec.unschedulable;
    return { ...cur, spec };
  });
  return `node/${name} ${word}${dryRunSuffix(mode)}\n`;
}

export function cordonCommand(ctx: VerbContext, value: boolean): void {
  const mode = dryRunMode(ctx);
  for (const node of targetNodes(ctx, `${ctx.verb} NODE`, ctx.args.positionals)) ctx.out.push(setUnschedulable(ctx, node, value, mode));
}

export const TAINT_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'dry-run', type: 'string' },
];

interface TaintChange {
  key: string;
  value?: string;
  effect?: string;
  remove: boolean;
}

/** `key=value:Effect`, `key:Effect`, and with a trailing `-` to remove (`key-` removes every effect). */
function parseTaint(spec: string): TaintChange {
  const remove = spec.endsWith('-');
  const body = remove ? spec.slice(0, -1) : spec;
  const colon = body.lastIndexOf(':');
  const keyValue = colon >= 0 ? body.slice(0, colon) : body;
  const effect = colon >= 0 ? body.slice(colon + 1) : undefined;
  const eq = keyValue.indexOf('=');
  const key = eq >= 0 ? keyValue.slice(0, eq) : keyValue;
  const value = eq >= 0 ? keyValue.slice(eq + 1) : undefined;
  if (!key) throw new KubectlError(`error: invalid taint spec: ${spec}, invalid taint key`);
  if (!remove && effect === undefined) throw new KubectlError(`error: invalid taint spec: ${spec}, unknown taint spec: ${spec}`);
  if (effect !== undefined && !EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
  return { key, value, effect, remove };
}

export function taintCommand(ctx: VerbContext): void {
  const [kind, ...rest] = ctx.args.positionals;
  if (!kind || !['node', 'nodes', 'no'].includes(kind.split('/')[0])) {
    throw new KubectlError(kind ? `error: invalid resource type ${kind}, only node types are supported` : 'error: at least one taint update is required');
  }
  const names = kind.includes('/') ? [kind.split('/')[1]] : rest.filter((r) => !r.includes(':') && !r.includes('=') && !r.endsWith('-'));
  const specs = (kind.includes('/') ? rest : rest.filter((r) => !names.includes(r))).map(parseTaint);
  if (specs.length === 0) throw new KubectlError('error: at least one taint update is required');
  const overwrite = bool(ctx.args, 'overwrite');
  const mode = dryRunMode(ctx);
  for (const node of targetNodes(ctx, 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N', names)) {
    let taints: Taint[] = [...((node.spec?.taints as Taint[]) ?? [])];
    let added = false;
    let removed = false;
    for (const t of specs) {
      if (t.remove) {
        const before = taints.length;
        taints = taints.filter((x) => !(x.key === t.key && (!t.effect || x.effect === t.effect)));
        if (taints.length === before) throw new KubectlError(`error: taint "${t.key}${t.effect ? `:${t.effect}` : ''}" not found`);
        removed = true;
      } else {
        const i = taints.findIndex((x) => x.key === t.key && x.effect === t.effect);
        if (i >= 0 && !overwrite) throw new KubectlError(`error: node ${node.metadata.name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`);
        const taint: Taint = { key: t.key, effect: t.effect! };
        if (t.value) taint.value = t.value;
        if (i >= 0) taints[i] = taint;
        else taints.push(taint);
        added = true;
      }
    }
    changeObject(ctx, mode, nodeType, undefined, node.metadata.name!, (cur) => {
      const spec = { ...cur.spec, taints };
      if (taints.length === 0) delete spec.taints;
      return { ...cur, spec };
    });
    ctx.out.push(`node/${node.metadata.name} ${added && removed ? 'modified' : added ? 'tainted' : 'untainted'}${dryRunSuffix(mode)}\n`);
  }
}

export const DRAIN_FLAGS: FlagSpec[] = [
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'pod-selector', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'skip-wait-for-delete-timeout', type: 'int' },
];

/** The longest a drain runs the simulated clock in one command (its own --timeout may say more, up to an hour). */
const MAX_DRAIN_MS = 3_600_000;
/**
 * kubectl drain waits without end by default (--timeout=0) until Ctrl+C; a command here cannot be
 * interrupted, so with no timeout given it stops after this much simulated time and says so.
 */
const DEFAULT_DRAIN_MS = 300_000;

function drainTimeout(ctx: VerbContext): { ms: number; defaulted: boolean } {
  const text = ctx.args.flags.get('timeout') as string | undefined;
  let ms = 0;
  if (text !== undefined) {
    try {
      ms = parseGoDuration(text);
    } catch (e) {
      throw new KubectlError(`error: invalid argument "${text}" for "--timeout" flag: ${(e as Error).message}\nSee 'kubectl drain --help' for usage.`);
    }
  }
  return ms > 0 ? { ms: Math.min(ms, MAX_DRAIN_MS), defaulted: false } : { ms: DEFAULT_DRAIN_MS, defaulted: true };
}

/**
 * drain.Helper.evictPods, one pod after another each round (kubectl runs them side by side;
 * the simulator keeps one order so replays match): each pod's eviction is asked for; one a
 * PodDisruptionBudget refuses (429) is asked again after 5 s of simulated time, as kubectl
 * retries; then kubectl waits for each evicted pod to be gone. Returns the error that stopped
 * it, if any. With --disable-eviction the pods are deleted instead.
 */
function evictAll(ctx: VerbContext, pods: KObject[], o: { grace: number; mode: DryRunMode; timeoutMs: number; disableEviction: boolean }): string | undefined {
  const api = ctx.cluster.api;
  const deadline = ctx.cluster.now() + o.timeoutMs;
  const opts = { ...(o.grace >= 0 ? { gracePeriodSeconds: o.grace } : {}), dryRun: o.mode === 'server' };
  const suffix = dryRunSuffix(o.mode);
  const verb = o.disableEviction ? 'deleting' : 'evicting';
  let waiting = [...pods];
  const going: KObject[] = [];
  for (;;) {
    const retry: KObject[] = [];
    for (const pod of waiting) {
      const [ns, name] = [pod.metadata.namespace!, pod.metadata.name!];
      ctx.out.push(`${verb} pod ${ns}/${name}${suffix}\n`);
      if (ctx.cluster.now() >= deadline) return `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${goDuration(o.timeoutMs)}`;
      try {
        if (o.disableEviction) api.delete(podType, ns, name, 'kubectl', opts);
        else api.evict(ns, name, 'kubectl', opts);
        going.push(pod);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.code === 404) continue;
        if (e.code !== 429) return `error when evicting pods/"${name}" -n "${ns}": ${e.message}`;
        ctx.err.push(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${e.message}`);
        retry.push(pod);
      }
    }
    if (retry.length === 0) break;
    // Five seconds pass (the budget's pods may come back meanwhile), or the time is up.
    ctx.cluster.waitFor(() => false, Math.max(0, Math.min(5_000, deadline - ctx.cluster.now())));
    waiting = retry;
  }
  if (o.mode === 'server') return undefined;
  // waitForDelete: each evicted pod is reported once it is gone (or replaced under its name).
  const gone = (p: KObject) => api.tryGet(podType, p.metadata.namespace, p.metadata.name!)?.metadata.uid !== p.metadata.uid;
  let left = [...going];
  while (left.length) {
    if (!ctx.cluster.waitFor(() => left.some(gone), Math.max(0, deadline - ctx.cluster.now()))) {
      const p = left[0];
      return `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: global timeout reached: ${goDuration(o.timeoutMs)}`;
    }
    for (const p of left.filter(gone)) ctx.out.push(`pod/${p.metadata.name} ${o.disableEviction ? 'deleted' : 'evicted'}\n`);
    left = left.filter((p) => !gone(p));
  }
  return undefined;
}

/**
 * drain = cordon, then evict every pod that may go. It refuses (without --force / the flags)
 * pods no controller would recreate, DaemonSet pods and pods with emptyDir data, as kubectl's
 * drain filters do. Evictions are graceful: the pods then terminate on the simulated clock.
 */
export function drainCommand(ctx: VerbContext): void {
  const force = bool(ctx.args, 'force');
  const ignoreDs = bool(ctx.args, 'ignore-daemonsets');
  const deleteEmptyDir = bool(ctx.args, 'delete-emptydir-data');
  const grace = ctx.args.flags.get('grace-period') as number;
  const mode = dryRunMode(ctx);
  for (const node of targetNodes(ctx, 'drain NODE', ctx.args.positionals)) {
    const name = node.metadata.name!;
    ctx.out.push(setUnschedulable(ctx, node, true, mode));
    const pods = ctx.cluster.store.byIndex('pods', 'nodeName', name).filter((p) => !p.metadata.deletionTimestamp).sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
    const errors = new Map<string, string[]>();
    const warnings = new Map<string, string[]>();
    const note = (m: Map<string, string[]>, text: string, pod: KObject) => m.set(text, [...(m.get(text) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
    const evict: KObject[] = [];
    for (const pod of pods) {
      if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const owner = controllerOf(pod);
      if (owner?.kind === 'DaemonSet' && !finished) {
        if (ignoreDs) note(warnings, 'ignoring DaemonSet-managed Pods', pod);
        else note(errors, 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', pod);
        continue;
      }
      if (!finished && (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir) && !deleteEmptyDir) {
        note(errors, 'cannot delete Pods with local storage (use --delete-emptydir-data to override)', pod);
        continue;
      }
      if (!owner && !finished) {
        if (force) note(warnings, 'deleting Pods that declare no controller', pod);
        else {
          note(errors, 'cannot delete Pods that declare no controller (use --force to override)', pod);
          continue;
        }
      }
      evict.push(pod);
    }
    if (errors.size) {
      const lines = [...errors].map(([text, list]) => `${text}: ${list.join(', ')}`);
      const summary = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
      ctx.err.push(`error: unable to drain node "${name}" due to error: ${summary}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${lines.join('\n')}`);
      ctx.failed = true;
      continue;
    }
    for (const [text, list] of warnings) ctx.err.push(`Warning: ${text}: ${list.join(', ')}`);
    // Client dry run lists what would go and sends nothing (drain.go deleteOrEvictPodsSimple).
    if (mode === 'client') {
      for (const pod of evict) ctx.out.push(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    } else {
      const timeout = drainTimeout(ctx);
      const failure = evictAll(ctx, evict, { grace, mode, timeoutMs: timeout.ms, disableEviction: bool(ctx.args, 'disable-eviction') });
      if (failure) {
        if (timeout.defaulted && failure.includes('global timeout reached')) ctx.err.push(`note: kubectl drain waits without end by default (until Ctrl+C); this simulator gave up after ${goDuration(DEFAULT_DRAIN_MS)} of simulated time — --timeout chooses how long`);
        const pending = evict.filter((p) => ctx.cluster.api.tryGet(podType, p.metadata.namespace, p.metadata.name!)?.metadata.uid === p.metadata.uid);
        if (pending.length) ctx.err.push(`There are pending pods in node "${name}" when an error occurred: ${failure}\n${pending.map((p) => `pod/${p.metadata.name}`).join('\n')}`);
        ctx.err.push(`error: unable to drain node "${name}" due to error: ${failure}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${failure}`);
        ctx.failed = true;
        continue;
      }
    }
    ctx.out.push(`node/${name} drained${dryRunSuffix(mode)}\n`);
  }
}

