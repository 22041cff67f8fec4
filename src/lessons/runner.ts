/** Running lessons without a UI: set up a lesson's cluster and carry out a step's solution. */
import { createCluster, rebuildCluster, type EnginePort } from '../engine/port';
import type { Lesson, SolutionAction } from './types';
import { succeeded } from './goalChecks';

/** A lesson's starting cluster: an authored lesson's recorded log replayed, or the manifests applied on a fresh one. */
export function startScenario(lesson: Pick<Lesson, 'scenario'>): EnginePort {
  if (lesson.scenario.actions) return rebuildCluster(lesson.scenario.cluster, lesson.scenario.actions);
  const c = createCluster(lesson.scenario.cluster);
  applyScenario(c, lesson);
  return c;
}

/** The scenario's manifests and settling time, on a fresh cluster. */
export function applyScenario(c: EnginePort, lesson: Pick<Lesson, 'scenario'>): void {
  if (lesson.scenario.clusterAutoscaler) c.enableClusterAutoscaler(lesson.scenario.clusterAutoscaler);
  for (const item of lesson.scenario.apply ?? []) {
    if (typeof item === 'string') c.kubectl('apply -f -', { stdin: item });
    else c.advance(item.advanceSeconds);
  }
  if (lesson.scenario.advanceSeconds) c.advance(lesson.scenario.advanceSeconds);
}

/** How long a learner would keep trying a command that needs something still starting (a pod, an Ingress address). */
const RETRY_FOR_SECONDS = 120;

/**
 * Carries out one action of a solution; an answer is returned for the step's context. A command
 * that reads from something still starting (`exec` into a pod being created, a request to an
 * Ingress not yet synced) is tried again a few seconds later, as a learner would, until it
 * succeeds or two minutes have passed; `failed` then holds the last failure.
 */
export function performSolution(c: EnginePort, action: SolutionAction, failed?: (message: string) => void): number | undefined {
  if ('answer' in action) return action.answer;
  if ('command' in action) {
    const command = action.command.replace(/^kubectl\s+/, '');
    const patient = /^(exec|logs|rollout status)\b/.test(command);
    for (let waited = 0; ; waited += 5) {
      const r = c.kubectl(command, action.stdin !== undefined ? { stdin: action.stdin } : {});
      if (action.exitCode !== undefined ? r.exitCode === action.exitCode : succeeded(command, r.exitCode, r.stdout)) break;
      if (!patient || waited >= RETRY_FOR_SECONDS) {
        failed?.(`kubectl ${command} → exit ${r.exitCode}: ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
        break;
      }
      c.advance(5);
    }
  } else if ('stopNode' in action) c.stopNode(action.stopNode);
  else c.startNode(action.startNode);
  return undefined;
}
