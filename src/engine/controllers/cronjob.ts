/**
 * CronJob controller (pkg/controller/cronjob, v2): at each scheduled minute of the simulated
 * clock it creates a Job named <cronjob>-<minutes since epoch>, honouring concurrencyPolicy
 * (Allow, Forbid, Replace), suspend and startingDeadlineSeconds, and keeps only the last
 * successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs.
 */
import { controlledBy } from './podutil';
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339, type ScheduledTask } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, nsName, splitKey, type ControllerContext } from './context';
import { ownerRefTo } from './replicaset';
import { parseCron } from './cron';

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
  private seenFinished = new Set<string>();

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, (key) => this.sync(key), reportSyncError(ctx, COMPONENT, 'cronjobs'));
    const store = ctx.api.store;
    store.watch('cronjobs', (type, cj) => {
      const key = nsName(cj.metadata.namespace, cj.metadata.name!);
      if (type === 'DELETED') {
        ctx.clock.cancel(this.timers.get(key));
        this.timers.delete(key);
      } else this.queue.add(key);
    });
    store.watch('jobs', (_t, job, old) => {
      const ref = controllerOf(job) ?? (old && controllerOf(old));
      if (ref?.kind === 'CronJob') this.queue.add(nsName(job.metadata.namespace, ref.name));
    });
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api, clock } = this.ctx;
    const cj = api.store.get('cronjobs', ns, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = clock.now();
    const jobs = controlledBy(api.store, cj, 'Job');
    const active = jobs.filter((j) => !finishedAs(j) && !j.metadata.deletionTimestamp);
    for (const j of jobs) {
      const done = finishedAs(j);
      if (done && !this.seenFinished.has(j.metadata.uid!)) {
        this.seenFinished.add(j.metadata.uid!);
        api.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${done}`, COMPONENT);
      }
    }
    let schedule;
    try {
      schedule = parseCron(cj.spec.schedule);
    } catch (e) {
      api.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
      return;
    }
    const status: Any = { ...(cj.status ?? {}) };
    const created = Date.parse(cj.metadata.creationTimestamp ?? '') || now;
    const last = status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : created;
    // The most recent schedule time that has come and not yet been acted on.
    let due: number | undefined;
    for (let t = schedule.next(last); t <= now; t = schedule.next(t)) due = t;
    if (due !== undefined && !cj.spec.suspend) {
      const deadline = cj.spec.startingDeadlineSeconds;
      const tooLate = deadline !== undefined && now - due > deadline * 1000;
      const policy = cj.spec.concurrencyPolicy ?? 'Allow';
      if (tooLate) {
        api.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc3339(due)}`, COMPONENT);
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
        this.createJob(cj, due);
      }
      status.lastScheduleTime = rfc3339(due);
    }
    this.cleanup(cj, jobs);
    const fresh = controlledBy(api.store, cj, 'Job');
    const nowActive = fresh.filter((j) => !finishedAs(j) && !j.metadata.deletionTimestamp);
    if (nowActive.length) status.active = nowActive.map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid }));
    else delete status.active;
    const succeeded = fresh.filter((j) => finishedAs(j) === 'Complete').map((j) => j.status?.completionTime).filter(Boolean).sort();
    if (succeeded.length) status.lastSuccessfulTime = succeeded[succeeded.length - 1];
    const current = api.store.get('cronjobs', ns, name)!;
    if (!deepEqual(status, current.status)) api.updateStatus(cronType, current, status, COMPONENT);
    // Wake at the next scheduled minute.
    this.clock(key, schedule.next(now));
  }

  private clock(key: string, at: number): void {
    const existing = this.timers.get(key);
    if (existing && !existing.cancelled && existing.at === at) return;
    this.ctx.clock.cancel(existing);
    this.timers.set(key, this.ctx.clock.at(at, COMPONENT, () => this.queue.add(key)));
  }

  private createJob(cj: KObject, scheduled: number): void {
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
      this.ctx.reasons.record(COMPONENT, 'replicaset.createdPods', { count: 1, replicas: 1 }, [refOf(cj), refOf(created)]);
    } catch (e) {
      this.ctx.api.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
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
