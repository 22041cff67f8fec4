/**
 * The course the learner follows (opened from a course link): its lessons in the instructor's
 * order, and when each of their steps was done — kept across reloads and exportable as a file
 * an instructor can collect. Which steps are done is the lesson store's progress; this store adds
 * the course and the times.
 */
import { create } from 'zustand';
import type { Course } from '../../lessons/courseValidation';
import type { Bilingual } from '../../lessons/types';
import { findLesson } from './importedLessons';
import { useLessons } from './lessonStore';

const STORAGE_KEY = 'wheelhouse.course';

export interface CourseState {
  course?: Course;
  /** When the course was opened (ISO time). */
  startedAt?: string;
  /** When each step was done (ISO time), by lesson id, then step id. */
  doneAt: Record<string, Record<string, string>>;
  join(course: Course): void;
  leave(): void;
  /** The progress through the course as a file's text. */
  exportProgress(): string;
}

function save(s: Pick<CourseState, 'course' | 'startedAt' | 'doneAt'>): void {
  try {
    if (!s.course) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify({ course: s.course, startedAt: s.startedAt, doneAt: s.doneAt }));
  } catch {
    // no storage: the course lasts for this visit only
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 400;
const isBilingual = (v: unknown): v is Bilingual => !!v && typeof v === 'object' && isText((v as Bilingual).ko) && isText((v as Bilingual).en);

function load(): Pick<CourseState, 'course' | 'startedAt' | 'doneAt'> {
  try {
    const p = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    const c = p?.course;
    if (!c || !isBilingual(c.title) || !Array.isArray(c.lessons) || !c.lessons.every(isText)) return { doneAt: {} };
    const doneAt: Record<string, Record<string, string>> = {};
    for (const id of c.lessons as string[]) {
      const steps = p.doneAt?.[id];
      if (!steps || typeof steps !== 'object') continue;
      doneAt[id] = Object.fromEntries(Object.entries(steps).filter((e): e is [string, string] => isText(e[1])));
    }
    return { course: { title: { ko: c.title.ko, en: c.title.en }, lessons: c.lessons.filter((id: string) => findLesson(id)) }, startedAt: isText(p.startedAt) ? p.startedAt : undefined, doneAt };
  } catch {
    return { doneAt: {} };
  }
}

export const useCourse = create<CourseState>((set, get) => ({
  doneAt: {},
  join(course) {
    const same = JSON.stringify(get().course) === JSON.stringify(course);
    set(same ? { course } : { course, startedAt: new Date().toISOString(), doneAt: {} });
    save(get());
  },
  leave() {
    set({ course: undefined, startedAt: undefined, doneAt: {} });
    save(get());
  },
  exportProgress() {
    const { course, startedAt, doneAt } = get();
    const completed = useLessons.getState().completed;
    const lessons = (course?.lessons ?? []).map((id) => {
      const lesson = findLesson(id);
      const done = new Set(completed[id] ?? []);
      const steps = (lesson?.steps ?? []).map((s) => ({ id: s.id, title: s.title, done: done.has(s.id), ...(doneAt[id]?.[s.id] ? { doneAt: doneAt[id][s.id] } : {}) }));
      const times = steps.map((s) => s.doneAt).filter((t): t is string => !!t);
      const finished = steps.length > 0 && steps.every((s) => s.done);
      return { id, title: lesson?.title, steps, finished, ...(finished && times.length ? { finishedAt: times.sort().at(-1) } : {}) };
    });
    return JSON.stringify({ wheelhouse: 'course-progress', version: 1, course: course && { title: course.title, lessons: course.lessons }, startedAt, exportedAt: new Date().toISOString(), lessons }, null, 2);
  },
}));

let started = false;
/** Restores the course and records when its steps are done from now on: called once, after the lesson store started. */
export function startCourseStore(): void {
  if (started) return;
  started = true;
  useCourse.setState(load());
  useLessons.subscribe((s, prev) => {
    const course = useCourse.getState().course;
    if (!course || s.completed === prev.completed) return;
    const doneAt = { ...useCourse.getState().doneAt };
    const now = new Date().toISOString();
    let changed = false;
    for (const id of course.lessons) {
      // Only steps done just now: one done before the course began has no time to give.
      const before = new Set(prev.completed[id] ?? []);
      for (const step of s.completed[id] ?? []) {
        if (before.has(step) || doneAt[id]?.[step]) continue;
        doneAt[id] = { ...doneAt[id], [step]: now };
        changed = true;
      }
    }
    if (!changed) return;
    useCourse.setState({ doneAt });
    save(useCourse.getState());
  });
}
