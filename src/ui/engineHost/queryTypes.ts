/**
 * What the page can ask of the engine while it runs, as plain data. A panel *watches* a query
 * (../store/useEngineQuery.ts): the worker answers it again after every change and sends the
 * answer only when it differs, so a panel reads its answer from the store instead of calling
 * into the engine on every render. (Types only: the answers are worked out in ./queries.ts,
 * inside the worker.)
 */
import type { EventRecord, KubectlResult, NodeVerdict, Reason, ClusterNotice } from '../../engine/port';
import type { PodDiagnosis } from './podDiagnosis';
import type { GoalSpec } from '../../lessons/goalSpec';

export type Query =
  /** Read-only kubectl (describe, get -o yaml, events): never recorded. */
  | { type: 'kubectl'; command: string }
  | { type: 'podDiagnosis'; namespace: string; name: string }
  /** The scheduler's verdict per node, asked now, with the recorded attempt's message. */
  | { type: 'explainPod'; namespace: string; name: string }
  | { type: 'exists'; kind: string; namespace?: string; name: string }
  /** The most recent events in `namespaces` (empty: every namespace), oldest first. */
  | { type: 'events'; limit: number; namespaces: string[] }
  | { type: 'reasons'; limit: number }
  | { type: 'notices' }
  /** Whether a lesson step's goal (its data, ../../lessons/goalSpec.ts) is met, since the step began. */
  | { type: 'goal'; goal: GoalSpec; since: number; answer?: number };

export interface QueryResults {
  kubectl: KubectlResult;
  podDiagnosis: PodDiagnosis | undefined;
  explainPod: { verdicts: NodeVerdict[]; message?: string } | undefined;
  exists: boolean;
  events: EventRecord[];
  reasons: Reason[];
  notices: ClusterNotice[];
  goal: boolean;
}

export type ResultOf<Q extends Query> = QueryResults[Q['type']];

export function queryKey(q: Query): string {
  return JSON.stringify(q);
}
