/**
 * The lessons the learner imported (a link, a file), listed apart from the built-in ones, each
 * removable; and the ways in — a pasted link or a lesson file — whose problems are said in the
 * learner's language.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LessonDataError } from '../../lessons/lessonValidation';
import { useImported } from '../store/importedLessons';
import { openLessonFile, openLink } from '../builder/links';
import { DataError } from '../builder/fields';
import { LessonCard } from './LessonCard';

export function ImportedLessons() {
  const { t, i18n } = useTranslation();
  const lessons = useImported((s) => s.lessons);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<LessonDataError>();
  const file = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const lang = i18n.language === 'ko' ? 'ko' : 'en';
  const attempt = (f: () => void) => {
    try {
      f();
      setError(undefined);
      setPasted('');
    } catch (e) {
      if (!(e instanceof LessonDataError)) throw e;
      setError(e);
    }
  };
  return (
    <section className="imported-lessons" aria-labelledby={`${pasteId}-h`}>
      <h3 className="lesson-track" id={`${pasteId}-h`}>
        {t('lessons.importedHeading')}
      </h3>
      {lessons.length === 0 ? (
        <p className="lesson-intro">{t('lessons.importedNone')}</p>
      ) : (
        <ol aria-label={t('lessons.importedHeading')}>
          {lessons.map((l) => (
            <li key={l.id} className="imported-lesson">
              <LessonCard lesson={l} />
              <button type="button" className="quiet remove-lesson" aria-label={t('lessons.removeImported', { title: l.title[lang] })} onClick={() => window.confirm(t('lessons.removeConfirm', { title: l.title[lang] })) && useImported.getState().remove(l.id)}>
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      <form
        className="import-lesson"
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) attempt(() => openLink(pasted));
        }}
      >
        <label htmlFor={pasteId}>{t('lessons.pasteLink')}</label>
        <div className="import-row">
          <input id={pasteId} type="text" value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} autoComplete="off" />
          <button type="submit">{t('lessons.openLink')}</button>
        </div>
        <button type="button" onClick={() => file.current?.click()}>
          {t('lessons.openLessonFile')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('lessons.openLessonFile')}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            const text = f.size > 8_000_000 ? '' : await f.text();
            attempt(() => openLessonFile(text));
          }}
        />
      </form>
      {error && <DataError error={error} />}
    </section>
  );
}
