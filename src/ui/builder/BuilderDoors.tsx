/** The doors to the builders, at the top of the lesson list: write a lesson from the sandbox, or make a course link for a class. */
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builderStore';

export function BuilderDoors() {
  const { t } = useTranslation();
  return (
    <div className="progress-io builder-doors" role="group" aria-label={t('builder.doors')}>
      <button type="button" onClick={() => useBuilder.getState().open('lesson')}>
        ✎ {t('builder.create')}
      </button>
      <button type="button" onClick={() => useBuilder.getState().open('course')}>
        ☰ {t('course.make')}
      </button>
    </div>
  );
}
