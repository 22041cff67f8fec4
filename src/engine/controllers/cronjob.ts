/**
 * CronJob controller (pkg/controller/cronjob, v2): at each scheduled minute of the simulated
 * clock it creates a Job named <cronjob>-<minutes since epoch>, honouring concurrencyPolicy
 * (Allow, Forbid, Replace), suspend and startingDeadlineSeconds, and keeps only the last
 * successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs.
 */
import { controlledBy } from '../helpers/podutil';
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339, type ScheduledTask } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, nsName, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { ownerRefTo } from './replicaset';
import { parseCron, type CronSchedule } from '../util/cron';
import { ApiError } from '../api/errors';
import { parseRfc3339 } from '../sim/clock';

/** Requeue a little after the activation (nextScheduleDelta in cronjob_controllerv2.go). */
const NEXT_SCHEDULE_DELTA_MS = 100;

/** Time in Go's RFC1123Z layout (MissSchedule's message). */
function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/**
 * pkg/controller/cronjob/utils.go mostRecentScheduleTime (v1.32): the latest activation in
 * (last schedule or creation, now], found without walking every missed one (an `@every 1s`
 * CronJob suspended for a week would otherwise take 600,000 steps); an error when two
 * activations are less than a second apart, which is what a schedule that never fires gives.
 */
export function mostRecentScheduleTime(cj: KObject, now: number, schedule: CronSchedule): { time?: number; tooMany: boolean } | { error: string } {
  let earliest = parseRfc3339(cj.status?.lastScheduleTime) ?? parseRfc3339(cj.metadata.creationTimestamp) ?? now;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (typeof deadline === 'number' && now - deadline * 1000 > earliest) earliest = now - deadline * 1000;
  const t1 = schedule.next(earliest);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  if (t1 !== undefined && now < t1) return { tooMany: false };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { time: t1, tooMany: false };
  const interval = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (interval < 1) return { error: 'time difference between two schedules is less than 1 second' };
  const missed = Math.floor((now - t1!) / 1000 / interval) + 1;
  let time: number | undefined;
  for (let t = schedule.next(t1! + (missed - 2) * interval * 1000); t !== undefined && t <= now; t = schedule.next(t)) time = t;
  return { time, tooMany: missed > 100 };
}

const COMPONENT = 'cronjob-controller';
const jobType = typeForKind('Job');
const cronType = typeForKind('CronJob');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function finishedAs(job: KObject): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

