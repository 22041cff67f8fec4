/** kubectl describe for the scheduling group: PriorityClass (describePriorityClass). */
import type { KObject } from '../../api/types';
import { formatLabels } from '../../api/labels';
import type { EventRecord } from '../../api/events';
import { DescribeWriter, eventsSection } from './writer';

export function describePriorityClass(pc: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  const o = pc as unknown as { value?: number; globalDefault?: boolean; preemptionPolicy?: string; description?: string };
  w.write(0, `Name:\t${pc.metadata.name}\n`);
  w.write(0, `Value:\t${o.value ?? 0}\n`);
  w.write(0, `GlobalDefault:\t${!!o.globalDefault}\n`);
  w.write(0, `PreemptionPolicy:\t${o.preemptionPolicy ?? ''}\n`);
  w.write(0, `Description:\t${o.description ?? ''}\n`);
  // Annotations on one line (labels.FormatLabels), not the multi-line form other describers use.
  w.write(0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
  eventsSection(w, events, now);
}
