/**
 * A course link for a class: the instructor picks lessons — built-in or imported — in the order
 * the class should take them. Built-in lessons travel by id; imported ones whole, so the link
 * plays for anyone.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../lessons/catalog';
import { LessonDataError } from '../../lessons/lessonValidation';
import { parseCourse, type CourseData } from '../../lessons/courseValidation';
import type { Bilingual, Lesson } from '../../lessons/types';
import { findLesson, isImported, useImported } from '../store/importedLessons';
import { useBuilder } from './builderStore';
import { BilingualField, DataError } from './fields';
import { encodeLink } from './lessonLink';

export function CourseBuilder() {
  const { t, i18n } = useTranslation();
  const imported = useImported((s) => s.lessons);
  const [title, setTitle] = useState<Bilingual>({ ko: '', en: '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const lang = i18n.language === 'ko' ? 'ko' : 'en';
  const all: Lesson[] = [...LESSONS, ...imported];
  const checked = useMemo(() => {
    // Only the languages written: the course's check fills the other. `imported` is a dependency: an imported lesson travels whole.
    const data: CourseData = { wheelhouse: 'course', version: 1, title: { ...(title.ko.trim() ? { ko: title.ko } : {}), ...(title.en.trim() ? { en: title.en } : {}) } as Bilingual, lessons: chosen.map((id) => imported.find((l) => l.id === id) ?? id) };
    try {
      parseCourse(JSON.parse(JSON.stringify(data)));
      return `${location.origin}${location.pathname}${encodeLink('course', data)}`;
    } catch (e) {
      if (e instanceof LessonDataError) return e;
      throw e;
    }
  }, [title, chosen, imported]);
  const move = (i: number, by: number) => {
    const list = [...chosen];
    [list[i], list[i + by]] = [list[i + by], list[i]];
    setChosen(list);
  };
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt(t('session.copyThis'), link);
    }
  };
  return (
    <div className="builder">
      <div className="lesson-head">
        <button type="button" className="back" onClick={() => useBuilder.getState().close()}>
          ← {t('lessons.all')}
        </button>
        <h2>{t('course.builderHeading')}</h2>
      </div>
      <p className="lesson-intro">{t('course.builderIntro')}</p>
      <BilingualField what={t('course.title')} value={title} onChange={setTitle} />
      <section aria-label={t('course.chosen')}>
        <h3>{t('course.chosen')}</h3>
        {chosen.length === 0 && <p className="builder-note">{t('course.noneChosen')}</p>}
        <ol className="step-list-editor">
          {chosen.map((id, i) => (
            <li key={id}>
              <span className="step-pick" title={findLesson(id)?.title[lang]}>
                {i + 1}. {findLesson(id)?.title[lang]}
              </span>
              <span className="step-tools">
                <button type="button" className="quiet" aria-label={t('builder.moveUp', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="quiet" aria-label={t('builder.moveDown', { n: i + 1 })} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="quiet" aria-label={t('course.remove', { title: findLesson(id)?.title[lang] })} onClick={() => setChosen(chosen.filter((x) => x !== id))}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className="export-box" aria-label={t('course.link')}>
        <h3>{t('course.link')}</h3>
        {checked instanceof LessonDataError ? (
          chosen.length > 0 || title.ko || title.en ? <DataError error={checked} role="status" /> : null
        ) : (
          <>
            <label className="goal-field">
              <span>{t('course.link')}</span>
              <input type="text" readOnly value={checked} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="step-actions">
              <button type="button" onClick={() => void copy(checked)}>
                {copied ? t('session.copied') : t('builder.copyLink')}
              </button>
            </div>
          </>
        )}
      </section>
      <section aria-label={t('course.available')}>
        <h3>{t('course.available')}</h3>
        <ul className="course-pick">
          {all
            .filter((l) => !chosen.includes(l.id))
            .map((l) => (
              <li key={l.id}>
                <button type="button" onClick={() => setChosen([...chosen, l.id])} aria-label={t('course.add', { title: l.title[lang] })}>
                  + {l.title[lang]}
                  {isImported(l.id) ? ` (${t('lessons.importedTag')})` : ''}
                </button>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
