/** The lessons, in the order they build on each other. */
import type { Lesson } from '../types';
import { firstPod } from './firstPod';
import { desiredState } from './desiredState';
import { nodeFailure } from './nodeFailure';
import { storage } from './storage';

export const LESSONS: Lesson[] = [firstPod, desiredState, nodeFailure, storage];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
