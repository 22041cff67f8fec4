/** The lessons, in the order they build on each other. */
import type { Lesson } from '../types';
import { firstPod } from './firstPod';
import { desiredState } from './desiredState';
import { nodeFailure } from './nodeFailure';
import { scheduling } from './scheduling';
import { services } from './services';
import { rollingUpdate } from './rollingUpdate';
import { storage } from './storage';
import { configuration } from './configuration';
import { healthChecks } from './healthChecks';
import { namespaces } from './namespaces';
import { exposing } from './exposing';
import { clusterAutoscaling, hpa } from './autoscaling';
import { whyKubernetes } from './whyKubernetes';
import { tour } from './tour';
import { challenge } from './challenge';
import { TROUBLESHOOTING } from './troubleshooting';
import { safeDrain } from './safeDrain';
import { accessControl } from './accessControl';
import { networkPolicy } from './networkPolicy';
import { priority } from './priority';
import { customResources } from './customResources';
import { jobs } from './jobs';
import { statefulSets } from './statefulSets';
import { daemonSets } from './daemonSets';
import { dailyKubectl } from './dailyKubectl';

export const LESSONS: Lesson[] = [whyKubernetes, tour, firstPod, desiredState, nodeFailure, scheduling, services, exposing, rollingUpdate, dailyKubectl, hpa, clusterAutoscaling, storage, statefulSets, daemonSets, jobs, namespaces, configuration, healthChecks, safeDrain, accessControl, networkPolicy, priority, customResources, challenge, ...TROUBLESHOOTING];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
