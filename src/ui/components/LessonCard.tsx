/** A lesson in a list: its title (ticked when done), summary and progress; opening it starts it. */
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../lessons/types';
import { useLessons } from '../store/lessonStore';
import { langOf } from '../builder/fields';

export function LessonCard({ lesson, prefix }: { lesson: Lesson; prefix?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ko' ? 'ko' : 'en';
  const done = useLessons((s) => (s.completed[lesson.id] ?? []).length);
  const all = lesson.steps.length;
  return (
    <button type="button" className="lesson-card" onClick={() => useLessons.getState().open(lesson.id)}>
      <span className="lesson-title">
        {done === all ? '✓ ' : ''}
        {prefix}
        <span lang={langOf(lesson.title[lang])}>{lesson.title[lang]}</span>
      </span>
      {lesson.summary[lang] && (
        <span className="lesson-summary" lang={langOf(lesson.summary[lang])}>
          {lesson.summary[lang]}
        </span>
      )}
      <span className="lesson-progress" aria-label={t('lessons.progress', { done, all })}>
        <span className="lesson-bar" style={{ width: `${(100 * done) / all}%` }} />
      </span>
    </button>
  );
}
