/**
 * Lessons are data: text in both languages, a starting scenario, and steps whose goals are
 * predicates over the simulated cluster (and the learner's actions). No UI code here; the
 * app renders these, and unit tests run the same goals headless.
 */
import type { Cluster, ClusterOptions, NodeGroup } from '../engine';

export type Language = 'ko' | 'en';

/** Text in both languages; a parity test keeps them complete. */
export type Bilingual = Record<Language, string>;

/** A concept from shared/CURRICULUM.md, C01–C26. */
export type ConceptId = `C${'0' | '1' | '2'}${number}`;

/** Where a step stands: it began at `since` (simulated ms), so earlier actions do not count. */
export interface StepContext {
  since: number;
}

export interface Goal {
  /** What the learner must bring about, said to them in both languages. */
  description: Bilingual;
  /** True once the cluster (or the learner's action log since the step began) shows it. */
  met(cluster: Cluster, step?: StepContext): boolean;
}

export type SolutionAction = { command: string; stdin?: string } | { stopNode: string } | { startNode: string };

export interface Step {
  id: string;
  title: Bilingual;
  instructions: Bilingual;
  /** YAML to start the editor with, or a command to suggest in the terminal. */
  starterYaml?: string;
  suggestedCommand?: string;
  hints: Bilingual[];
  /** What "show solution" does: kubectl command lines (with stdin where they read it), or a machine switched off or on. */
  solution: SolutionAction[];
  goal: Goal;
}

export interface Lesson {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  concepts: ConceptId[];
  /** How the cluster starts: its shape, a cloud node group with the cluster autoscaler, manifests applied first, time let run. */
  scenario: { cluster: ClusterOptions; clusterAutoscaler?: NodeGroup; apply?: string[]; advanceSeconds?: number };
  steps: Step[];
}
