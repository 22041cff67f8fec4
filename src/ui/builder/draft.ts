/**
 * A lesson being authored: what the builder's forms hold, and the lesson (as plain data, the
 * form a lesson file and a share link carry) made from it. The draft is loose on purpose — half
 * filled while the author works; the lesson made from it is checked as any imported lesson is
 * (../../lessons/lessonValidation.ts), and that check's message is what the author sees.
 */
import type { Action, ClusterOptions } from '../../engine/port';
import type { Bilingual, SolutionAction } from '../../lessons/types';
import type { RecordedAction } from '../engineHost/host';
import { goalFromForm, type GoalForm } from './goalForms';

export interface DraftStep {
  /** Stable while the author reorders steps (React keys, the step's id in the lesson). */
  key: string;
  title: Bilingual;
  instructions: Bilingual;
  goal: GoalForm;
  /** The author's own words for the goal (left empty: the words derived from the goal). */
  says: Bilingual;
  hints: Bilingual[];
  solution: SolutionAction[];
  /** Where the solution's recording began: the log's length and the simulated time (the goal preview counts from there). */
  recordedFrom?: { log: number; since: number };
}

export interface DraftScenario {
  cluster: ClusterOptions;
  actions: Action[];
}

export interface Draft {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  scenario?: DraftScenario;
  steps: DraftStep[];
}

const EMPTY: Bilingual = { ko: '', en: '' };

export function newStep(key: string): DraftStep {
  return { key, title: { ...EMPTY }, instructions: { ...EMPTY }, goal: { kind: 'deployment', values: {}, tests: [] }, says: { ...EMPTY }, hints: [], solution: [] };
}

export function newDraft(id: string): Draft {
  return { id, title: { ...EMPTY }, summary: { ...EMPTY }, steps: [newStep('s1')] };
}

/** Only the languages written (an author may write one): the lesson's check fills the other. */
function written(b: Bilingual): Partial<Bilingual> {
  const out: Partial<Bilingual> = {};
  if (b.ko.trim()) out.ko = b.ko;
  if (b.en.trim()) out.en = b.en;
  return out;
}

/** The goal as data, with the author's own words when they wrote any. */
export function draftGoal(step: DraftStep): unknown {
  const goal = goalFromForm(step.goal) as Record<string, unknown>;
  return step.says.ko.trim() || step.says.en.trim() ? { ...goal, says: written(step.says) } : goal;
}

/** The lesson as data (not yet checked). */
export function draftLesson(d: Draft): unknown {
  return {
    id: d.id,
    title: written(d.title),
    ...(d.summary.ko.trim() || d.summary.en.trim() ? { summary: written(d.summary) } : {}),
    scenario: d.scenario ? { cluster: d.scenario.cluster, actions: d.scenario.actions } : { cluster: { seed: 1, workers: 3 } },
    steps: d.steps.map((s) => ({
      id: s.key,
      title: written(s.title),
      instructions: written(s.instructions),
      hints: s.hints.filter((h) => h.ko.trim() || h.en.trim()).map(written),
      solution: s.solution,
      goal: draftGoal(s),
    })),
  };
}

/** A scenario from the sandbox's log: each command keeps only the files it names (`-f web.yaml`), as the share links do. */
export function scenarioFromSession(session: { options: ClusterOptions; actions: Action[] }): DraftScenario {
  const actions = session.actions.map((a): Action => {
    if (a.type !== 'kubectl' || !a.files) return a;
    const named = Object.entries(a.files).filter(([name]) => a.command.includes(name));
    const { files: _files, ...rest } = a;
    return named.length ? { ...rest, files: Object.fromEntries(named) } : rest;
  });
  return { cluster: session.options, actions };
}

/**
 * A step's solution from what the author did while recording: the commands that succeeded (a
 * file applied from the editor becomes the same command reading that file's text from stdin, so
 * the learner's "Show solution" needs no editor file), and machines switched off or on.
 */
export function solutionFromRecording(recorded: RecordedAction[]): SolutionAction[] {
  const out: SolutionAction[] = [];
  for (const a of recorded) {
    if (a.type === 'stopNode') out.push({ stopNode: a.name });
    else if (a.type === 'startNode') out.push({ startNode: a.name });
    else if (a.type === 'kubectl' && a.exitCode === 0) {
      const command = a.command.trim().replace(/^k\s+/, 'kubectl ');
      const files = Object.entries(a.files ?? {});
      if (files.length === 1 && a.stdin === undefined) {
        const [name, content] = files[0];
        out.push({ command: command.replace(new RegExp(`(-f|--filename)(=|\\s+)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`), '$1$2-'), stdin: content });
      } else out.push(a.stdin !== undefined ? { command, stdin: a.stdin } : { command });
    }
  }
  return out;
}
