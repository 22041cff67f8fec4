/**
 * The lesson builder, in the lesson panel beside the sandbox — like a level editor: the sandbox
 * as it is becomes the lesson's starting point, each step gets its text, a goal from the goal
 * vocabulary (ticked live against the sandbox), hints, and a solution recorded by doing it; the
 * lesson goes out as a share link or a JSON file.
 */
import { useTranslation } from 'react-i18next';
import type { Action } from '../../engine/port';
import { CodeWords } from '../components/lessonText';
import { useBuilder } from './builderStore';
import { BilingualField, langOf } from './fields';
import { ExportBox } from './ExportBox';
import { StepEditor } from './StepEditor';
import './builder.css';

/** The scenario's commands, as the author typed them (the clock's running is not listed). */
function scenarioCommands(actions: Action[]): string[] {
  return actions.flatMap((a) => (a.type === 'kubectl' ? [a.command] : []));
}

function ScenarioSection() {
  const { t } = useTranslation();
  const scenario = useBuilder((s) => s.draft.scenario);
  const commands = scenario ? scenarioCommands(scenario.actions) : [];
  const last = scenario?.actions[scenario.actions.length - 1];
  const first = scenario?.actions[0];
  const seconds = first && last ? Math.round(((last.type === 'advance' ? last.at + last.seconds * 1000 : last.at) - first.at) / 1000) : 0;
  return (
    <section className="scenario-editor" aria-label={t('builder.scenario')}>
      <h3>{t('builder.scenario')}</h3>
      <p className="builder-note">{t('builder.scenarioHow')}</p>
      <button type="button" onClick={() => void useBuilder.getState().recordScenario()}>
        {scenario ? t('builder.rerecordScenario') : t('builder.recordScenario')}
      </button>
      {scenario && (
        <>
          <p className="builder-note" role="status">
            {t('builder.scenarioRecorded', { count: commands.length, seconds })}
          </p>
          {commands.length > 0 && (
            <ol className="solution-list" aria-label={t('builder.scenarioCommands')}>
              {commands.slice(-20).map((c, i) => (
                <li key={i}>
                  <CodeWords text={c} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function StepList() {
  const { t, i18n } = useTranslation();
  const steps = useBuilder((s) => s.draft.steps);
  const current = useBuilder((s) => s.current);
  const b = useBuilder.getState();
  const lang = i18n.language === 'ko' ? 'ko' : 'en';
  return (
    <section className="step-list-editor" aria-label={t('lessons.steps')}>
      <h3>{t('lessons.steps')}</h3>
      <ol>
        {steps.map((s, i) => {
          const title = s.title[lang] || s.title[lang === 'ko' ? 'en' : 'ko'] || t('builder.untitled');
          return (
            <li key={s.key} className={i === current ? 'current' : undefined}>
              <button type="button" className="step-pick" aria-current={i === current ? 'step' : undefined} onClick={() => b.select(i)}>
                {i + 1}. <span lang={langOf(title)}>{title}</span>
              </button>
              <span className="step-tools">
                <button type="button" className="quiet" aria-label={t('builder.moveUp', { n: i + 1 })} disabled={i === 0} onClick={() => b.moveStep(i, -1)}>
                  ↑
                </button>
                <button type="button" className="quiet" aria-label={t('builder.moveDown', { n: i + 1 })} disabled={i === steps.length - 1} onClick={() => b.moveStep(i, 1)}>
                  ↓
                </button>
                <button type="button" className="quiet" aria-label={t('builder.removeStep', { n: i + 1 })} disabled={steps.length === 1} onClick={() => b.removeStep(i)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => b.addStep()}>
        + {t('builder.addStep')}
      </button>
    </section>
  );
}

export function LessonBuilder() {
  const { t } = useTranslation();
  const draft = useBuilder((s) => s.draft);
  const current = useBuilder((s) => s.current);
  const b = useBuilder.getState();
  return (
    <div className="builder">
      <div className="lesson-head">
        <button type="button" className="back" onClick={() => b.close()}>
          ← {t('lessons.all')}
        </button>
        <h2>{t('builder.heading')}</h2>
      </div>
      <p className="lesson-intro">{t('builder.intro')}</p>
      <section aria-label={t('builder.about')}>
        <BilingualField what={t('builder.lessonTitle')} value={draft.title} onChange={(title) => b.setLesson({ title })} />
        <BilingualField what={t('builder.summary')} value={draft.summary} onChange={(summary) => b.setLesson({ summary })} multiline />
      </section>
      <ScenarioSection />
      <StepList />
      <StepEditor index={Math.min(current, draft.steps.length - 1)} />
      <ExportBox />
      <button type="button" className="quiet builder-new" onClick={() => (window.confirm(t('builder.newConfirm')) ? b.reset() : undefined)}>
        {t('builder.newLesson')}
      </button>
    </div>
  );
}
