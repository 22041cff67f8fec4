/**
 * TTL-after-finished controller (pkg/controller/ttlafterfinished): a Job with
 * `spec.ttlSecondsAfterFinished` is deleted that many seconds after it finished (the
 * lastTransitionTime of its Complete or Failed condition), with foreground propagation so its
 * pods go first. It records no events, as upstream; the deletion is the visible effect.
 */
import { typeForKind } from '../api/registry';
import type { KObject } from '../api/types';
import { parseRfc3339 } from '../sim/clock';
import { WorkQueue, nsName, reportSyncError, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'ttl-after-finished-controller';
const jobType = typeForKind('Job');

/** When the Job finished: its Complete/Failed condition's lastTransitionTime (jobFinishTime). */
export function jobFinishTime(job: KObject): number | undefined {
  for (const c of (job.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime?: string }[]) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return parseRfc3339(c.lastTransitionTime);
  }
  return undefined;
}

function isFinished(job: KObject): boolean {
  return ((job.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function needsCleanup(job: KObject): boolean {
  return typeof job.spec?.ttlSecondsAfterFinished === 'number' && isFinished(job) && !job.metadata.deletionTimestamp;
}

export class TtlAfterFinishedController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'jobs'));
    ctx.api.store.watch('jobs', bound(this, this.onJob));
  }

  private onJob(type: WatchEventType, job: KObject): void {
    if (type !== 'DELETED' && needsCleanup(job)) this.queue.add(nsName(job.metadata.namespace, job.metadata.name!));
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api, clock } = this.ctx;
    const job = api.store.get('jobs', ns, name);
    if (!job || !needsCleanup(job)) return;
    const finishedAt = jobFinishTime(job);
    if (finishedAt === undefined) throw new Error(`unable to find the time when the Job ${key} finished`);
    const expireAt = finishedAt + job.spec.ttlSecondsAfterFinished * 1000;
    const now = clock.now();
    if (now < expireAt) {
      // Not yet: look again when it expires (a TTL changed meanwhile brings the Job back here).
      this.queue.addAfter(key, expireAt - now);
      return;
    }
    // Delete only the very Job that expired (upstream uses a resourceVersion precondition).
    api.delete(jobType, ns, name, COMPONENT, { propagationPolicy: 'Foreground', uid: job.metadata.uid });
  }
}
