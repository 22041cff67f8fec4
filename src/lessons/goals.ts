/**
 * Shorthands for the goals lessons use most — each returns plain goal data (./goalSpec.ts), so a
 * lesson reads `goal: deploymentReady('web', 3)` and still carries nothing but data.
 */
import type { Bilingual } from './types';
import type { GoalSpec } from './goalSpec';
import { withJosa } from './josa';

/** A Deployment has `replicas` ready pods (and no more wanted). */
export const deploymentReady = (name: string, replicas: number, namespace?: string): GoalSpec => ({ deployment: { name, ready: replicas, ...(namespace ? { namespace } : {}) } });

/** Every pod labelled app=<app> runs, ready, on a node other than `node` — `count` of them. */
export const podsMovedOff = (node: string, app: string, count: number): GoalSpec => ({
  says: { en: `All ${count} ${app} pods run on nodes other than ${node}`, ko: `${app} 파드 ${count}개가 모두 ${withJosa(node, '이/가')} 아닌 노드에서 실행 중입니다` },
  pods: { selector: `app=${app}`, count, notOn: node },
});

/** The learner stopped a node. */
export const nodeWasStopped = (node: string): GoalSpec => ({ node: { name: node, stoppedByYou: true } });

/** A pod (labelled as kubectl run labels it, run=<name>) runs with all its containers ready. */
export const podRunning = (name: string, containers?: number): GoalSpec => ({
  pods: { name, count: 1, ...(containers !== undefined ? { containers } : {}) },
  says: containers ? { en: `Pod ${name} is Running with ${containers}/${containers} containers ready`, ko: `파드 ${withJosa(name, '이/가')} 컨테이너 ${containers}/${containers}개 준비된 채로 실행 중입니다` } : { en: `Pod ${name} is Running and ready`, ko: `파드 ${withJosa(name, '이/가')} 준비된 상태로 실행 중입니다` },
});

/** A kubectl command matching `pattern` (without "kubectl ") succeeded since the step began. */
export const ranCommand = (pattern: RegExp, says: Bilingual, output?: RegExp): GoalSpec => ({ command: { matches: pattern.source, ...(output ? { output: output.source } : {}) }, says });

/** Every listed goal is met. */
export const allOf = (says: Bilingual, ...goals: GoalSpec[]): GoalSpec => ({ all: goals, says });

/** A pod of the app was created after the step began and runs (a replacement). */
export const replacementRunning = (app: string): GoalSpec => ({
  pods: { selector: `app=${app}`, count: 1, atLeast: true, newSinceStep: true },
  says: { en: `A new ${app} pod has replaced the one that went`, ko: `사라진 ${app} 파드 대신 새 파드가 실행 중입니다` },
});

/** No Deployment `name` and no pods labelled app=<name> remain. */
export const deploymentGone = (name: string): GoalSpec => ({ deploymentGone: { name } });

/** A node's machine runs and its Node is Ready again. */
export const nodeReady = (node: string): GoalSpec => ({ node: { name: node, ready: true } });

/** A claim is Bound and a pod labelled app=<app> that mounts it runs. */
export const claimInUse = (claim: string, app: string): GoalSpec => ({ claim: { name: claim, usedBy: `app=${app}` } });

/** The volume bound to `claim` holds `file`. */
export const fileOnClaim = (claim: string, file: string): GoalSpec => ({ claim: { name: claim, holds: file } });

/** The learner chose the right answer to the step's question. */
export const answered = (correct: number): GoalSpec => ({ answer: correct });

/** A Service has `ready` ready endpoints. */
export const serviceEndpoints = (service: string, ready: number, namespace?: string): GoalSpec => ({ endpoints: { service, ready, ...(namespace ? { namespace } : {}) } });
