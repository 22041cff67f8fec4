/**
 * The check derived from a goal's data: whether the cluster (and what the learner received since
 * the step began) shows it. Read-only: nothing here changes the cluster or its history.
 */
import { RESOURCE_TYPES, parseSelector, selectorMatches, type EnginePort, type KObject } from '../engine/port';
import type { FieldTest, GoalSpec, LabelSelectorText } from './goalSpec';
import type { StepContext } from './types';
import { fieldValue, safePattern } from './goalFields';

type Pod = KObject;

/** An HTTP error page as curl or wget prints it (curl exits 0 on a 404 unless given -f). */
const HTTP_ERROR = /\b(404 Not Found|404 page not found|502 Bad Gateway|503 Service (Temporarily )?Unavailable)\b/i;

/** Whether a command succeeded: exit code 0, and for a request (curl, wget) no HTTP error page. */
export function succeeded(command: string, exitCode: number, stdout: string): boolean {
  return exitCode === 0 && !(/\b(curl|wget)\b/.test(command) && HTTP_ERROR.test(stdout));
}

export function podReady(p: Pod): boolean {
  return p.status?.phase === 'Running' && !!p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

const live = (p: KObject) => !p.metadata.deletionTimestamp;

function selected(c: EnginePort, selector: LabelSelectorText, namespace: string): Pod[] {
  const sel = parseSelector(selector);
  return c.list('pods', namespace).filter((p) => selectorMatches(sel, p.metadata.labels)) as Pod[];
}

/** Ready endpoints behind a Service (its EndpointSlices). */
export function readyEndpoints(c: EnginePort, service: string, namespace = 'default'): number {
  return slicesOf(c, service, namespace)
    .flatMap((s) => (s.endpoints as { conditions?: { ready?: boolean } }[]) ?? [])
    .filter((e) => e.conditions?.ready).length;
}

function slicesOf(c: EnginePort, service: string, namespace: string): KObject[] {
  return c.list('endpointslices', namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
}

/** Whether RBAC lets `user` do `verb` on `resource`: the API server's answer to kubectl auth can-i (read-only). */
export function may(c: EnginePort, user: string, verb: string, resource: string, namespace = 'default'): boolean {
  return c.query(`auth can-i ${verb} ${resource} -n ${namespace} --as=${user}`).stdout === 'yes\n';
}

function fieldPasses(obj: unknown, t: FieldTest): boolean {
  const v = fieldValue(obj, t.path);
  const set = !(v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0));
  if (t.present !== undefined && t.present !== set) return false;
  if (t.equals !== undefined && !(v === t.equals || (v !== undefined && v !== null && typeof v !== 'object' && String(v) === String(t.equals)))) return false;
  const n = Array.isArray(v) ? v.length : typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (t.atLeast !== undefined && !(n >= t.atLeast)) return false;
  if (t.atMost !== undefined && !(n <= t.atMost)) return false;
  if (t.matches !== undefined && !(v !== undefined && v !== null && safePattern(t.matches).test(typeof v === 'object' ? JSON.stringify(v) : String(v)))) return false;
  return true;
}

const restarts = (p: Pod) => ((p.status?.containerStatuses ?? []) as { restartCount?: number }[]).reduce((n, s) => n + (s.restartCount ?? 0), 0);

function podsMet(c: EnginePort, g: Extract<GoalSpec, { pods: unknown }>['pods'], step: StepContext | undefined): boolean {
  const ns = g.namespace ?? 'default';
  const all = g.name !== undefined ? ([c.get('pods', ns, g.name)].filter(Boolean) as Pod[]) : selected(c, g.selector ?? '', ns);
  if (g.count === 0) return all.length === 0;
  if (g.noneWaiting && all.some((p) => ((p.status?.containerStatuses ?? []) as { state?: { waiting?: { reason?: string } } }[]).some((s) => safePattern(g.noneWaiting!).test(s.state?.waiting?.reason ?? '')))) return false;
  const pods = all.filter((p) => live(p) && podReady(p));
  if (g.atLeast ? pods.length < g.count : pods.length !== g.count) return false;
  // A ready pod on the way out would make a rollout look finished; count only the live ones, and none may linger elsewhere.
  if (g.notOn && all.some((p) => live(p) && p.spec?.nodeName === g.notOn)) return false;
  if (g.onNodes) {
    const sel = parseSelector(g.onNodes);
    if (!pods.every((p) => selectorMatches(sel, c.get('nodes', undefined, p.spec?.nodeName)?.metadata.labels))) return false;
  }
  if (g.someOnNodePrefix && !pods.some((p) => String(p.spec?.nodeName ?? '').startsWith(g.someOnNodePrefix!))) return false;
  if (g.nodesAtLeast && new Set(pods.map((p) => p.spec?.nodeName)).size < g.nodesAtLeast) return false;
  if (g.containers !== undefined && !pods.every((p) => ((p.status?.containerStatuses ?? []) as { ready?: boolean }[]).filter((s) => s.ready).length === g.containers)) return false;
  if (g.image && !pods.every((p) => (p.spec?.containers ?? []).every((k: { image?: string }) => k.image === g.image))) return false;
  if (g.newSinceStep && !pods.some((p) => Date.parse(p.metadata.creationTimestamp!) >= (step?.since ?? 0) - 999)) return false;
  if (g.restartsAtLeast !== undefined && pods.reduce((n, p) => n + restarts(p), 0) < g.restartsAtLeast) return false;
  if (g.steadyForSeconds !== undefined) {
    const steady = (p: Pod) => ((p.status?.containerStatuses ?? []) as { ready?: boolean; state?: { running?: { startedAt?: string } } }[]).every((s) => s.ready && !!s.state?.running?.startedAt && c.now() - Date.parse(s.state.running.startedAt) >= g.steadyForSeconds! * 1000);
    if (!pods.every(steady)) return false;
  }
  if (g.claim && !pods.every((p) => (p.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName?: string } }) => v.persistentVolumeClaim?.claimName === g.claim))) return false;
  if (g.priority !== undefined && !pods.every((p) => p.spec?.priority === g.priority)) return false;
  if (g.fields && !pods.every((p) => g.fields!.every((t) => fieldPasses(p, t)))) return false;
  return true;
}

