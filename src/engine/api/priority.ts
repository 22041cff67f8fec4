/**
 * Pod priority in the API server: the two system PriorityClasses it creates when it starts
 * (pkg/registry/scheduling/rest, pkg/apis/scheduling/v1/helpers.go), the Priority admission
 * plugin (plugin/pkg/admission/priority) that turns a pod's priorityClassName into
 * spec.priority and spec.preemptionPolicy, its rule that only one class is the global default,
 * and the storage rule that the system classes cannot be deleted.
 */
import type { KObject } from './types';
import type { ObjectStore } from './store';
import { forbidden } from './errors';

export const SYSTEM_CLUSTER_CRITICAL = 'system-cluster-critical';
export const SYSTEM_NODE_CRITICAL = 'system-node-critical';
/** scheduling.SystemCriticalPriority; user classes stay at or below HighestUserDefinablePriority. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';

const SYSTEM_CLASSES = [
  { name: SYSTEM_NODE_CRITICAL, value: SYSTEM_CRITICAL_PRIORITY + 1000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: SYSTEM_CLUSTER_CRITICAL, value: SYSTEM_CRITICAL_PRIORITY, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];

/** The classes the API server's post-start hook creates (AddSystemPriorityClasses). */
export function systemPriorityClasses(): KObject[] {
  return SYSTEM_CLASSES.map((c) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: c.name }, value: c.value, description: c.description }) as KObject);
}

/** IsKnownSystemPriorityClass: undefined when name, value and globalDefault match a system class, else why not. */
export function unknownSystemClassReason(name: string, value: number, globalDefault: boolean): string | undefined {
  const spc = SYSTEM_CLASSES.find((c) => c.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if (globalDefault) return `globalDefault of ${spc.name} PriorityClass must be false`;
  return undefined;
}

interface PriorityClassFields {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

const fields = (pc: KObject) => pc as unknown as PriorityClassFields;

/** getDefaultPriorityClass: the global default; should a race have left two, the lower value wins. */
function defaultPriorityClass(store: ObjectStore): KObject | undefined {
  let best: KObject | undefined;
  for (const pc of store.list('priorityclasses')) {
    if (!fields(pc).globalDefault) continue;
    if (!best || (fields(best).value ?? 0) > (fields(pc).value ?? 0)) best = pc;
  }
  return best;
}

/**
 * Priority admission for a new pod: the named class (or the global default, or priority 0 and
 * PreemptLowerPriority when there is none) decides spec.priority and spec.preemptionPolicy; a
 * pod that brings other values of its own is refused. `requestName` is the name the request
 * carried (the generateName when the server is still to pick one), as admission.NewForbidden
 * names the object.
 */
export function admitPodPriority(store: ObjectStore, pod: KObject, requestName: string): KObject {
  const spec = pod.spec ?? {};
  let className: string | undefined = spec.priorityClassName || undefined;
  let priority = 0;
  let preemptionPolicy: string | undefined = 'PreemptLowerPriority';
  const refuse = (why: string) => forbidden(`pods "${requestName}" is forbidden: ${why}`);
  if (!className) {
    const dpc = defaultPriorityClass(store);
    if (dpc) {
      className = dpc.metadata.name;
      priority = fields(dpc).value ?? 0;
      preemptionPolicy = fields(dpc).preemptionPolicy;
    }
  } else {
    const pc = store.get('priorityclasses', undefined, className);
    if (!pc) throw refuse(`no PriorityClass with name ${className} was found`);
    priority = fields(pc).value ?? 0;
    preemptionPolicy = fields(pc).preemptionPolicy;
  }
  if (typeof spec.priority === 'number' && spec.priority !== priority) {
    throw refuse(`the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  const out = { ...spec, priority };
  if (className) out.priorityClassName = className;
  if (preemptionPolicy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== preemptionPolicy) {
      throw refuse(`the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`);
    }
    out.preemptionPolicy = preemptionPolicy;
  }
  return { ...pod, spec: out };
}

/** Priority admission for PriorityClasses: a second global default is refused. */
export function admitPriorityClass(store: ObjectStore, pc: KObject, operation: 'create' | 'update'): void {
  if (!fields(pc).globalDefault) return;
  const dpc = defaultPriorityClass(store);
  if (dpc && (operation === 'create' || dpc.metadata.name !== pc.metadata.name)) {
    throw forbidden(`priorityclasses.scheduling.k8s.io "${pc.metadata.name}" is forbidden: PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist`);
  }
}

/** The PriorityClass storage's Delete: the system classes stay. */
export function refuseSystemPriorityClassDeletion(name: string): void {
  if (SYSTEM_CLASSES.some((c) => c.name === name)) {
    throw forbidden(`priorityclasses.scheduling.k8s.io "${name}" is forbidden: this is a system priority class and cannot be deleted`);
  }
}
