/** kubectl describe job / cronjob (pkg/describe describeJob, describeCronJob, as in v1.32). */
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import { formatSelector } from '../../api/labels';
import type { EventRecord } from '../../api/events';
import { humanDuration } from '../duration';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline, rfc1123z } from './writer';
import { describePodTemplate } from './workloads';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** printBoolPtr: Go's %v of a *bool, `<unset>` when nil. */
function boolPtr(v: boolean | undefined): string {
  return v === undefined ? '<unset>' : v ? 'True' : 'False';
}

function orUnset(v: number | undefined, suffix = ''): string {
  return v === undefined ? '<unset>' : `${v}${suffix}`;
}

export function describeJob(job: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec: Any = job.spec ?? {};
  const status: Any = job.status ?? {};
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`);
  labelsMultiline(w, 'Labels', job.metadata.labels);
  annotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controllerOf(job);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${orUnset(spec.completions)}\n`);
  if (spec.completionMode !== undefined) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  // Go's %v of a bool is lower case here (the field is dereferenced, not printed by printBoolPtr).
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) w.write(0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status.active ?? 0} Active${status.ready === undefined ? '' : ` (${status.ready} Ready)`} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(0, `Pods Statuses:\t${counts}\n`);
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(status.completedIndexes ?? '', 50)}\n`);
  describePodTemplate(w, spec.template);
  eventsSection(w, events, now);
}

/** capIndexesListOrNone: the list up to the first comma past `softLimit` characters, then `...`. */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  if (indexes.length <= softLimit || comma < 0) return indexes;
  return `${indexes.slice(0, comma + 1)}...`;
}

export function describeCronJob(cj: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec: Any = cj.spec ?? {};
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', cj.metadata.labels);
  annotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(0, `Schedule:\t${spec.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
  w.write(0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`);
  const jt: Any = spec.jobTemplate?.spec ?? {};
  w.write(0, `Selector:\t${jt.selector ? formatSelector(jt.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${orUnset(jt.parallelism)}\n`);
  w.write(0, `Completions:\t${orUnset(jt.completions)}\n`);
  if (jt.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt.template);
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active: Any[] = cj.status?.active ?? [];
  w.write(0, `Active Jobs:\t${active.length ? active.map((j) => j.name).join(', ') : '<none>'}\n`);
  eventsSection(w, events, now);
}
