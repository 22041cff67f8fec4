/** kubectl describe hpa (describeHorizontalPodAutoscalerV2): metrics as current / target, replicas, behavior, conditions. */
import type { KObject } from '../../api/types';
import type { EventRecord } from '../../api/events';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline, rfc1123z } from './writer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function describeHpa(h: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec: Any = h.spec ?? {};
  const status: Any = h.status ?? {};
  w.write(0, `Name:\t${h.metadata.name}\n`);
  w.write(0, `Namespace:\t${h.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', h.metadata.labels);
  annotationsMultiline(w, 'Annotations', h.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(h.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  const current: Any[] = status.currentMetrics ?? [];
  (spec.metrics ?? []).forEach((m: Any, i: number) => {
    const cur = current[i];
    if (m.type === 'Pods') {
      w.write(1, `"${m.pods?.metric?.name}" on pods:\t${cur?.pods?.current?.averageValue ?? '<unknown>'} / ${m.pods?.target?.averageValue}\n`);
    } else if (m.type === 'Resource') {
      const r = m.resource;
      if (r.target?.averageValue !== undefined) {
        w.write(1, `resource ${r.name} on pods:\t${cur?.resource?.current?.averageValue ?? '<unknown>'} / ${r.target.averageValue}\n`);
      } else {
        const c = cur?.resource?.current;
        const shown = c?.averageUtilization !== undefined ? `${c.averageUtilization}% (${c.averageValue})` : '<unknown>';
        w.write(1, `resource ${r.name} on pods  (as a percentage of request):\t${shown} / ${r.target?.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>'}\n`);
      }
    } else w.write(1, `${m.type} metric:\t<unknown>\n`);
  });
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec.maxReplicas}\n`);
  if (spec.behavior) {
    w.write(0, 'Behavior:\n');
    for (const [title, rules] of [['Scale Up', spec.behavior.scaleUp], ['Scale Down', spec.behavior.scaleDown]] as [string, Any][]) {
      if (!rules) continue;
      w.write(1, `${title}:\n`);
      if (rules.stabilizationWindowSeconds !== undefined) w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
      if (rules.policies?.length) {
        w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
        w.write(2, 'Policies:\n');
        for (const p of rules.policies) w.write(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
      }
    }
  }
  w.write(0, `${spec.scaleTargetRef?.kind} pods:\t${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of status.conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason}\t${c.message}\n`);
  }
  eventsSection(w, events, now);
}
