/**
 * Opening lesson and course links: on load (`#lesson=…`, `#course=…` in the address), when such
 * a link is pasted into the address bar of an open page (only the hash changes), and when the
 * learner pastes one into the import box. A lesson is imported and opened; a course is kept with
 * its authored lessons and shown in the lesson panel. Whatever cannot be used is said in the
 * learner's language, and nothing else changes.
 */
import { parseCourse } from '../../lessons/courseValidation';
import { LessonDataError } from '../../lessons/lessonValidation';
import type { Lesson } from '../../lessons/types';
import { useNotices } from '../persistence/notices';
import { startCourseStore, useCourse } from '../store/courseStore';
import { useImported } from '../store/importedLessons';
import { useLessons } from '../store/lessonStore';
import { decodeLink, isLessonHash, readLessonFile } from './lessonLink';
import { useBuilder } from './builderStore';

/** Says why a lesson or course could not be used, in a banner. */
export function reject(e: unknown): void {
  if (!(e instanceof LessonDataError)) throw e;
  useNotices.getState().show({ kind: 'lessonRejected', where: e.where, problem: e.problem });
}

/** Imports a lesson (checked) and opens it. */
function openLesson(value: unknown): Lesson {
  const lesson = useImported.getState().add(value);
  useNotices.getState().dismiss('lessonRejected');
  // What opens takes the lesson panel: a builder open there steps aside (its draft is kept).
  useBuilder.getState().close();
  useLessons.getState().open(lesson.id);
  return lesson;
}

/** Opens a lesson or course link; throws LessonDataError when it cannot be used. */
export function openLink(link: string): void {
  const { kind, value } = decodeLink(link);
  if (kind === 'lesson') {
    openLesson(value);
    return;
  }
  const { course, authored } = parseCourse(value);
  for (const lesson of authored) useImported.getState().add(lesson);
  useNotices.getState().dismiss('lessonRejected');
  useBuilder.getState().close();
  useCourse.getState().join(course);
  if (useLessons.getState().lessonId) useLessons.getState().close();
}

/** Imports a lesson file's text and opens the lesson; throws LessonDataError when it cannot be used. */
export function openLessonFile(text: string): Lesson {
  return openLesson(readLessonFile(text));
}

let started = false;
/** Opens a link the page was loaded with, and any pasted into the address bar later: called once, after the lesson store started. */
export function startLessonLinks(): void {
  if (started) return;
  started = true;
  startCourseStore();
  const follow = () => {
    const hash = location.hash;
    if (!isLessonHash(hash)) return;
    // The address is cleaned at once: a reload does not import the link again (the lesson is kept).
    history.replaceState(history.state, '', location.pathname + location.search);
    try {
      openLink(hash);
    } catch (e) {
      reject(e);
    }
  };
  window.addEventListener('hashchange', follow);
  follow();
}
