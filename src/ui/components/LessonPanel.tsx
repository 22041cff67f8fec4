/**
 * The lesson panel: the list of lessons with progress, or the open lesson — its steps, the
 * current instructions, the goal (ticked live), hints one at a time, "show solution" and
 * "reset this step". All text comes from the lessons' data in the learner's language.
 */
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../lessons/catalog';
import type { Bilingual, Figure, GoalPicture, Quiz } from '../../lessons/types';
import { goalWords } from '../../lessons/goalWords';
import { goalPicture } from '../../lessons/goalPicture';
import { currentLesson, goalQuery, useLessons } from '../store/lessonStore';
import { useEngineQuery } from '../store/useEngineQuery';
import { CodeWords, LessonText } from './lessonText';
import { CourseSection } from './CourseSection';
import { ImportedLessons } from './ImportedLessons';
import { useBuilder } from '../builder/builderStore';
import { LessonBuilder } from '../builder/LessonBuilder';
import { CourseBuilder } from '../builder/CourseBuilder';
import { BuilderDoors } from '../builder/BuilderDoors';
import './LessonPanel.css';

function useText() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ko' ? 'ko' : 'en';
  return (b: Bilingual) => b[lang];
}

/** The lesson lists, in order: the guided course, then the broken clusters. */
const TRACKS = ['course', 'troubleshooting'] as const;

