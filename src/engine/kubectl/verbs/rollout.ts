/**
 * kubectl rollout status|history|undo|pause|resume|restart, and kubectl set image.
 * `rollout status` prints where the rollout stands now (as with --watch=false): the simulated
 * clock only moves when the learner lets it.
 */
import { controlledBy } from '../../helpers/podutil';
import type { KObject } from '../../api/types';
import { qualifiedKindName, qualifiedResource, type ResourceType } from '../../api/registry';
import { ApiError, notFound } from '../../api/errors';
import { rfc3339 } from '../../sim/clock';
import { deepEqual } from '../../util/equal';
import { TEMPLATE_HASH, revisionOf, templateWithoutHash } from '../../helpers/deploymentutil';
import { foreverTimeout } from '../waitTimeout';
import { KubectlError, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { resolveType } from '../resources';
import { DescribeWriter, render } from '../describe/writer';
import { tabwrite } from '../describe/tabwriter';
import { describePodTemplate } from '../describe/workloads';
import { changeObject, dryRunMode, dryRunSuffix } from '../dryrun';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'revision', type: 'int', default: 0 },
  { name: 'to-revision', type: 'int', default: 0 },
  { name: 'watch', short: 'w', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string' },
];

const ROLLABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

function target(ctx: VerbContext, args: string[], sub: string): { type: ResourceType; obj: KObject } {
  let typeName: string;
  let name: string;
  if (args[0]?.includes('/')) [typeName, name] = args[0].split('/');
  else [typeName, name] = args;
  if (!typeName || !name) throw new KubectlError(`error: required resource not specified\nSee 'kubectl rollout ${sub} -h' for help and examples`);
  const type = resolveType(typeName, ctx.cluster.api.types);
  if (!ROLLABLE.has(type.kind)) throw new KubectlError(`error: no rollout ${sub === 'history' ? 'history viewer' : sub === 'status' ? 'status viewer' : 'support'} has been implemented for "${type.kind}"`);
  const obj = ctx.cluster.api.tryGet(type, namespaceOf(ctx), name);
  if (!obj) throw new KubectlError(notFound(qualifiedResource(type), name).kubectlMessage());
  return { type, obj };
}

function replicaSetsOf(ctx: VerbContext, d: KObject): KObject[] {
  return controlledBy(ctx.cluster.store, d, 'ReplicaSet');
}

/** The status line kubectl's DeploymentStatusViewer prints. */
function deploymentStatus(d: KObject): { text: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...', done: false };
  const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { text: '', done: false, error: `error: deployment "${name}" exceeded its progress deadline` };
  const replicas = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < replicas) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`, done: false };
  if ((st.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
  if ((st.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
  return { text: `deployment "${name}" successfully rolled out`, done: true };
}

function statefulSetStatus(s: KObject): { text: string; done: boolean } {
  const st = s.status ?? {};
  const replicas = s.spec?.replicas ?? 1;
  if ((s.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for statefulset spec update to be observed...', done: false };
  if ((st.readyReplicas ?? 0) < replicas) return { text: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...`, done: false };
  const partition = s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    if ((st.updatedReplicas ?? 0) < replicas - partition) return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...`, done: false };
    return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...`, done: false };
  return { text: `statefulset rolling update complete ${st.currentReplicas ?? replicas} pods at revision ${st.currentRevision}...`, done: true };
}

