/**
 * Where the learner is in the lessons: the open lesson and step, hints shown, what is done.
 * Goals are the lessons' own predicates, checked against the cluster after every change; a met
 * goal completes the step, which stays open (its hints too) so the learner can look at what
 * happened — they move on with Next, and the last step's Finish closes the lesson. Progress survives reloads
 * and can be exported to a file and imported back.
 */
import { create } from 'zustand';
import { LESSONS } from '../../lessons/catalog';
import { findLesson, isImported, loadImportedLessons, useImported } from './importedLessons';
import { useNotices } from '../persistence/notices';
import type { Lesson, SolutionAction, Step } from '../../lessons/types';
import { currentSlot, queryResult, useCluster, watchQuery } from './clusterStore';
import type { Query } from '../engineHost/queryTypes';
import { useFiles } from './filesStore';

const STORAGE_KEY = 'wheelhouse.progress';

export interface Progress {
  /** Completed step ids per lesson. */
  completed: Record<string, string[]>;
}

export interface LessonState extends Progress {
  lessonId?: string;
  stepIndex: number;
  /** Simulated time the current step began: actions before it do not count towards its goal. */
  stepStart: number;
  /** The action log's length when the step began ("reset this step" goes back to exactly there). */
  stepLog?: number;
  hintsShown: number;
  /** The learner's choice in the current step's question. */
  chosen?: number;
  /** The step whose goal was just met: it waits for the learner's Next (or Finish). */
  celebrating?: string;
  /** The learner pressed Finish on the last step: the lesson's completion is shown. */
  wrappedUp?: boolean;
  /** Set while a step's start (its time and log length) is being asked of the engine: its goal is not checked yet. */
  starting?: boolean;
  open(id: string): void;
  close(): void;
  goToStep(index: number): void;
  /** Next step, or on the last step (once its goal is met) the lesson's completion. */
  next(): void;
  revealHint(): void;
  choose(choice: number): void;
  showSolution(): void;
  resetStep(): void;
  check(): void;
  exportProgress(): string;
  importProgress(text: string): boolean;
}

function loadProgress(): Progress & { lessonId?: string; stepIndex?: number; stepStart?: number; stepLog?: number } {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return { completed: {} };
    const p = JSON.parse(raw);
    if (!p || typeof p !== 'object' || typeof p.completed !== 'object') return { completed: {} };
    const completed: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(p.completed)) if (findLesson(k) && Array.isArray(v)) completed[k] = (v as unknown[]).filter((x): x is string => typeof x === 'string');
    const lesson = typeof p.lessonId === 'string' ? findLesson(p.lessonId) : undefined;
    return { completed, lessonId: lesson?.id, stepIndex: lesson && Number.isInteger(p.stepIndex) ? Math.min(Math.max(0, p.stepIndex), lesson.steps.length - 1) : 0, stepStart: typeof p.stepStart === 'number' ? p.stepStart : undefined, stepLog: Number.isInteger(p.stepLog) ? p.stepLog : undefined };
  } catch {
    return { completed: {} };
  }
}

function save(s: LessonState): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ completed: s.completed, lessonId: s.lessonId, stepIndex: s.stepIndex, stepStart: s.stepStart, stepLog: s.stepLog }));
  } catch {
    // no storage: progress lasts for this visit only
  }
}

export function currentLesson(s: Pick<LessonState, 'lessonId'>): Lesson | undefined {
  return s.lessonId ? findLesson(s.lessonId) : undefined;
}

/** The question "is the current step's goal met?", as the engine answers it (undefined while a step is starting). */
export function goalQuery(s: Pick<LessonState, 'lessonId' | 'stepIndex' | 'stepStart' | 'chosen' | 'starting'>): Query | undefined {
  const step = !s.starting ? currentLesson(s)?.steps[s.stepIndex] : undefined;
  if (!step) return undefined;
  // The goal travels as data: the engine's side needs no catalog to check it (an imported lesson's too).
  return { type: 'goal', goal: step.goal, since: s.stepStart, ...(s.chosen !== undefined ? { answer: s.chosen } : {}) };
}

