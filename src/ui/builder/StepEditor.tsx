/**
 * One step in the builder: its title and instructions (Korean and/or English), its goal, its
 * hints, and its solution — recorded by doing it: the author presses Record, solves the step in
 * the terminal (or the editor, or the diagram), and presses Stop; the commands that succeeded
 * become the solution a learner's "Show solution" carries out.
 */
import { useTranslation } from 'react-i18next';
import type { SolutionAction } from '../../lessons/types';
import { CodeWords } from '../components/lessonText';
import { useBuilder } from './builderStore';
import { BilingualField } from './fields';
import { GoalEditor } from './GoalEditor';

function actionText(t: (k: string, o?: Record<string, unknown>) => string, a: SolutionAction): string {
  if ('command' in a) return a.command;
  if ('stopNode' in a) return t('timeline.stopNode', { name: a.stopNode });
  if ('startNode' in a) return t('timeline.startNode', { name: a.startNode });
  return t('builder.answerChoice', { n: a.answer + 1 });
}

function Solution({ index }: { index: number }) {
  const { t } = useTranslation();
  const step = useBuilder((s) => s.draft.steps[index]);
  const recording = useBuilder((s) => s.recording === step.key);
  const b = useBuilder.getState();
  return (
    <fieldset className="solution-editor">
      <legend>{t('builder.solution')}</legend>
      <p className="builder-note">{recording ? t('builder.recordingNow') : t('builder.solutionHow')}</p>
      {recording ? (
        <button type="button" className="recording" onClick={() => void b.stopRecording()}>
          ■ {t('builder.stopRecording')}
        </button>
      ) : (
        <button type="button" onClick={() => void b.startRecording(index)}>
          ● {t('builder.recordSolution')}
        </button>
      )}
      {!recording && step.solution.length > 0 && (
        <ol className="solution-list" aria-label={t('builder.solution')}>
          {step.solution.map((a, i) => (
            <li key={i}>
              {'command' in a ? <CodeWords text={a.command} /> : <span>{actionText(t, a)}</span>}
              <button type="button" className="quiet" aria-label={t('builder.removeAction', { what: actionText(t, a) })} onClick={() => b.updateStep(index, { solution: step.solution.filter((_, j) => j !== i) })}>
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      {!recording && step.recordedFrom && step.solution.length === 0 && <p className="builder-note">{t('builder.nothingRecorded')}</p>}
    </fieldset>
  );
}

export function StepEditor({ index }: { index: number }) {
  const { t } = useTranslation();
  const step = useBuilder((s) => s.draft.steps[index]);
  const update = (patch: Parameters<ReturnType<typeof useBuilder.getState>['updateStep']>[1]) => useBuilder.getState().updateStep(index, patch);
  if (!step) return null;
  return (
    <section className="step-editor" aria-label={t('builder.stepN', { n: index + 1 })}>
      <h3>{t('builder.stepN', { n: index + 1 })}</h3>
      <BilingualField what={t('builder.stepTitle')} value={step.title} onChange={(title) => update({ title })} />
      <BilingualField what={t('builder.instructions')} value={step.instructions} onChange={(instructions) => update({ instructions })} multiline />
      <GoalEditor step={step} onChange={update} />
      <fieldset className="hints-editor">
        <legend>{t('builder.hints')}</legend>
        {step.hints.map((h, i) => (
          <div key={i} className="hint-editor">
            <BilingualField what={t('builder.hintN', { n: i + 1 })} value={h} onChange={(v) => update({ hints: step.hints.map((x, j) => (j === i ? v : x)) })} />
            <button type="button" className="quiet" onClick={() => update({ hints: step.hints.filter((_, j) => j !== i) })}>
              {t('builder.removeHint', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => update({ hints: [...step.hints, { ko: '', en: '' }] })}>
          + {t('builder.addHint')}
        </button>
      </fieldset>
      <Solution index={index} />
    </section>
  );
}
