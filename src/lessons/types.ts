/**
 * Lessons are data: text in both languages, a starting scenario, and steps whose goals are
 * descriptions of what must have happened in the simulated cluster (./goalSpec.ts). No UI code here; the
 * app renders these, and unit tests run the same goals headless.
 */
import type { Action, ClusterOptions, NodeGroup } from '../engine/port';
import type { GoalSpec } from './goalSpec';

export type Language = 'ko' | 'en';

/** Text in both languages; a parity test keeps them complete. */
export type Bilingual = Record<Language, string>;

/** A concept: the seed documents' C01–C26, or one the project adds (./concepts.ts, C27 …). */
export type ConceptId = `C${'0' | '1' | '2' | '3'}${number}`;

/** Where a step stands: it began at `since` (simulated ms), so earlier actions do not count. */
export interface StepContext {
  since: number;
  /** The choice the learner made in the step's question, if it has one. */
  answer?: number;
}

/** A small figure drawn beside the text: layers stacked side by side, or a comparison table. */
export type Figure =
  | { kind: 'stacks'; caption: Bilingual; columns: { title: Bilingual; layers: Bilingual[]; note?: Bilingual }[] }
  | { kind: 'table'; caption: Bilingual; header: Bilingual[]; rows: Bilingual[][] }
  | { kind: 'path'; caption: Bilingual; stops: { name: string; does: Bilingual }[] };

/** Something in the diagram: a control-plane component, a node, or an object by kind and name. */
export interface Highlight {
  kind: 'Component' | 'Node' | 'Service' | 'Deployment' | 'StatefulSet' | 'Pod' | 'PersistentVolume';
  name: string;
  namespace?: string;
}

/** A question to answer; the goal is met by the right choice (`correct`). */
export interface Quiz {
  question: Bilingual;
  choices: Bilingual[];
  correct: number;
  /** Said after a wrong choice: a nudge that does not give the answer away (a test checks it). */
  explanation: Bilingual;
  /** Said once the right choice is made: why it is right. */
  answerNote?: Bilingual;
}

/** The target state drawn small ("show goal"): nodes, groups of pods, Services, disks. */
export interface GoalPicture {
  nodes?: { name: string; down?: boolean }[];
  /** `count` pods of `label` running (0: none left); `notOn`: none of them on that node. */
  pods?: { label: string; count: number; containers?: number; notOn?: string }[];
  services?: { name: string; endpoints: number }[];
  disks?: { claim: string; file?: string }[];
}

/** A command's `exitCode` is what it should answer when not 0 (kubectl diff exits 1 when it finds differences). */
export type SolutionAction = { command: string; stdin?: string; exitCode?: number } | { stopNode: string } | { startNode: string } | { answer: number };

export interface Step {
  id: string;
  title: Bilingual;
  instructions: Bilingual;
  figure?: Figure;
  quiz?: Quiz;
  /** What the diagram should point out during the step (components, nodes, workloads, Services). */
  highlight?: Highlight[];
  /** YAML to start the editor with, or a command to suggest in the terminal. */
  starterYaml?: string;
  suggestedCommand?: string;
  hints: Bilingual[];
  /** What "show solution" does: kubectl command lines (with stdin where they read it), or a machine switched off or on. */
  solution: SolutionAction[];
  /** What the step asks for, as data: its check, words and picture are derived from it (./goalSpec.ts). */
  goal: GoalSpec;
}

export interface Lesson {
  id: string;
  /** Which list the lesson belongs to: the guided course (the default), or the broken clusters to troubleshoot. */
  track?: 'course' | 'troubleshooting';
  title: Bilingual;
  summary: Bilingual;
  concepts: ConceptId[];
  /**
   * How the cluster starts: its shape, a cloud node group with the cluster autoscaler, manifests
   * applied in order (with time let run between them where a `{ advanceSeconds }` stands), then
   * time let run. An authored lesson records its start instead: `actions`, the engine's action log
   * of the author's sandbox, replayed on a cluster of that shape (../ui/builder).
   */
  scenario: { cluster: ClusterOptions; clusterAutoscaler?: NodeGroup; apply?: (string | { advanceSeconds: number })[]; advanceSeconds?: number; actions?: Action[] };
  steps: Step[];
}
