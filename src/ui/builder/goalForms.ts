/**
 * The goal vocabulary as the lesson builder offers it: for each kind of goal, the fields of its
 * form (what each holds, whether it must be filled), and the goal built from what the author
 * typed. The goal's own checks (../../lessons/goalValidation.ts) then say whether it is usable;
 * nothing here decides that twice.
 *
 * `all` (several goals at once) and `answer` (a question's choice) are written by hand in a
 * lesson file: the builder authors one goal a step, met by what happens in the cluster.
 */
import type { GoalKind } from '../../lessons/goalSpec';

export type FieldType = 'text' | 'number' | 'boolean';

export interface GoalField {
  key: string;
  type: FieldType;
  required?: boolean;
  /** The i18n key of its label under `builder.field.` (the key itself unless the word differs by kind). */
  label?: string;
  /** A hint of what to type (i18n key under `builder.placeholder.`). */
  placeholder?: string;
  /** Seldom needed: shown under "More conditions". */
  more?: boolean;
}

const f = (key: string, type: FieldType = 'text', extra: Partial<GoalField> = {}): GoalField => ({ key, type, ...extra });
const more = (key: string, type: FieldType = 'text', extra: Partial<GoalField> = {}): GoalField => f(key, type, { more: true, ...extra });
const req = (key: string, type: FieldType = 'text', extra: Partial<GoalField> = {}): GoalField => f(key, type, { required: true, ...extra });

/** The kinds the builder offers, most used first; each with its fields, the main ones first (`more`: under "More conditions"). */
export const GOAL_FORMS: { kind: GoalKind; fields: GoalField[]; fieldTests?: boolean }[] = [
  { kind: 'deployment', fields: [req('name'), f('ready', 'number', { label: 'readyReplicas' }), more('readyAtLeast', 'number'), more('image'), more('namespace')] },
  { kind: 'endpoints', fields: [req('service'), req('ready', 'number', { label: 'readyEndpoints' }), more('port', 'number'), more('namespace')] },
  {
    kind: 'pods',
    fields: [req('selector', 'text', { placeholder: 'selector' }), req('count', 'number'), f('atLeast', 'boolean', { label: 'countAtLeast' }), more('namespace'), more('image'), more('containers', 'number'), more('notOn'), more('onNodes', 'text', { placeholder: 'selector' }), more('nodesAtLeast', 'number'), more('someOnNodePrefix'), more('newSinceStep', 'boolean'), more('restartsAtLeast', 'number'), more('steadyForSeconds', 'number'), more('claim'), more('priority', 'number'), more('noneWaiting', 'text', { placeholder: 'waitingReason' })],
    fieldTests: true,
  },
  { kind: 'object', fields: [req('resource', 'text', { placeholder: 'resource' }), req('name'), f('namespace'), more('exists', 'boolean')], fieldTests: true },
  { kind: 'deploymentGone', fields: [req('name'), more('namespace')] },
  { kind: 'command', fields: [req('matches', 'text', { placeholder: 'command' }), f('output', 'text', { placeholder: 'pattern' }), more('times', 'number')] },
  { kind: 'node', fields: [req('name'), f('ready', 'boolean', { label: 'nodeReady' }), f('cordoned', 'boolean'), f('stoppedByYou', 'boolean')] },
  { kind: 'nodeCount', fields: [req('prefix'), req('count', 'number')] },
  { kind: 'claim', fields: [req('name'), f('usedBy', 'text', { placeholder: 'selector' }), f('holds'), more('namespace')] },
  { kind: 'access', fields: [req('user'), req('verb'), req('resource', 'text', { placeholder: 'resource' }), req('allowed', 'boolean'), more('namespace')] },
  { kind: 'traffic', fields: [req('from', 'text', { placeholder: 'selector' }), req('to', 'text', { placeholder: 'selector' }), req('port', 'number'), req('allowed', 'boolean'), more('namespace')] },
  { kind: 'waiting', fields: [req('pod'), req('message', 'text', { placeholder: 'pattern' }), more('namespace')] },
  { kind: 'event', fields: [req('reason'), f('kind'), more('namespace')] },
];

export const FIELD_TESTS = ['equals', 'present', 'atLeast', 'atMost', 'matches'] as const;
export type FieldTestKind = (typeof FIELD_TESTS)[number];

/** What the author typed into a goal's form: text as typed, booleans as yes/no/unset. */
export interface GoalForm {
  kind: GoalKind;
  values: Record<string, string>;
  tests: { path: string; test: FieldTestKind; value: string }[];
}

export function formOf(kind: GoalKind): (typeof GOAL_FORMS)[number] {
  return GOAL_FORMS.find((g) => g.kind === kind) ?? GOAL_FORMS[0];
}

/** A number as typed, or the text itself when it is not one (the goal's check then says what is wrong). */
function numberOf(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

function testValue(test: FieldTestKind, value: string): unknown {
  if (test === 'present') return value !== 'false';
  if (test === 'atLeast' || test === 'atMost') return numberOf(value);
  if (test === 'equals') return value === 'true' ? true : value === 'false' ? false : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return value;
}

/** The goal as data, from the form (empty fields left out); checked afterwards by parseGoal. */
export function goalFromForm(form: GoalForm): unknown {
  const spec = formOf(form.kind);
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const raw = (form.values[field.key] ?? '').trim();
    if (raw === '') continue;
    body[field.key] = field.type === 'number' ? numberOf(raw) : field.type === 'boolean' ? raw === 'yes' : raw;
  }
  if (spec.fieldTests && form.tests.length) body.fields = form.tests.map((t) => ({ path: t.path.trim(), [t.test]: testValue(t.test, t.value.trim()) }));
  return { [form.kind]: body };
}
