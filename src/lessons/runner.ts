/** Running lessons without a UI: set up a lesson's cluster and carry out a step's solution. */
import { createCluster, type Cluster } from '../engine';
import type { Lesson, SolutionAction } from './types';

export function startScenario(lesson: Lesson): Cluster {
  const c = createCluster(lesson.scenario.cluster);
  applyScenario(c, lesson);
  return c;
}

/** The scenario's manifests and settling time, on a fresh cluster. */
export function applyScenario(c: Cluster, lesson: Lesson): void {
  if (lesson.scenario.clusterAutoscaler) c.enableClusterAutoscaler(lesson.scenario.clusterAutoscaler);
  for (const manifest of lesson.scenario.apply ?? []) c.kubectl('apply -f -', { stdin: manifest });
  if (lesson.scenario.advanceSeconds) c.advance(lesson.scenario.advanceSeconds);
}

/** Carries out one action of a solution; an answer is returned for the step's context. */
export function performSolution(c: Cluster, action: SolutionAction): number | undefined {
  if ('answer' in action) return action.answer;
  if ('command' in action) c.kubectl(action.command.replace(/^kubectl\s+/, ''), action.stdin !== undefined ? { stdin: action.stdin } : {});
  else if ('stopNode' in action) c.stopNode(action.stopNode);
  else c.startNode(action.startNode);
  return undefined;
}
