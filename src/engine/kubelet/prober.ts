/**
 * The kubelet's prober: startup, readiness and liveness probe workers per container, ticking
 * every periodSeconds after initialDelaySeconds, with success and failure thresholds. A failed
 * liveness or startup probe gets the container killed (then restartPolicy decides).
 */
import { persistentTable } from '../sim/persistable';
import { stateOf } from './containerMachine';
import { probeResult, type ProbeSpec } from './runtime';
import { freshProbes, isTerminating, type ContainerRuntime, type KubeletHost, type PodWorker, type ProbeState } from './podWorker';
import { bound } from '../sim/forkable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface ProberHost extends KubeletHost {
  /** The container's process ended (here: killed after a failed probe). */
  onExit(w: PodWorker, c: ContainerRuntime, exitCode: number, reason?: string): void;
}

/**
 * Starts the container's probe workers. Like the kubelet's prober, each probe ticks every
 * periodSeconds from the moment its worker starts and does nothing until initialDelaySeconds
 * have passed since the container started; readiness and liveness wait for the startup probe.
 * A container without a readiness probe is ready as soon as it has started.
 */
export function startProbes(k: ProberHost, w: PodWorker, c: ContainerRuntime): void {
  c.probes = freshProbes();
  const spec = c.spec;
  c.probes.startupDone = !spec.startupProbe;
  c.started = !spec.startupProbe;
  c.ready = !spec.readinessProbe && c.probes.startupDone;
  const startedAt = k.ctx.clock.now();
  const ps = c.probes;
  if (spec.startupProbe) probeTick(k, w, c, ps, startedAt, 'startup', spec.startupProbe);
  if (spec.readinessProbe) probeTick(k, w, c, ps, startedAt, 'readiness', spec.readinessProbe);
  if (spec.livenessProbe) probeTick(k, w, c, ps, startedAt, 'liveness', spec.livenessProbe);
}

/**
 * One tick of a probe worker, which schedules the next. `ps` is the probe state of the run the
 * worker was started for: a restarted container gets fresh state, and the old worker ends.
 */
function probeTick(k: ProberHost, w: PodWorker, c: ContainerRuntime, ps: ProbeState, startedAt: number, kind: 'startup' | 'readiness' | 'liveness', probe: Any): void {
  const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  if (ps.stopped || isTerminating(w) || stateOf(c.snapshot).state !== 'Running') return;
  const elapsed = k.ctx.clock.now() - startedAt;
  const gated = kind !== 'startup' && !c.probes.startupDone;
  if (!gated && elapsed >= (probe.initialDelaySeconds ?? 0) * 1000 && !(kind === 'startup' && c.probes.startupDone)) runProbe(k, w, c, kind, probe, elapsed);
  if (!ps.stopped && stateOf(c.snapshot).state === 'Running') ps.timers.set(kind, k.after(w, period, bound(proberTasks, proberTasks.probeTick, k, w, c, ps, startedAt, kind, probe)));
}

export function stopProbes(k: ProberHost, c: ContainerRuntime): void {
  c.probes.stopped = true;
  for (const t of c.probes.timers.values()) k.ctx.clock.cancel(t);
  c.probes.timers.clear();
}

function runProbe(k: ProberHost, w: PodWorker, c: ContainerRuntime, kind: 'startup' | 'readiness' | 'liveness', probe: Any, elapsed: number): void {
  const named: Record<string, number> = {};
  for (const p of c.spec.ports ?? []) if (p.name) named[p.name] = p.containerPort;
  const result = probeResult(c.program, probe as ProbeSpec, named, w.podIP ?? '', elapsed);
  const ps = c.probes;
  const label = kind.charAt(0).toUpperCase() + kind.slice(1);
  if (!result.ok) k.event(w, 'Warning', 'Unhealthy', `${label} probe failed: ${result.output}`, c);
  if (kind === 'readiness') {
    if (result.ok) {
      ps.readyFailures = 0;
      ps.readySuccesses++;
      if (!c.ready && ps.readySuccesses >= (probe.successThreshold ?? 1)) {
        c.ready = true;
        k.markDirty(w);
      }
    } else {
      ps.readySuccesses = 0;
      ps.readyFailures++;
      if (c.ready && ps.readyFailures >= (probe.failureThreshold ?? 3)) {
        c.ready = false;
        k.markDirty(w);
      }
    }
    return;
  }
  if (kind === 'startup') {
    if (result.ok) {
      ps.startupDone = true;
      c.started = true;
      if (!c.spec.readinessProbe) c.ready = true;
      k.markDirty(w);
      return;
    }
    ps.startupFailures++;
    if (ps.startupFailures >= (probe.failureThreshold ?? 3)) killForProbe(k, w, c, 'startup', probe);
    return;
  }
  if (result.ok) ps.liveFailures = 0;
  else if (++ps.liveFailures >= (probe.failureThreshold ?? 3)) killForProbe(k, w, c, 'liveness', probe);
}

/** A failed liveness or startup probe: the kubelet kills the container; restartPolicy decides what follows. */
function killForProbe(k: ProberHost, w: PodWorker, c: ContainerRuntime, kind: string, probe: Any): void {
  stopProbes(k, c);
  k.event(w, 'Normal', 'Killing', `Container ${c.spec.name} failed ${kind} probe, will be restarted`, c);
  const grace = probe.terminationGracePeriodSeconds ?? w.grace;
  const stopMs = c.program.sigtermMs;
  if (stopMs !== undefined && stopMs < grace * 1000) k.after(w, stopMs, bound(k, k.onExit, w, c, 0));
  else k.after(w, grace * 1000, bound(k, k.onExit, w, c, 137, 'Error'));
}

// Probe workers' next ticks call this object, not closures, so a copy of the cluster can rebuild them.
const proberTasks = persistentTable('kubelet.proberTasks', { probeTick });
