/**
 * The lesson builder's state: which builder is open in the lesson panel (a lesson's, a course's),
 * the lesson being authored (kept across reloads, as the author's work), and the recording of a
 * scenario or a step's solution from what the author does in the sandbox.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../lessons/types';
import { useCluster } from '../store/clusterStore';
import { newDraft, newStep, scenarioFromSession, solutionFromRecording, type Draft, type DraftStep } from './draft';

const STORAGE_KEY = 'wheelhouse.builder';

export interface BuilderState {
  view?: 'lesson' | 'course';
  draft: Draft;
  /** The step being edited. */
  current: number;
  /** The step whose solution is being recorded. */
  recording?: string;
  open(view: 'lesson' | 'course'): void;
  close(): void;
  setLesson(patch: Partial<Pick<Draft, 'id' | 'title' | 'summary'>>): void;
  /** The sandbox as it is now becomes the lesson's starting point. */
  recordScenario(): Promise<void>;
  addStep(): void;
  removeStep(index: number): void;
  moveStep(index: number, by: -1 | 1): void;
  select(index: number): void;
  updateStep(index: number, patch: Partial<DraftStep>): void;
  startRecording(index: number): Promise<void>;
  stopRecording(): Promise<void>;
  /** Starts a new lesson (the one being authored is dropped). */
  reset(): void;
}

function randomId(): string {
  return `lesson-${Math.random().toString(36).slice(2, 8)}`;
}

function load(): Draft {
  try {
    const d = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Draft | null;
    // The author's own draft, written by this page: a shape check is enough (exporting checks the lesson in full).
    if (d && typeof d.id === 'string' && Array.isArray(d.steps) && d.steps.length && d.title && d.summary) return d;
  } catch {
    // unreadable: a new draft
  }
  return newDraft(randomId());
}

function save(d: Draft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(d));
  } catch {
    // storage full or denied: the draft lasts for this visit
  }
}

const nextKey = (steps: DraftStep[]) => {
  let n = steps.length + 1;
  while (steps.some((s) => s.key === `s${n}`)) n++;
  return `s${n}`;
};

export const useBuilder = create<BuilderState>((set, get) => {
  const change = (draft: Draft, extra: Partial<BuilderState> = {}) => {
    set({ draft, ...extra });
    save(draft);
  };
  const steps = (f: (steps: DraftStep[]) => DraftStep[]) => f([...get().draft.steps]);
  return {
    // Storage may be missing (tests) or refuse even to be looked at (a SecurityError): load() answers a new draft then.
    draft: load(),
    current: 0,
    open(view) {
      set({ view });
    },
    close() {
      if (get().recording) void get().stopRecording();
      set({ view: undefined });
    },
    setLesson(patch) {
      change({ ...get().draft, ...patch });
    },
    async recordScenario() {
      const session = await useCluster.getState().session();
      change({ ...get().draft, scenario: scenarioFromSession(session) });
    },
    addStep() {
      const list = steps((s) => [...s, newStep(nextKey(s))]);
      change({ ...get().draft, steps: list }, { current: list.length - 1 });
    },
    removeStep(index) {
      if (get().draft.steps.length <= 1) return;
      const list = steps((s) => s.filter((_, i) => i !== index));
      change({ ...get().draft, steps: list }, { current: Math.min(get().current, list.length - 1) });
    },
    moveStep(index, by) {
      const to = index + by;
      const list = steps((s) => s);
      if (to < 0 || to >= list.length) return;
      [list[index], list[to]] = [list[to], list[index]];
      change({ ...get().draft, steps: list }, { current: to });
    },
    select(index) {
      set({ current: index });
    },
    updateStep(index, patch) {
      change({ ...get().draft, steps: steps((s) => s.map((x, i) => (i === index ? { ...x, ...patch } : x))) });
    },
    async startRecording(index) {
      if (get().recording) await get().stopRecording();
      const step = get().draft.steps[index];
      if (!step) return;
      const p = await useCluster.getState().position();
      set({ recording: step.key });
      get().updateStep(index, { recordedFrom: { log: p.logLength, since: p.now }, solution: [] });
    },
    async stopRecording() {
      const key = get().recording;
      const index = get().draft.steps.findIndex((s) => s.key === key);
      set({ recording: undefined });
      const from = get().draft.steps[index]?.recordedFrom;
      if (index < 0 || !from) return;
      const recorded = await useCluster.getState().actionsSince(from.log);
      get().updateStep(index, { solution: solutionFromRecording(recorded) });
    },
    reset() {
      change(newDraft(randomId()), { current: 0, recording: undefined });
    },
  };
});

/** Text in both languages, one changed. */
export function withText(b: Bilingual, lang: 'ko' | 'en', text: string): Bilingual {
  return { ...b, [lang]: text };
}
