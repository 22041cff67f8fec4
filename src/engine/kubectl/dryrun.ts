/**
 * `--dry-run=none|client|server`, shared by every verb that has it. Client: kubectl works the
 * change out and prints it, sending nothing. Server: the request goes to the API server with
 * dryRun=All, which runs validation and admission and stores nothing. Either way the cluster
 * does not change (cmdutil.GetDryRunStrategy, PrintFlagsWithDryRunStrategy).
 */
import type { KObject } from '../api/types';
import type { ResourceType } from '../api/registry';
import { KubectlError, str } from './args';
import type { VerbContext } from './context';

export type DryRunMode = 'none' | 'client' | 'server';

export function dryRunMode(ctx: VerbContext): DryRunMode {
  const v = str(ctx.args, 'dry-run');
  if (v === undefined || v === 'none' || v === 'false') return 'none';
  if (v === 'client' || v === 'true' || v === 'unchanged') return 'client';
  if (v === 'server') return 'server';
  throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** What kubectl's name printer adds after the operation: ` (dry run)` or ` (server dry run)`. */
export function dryRunSuffix(mode: DryRunMode): string {
  return mode === 'none' ? '' : mode === 'client' ? ' (dry run)' : ' (server dry run)';
}

/**
 * Reads the live object, applies `change` and, unless dry-running, stores the result (as the
 * verbs' PATCH would). Returns the object as it is or would be, or undefined when it is gone.
 */
export function changeObject(ctx: VerbContext, mode: DryRunMode, type: ResourceType, namespace: string | undefined, name: string, change: (obj: KObject) => KObject | undefined): KObject | undefined {
  const api = ctx.cluster.api;
  if (mode === 'none') return api.mutate(type, namespace, name, 'kubectl', change);
  const current = api.tryGet(type, namespace, name);
  if (!current) return undefined;
  const next = change(current);
  if (!next || next === current) return current;
  return mode === 'server' ? api.update(next, 'kubectl', { dryRun: true }) : next;
}