/** Where a step begins: the engine's time and log length once everything sent before is done. */
function markStepStart(extra: Partial<LessonState>): void {
  useLessons.setState({ ...extra, starting: true });
  void useCluster
    .getState()
    .position()
    .then((p) => {
      useLessons.setState({ stepStart: p.now, stepLog: p.logLength, starting: false });
      save(useLessons.getState());
    });
}

export function currentStep(s: Pick<LessonState, 'lessonId' | 'stepIndex'>): Step | undefined {
  return currentLesson(s)?.steps[s.stepIndex];
}

/** Puts a step's starter YAML in the editor (as its own file) when it has one. */
function loadStarter(lesson: Lesson, step: Step | undefined): void {
  if (!step?.starterYaml) return;
  const name = `${lesson.id}-${step.id}.yaml`;
  const files = useFiles.getState();
  if (!files.files.some((f) => f.name === name)) useFiles.setState({ files: [...files.files, { name, content: step.starterYaml }] });
  useFiles.getState().open(name);
}

function perform(action: SolutionAction): void {
  const c = useCluster.getState();
  if ('answer' in action) useLessons.getState().choose(action.answer);
  else if ('command' in action) void c.run(action.command, useFiles.getState().asRecord(), action.stdin);
  else if ('stopNode' in action) c.stopNode(action.stopNode);
  else c.startNode(action.startNode);
}

export const useLessons = create<LessonState>((set, get) => ({
  completed: {},
  lessonId: undefined,
  stepIndex: 0,
  stepStart: 0,
  stepLog: undefined,
  hintsShown: 0,
  open(id) {
    const lesson = findLesson(id);
    if (!lesson) return;
    // The lesson's cluster is a slot of its own: the sandbox is saved as it is and comes back on close.
    useCluster.getState().enterSlot(`lesson:${id}`, true);
    // An imported lesson's scenario travels as data; the engine refuses a log it cannot replay (the lesson then closes).
    if (isImported(id))
      useCluster
        .getState()
        .startScenario(lesson.scenario)
        .catch((e: unknown) => {
          if (get().lessonId === id) get().close();
          useNotices.getState().show({ kind: 'lessonNotReplayed', error: e instanceof Error ? e.message : String(e) });
        });
    else useCluster.getState().startLesson(id);
    const done = new Set(get().completed[id] ?? []);
    const first = lesson.steps.findIndex((s) => !done.has(s.id));
    const stepIndex = first < 0 ? 0 : first;
    // Steps already done are replayed by their solutions, so the cluster matches where the learner is.
    for (const step of lesson.steps.slice(0, stepIndex)) for (const a of step.solution) perform(a);
    markStepStart({ lessonId: id, stepIndex, hintsShown: 0, celebrating: undefined, chosen: undefined, wrappedUp: false });
    loadStarter(lesson, lesson.steps[stepIndex]);
  },
  close() {
    useCluster.getState().enterSlot('sandbox');
    set({ lessonId: undefined, stepIndex: 0, hintsShown: 0, celebrating: undefined, wrappedUp: false });
    save(get());
  },
  goToStep(index) {
    const lesson = currentLesson(get());
    if (!lesson || index < 0 || index >= lesson.steps.length) return;
    markStepStart({ stepIndex: index, hintsShown: 0, chosen: undefined, celebrating: undefined, wrappedUp: false });
    loadStarter(lesson, lesson.steps[index]);
  },
  next() {
    const s = get();
    const lesson = currentLesson(s);
    const step = lesson?.steps[s.stepIndex];
    if (!lesson || !step || !(s.completed[lesson.id] ?? []).includes(step.id)) return;
    if (s.stepIndex === lesson.steps.length - 1) set({ wrappedUp: true, celebrating: undefined });
    else get().goToStep(s.stepIndex + 1);
  },
  choose(choice) {
    set({ chosen: choice });
    get().check();
  },
  revealHint() {
    const step = currentStep(get());
    if (step) set({ hintsShown: Math.min(step.hints.length, get().hintsShown + 1) });
  },
  showSolution() {
    const step = currentStep(get());
    if (!step) return;
    for (const a of step.solution) perform(a);
  },
  resetStep() {
    useCluster.getState().restoreTo(get().stepStart, get().stepLog);
    set({ hintsShown: 0 });
  },
  check() {
    const s = get();
    const lesson = currentLesson(s);
    const step = lesson?.steps[s.stepIndex];
    if (!lesson || !step) return;
    const done = s.completed[lesson.id] ?? [];
    // A met step stays met (and open) until the learner moves on: the cluster may change meanwhile.
    if (done.includes(step.id)) return;
    const q = goalQuery(s);
    if (!q || queryResult(q) !== true) return;
    const completed = { ...s.completed, [lesson.id]: [...new Set([...done, step.id])] };
    set({ completed, celebrating: step.id });
    save(get());
  },
  exportProgress() {
    return JSON.stringify({ wheelhouse: 'progress', version: 1, completed: get().completed }, null, 2);
  },
  importProgress(text) {
    try {
      const p = JSON.parse(text);
      if (p?.wheelhouse !== 'progress' || typeof p.completed !== 'object') return false;
      const completed: Record<string, string[]> = {};
      for (const l of [...LESSONS, ...useImported.getState().lessons]) {
        const ids = p.completed[l.id];
        if (Array.isArray(ids)) completed[l.id] = l.steps.map((s) => s.id).filter((id) => ids.includes(id));
      }
      set({ completed });
      save(get());
      return true;
    } catch {
      return false;
    }
  },
}));

