/** The answers to the page's queries (./queryTypes.ts), worked out where the engine runs. */
import { RESOURCE_TYPES, VERBS, type EnginePort } from '../../engine/port';
import { goalMet } from '../../lessons/goalChecks';
import { podDiagnosis } from './podDiagnosis';
import type { Query } from './queryTypes';

export function evaluate(cluster: EnginePort, q: Query): unknown {
  switch (q.type) {
    case 'kubectl':
      return cluster.query(q.command);
    case 'podDiagnosis':
      return podDiagnosis(cluster, q.namespace, q.name);
    case 'explainPod': {
      const verdicts = cluster.explainPod(q.namespace, q.name);
      return verdicts && { verdicts, message: cluster.schedulingAttempt(q.namespace, q.name)?.message };
    }
    case 'exists': {
      const type = RESOURCE_TYPES.find((t) => t.kind === q.kind);
      return !type || !!cluster.get(type.resource, type.namespaced ? q.namespace : undefined, q.name);
    }
    case 'events': {
      const all = q.namespaces.length ? q.namespaces.flatMap((ns) => cluster.events(ns)) : cluster.events();
      return all.sort((a, b) => a.last - b.last || a.seq - b.seq).slice(-q.limit);
    }
    case 'reasons':
      return cluster.recentReasons(q.limit);
    case 'notices':
      return cluster.notices();
    case 'goal': {
      return goalMet(cluster, q.goal, { since: q.since, answer: q.answer });
    }
  }
}

/** Names of objects of a resource type (as kubectl names it) in a namespace, for completion. */
export function objectNames(cluster: EnginePort, resource: string, namespace: string): string[] {
  const type = RESOURCE_TYPES.find((t) => [t.resource, t.singular, ...t.shortNames].includes(resource.toLowerCase()));
  if (!type) return [];
  return cluster.list(type.resource, type.namespaced ? namespace : undefined).map((o) => o.metadata.name!);
}

/** The words the terminal completes (kubectl's verbs, the resource types and their short names), asked once. */
export function vocabulary(): { verbs: string[]; resources: string[] } {
  return { verbs: Object.keys(VERBS), resources: RESOURCE_TYPES.filter((t) => t.verbs.includes('list')).flatMap((t) => [t.resource, t.singular, ...t.shortNames]) };
}
