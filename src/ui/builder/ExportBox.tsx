/**
 * The lesson being authored, checked as any imported lesson is, then given out: a share link
 * (the whole lesson in the link's hash), a JSON file, or opened here to try it as a learner.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LessonDataError, parseLesson } from '../../lessons/lessonValidation';
import type { Lesson } from '../../lessons/types';
import { download } from '../persistence/notices';
import { useBuilder } from './builderStore';
import { draftLesson } from './draft';
import { DataError } from './fields';
import { lessonFile, lessonLink } from './lessonLink';
import { openLink, reject } from './links';

export function ExportBox() {
  const { t } = useTranslation();
  const draft = useBuilder((s) => s.draft);
  const recording = useBuilder((s) => s.recording);
  const [copied, setCopied] = useState(false);
  const checked = useMemo((): { lesson: Lesson; data: unknown } | LessonDataError => {
    const data = draftLesson(draft);
    try {
      return { lesson: parseLesson(data), data };
    } catch (e) {
      if (e instanceof LessonDataError) return e;
      throw e;
    }
  }, [draft]);
  const link = checked instanceof LessonDataError ? '' : lessonLink(checked.data);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt(t('session.copyThis'), link);
    }
  };
  const tryIt = () => {
    useBuilder.getState().close();
    try {
      openLink(link);
    } catch (e) {
      reject(e);
    }
  };
  return (
    <section className="export-box" aria-label={t('builder.share')}>
      <h3>{t('builder.share')}</h3>
      {!draft.scenario && <p className="builder-note">{t('builder.noScenarioYet')}</p>}
      {recording && <p className="builder-note">{t('builder.stopFirst')}</p>}
      {checked instanceof LessonDataError ? (
        <DataError error={checked} role="status" />
      ) : (
        <>
          <label className="goal-field">
            <span>{t('builder.shareLink', { chars: link.length.toLocaleString() })}</span>
            <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="step-actions">
            <button type="button" onClick={() => void copy()}>
              {copied ? t('session.copied') : t('builder.copyLink')}
            </button>
            <button type="button" onClick={() => download(`${checked.lesson.id}.lesson.json`, lessonFile(checked.data))}>
              {t('builder.downloadJson')}
            </button>
            <button type="button" onClick={tryIt} disabled={!!recording}>
              {t('builder.tryIt')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