let started = false;
/**
 * Restores the learner's progress and the open lesson, checks goals as the cluster changes, and
 * opens a `?lesson=` link: called once by the app, after the cluster store has started.
 */
export function startLessonStore(): void {
  if (started) return;
  started = true;
  loadImportedLessons();
  const restored = loadProgress();
  useLessons.setState({ completed: restored.completed, lessonId: restored.lessonId, stepIndex: restored.stepIndex ?? 0, stepStart: restored.stepStart ?? 0, stepLog: restored.stepLog });

  // The engine answers the current step's goal after every change; the step completes when it says met.
  let unwatch = () => {};
  let watching: string | undefined;
  const follow = () => {
    const q = goalQuery(useLessons.getState());
    const key = q && JSON.stringify(q);
    if (key === watching) return;
    unwatch();
    watching = key;
    unwatch = q ? watchQuery(q) : () => {};
  };
  useLessons.subscribe(follow);
  follow();
  useCluster.subscribe((state, prev) => {
    if (state.results !== prev.results) useLessons.getState().check();
  });

  // The cluster on screen and the open lesson agree after a reload: a lesson whose cluster is not
  // the one restored (a shared scenario opened meanwhile, or a session saved before lessons had
  // clusters of their own) is reopened, or closed for a shared scenario; a lesson's cluster with no
  // lesson open goes back to the sandbox.
  const slot = currentSlot();
  const open = useLessons.getState().lessonId;
  if (open && slot !== `lesson:${open}`) {
    if (slot === 'shared') {
      useLessons.setState({ lessonId: undefined, stepIndex: 0 });
      save(useLessons.getState());
    } else useLessons.getState().open(open);
  } else if (!open && slot.startsWith('lesson:')) useCluster.getState().enterSlot('sandbox');

  // `?lesson=<id>` opens a lesson (a shareable link to it).
  if (typeof location !== 'undefined') {
    const id = new URLSearchParams(location.search).get('lesson');
    if (id && findLesson(id) && useLessons.getState().lessonId !== id) useLessons.getState().open(id);
  }
}