export class CronJobController {
  readonly queue: WorkQueue;
  private timers = new Map<string, ScheduledTask>();

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'cronjobs'));
    const store = ctx.api.store;
    store.watch('cronjobs', bound(this, this.onCronJob));
    store.watch('jobs', bound(this, this.onJob));
  }

  private onCronJob(type: WatchEventType, cj: KObject): void {
    const key = nsName(cj.metadata.namespace, cj.metadata.name!);
    if (type === 'DELETED') this.unclock(key);
    else this.queue.add(key);
  }

  private onJob(_t: WatchEventType, job: KObject, old: KObject | undefined): void {
    const ref = controllerOf(job) ?? (old && controllerOf(old));
    if (ref?.kind === 'CronJob') this.queue.add(nsName(job.metadata.namespace, ref.name));
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api, clock } = this.ctx;
    const cj = api.store.get('cronjobs', ns, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = clock.now();
    const jobs = controlledBy(api.store, cj, 'Job');
    const status: Any = { ...(cj.status ?? {}) };
    // A Job still listed as active that has finished is seen once: the event, then it leaves
    // status.active (cronjob_controllerv2.go syncCronJob) — no set of seen Jobs to grow.
    const listed = new Set<string>(((status.active ?? []) as { uid: string }[]).map((r) => r.uid));
    for (const j of jobs) {
      const done = finishedAs(j);
      if (done && listed.has(j.metadata.uid!)) api.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${done}`, COMPONENT);
    }
    const active = jobs.filter((j) => !finishedAs(j) && !j.metadata.deletionTimestamp);
    let schedule;
    try {
      schedule = parseCron(cj.spec.schedule);
    } catch (e) {
      api.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
      this.unclock(key);
      return;
    }
    const recent = mostRecentScheduleTime(cj, now, schedule);
    if ('error' in recent) {
      // "this is likely a user error in defining the spec value": an event, and nothing
      // scheduled until the spec changes (the update brings the CronJob back to the queue).
      api.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${recent.error}`, COMPONENT);
      this.unclock(key);
      this.writeStatus(cj, status, jobs);
      return;
    }
    if (recent.tooMany) api.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', COMPONENT);
    const due = recent.time;
    let retry = false;
    if (due !== undefined && !cj.spec.suspend) {
      const deadline = cj.spec.startingDeadlineSeconds;
      const tooLate = deadline !== undefined && now - due > deadline * 1000;
      const policy = cj.spec.concurrencyPolicy ?? 'Allow';
      if (tooLate) {
        api.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(due)}`, COMPONENT);
      } else if (policy === 'Forbid' && active.length) {
        api.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', COMPONENT);
      } else {
        if (policy === 'Replace') {
          for (const j of active) {
            try {
              api.delete(jobType, j.metadata.namespace, j.metadata.name!, COMPONENT, { propagationPolicy: 'Background' });
              api.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, COMPONENT);
            } catch {
              // gone already
            }
          }
        }
        const outcome = this.createJob(cj, due);
        if (outcome === 'created') status.lastScheduleTime = rfc3339(due);
        // Job names count minutes: a second activation in the same minute (@every 1s) finds
        // its name taken and, as upstream, is retried with back-off until the minute turns.
        else retry = true;
      }
    }
    this.cleanup(cj, jobs);
    this.writeStatus(cj, status, controlledBy(api.store, cj, 'Job'));
    if (retry) this.queue.addRateLimited(key);
    // Wake at the next activation (nothing to wake for if none comes within five years).
    const next = schedule.next(now);
    if (next === undefined) this.unclock(key);
    else this.clock(key, next + NEXT_SCHEDULE_DELTA_MS);
  }

  private writeStatus(cj: KObject, status: Any, jobs: KObject[]): void {
    const { api } = this.ctx;
    const nowActive = jobs.filter((j) => !finishedAs(j) && !j.metadata.deletionTimestamp);
    if (nowActive.length) status.active = nowActive.map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid }));
    else delete status.active;
    const succeeded = jobs.filter((j) => finishedAs(j) === 'Complete').map((j) => j.status?.completionTime).filter(Boolean).sort();
    if (succeeded.length) status.lastSuccessfulTime = succeeded[succeeded.length - 1];
    const current = api.store.get('cronjobs', cj.metadata.namespace, cj.metadata.name!);
    if (current && !deepEqual(status, current.status)) api.updateStatus(cronType, current, status, COMPONENT);
  }

  private unclock(key: string): void {
    this.ctx.clock.cancel(this.timers.get(key));
    this.timers.delete(key);
  }

  private clock(key: string, at: number): void {
    const existing = this.timers.get(key);
    if (existing && !existing.cancelled && existing.at === at) return;
    this.ctx.clock.cancel(existing);
    this.timers.set(key, this.ctx.clock.at(at, COMPONENT, bound(this.queue, this.queue.add, key)));
  }

  private createJob(cj: KObject, scheduled: number): 'created' | 'exists' | 'failed' {
    const template = cj.spec.jobTemplate ?? {};
    const job: KObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`,
        namespace: cj.metadata.namespace,
        labels: template.metadata?.labels,
        annotations: { ...(template.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339(scheduled) },
        ownerReferences: [ownerRefTo(cj)],
      },
      spec: template.spec,
    };
    if (!job.metadata.labels) delete job.metadata.labels;
    try {
      const created = this.ctx.api.create(job, COMPONENT);
      this.ctx.api.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`, COMPONENT);
      this.ctx.reasons.record(COMPONENT, 'cronjob.createdJob', { schedule: cj.spec.schedule, scheduled: rfc3339(scheduled) }, [refOf(cj), refOf(created)]);
      return 'created';
    } catch (e) {
      // "If the job is created by other actor, assume it has updated the cronjob status accordingly".
      if (e instanceof ApiError && e.reason === 'AlreadyExists') return 'exists';
      this.ctx.api.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
      return 'failed';
    }
  }

  /** Keeps successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1) finished Jobs. */
  private cleanup(cj: KObject, jobs: KObject[]): void {
    const byStart = (a: KObject, b: KObject) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name! < b.metadata.name! ? -1 : 1);
    for (const [kind, limit] of [['Complete', cj.spec.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec.failedJobsHistoryLimit ?? 1]] as const) {
      const done = jobs.filter((j) => finishedAs(j) === kind && !j.metadata.deletionTimestamp).sort(byStart);
      for (const j of done.slice(0, Math.max(0, done.length - limit))) {
        try {
          this.ctx.api.delete(jobType, j.metadata.namespace, j.metadata.name!, COMPONENT, { propagationPolicy: 'Background' });
          this.ctx.api.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, COMPONENT);
        } catch {
          // gone already
        }
      }
    }
  }
}
