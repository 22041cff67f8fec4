/**
 * The pod STATUS, READY and RESTARTS cells, following printPod in
 * pkg/printers/internalversion/printers.go step by step.
 */
import type { KObject } from '../../api/types';
import { humanDuration } from '../duration';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function podStatusReason(pod: KObject): string {
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || 'Pending';
  const scheduled = (status.conditions ?? []).find((c: Any) => c.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initSpecs: Any[] = pod.spec?.initContainers ?? [];
  const initStatuses: Any[] = status.initContainerStatuses ?? [];
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const restartable = initSpecs.find((s) => s.name === c.name)?.restartPolicy === 'Always';
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    if (restartable && c.started) continue;
    if (c.state?.terminated) {
      const t = c.state.terminated;
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
      initializing = true;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    const statuses: Any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).find((c: Any) => c.type === 'Ready');
      reason = ready?.status === 'True' ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') return 'Unknown';
  if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') return 'Terminating';
  return reason;
}

export function podReady(pod: KObject): string {
  const initSpecs: Any[] = pod.spec?.initContainers ?? [];
  const sidecars = initSpecs.filter((s) => s.restartPolicy === 'Always');
  const total = (pod.spec?.containers?.length ?? 0) + sidecars.length;
  let ready = 0;
  for (const c of pod.status?.containerStatuses ?? []) if (c.ready && c.state?.running) ready++;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.some((s) => s.name === c.name) && c.ready && c.started) ready++;
  return `${ready}/${total}`;
}

export function podRestarts(pod: KObject, now: number): string {
  let restarts = 0;
  let last = 0;
  const initSpecs: Any[] = pod.spec?.initContainers ?? [];
  const consider = (c: Any) => {
    restarts += c.restartCount ?? 0;
    const f = c.lastState?.terminated?.finishedAt;
    if (f) last = Math.max(last, Date.parse(f));
  };
  for (const c of pod.status?.initContainerStatuses ?? []) consider(c);
  void initSpecs;
  for (const c of pod.status?.containerStatuses ?? []) consider(c);
  return restarts > 0 && last > 0 ? `${restarts} (${humanDuration(now - last)} ago)` : String(restarts);
}
