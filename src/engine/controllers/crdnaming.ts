/**
 * The naming condition controller (apiextensions-apiserver pkg/controller/status): a CRD's names
 * are accepted unless another CRD of the same group already uses them; the accepted names go to
 * status.acceptedNames with the NamesAccepted condition, and a CRD not yet Established is marked
 * Installing (the establishing controller, ./crdestablishing.ts, finishes the step).
 */
import type { KObject } from '../api/types';
import { rfc3339 } from '../sim/clock';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';
import { crdCondition, type CrdCondition } from '../api/apiextensions/crd';
import { resolveResourceName } from '../api/registry';

const COMPONENT = 'apiextensions-naming-controller';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Sets a condition, keeping lastTransitionTime when its status does not change (SetCRDCondition). */
export function withCrdCondition(crd: KObject, cond: CrdCondition, now: string): CrdCondition[] {
  const conditions = [...((crd.status?.conditions ?? []) as CrdCondition[])];
  const i = conditions.findIndex((c) => c.type === cond.type);
  const next = { type: cond.type, status: cond.status, lastTransitionTime: i >= 0 && conditions[i]!.status === cond.status ? conditions[i]!.lastTransitionTime : now, reason: cond.reason, message: cond.message };
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  return conditions;
}

export class CrdNamingController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'customresourcedefinitions'));
    // A CRD's change (or its removal) may free or take names another one of its group wants.
    ctx.api.store.watch('customresourcedefinitions', bound(this, this.onCrd));
  }

  private onCrd(_type: WatchEventType, crd: KObject): void {
    for (const other of this.ctx.api.store.list('customresourcedefinitions')) if (other.spec?.group === crd.spec?.group) this.queue.add(other.metadata.name!);
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    const crd = api.store.get('customresourcedefinitions', undefined, name);
    if (!crd) return;
    const names: Any = crd.spec?.names ?? {};
    const conflict = this.conflict(crd, names);
    const now = rfc3339(this.ctx.clock.now());
    const accepted = conflict ? crd.status?.acceptedNames : stripEmpty(names);
    let conditions = withCrdCondition(crd, conflict ? { type: 'NamesAccepted', status: 'False', reason: conflict.reason, message: conflict.message } : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' }, now);
    const established = crdCondition(crd, 'Established');
    if (!conflict && established?.status !== 'True') conditions = withCrdCondition({ ...crd, status: { conditions } }, { type: 'Established', status: 'False', reason: 'Installing', message: 'the initial names have been accepted' }, now);
    if (conflict && established?.status !== 'True') conditions = withCrdCondition({ ...crd, status: { conditions } }, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' }, now);
    const status = { ...crd.status, acceptedNames: accepted, conditions };
    if (JSON.stringify(status) === JSON.stringify(crd.status)) return;
    api.updateStatus(api.typeOf(crd), crd, status, COMPONENT);
  }

  /** The first name of this CRD another CRD of its group has accepted (checkConflicts). */
  private conflict(crd: KObject, names: Any): { reason: string; message: string } | undefined {
    const others = this.ctx.api.store.list('customresourcedefinitions').filter((o) => o.metadata.name !== crd.metadata.name && o.spec?.group === crd.spec?.group);
    // The store keeps objects by plural: a built-in's plural stays the built-in's (not a rule of a real server).
    if (resolveResourceName(names.plural)?.resource === names.plural) return { reason: 'PluralConflict', message: `"${names.plural}" is already in use` };
    const taken = (pick: (a: Any) => string[]) => new Set(others.flatMap((o) => pick(o.status?.acceptedNames ?? {})));
    if (taken((a) => [a.plural]).has(names.plural)) return { reason: 'PluralConflict', message: `"${names.plural}" is already in use` };
    if (names.singular && taken((a) => [a.singular]).has(names.singular)) return { reason: 'SingularConflict', message: `"${names.singular}" is already in use` };
    const shorts = taken((a) => a.shortNames ?? []);
    for (const s of names.shortNames ?? []) if (shorts.has(s)) return { reason: 'ShortNamesConflict', message: `"${s}" is already in use` };
    if (taken((a) => [a.kind]).has(names.kind)) return { reason: 'KindConflict', message: `"${names.kind}" is already in use` };
    if (taken((a) => [a.listKind]).has(names.listKind)) return { reason: 'ListKindConflict', message: `"${names.listKind}" is already in use` };
    return undefined;
  }
}

function stripEmpty(names: Any): Any {
  const out: Any = {};
  for (const k of ['categories', 'kind', 'listKind', 'plural', 'shortNames', 'singular']) if (names[k] !== undefined && !(Array.isArray(names[k]) && names[k].length === 0)) out[k] = names[k];
  return out;
}
