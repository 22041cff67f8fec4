/**
 * The lessons the learner imported (a share link, a lesson file, a course link), kept in this
 * browser beside the saved sessions (../persistence/storage.ts) and listed apart from the
 * built-in ones. Every lesson is checked as data on the way in (../../lessons/lessonValidation.ts)
 * — again when read back from storage, which may hold what an older version or a hand wrote.
 */
import { create } from 'zustand';
import { lessonById } from '../../lessons/catalog';
import { LessonDataError, parseLesson } from '../../lessons/lessonValidation';
import type { Lesson } from '../../lessons/types';
import { readKept, saveKept } from '../persistence/storage';

/** More than a class's worth; each may carry a recorded scenario. */
export const MAX_IMPORTED = 50;

interface ImportedState {
  lessons: Lesson[];
  /** Checks and keeps a lesson (replacing an imported one of the same id: a newer version); throws LessonDataError. */
  add(value: unknown): Lesson;
  remove(id: string): void;
}

function persist(lessons: Lesson[]): void {
  void saveKept('lessons:imported', JSON.stringify(lessons));
}

export const useImported = create<ImportedState>((set, get) => ({
  lessons: [],
  add(value) {
    const lesson = parseLesson(value);
    if (lessonById(lesson.id)) throw new LessonDataError('lesson.id', { en: `"${lesson.id}" is the id of a built-in lesson: give the lesson an id of its own`, ko: `"${lesson.id}"는 기본 레슨의 ID입니다. 레슨에 고유한 ID를 주세요` });
    const others = get().lessons.filter((l) => l.id !== lesson.id);
    if (others.length >= MAX_IMPORTED) throw new LessonDataError('lesson', { en: `${MAX_IMPORTED} lessons are imported already: remove one first`, ko: `이미 레슨 ${MAX_IMPORTED}개를 가져왔습니다. 먼저 하나를 지우세요` });
    const lessons = [...others, lesson];
    set({ lessons });
    persist(lessons);
    return lesson;
  },
  remove(id) {
    const lessons = get().lessons.filter((l) => l.id !== id);
    set({ lessons });
    persist(lessons);
  },
}));

/** A lesson by id: a built-in one, or one the learner imported. */
export function findLesson(id: string): Lesson | undefined {
  return lessonById(id) ?? useImported.getState().lessons.find((l) => l.id === id);
}

export function isImported(id: string): boolean {
  return !lessonById(id) && useImported.getState().lessons.some((l) => l.id === id);
}

/** Reads the kept lessons back (after boot has read storage); any that no longer pass the checks are left out. */
export function loadImportedLessons(): void {
  const text = readKept('lessons:imported');
  if (!text) return;
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return;
  }
  if (!Array.isArray(values)) return;
  const lessons: Lesson[] = [];
  for (const v of values.slice(0, MAX_IMPORTED)) {
    try {
      const l = parseLesson(v);
      if (!lessonById(l.id) && !lessons.some((x) => x.id === l.id)) lessons.push(l);
    } catch {
      // one damaged lesson does not take the others with it
    }
  }
  useImported.setState({ lessons });
}