function deploymentMet(c: EnginePort, g: Extract<GoalSpec, { deployment: unknown }>['deployment']): boolean {
  const d = c.get('deployments', g.namespace ?? 'default', g.name);
  if (!d) return false;
  const want = d.spec?.replicas ?? 1;
  if (g.ready !== undefined && want !== g.ready) return false;
  if (g.readyAtLeast !== undefined && want < g.readyAtLeast) return false;
  if (g.image && !(d.spec?.template?.spec?.containers ?? []).some((k: { image?: string }) => k.image === g.image)) return false;
  // The status must describe the current spec (observedGeneration), or a fresh change would look done.
  const s = d.status ?? {};
  return s.observedGeneration === d.metadata.generation && (s.readyReplicas ?? 0) === want && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want;
}

/** Whether a goal is met now; `step` says when the step began (and the answer given to its question). */
export function goalMet(c: EnginePort, goal: GoalSpec, step?: StepContext): boolean {
  if ('all' in goal) return goal.all.every((g) => goalMet(c, g, step));
  if ('object' in goal) {
    const o = goal.object;
    const ns = o.namespace ?? (isClusterScoped(o.resource) ? undefined : 'default');
    const passes = (obj: unknown) => (o.fields ?? []).every((t) => fieldPasses(obj, t));
    if (o.name === undefined) {
      const some = c.list(o.resource, ns).some(passes);
      return o.exists === false ? !some : some;
    }
    // A custom kind the built-in table does not know may be cluster-scoped: look there too.
    const obj = c.get(o.resource, ns, o.name) ?? (o.namespace === undefined && ns !== undefined ? c.get(o.resource, undefined, o.name) : undefined);
    if (o.exists === false) return !obj;
    return !!obj && passes(obj);
  }
  if ('pods' in goal) return podsMet(c, goal.pods, step);
  if ('deployment' in goal) return deploymentMet(c, goal.deployment);
  if ('deploymentGone' in goal) {
    const ns = goal.deploymentGone.namespace ?? 'default';
    return !c.get('deployments', ns, goal.deploymentGone.name) && !c.list('pods', ns).some((p) => p.metadata.labels?.app === goal.deploymentGone.name);
  }
  if ('endpoints' in goal) {
    const e = goal.endpoints;
    const ns = e.namespace ?? 'default';
    if (!c.get('services', ns, e.service) || readyEndpoints(c, e.service, ns) !== e.ready) return false;
    if (e.port === undefined) return true;
    const ports = slicesOf(c, e.service, ns).flatMap((s) => ((s.ports ?? []) as { port?: number }[]).map((p) => p.port ?? 0));
    return ports.length > 0 && ports.every((p) => p === e.port);
  }
  if ('command' in goal) {
    const { matches, output, times = 1, exitCode } = goal.command;
    const pattern = safePattern(matches);
    const printed = output === undefined ? undefined : safePattern(output);
    const answered = (o: { command: string; exitCode: number; stdout: string }) => (exitCode === undefined ? succeeded(o.command, o.exitCode, o.stdout) : o.exitCode === exitCode);
    const runs = c.commandOutcomes(step?.since ?? 0).filter((o) => pattern.test(o.command) && answered(o) && (!printed || printed.test(o.stdout)));
    return runs.length >= times;
  }
  if ('node' in goal) {
    const n = goal.node;
    const node = c.get('nodes', undefined, n.name);
    if (n.stoppedByYou && !c.actionLog().some((a) => a.type === 'stopNode' && a.name === n.name && (a.at ?? 0) >= 0)) return false;
    if (n.ready !== undefined) {
      const ready = !!node && c.isNodeRunning(n.name) && !!node.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');
      if (ready !== n.ready) return false;
    }
    if (n.cordoned !== undefined && !!node?.spec?.unschedulable !== n.cordoned) return false;
    return n.stoppedByYou || n.ready !== undefined || n.cordoned !== undefined ? true : !!node;
  }
  if ('nodeCount' in goal) return c.list('nodes').filter((n) => n.metadata.name!.startsWith(goal.nodeCount.prefix)).length === goal.nodeCount.count;
  if ('claim' in goal) {
    const k = goal.claim;
    const ns = k.namespace ?? 'default';
    if (c.get('persistentvolumeclaims', ns, k.name)?.status?.phase !== 'Bound') return false;
    if (k.usedBy) {
      const using = selected(c, k.usedBy, ns).filter((p) => live(p) && podReady(p) && (p.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName?: string } }) => v.persistentVolumeClaim?.claimName === k.name));
      if (!using.length) return false;
    }
    return k.holds === undefined || c.claimFile(ns, k.name, k.holds) !== undefined;
  }
  if ('access' in goal) {
    const a = goal.access;
    return may(c, a.user, a.verb, a.resource, a.namespace ?? 'default') === a.allowed;
  }
  if ('traffic' in goal) {
    const t = goal.traffic;
    const ns = t.namespace ?? 'default';
    const from = selected(c, t.from, ns).filter(live);
    const to = selected(c, t.to, ns).filter(live);
    if (!from.length || !to.length) return false;
    return from.every((a) => to.every((b) => c.networkVerdict({ kind: 'Pod', namespace: ns, name: a.metadata.name! }, { kind: 'Pod', namespace: ns, name: b.metadata.name! }, t.port)?.allowed === t.allowed));
  }
  if ('waiting' in goal) {
    const w = goal.waiting;
    const ns = w.namespace ?? 'default';
    const p = c.get('pods', ns, w.pod) as Pod | undefined;
    if (!p || p.spec?.nodeName) return false;
    return safePattern(w.message).test(c.schedulingAttempt(ns, w.pod)?.message ?? '');
  }
  if ('event' in goal) {
    const e = goal.event;
    return c.events(e.namespace ?? 'default').some((x) => x.reason === e.reason && (!e.kind || x.involved.kind === e.kind) && x.last >= (step?.since ?? 0) - 999);
  }
  if ('answer' in goal) return step?.answer === goal.answer;
  return false;
}

/** Whether the API serves the resource without namespaces (nodes, PersistentVolumes, ClusterRoles …). */
function isClusterScoped(resource: string): boolean {
  return RESOURCE_TYPES.some((t) => t.resource === resource && !t.namespaced);
}
