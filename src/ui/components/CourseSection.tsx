/** The course the learner follows (from a course link): its lessons in the instructor's order, with progress to export. */
import { useTranslation } from 'react-i18next';
import { useCourse } from '../store/courseStore';
import { findLesson } from '../store/importedLessons';
import { useLessons } from '../store/lessonStore';
import { download } from '../persistence/notices';
import { LessonCard } from './LessonCard';

export function CourseSection() {
  const { t, i18n } = useTranslation();
  const course = useCourse((s) => s.course);
  const completed = useLessons((s) => s.completed);
  if (!course) return null;
  const lang = i18n.language === 'ko' ? 'ko' : 'en';
  const lessons = course.lessons.flatMap((id) => findLesson(id) ?? []);
  const finished = lessons.filter((l) => l.steps.every((s) => (completed[l.id] ?? []).includes(s.id))).length;
  return (
    <section className="course" aria-label={t('course.heading', { title: course.title[lang] })}>
      <h3 className="lesson-track">{t('course.heading', { title: course.title[lang] })}</h3>
      <p className="lesson-intro">{t('course.progress', { done: finished, all: lessons.length })}</p>
      <ol aria-label={course.title[lang]}>
        {lessons.map((l, i) => (
          <li key={l.id}>
            <LessonCard lesson={l} prefix={`${i + 1}. `} />
          </li>
        ))}
      </ol>
      <div className="progress-io">
        <button type="button" onClick={() => download('wheelhouse-course-progress.json', useCourse.getState().exportProgress())}>
          {t('course.exportProgress')}
        </button>
        <button type="button" onClick={() => window.confirm(t('course.leaveConfirm')) && useCourse.getState().leave()}>
          {t('course.leave')}
        </button>
      </div>
    </section>
  );
}