function daemonSetStatus(ds: KObject): { text: string; done: boolean } {
  const st = ds.status ?? {};
  const name = ds.metadata.name;
  const desired = st.desiredNumberScheduled ?? 0;
  if ((st.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...`, done: false };
  if ((st.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...`, done: false };
  return { text: `daemon set "${name}" successfully rolled out`, done: true };
}

export function rolloutCommand(ctx: VerbContext): void {
  const [sub, ...args] = ctx.args.positionals;
  const subs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (!sub || !subs.includes(sub)) {
    throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : `error: Usage: kubectl rollout SUBCOMMAND\nAvailable subcommands: ${subs.join(', ')}`);
  }
  // kubectl 1.32 has --dry-run on `rollout undo` only; the other subcommands refuse the flag.
  if (sub !== 'undo' && ctx.args.flags.has('dry-run')) throw new KubectlError(`error: unknown flag: --dry-run\nSee 'kubectl rollout ${sub} --help' for usage.`);
  const mode = dryRunMode(ctx);
  const { type, obj } = target(ctx, args, sub);
  const kindName = `${qualifiedKindName(type)}/${obj.metadata.name}`;
  const api = ctx.cluster.api;
  switch (sub) {
    case 'status': {
      const statusOf = (o: KObject): { text: string; done: boolean; error?: string } => (type.kind === 'Deployment' ? deploymentStatus(o) : type.kind === 'StatefulSet' ? statefulSetStatus(o) : daemonSetStatus(o));
      const watch = (str(ctx.args, 'watch') ?? 'true') !== 'false';
      const deadline = ctx.cluster.now() + foreverTimeout(ctx, 'rollout status');
      // rollout_status.go prints the status on every Added/Modified event of the watch, until done.
      let current = obj;
      for (;;) {
        const s = statusOf(current);
        if (s.error) throw new KubectlError(s.error);
        ctx.out.push(`${s.text}\n`);
        if (s.done || !watch) return;
        const seen = current.metadata.resourceVersion;
        let gone = false;
        const changed = ctx.cluster.waitFor(() => {
          const next = api.tryGet(type, obj.metadata.namespace, obj.metadata.name!);
          if (!next) return (gone = true);
          if (next.metadata.resourceVersion === seen) return false;
          current = next;
          return true;
        }, Math.max(0, deadline - ctx.cluster.now()));
        if (gone) throw new KubectlError('error: object has been deleted');
        if (!changed) throw new KubectlError('error: timed out waiting for the condition');
      }
    }
    case 'history': {
      if (type.kind !== 'Deployment') throw new KubectlError(`error: rollout history for ${type.kind} is not available in this simulator yet`);
      const rss = replicaSetsOf(ctx, obj).sort((a, b) => revisionOf(a) - revisionOf(b));
      const wanted = ctx.args.flags.get('revision') as number;
      if (wanted > 0) {
        const rs = rss.find((r) => revisionOf(r) === wanted);
        if (!rs) throw new KubectlError(`error: unable to find the specified revision`);
        const w = new DescribeWriter();
        describePodTemplate(w, rs.spec.template);
        // printTemplate writes through a PrefixWriter with no tabwriter: the tabs stay tabs.
        ctx.out.push(`${kindName} with revision #${wanted}\n${w.toString().replaceAll('\u0000', '')}\n`);
        return;
      }
      const rows = rss.filter((r) => revisionOf(r) > 0).map((r) => [String(revisionOf(r)), String(r.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>')]);
      // The history viewer's tabwriter pads with two spaces.
      const table = tabwrite(['REVISION\tCHANGE-CAUSE', ...rows.map((r) => r.join('\t'))].join('\n') + '\n', 0, 2);
      // The name printer's "<kind/name> <operation>" with an empty operation: a space before the line break.
      ctx.out.push(`${kindName} \n${table}\n`);
      return;
    }
    case 'undo': {
      if (type.kind !== 'Deployment') throw new KubectlError(`error: rollout undo for ${type.kind} is not available in this simulator yet`);
      if (obj.spec?.paused) throw new KubectlError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
      const rss = replicaSetsOf(ctx, obj).sort((a, b) => revisionOf(b) - revisionOf(a));
      const to = ctx.args.flags.get('to-revision') as number;
      let rs: KObject | undefined;
      if (to > 0) rs = rss.find((r) => revisionOf(r) === to);
      else rs = rss.find((r) => revisionOf(r) < revisionOf(rss[0]));
      if (!rs) throw new KubectlError(to > 0 ? `error: unable to find specified revision ${to} in history` : 'error: no rollout history found for deployment "' + obj.metadata.name + '"');
      const template = templateWithoutHash(rs.spec.template) as KObject['spec'];
      if (deepEqual(template, templateWithoutHash(obj.spec.template))) {
        ctx.out.push(`${kindName} skipped rollback (current template already matches revision ${revisionOf(rs)})${dryRunSuffix(mode)}\n`);
        return;
      }
      if (mode === 'client') {
        // rollback.go: a client dry run answers with the revision's pod template (hash label and all).
        const w = new DescribeWriter();
        describePodTemplate(w, rs.spec.template);
        ctx.out.push(`${kindName} ${render(w, tabwrite)}${dryRunSuffix(mode)}\n`);
        return;
      }
      const labels = { ...(template.metadata?.labels ?? {}) };
      delete labels[TEMPLATE_HASH];
      changeObject(ctx, mode, type, obj.metadata.namespace, obj.metadata.name!, (cur) => ({ ...cur, spec: { ...cur.spec, template: { ...template, metadata: { ...template.metadata, labels } } } }));
      ctx.out.push(`${kindName} rolled back${dryRunSuffix(mode)}\n`);
      return;
    }
    case 'pause':
    case 'resume': {
      if (type.kind !== 'Deployment') throw new KubectlError(`error: ${qualifiedResource(type)} "${obj.metadata.name}" ${sub} is not supported`);
      const pausing = sub === 'pause';
      if (!!obj.spec?.paused === pausing) throw new KubectlError(`error: ${qualifiedResource(type)} "${obj.metadata.name}" is ${pausing ? 'already paused' : 'not paused'}`);
      patchOrFail(() =>
        api.mutate(type, obj.metadata.namespace, obj.metadata.name!, 'kubectl', (cur) => {
          const spec = { ...cur.spec, paused: pausing };
          if (!pausing) delete spec.paused;
          return { ...cur, spec };
        }),
      );
      ctx.out.push(`${kindName} ${pausing ? 'paused' : 'resumed'}\n`);
      return;
    }
    case 'restart': {
      if (obj.spec?.paused) throw new KubectlError(`error: can't restart paused deployment (run rollout resume first)`);
      const at = rfc3339(ctx.cluster.now());
      patchOrFail(() =>
        api.mutate(type, obj.metadata.namespace, obj.metadata.name!, 'kubectl', (cur) => {
          const t = cur.spec.template;
          const annotations = { ...(t.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': at };
          return { ...cur, spec: { ...cur.spec, template: { ...t, metadata: { ...t.metadata, annotations } } } };
        }),
      );
      ctx.out.push(`${kindName} restarted\n`);
      return;
    }
  }
}

export const SET_FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

/** kubectl set image TYPE/NAME container=image … */
export function setCommand(ctx: VerbContext): void {
  const [what, ...rest] = ctx.args.positionals;
  if (what !== 'image') throw new KubectlError(what ? `error: "kubectl set ${what}" is not available in this simulator yet; "kubectl set image" is` : 'error: Usage: kubectl set SUBCOMMAND');
  const pairs = rest.filter((r) => r.includes('='));
  const targets = rest.filter((r) => !r.includes('='));
  if (pairs.length === 0) throw new KubectlError('error: at least one image update is required');
  const { type, obj } = target(ctx, targets, 'set image');
  const updates = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const t = obj.spec?.template;
  const all = updates.get('*');
  const change = (list: { name: string; image: string }[] | undefined) => (list ?? []).map((c) => (updates.has(c.name) || all ? { ...c, image: updates.get(c.name) ?? all! } : c));
  for (const name of updates.keys()) {
    if (name !== '*' && ![...(t?.spec?.containers ?? []), ...(t?.spec?.initContainers ?? [])].some((c: { name: string }) => c.name === name)) throw new KubectlError(`error: unable to find container named "${name}"`);
  }
  const spec = { ...t.spec, containers: change(t.spec.containers) };
  if (t.spec.initContainers) spec.initContainers = change(t.spec.initContainers);
  const mode = dryRunMode(ctx);
  changeObject(ctx, mode, type, obj.metadata.namespace, obj.metadata.name!, (cur) => ({ ...cur, spec: { ...cur.spec, template: { ...cur.spec.template, spec } } }));
  ctx.out.push(str(ctx.args, 'output') === 'name' ? `${qualifiedKindName(type)}/${obj.metadata.name}\n` : `${qualifiedKindName(type)}/${obj.metadata.name} image updated${dryRunSuffix(mode)}\n`);
}

/** rollout pause/resume/restart: a refused PATCH is reported as "failed to patch: <the API server's message>". */
function patchOrFail(patch: () => unknown): void {
  try {
    patch();
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(`error: failed to patch: ${e.message}`);
    throw e;
  }
}
