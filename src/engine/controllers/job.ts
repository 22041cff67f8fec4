/**
 * Job controller (pkg/controller/job): runs pods until `completions` of them succeed, at most
 * `parallelism` at a time. Failed pods (restartPolicy Never) are replaced after a back-off
 * (10 s doubling, at most 6 min) and, with container restarts (OnFailure), count against
 * backoffLimit; past it the Job fails with BackoffLimitExceeded. Conditions as in v1.32:
 * SuccessCriteriaMet then Complete; FailureTarget then Failed.
 */
import { controlledBy } from '../helpers/podutil';
import type { KObject } from '../api/types';
import { controllerOf, refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { rfc3339 } from '../sim/clock';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, nsName, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { ownerRefTo } from './replicaset';
import { isPodReady } from '../helpers/podutil';

const COMPONENT = 'job-controller';
const jobType = typeForKind('Job');
const podType = typeForKind('Pod');
const POD_FAILURE_BACKOFF_MS = 10_000;
const MAX_POD_FAILURE_BACKOFF_MS = 360_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export class JobController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'jobs'));
    const store = ctx.api.store;
    store.watch('jobs', bound(this, this.onJob));
    store.watch('pods', bound(this, this.onPod));
  }

  private onJob(type: WatchEventType, job: KObject): void {
    if (type !== 'DELETED') this.queue.add(nsName(job.metadata.namespace, job.metadata.name!));
  }

  private onPod(_type: WatchEventType, pod: KObject, old: KObject | undefined): void {
    const ref = controllerOf(pod) ?? (old && controllerOf(old));
    if (ref?.kind === 'Job') this.queue.add(nsName(pod.metadata.namespace, ref.name));
  }

  private condition(job: KObject, type: string): Any | undefined {
    return (job.status?.conditions ?? []).find((c: Any) => c.type === type && c.status === 'True');
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api, clock } = this.ctx;
    const job = api.store.get('jobs', ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const finished = this.condition(job, 'Complete') || this.condition(job, 'Failed');
    const pods = controlledBy(api.store, job, 'Pod');
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failedPods = pods.filter((p) => p.status?.phase === 'Failed');
    const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
    const restarts = active.reduce((s, p) => s + (p.status?.containerStatuses ?? []).reduce((n: number, c: Any) => n + (c.restartCount ?? 0), 0), 0);
    const failed = failedPods.length;
    const spec = job.spec ?? {};
    const completions: number | undefined = spec.completions ?? undefined;
    const parallelism: number = spec.parallelism ?? 1;
    const now = clock.now();
    const ts = rfc3339(now);
    const status: Any = { ...(job.status ?? {}) };
    status.startTime ??= ts;
    const conditions: Any[] = [...(status.conditions ?? [])];
    const addCondition = (type: string, reason?: string, message?: string) => {
      if (conditions.some((c) => c.type === type)) return;
      const c: Any = { lastProbeTime: ts, lastTransitionTime: ts, status: 'True', type };
      if (message !== undefined) c.message = message;
      if (reason !== undefined) c.reason = reason;
      conditions.push(c);
    };

    if (!finished) {
      const done = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
      if (done) {
        for (const p of active) this.deletePod(p);
        addCondition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods');
        addCondition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
        status.completionTime = ts;
        api.event(job, 'Normal', 'Completed', 'Job completed', COMPONENT);
        this.ctx.reasons.record(COMPONENT, 'job.completed', { succeeded, completions: completions ?? 1 }, [refOf(job)]);
      } else if (failed + restarts > (spec.backoffLimit ?? 6)) {
        for (const p of active) this.deletePod(p);
        addCondition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
        addCondition('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
        api.event(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', COMPONENT);
        this.ctx.reasons.record(COMPONENT, 'job.backoffLimitExceeded', { failed: failed + restarts, backoffLimit: spec.backoffLimit ?? 6 }, [refOf(job)]);
      } else if (spec.activeDeadlineSeconds !== undefined && now - Date.parse(status.startTime) >= spec.activeDeadlineSeconds * 1000) {
        for (const p of active) this.deletePod(p);
        addCondition('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline');
        addCondition('Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
        api.event(job, 'Warning', 'DeadlineExceeded', 'Job was active longer than specified deadline', COMPONENT);
        this.ctx.reasons.record(COMPONENT, 'job.deadlineExceeded', { seconds: spec.activeDeadlineSeconds }, [refOf(job)]);
      } else if (!spec.suspend) {
        const remaining = completions !== undefined ? completions - succeeded - active.length : succeeded > 0 ? 0 : parallelism - active.length;
        const want = Math.max(0, Math.min(parallelism - active.length, remaining));
        // After a failed pod, the next one waits a back-off: 10 s, 20 s, 40 s … (at most 6 min).
        const lastFailure = Math.max(0, ...failedPods.map((p) => Date.parse(p.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt ?? p.metadata.creationTimestamp ?? '') || 0));
        const delay = failed > 0 ? Math.min(MAX_POD_FAILURE_BACKOFF_MS, POD_FAILURE_BACKOFF_MS * 2 ** (failed - 1)) : 0;
        if (want > 0 && now >= lastFailure + delay) {
          let made = 0;
          for (let i = 0; i < want; i++) if (this.createPod(job)) made++;
          if (made) this.ctx.reasons.record(COMPONENT, 'job.createdPods', { count: made, active: active.length, parallelism, succeeded, completions: completions ?? 1 }, [refOf(job)]);
        } else if (want > 0) {
          this.queue.addAfter(key, lastFailure + delay - now);
        }
      }
      if (spec.activeDeadlineSeconds !== undefined && !conditions.some((c) => c.type === 'Failed' || c.type === 'Complete')) {
        this.queue.addAfter(key, Math.max(1, Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000 - now));
      }
    }
    const fresh = controlledBy(api.store, job, 'Pod');
    const activeNow = fresh.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
    status.active = activeNow.length || undefined;
    status.ready = activeNow.filter(isPodReady).length;
    status.succeeded = succeeded || undefined;
    status.failed = failed || undefined;
    status.terminating = fresh.filter((p) => p.metadata.deletionTimestamp).length;
    status.uncountedTerminatedPods = {};
    if (conditions.length) status.conditions = conditions;
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    if (!deepEqual(status, job.status)) api.updateStatus(jobType, job, status, COMPONENT);
  }

  /** Whether the pod was created. */
  private createPod(job: KObject): boolean {
    const template = job.spec.template;
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: `${job.metadata.name}-`, namespace: job.metadata.namespace, labels: template.metadata?.labels, ownerReferences: [ownerRefTo(job)] },
      spec: template.spec,
    };
    if (template.metadata?.annotations) pod.metadata.annotations = template.metadata.annotations;
    try {
      const created = this.ctx.api.create(pod, COMPONENT);
      this.ctx.api.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
      return true;
    } catch (e) {
      this.ctx.api.event(job, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`, COMPONENT);
      return false;
    }
  }

  private deletePod(pod: KObject): void {
    try {
      this.ctx.api.delete(podType, pod.metadata.namespace, pod.metadata.name!, COMPONENT);
    } catch {
      // already gone
    }
  }
}
