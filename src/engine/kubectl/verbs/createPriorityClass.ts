/** kubectl create priorityclass (create_priorityclass.go): a class from --value, --global-default, --description and --preemption-policy. */
import type { KObject } from '../../api/types';
import type { ParsedArgs } from '../args';

export function priorityClassGenerator(args: ParsedArgs, name: string): KObject {
  const pc: Record<string, unknown> = {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value: (args.flags.get('value') as number | undefined) ?? 0,
    // The client always sends a policy (its flag defaults to PreemptLowerPriority); the server judges it.
    preemptionPolicy: (args.flags.get('preemption-policy') as string | undefined) ?? 'PreemptLowerPriority',
  };
  // globalDefault and description are omitempty: false and "" are not sent.
  if (args.flags.get('global-default') === true) pc.globalDefault = true;
  const description = args.flags.get('description') as string | undefined;
  if (description) pc.description = description;
  return pc as unknown as KObject;
}