function LessonList() {
  const { t } = useTranslation();
  const text = useText();
  const completed = useLessons((s) => s.completed);
  const fileInput = useRef<HTMLInputElement>(null);
  const { open, exportProgress, importProgress } = useLessons.getState();
  const download = () => {
    const blob = new Blob([exportProgress()], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'wheelhouse-progress.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <div className="lesson-list">
      <h2>{t('lessons.heading')}</h2>
      <p className="lesson-intro">{t('lessons.intro')}</p>
      <BuilderDoors />
      <CourseSection />
      {TRACKS.map((track) => (
        <Fragment key={track}>
          {track === 'troubleshooting' && (
            <>
              <h3 className="lesson-track">{t('lessons.troubleshootingHeading')}</h3>
              <p className="lesson-intro">{t('lessons.troubleshootingIntro')}</p>
            </>
          )}
          <ol aria-label={track === 'troubleshooting' ? t('lessons.troubleshootingHeading') : undefined}>
            {LESSONS.filter((l) => (l.track ?? 'course') === track).map((l) => {
              const done = (completed[l.id] ?? []).length;
              const all = l.steps.length;
              return (
                <li key={l.id}>
                  <button type="button" className="lesson-card" onClick={() => open(l.id)}>
                    <span className="lesson-title">
                      {done === all ? '✓ ' : ''}
                      {text(l.title)}
                    </span>
                    <span className="lesson-summary">{text(l.summary)}</span>
                    <span className="lesson-progress" aria-label={t('lessons.progress', { done, all })}>
                      <span className="lesson-bar" style={{ width: `${(100 * done) / all}%` }} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </Fragment>
      ))}
      <ImportedLessons />
      <div className="progress-io">
        <button type="button" onClick={download}>
          {t('lessons.export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('lessons.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file && !importProgress(await file.text())) alert(t('lessons.importFailed'));
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}

function StepFigure({ figure }: { figure: Figure }) {
  const text = useText();
  if (figure.kind === 'path') {
    return (
      <figure className="lesson-figure">
        <ol className="path-figure">
          {figure.stops.map((stop) => (
            <li key={stop.name}>
              <code>{stop.name}</code> <span>{text(stop.does)}</span>
            </li>
          ))}
        </ol>
        <figcaption>{text(figure.caption)}</figcaption>
      </figure>
    );
  }
  if (figure.kind === 'table') {
    return (
      <figure className="lesson-figure">
        <table>
          <thead>
            <tr>
              {figure.header.map((h, i) => (
                <th key={i} scope="col">
                  {text(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figure.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{text(cell)}</th> : <td key={j}>{text(cell)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
        <figcaption>{text(figure.caption)}</figcaption>
      </figure>
    );
  }
  return (
    <figure className="lesson-figure stacks">
      <div className="stack-columns">
        {figure.columns.map((col, i) => (
          <div key={i} className="stack-column">
            <strong>{text(col.title)}</strong>
            <ol>
              {col.layers.map((layer, j) => (
                <li key={j} className={j === 0 ? 'stack-top' : ''}>
                  {text(layer)}
                </li>
              ))}
            </ol>
            {col.note && <span className="stack-note">{text(col.note)}</span>}
          </div>
        ))}
      </div>
      <figcaption>{text(figure.caption)}</figcaption>
    </figure>
  );
}

function StepQuiz({ quiz }: { quiz: Quiz }) {
  const { t } = useTranslation();
  const text = useText();
  const chosen = useLessons((s) => s.chosen);
  const wrong = chosen !== undefined && chosen !== quiz.correct;
  const right = chosen === quiz.correct;
  return (
    <fieldset className="quiz">
      <legend>{text(quiz.question)}</legend>
      {quiz.choices.map((choice, i) => (
        <label key={i} className={chosen === i ? (i === quiz.correct ? 'right' : 'wrong') : ''}>
          <input type="radio" name="quiz" checked={chosen === i} onChange={() => useLessons.getState().choose(i)} /> {text(choice)}
        </label>
      ))}
      {wrong && (
        <p className="quiz-explanation" role="status">
          {t('lessons.tryAgain')} <LessonText text={text(quiz.explanation)} />
        </p>
      )}
      {right && quiz.answerNote && (
        <p className="quiz-explanation right" role="status">
          <LessonText text={text(quiz.answerNote)} />
        </p>
      )}
    </fieldset>
  );
}

/** "Show goal": the target state drawn small — the nodes, pods, Services and disks it is about. */
function GoalPictureView({ picture }: { picture: GoalPicture }) {
  const { t } = useTranslation();
  return (
    <div className="goal-picture" role="img" aria-label={t('lessons.goalPicture')}>
      {(picture.nodes ?? []).map((n) => (
        <div key={n.name} className={`gp-node ${n.down ? 'down' : ''}`}>
          <span aria-hidden="true">{n.down ? '✖' : '✔'}</span> {n.name} <small>{n.down ? t('lessons.gpDown') : t('lessons.gpReady')}</small>
        </div>
      ))}
      {(picture.services ?? []).map((sv) => (
        <div key={sv.name} className="gp-service">
          ⇄ {sv.name} <small>{t('lessons.gpEndpoints', { count: sv.endpoints })}</small>
        </div>
      ))}
      {(picture.pods ?? []).map((g) => (
        <div key={g.label} className="gp-pods">
          {g.count === 0 ? (
            <span className="gp-none">{t('lessons.gpNone', { label: g.label })}</span>
          ) : (
            <>
              {Array.from({ length: Math.min(g.count, 10) }, (_, i) => (
                <span key={i} className="gp-pod" aria-hidden="true">
                  ●
                </span>
              ))}
              <span>
                {g.label} ×{g.count}
                {g.containers ? ` (${g.containers}/${g.containers})` : ''}
                {g.notOn ? ` — ${t('lessons.gpNotOn', { node: g.notOn })}` : ''}
              </span>
            </>
          )}
        </div>
      ))}
      {(picture.disks ?? []).map((d) => (
        <div key={d.claim} className="gp-disk">
          ⛁ {d.claim}
          {d.file ? ` ∋ ${d.file}` : ''}
        </div>
      ))}
    </div>
  );
}

function ActiveLesson() {
  const { t } = useTranslation();
  const text = useText();
  const s = useLessons();
  const lesson = currentLesson(s)!;
  const step = lesson.steps[s.stepIndex];
  const done = new Set(s.completed[lesson.id] ?? []);
  const met = useEngineQuery(goalQuery(s)) ?? false;
  const picture = goalPicture(step.goal);
  const finished = lesson.steps.every((x) => done.has(x.id));
  const last = s.stepIndex === lesson.steps.length - 1;
  const [showGoal, setShowGoal] = useState(false);
  return (
    <div className="lesson">
      <div className="lesson-head">
        <button type="button" className="back" onClick={() => s.close()}>
          ← {t('lessons.all')}
        </button>
        <h2>{text(lesson.title)}</h2>
      </div>
      <ol className="steps" aria-label={t('lessons.steps')}>
        {lesson.steps.map((x, i) => (
          <li key={x.id} className={`${i === s.stepIndex ? 'current' : ''} ${done.has(x.id) ? 'done' : ''}`}>
            <button type="button" onClick={() => s.goToStep(i)} disabled={i > s.stepIndex && !done.has(x.id) && !done.has(lesson.steps[i - 1]?.id)} aria-current={i === s.stepIndex ? 'step' : undefined}>
              <span aria-hidden="true">{done.has(x.id) ? '✓' : i + 1}</span> {text(x.title)}
            </button>
          </li>
        ))}
      </ol>
      {finished && s.wrappedUp ? (
        <div className="lesson-finished" role="status">
          <p>{t('lessons.finished')}</p>
          <button type="button" onClick={() => s.close()}>
            {t('lessons.next')}
          </button>
        </div>
      ) : null}
      <section className="step" aria-label={text(step.title)}>
        <h3>
          {s.stepIndex + 1}. {text(step.title)}
        </h3>
        <div className="instructions">
          {text(step.instructions)
            .split('\n\n')
            .map((para, i) =>
              /^kubectl |^\S+\.yaml$/.test(para) ? (
                <CodeWords key={i} className="command" text={para} />
              ) : (
                <p key={i}>
                  <LessonText text={para} />
                </p>
              ),
            )}
        </div>
        {step.figure && <StepFigure figure={step.figure} />}
        {step.quiz && <StepQuiz quiz={step.quiz} />}
        <p className={`goal ${met || done.has(step.id) ? 'met' : ''}`}>
          <span aria-hidden="true">{met || done.has(step.id) ? '✓' : '○'}</span> {t('lessons.goal')}: <LessonText text={text(goalWords(step.goal))} />
        </p>
        {done.has(step.id) && !s.wrappedUp && (
          <div className="step-met">
            <p className={s.celebrating === step.id ? 'celebrate' : undefined} role="status">
              ★ {t(last ? 'lessons.lastStepDone' : 'lessons.stepDone')}
            </p>
            <button type="button" className="next-step" onClick={() => s.next()}>
              {last ? t('lessons.finish') : `${t('lessons.nextStep')} →`}
            </button>
          </div>
        )}
        {showGoal && picture && <GoalPictureView picture={picture} />}
        {step.hints.slice(0, s.hintsShown).map((h, i) => (
          <p key={i} className="hint">
            <strong>{t('lessons.hintN', { n: i + 1 })}</strong> <LessonText text={text(h)} />
          </p>
        ))}
        <div className="step-actions">
          <button type="button" onClick={() => s.revealHint()} disabled={s.hintsShown >= step.hints.length}>
            {t('lessons.hint')} ({s.hintsShown}/{step.hints.length})
          </button>
          {picture && (
            <button type="button" aria-pressed={showGoal} onClick={() => setShowGoal(!showGoal)}>
              {t('lessons.showGoal')}
            </button>
          )}
          <button type="button" onClick={() => s.showSolution()}>
            {t('lessons.solution')}
          </button>
          <button type="button" onClick={() => s.resetStep()}>
            {t('lessons.resetStep')}
          </button>
        </div>
      </section>
    </div>
  );
}

export function LessonPanel() {
  const { t } = useTranslation();
  const lessonId = useLessons((s) => s.lessonId);
  const builder = useBuilder((s) => s.view);
  return (
    <aside className="lesson-panel" aria-label={t('lessons.panel')}>
      {builder === 'lesson' ? <LessonBuilder /> : builder === 'course' ? <CourseBuilder /> : lessonId ? <ActiveLesson /> : <LessonList />}
    </aside>
  );
}
