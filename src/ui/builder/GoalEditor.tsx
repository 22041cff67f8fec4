/**
 * A step's goal in the builder: its kind picked from the goal vocabulary, a form for that kind's
 * fields, the words a learner will read (derived from the goal), and a live "met?" against the
 * sandbox on screen — the same check the learner's step will run, answered by the engine.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goalWords } from '../../lessons/goalWords';
import { LessonDataError, parseGoal } from '../../lessons/goalValidation';
import type { GoalKind, GoalSpec } from '../../lessons/goalSpec';
import type { Query } from '../engineHost/queryTypes';
import { useEngineQuery } from '../store/useEngineQuery';
import { LessonText } from '../components/lessonText';
import { BilingualField, DataError } from './fields';
import { FIELD_TESTS, formOf, GOAL_FORMS, type FieldTestKind, type GoalField, type GoalForm } from './goalForms';
import { draftGoal, type DraftStep } from './draft';

function FieldInput({ field, value, onChange }: { field: GoalField; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const label = t(`builder.field.${field.label ?? field.key}`);
  return (
    <label htmlFor={id} className="goal-field">
      <span>
        {label}
        {field.required ? ' *' : ''}
      </span>
      {field.type === 'boolean' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {!field.required && <option value="">{t('builder.any')}</option>}
          {field.required && !value && <option value="">—</option>}
          <option value="yes">{t('builder.yes')}</option>
          <option value="no">{t('builder.no')}</option>
        </select>
      ) : (
        <input id={id} type={field.type === 'number' ? 'number' : 'text'} inputMode={field.type === 'number' ? 'numeric' : undefined} value={value} placeholder={field.placeholder ? t(`builder.placeholder.${field.placeholder}`) : undefined} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      )}
    </label>
  );
}

function FieldTests({ form, onChange }: { form: GoalForm; onChange: (f: GoalForm) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<GoalForm['tests'][number]>) => onChange({ ...form, tests: form.tests.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <fieldset className="field-tests">
      <legend>{t('builder.fieldTests')}</legend>
      {form.tests.map((test, i) => (
        <div key={i} className="field-test">
          <input type="text" aria-label={t('builder.fieldPath')} placeholder={t('builder.placeholder.path')} value={test.path} onChange={(e) => set(i, { path: e.target.value })} spellCheck={false} />
          <select aria-label={t('builder.fieldTest')} value={test.test} onChange={(e) => set(i, { test: e.target.value as FieldTestKind })}>
            {FIELD_TESTS.map((k) => (
              <option key={k} value={k}>
                {t(`builder.test.${k}`)}
              </option>
            ))}
          </select>
          <input type="text" aria-label={t('builder.fieldValue')} value={test.value} onChange={(e) => set(i, { value: e.target.value })} spellCheck={false} />
          <button type="button" className="quiet" aria-label={t('builder.removeTest', { n: i + 1 })} onClick={() => onChange({ ...form, tests: form.tests.filter((_, j) => j !== i) })}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ ...form, tests: [...form.tests, { path: '', test: 'equals', value: '' }] })}>
        + {t('builder.addTest')}
      </button>
    </fieldset>
  );
}

/** "Met now?" for a goal that parses: the engine checks it against the sandbox after every change. */
function GoalPreview({ goal, since }: { goal: GoalSpec; since: number }) {
  const { t, i18n } = useTranslation();
  const query: Query = { type: 'goal', goal, since };
  const met = useEngineQuery(query);
  return (
    <div className={`goal builder-preview ${met ? 'met' : ''}`} role="status" aria-label={t('builder.preview')}>
      <strong>
        <span aria-hidden="true">{met ? '✓' : '○'}</span> {met ? t('builder.metNow') : t('builder.notMetNow')}
      </strong>
      <span className="preview-words">
        {t('lessons.goal')}: <LessonText text={goalWords(goal)[i18n.language === 'ko' ? 'ko' : 'en']} />
      </span>
    </div>
  );
}

export function GoalEditor({ step, onChange }: { step: DraftStep; onChange: (patch: Partial<DraftStep>) => void }) {
  const { t } = useTranslation();
  const kindId = useId();
  const form = step.goal;
  const spec = formOf(form.kind);
  const parsed = useMemo((): GoalSpec | LessonDataError => {
    try {
      return parseGoal(draftGoal(step), 'goal');
    } catch (e) {
      if (e instanceof LessonDataError) return e;
      throw e;
    }
  }, [step]);
  const setValue = (key: string, v: string) => onChange({ goal: { ...form, values: { ...form.values, [key]: v } } });
  // A problem in one field is said by that field's label, as the author sees it.
  const fieldLabel = (where: string): string | undefined => {
    const field = spec.fields.find((f) => where === `goal.${form.kind}.${f.key}`);
    return field && t(`builder.field.${field.label ?? field.key}`);
  };
  const main = spec.fields.filter((f) => !f.more);
  const optional = spec.fields.filter((f) => f.more);
  return (
    <fieldset className="goal-editor">
      <legend>{t('lessons.goal')}</legend>
      <label htmlFor={kindId} className="goal-field">
        <span>{t('builder.goalKind')}</span>
        <select id={kindId} value={form.kind} onChange={(e) => onChange({ goal: { kind: e.target.value as GoalKind, values: {}, tests: [] } })}>
          {GOAL_FORMS.map((g) => (
            <option key={g.kind} value={g.kind}>
              {t(`builder.kind.${g.kind}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="goal-fields">
        {main.map((f) => (
          <FieldInput key={f.key} field={f} value={form.values[f.key] ?? ''} onChange={(v) => setValue(f.key, v)} />
        ))}
      </div>
      {(optional.length > 0 || spec.fieldTests) && (
        <details className="goal-more" open={optional.some((f) => form.values[f.key]) || form.tests.length > 0}>
          <summary>{t('builder.moreConditions')}</summary>
          <div className="goal-fields">
            {optional.map((f) => (
              <FieldInput key={f.key} field={f} value={form.values[f.key] ?? ''} onChange={(v) => setValue(f.key, v)} />
            ))}
          </div>
          {spec.fieldTests && <FieldTests form={form} onChange={(goal) => onChange({ goal })} />}
        </details>
      )}
      <details className="goal-more">
        <summary>{t('builder.ownWords')}</summary>
        <BilingualField what={t('builder.goalWords')} value={step.says} onChange={(says) => onChange({ says })} />
      </details>
      {parsed instanceof LessonDataError ? <DataError error={parsed} role="status" where={fieldLabel(parsed.where)} /> : <GoalPreview goal={parsed} since={step.recordedFrom?.since ?? 0} />}
    </fieldset>
  );
}
