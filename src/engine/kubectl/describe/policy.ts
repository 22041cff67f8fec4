/** kubectl describe for the policy group: PodDisruptionBudget (describePodDisruptionBudgetV1). */
import type { KObject } from '../../api/types';
import { formatSelector } from '../../api/labels';
import type { EventRecord } from '../../api/events';
import { DescribeWriter, eventsSection } from './writer';

export function describePodDisruptionBudget(pdb: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (pdb.spec?.minAvailable !== undefined) w.write(0, `Min available:\t${pdb.spec.minAvailable}\n`);
  else if (pdb.spec?.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${pdb.spec?.selector ? formatSelector(pdb.spec.selector) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
  eventsSection(w, events, now);
}
