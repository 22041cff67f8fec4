/**
 * A course: lessons in the order an instructor chose — built-in ones by id, authored ones carried
 * whole (a course link must play for anyone, who has none of the instructor's imported lessons).
 * Read from untrusted data like a lesson (./lessonValidation.ts): checked, copied, or refused
 * with a LessonDataError saying where.
 */
import { lessonById } from './catalog';
import { parseBilingual } from './goalValidation';
import { LessonDataError, parseLesson } from './lessonValidation';
import type { Bilingual, Lesson } from './types';

export const MAX_COURSE_LESSONS = 30;

export interface Course {
  title: Bilingual;
  /** Lesson ids in order. */
  lessons: string[];
}

/** A course as a link or file carries it: built-in lessons by id, authored ones whole. */
export interface CourseData {
  wheelhouse: 'course';
  version: 1;
  title: Bilingual;
  lessons: (string | Lesson)[];
}

const fail = (where: string, en: string, ko: string): never => {
  throw new LessonDataError(where, { en, ko });
};

/** A course from untrusted data: the course, and the authored lessons it carries (checked). */
export function parseCourse(value: unknown): { course: Course; authored: Lesson[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return fail('course', 'must be an object', '객체여야 합니다');
  const c = value as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!['wheelhouse', 'version', 'title', 'lessons'].includes(k)) fail(`course.${k}`, 'is not a field of a course (known: wheelhouse, version, title, lessons)', '코스의 필드가 아닙니다(알려진 필드: wheelhouse, version, title, lessons)');
  if (c.wheelhouse !== 'course') fail('course.wheelhouse', 'must be "course"', '"course"여야 합니다');
  if (c.version !== 1) fail('course.version', 'comes from another version of Wheelhouse', '다른 버전의 Wheelhouse에서 만든 코스입니다');
  const title = parseBilingual(c.title, 'course.title', 200);
  if (!Array.isArray(c.lessons) || !c.lessons.length || c.lessons.length > MAX_COURSE_LESSONS) return fail('course.lessons', `must list 1 to ${MAX_COURSE_LESSONS} lessons`, `레슨을 1~${MAX_COURSE_LESSONS}개 나열해야 합니다`);
  const authored: Lesson[] = [];
  const ids = c.lessons.map((entry, i) => {
    if (typeof entry === 'string') {
      if (!lessonById(entry)) fail(`course.lessons[${i}]`, `names no built-in lesson ("${entry.slice(0, 64)}")`, `기본 레슨을 가리키지 않습니다("${entry.slice(0, 64)}")`);
      return entry;
    }
    let lesson: Lesson;
    try {
      lesson = parseLesson(entry);
    } catch (e) {
      // Where inside the course: the lesson's own path, under its place in the list.
      if (e instanceof LessonDataError) throw new LessonDataError(`course.lessons[${i}]${e.where.replace(/^lesson/, '')}`, e.problem);
      throw e;
    }
    if (lessonById(lesson.id)) fail(`course.lessons[${i}].id`, `"${lesson.id}" is the id of a built-in lesson`, `"${lesson.id}"는 기본 레슨의 ID입니다`);
    authored.push(lesson);
    return lesson.id;
  });
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) fail(`course.lessons[${i}]`, `lists "${id}" twice`, `"${id}"를 두 번 나열합니다`);
    seen.add(id);
  });
  return { course: { title, lessons: ids }, authored };
}
