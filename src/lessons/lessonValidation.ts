/**
 * Reading an authored lesson from data anyone can hand us (a share link, a lesson file, a course
 * link): every field checked for its type and size, unknown keys refused, the goals by
 * ./goalValidation.ts and the scenario by ./scenarioValidation.ts. What comes out is a fresh
 * copy built from the known fields only (nothing of the input object is kept, so keys such as
 * `__proto__` never reach the app), or a LessonDataError saying where the problem is in both
 * languages. Text stays text: the app renders it as React text nodes, never as HTML.
 */
import { CONCEPTS } from './concepts';
import { parseGoal, parseBilingual, LessonDataError } from './goalValidation';
import { parseScenario, SCENARIO_LIMITS } from './scenarioValidation';
import type { Bilingual, ConceptId, Lesson, Quiz, SolutionAction, Step } from './types';

export { LessonDataError };

export const LESSON_LIMITS = {
  idChars: 63,
  titleChars: 200,
  summaryChars: 1_000,
  instructionsChars: 5_000,
  hintChars: 1_000,
  steps: 30,
  hints: 10,
  solutionActions: 30,
  choices: 6,
  starterYamlChars: 100_000,
};

/** Ids become storage keys and slot names (`lesson:<id>`): a DNS label, as Kubernetes names go. */
const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const fail = (where: string, en: string, ko: string): never => {
  throw new LessonDataError(where, { en, ko });
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function object(v: unknown, where: string, known: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(v)) return fail(where, 'must be an object', '객체여야 합니다');
  for (const k of Object.keys(v)) if (!known.includes(k)) fail(`${where}.${k}`, `is not a field here (known: ${known.join(', ')})`, `이 자리에 올 수 있는 필드가 아닙니다(알려진 필드: ${known.join(', ')})`);
  return v;
}

function list(v: unknown, where: string, max: number, min = 0): unknown[] {
  if (!Array.isArray(v)) return fail(where, 'must be a list', '목록이어야 합니다');
  if (v.length > max) fail(where, `has ${v.length} entries; at most ${max} are allowed`, `항목이 ${v.length}개입니다. 최대 ${max}개까지 됩니다`);
  if (v.length < min) fail(where, `needs at least ${min} entries`, `항목이 ${min}개 이상 있어야 합니다`);
  return v;
}

function id(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.length > LESSON_LIMITS.idChars || !ID.test(v)) fail(where, `must be an id of lowercase letters, digits and "-" (at most ${LESSON_LIMITS.idChars})`, `영문 소문자, 숫자, "-"로 된 ID여야 합니다(최대 ${LESSON_LIMITS.idChars}자)`);
  return v as string;
}

function text(v: unknown, where: string, max: number): string {
  if (typeof v !== 'string') fail(where, 'must be text', '텍스트여야 합니다');
  if ((v as string).length > max) fail(where, `is longer than ${max} characters`, `${max}자를 넘습니다`);
  return v as string;
}

/** Text that may be left empty in both languages (a summary). */
function optionalBilingual(v: unknown, where: string, max: number): Bilingual {
  if (v === undefined) return { ko: '', en: '' };
  if (isPlainObject(v) && !String(v.ko ?? '').trim() && !String(v.en ?? '').trim() && Object.keys(v).every((k) => k === 'ko' || k === 'en')) return { ko: '', en: '' };
  return parseBilingual(v, where, max);
}

function int(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) fail(where, `must be a whole number from ${min} to ${max}`, `${min}부터 ${max}까지의 정수여야 합니다`);
  return v as number;
}

function solutionAction(v: unknown, where: string): SolutionAction {
  if (!isPlainObject(v)) return fail(where, 'must be an action ({ "command": … }, { "stopNode": … }, { "startNode": … } or { "answer": … })', '액션이어야 합니다({ "command": … }, { "stopNode": … }, { "startNode": … }, { "answer": … })');
  if ('command' in v) {
    const a = object(v, where, ['command', 'stdin', 'exitCode']);
    const command = text(a.command, `${where}.command`, SCENARIO_LIMITS.commandChars).trim();
    if (!command) fail(`${where}.command`, 'is empty', '비어 있습니다');
    const out: { command: string; stdin?: string; exitCode?: number } = { command };
    if (a.stdin !== undefined) out.stdin = text(a.stdin, `${where}.stdin`, SCENARIO_LIMITS.textChars);
    if (a.exitCode !== undefined) {
      if (typeof a.exitCode !== 'number' || !Number.isInteger(a.exitCode) || a.exitCode < 0 || a.exitCode > 255) fail(`${where}.exitCode`, 'must be a whole number from 0 to 255', '0부터 255까지의 정수여야 합니다');
      out.exitCode = a.exitCode as number;
    }
    return out;
  }
  if ('stopNode' in v) return { stopNode: text(object(v, where, ['stopNode']).stopNode, `${where}.stopNode`, 253) };
  if ('startNode' in v) return { startNode: text(object(v, where, ['startNode']).startNode, `${where}.startNode`, 253) };
  if ('answer' in v) return { answer: int(object(v, where, ['answer']).answer, `${where}.answer`, 0, LESSON_LIMITS.choices - 1) };
  return fail(where, 'must be an action ({ "command": … }, { "stopNode": … }, { "startNode": … } or { "answer": … })', '액션이어야 합니다({ "command": … }, { "stopNode": … }, { "startNode": … }, { "answer": … })');
}

function quiz(v: unknown, where: string): Quiz {
  const q = object(v, where, ['question', 'choices', 'correct', 'explanation', 'answerNote']);
  const choices = list(q.choices, `${where}.choices`, LESSON_LIMITS.choices, 2).map((c, i) => parseBilingual(c, `${where}.choices[${i}]`, LESSON_LIMITS.hintChars));
  const out: Quiz = {
    question: parseBilingual(q.question, `${where}.question`, LESSON_LIMITS.instructionsChars),
    choices,
    correct: int(q.correct, `${where}.correct`, 0, choices.length - 1),
    explanation: parseBilingual(q.explanation, `${where}.explanation`, LESSON_LIMITS.hintChars),
  };
  if (q.answerNote !== undefined) out.answerNote = parseBilingual(q.answerNote, `${where}.answerNote`, LESSON_LIMITS.hintChars);
  return out;
}

function step(v: unknown, where: string): Step {
  const s = object(v, where, ['id', 'title', 'instructions', 'hints', 'solution', 'goal', 'quiz', 'starterYaml', 'suggestedCommand']);
  const out: Step = {
    id: id(s.id, `${where}.id`),
    title: parseBilingual(s.title, `${where}.title`, LESSON_LIMITS.titleChars),
    instructions: parseBilingual(s.instructions, `${where}.instructions`, LESSON_LIMITS.instructionsChars),
    hints: list(s.hints ?? [], `${where}.hints`, LESSON_LIMITS.hints).map((h, i) => parseBilingual(h, `${where}.hints[${i}]`, LESSON_LIMITS.hintChars)),
    solution: list(s.solution ?? [], `${where}.solution`, LESSON_LIMITS.solutionActions).map((a, i) => solutionAction(a, `${where}.solution[${i}]`)),
    goal: parseGoal(s.goal, `${where}.goal`),
  };
  if (s.quiz !== undefined) out.quiz = quiz(s.quiz, `${where}.quiz`);
  if (s.starterYaml !== undefined) out.starterYaml = text(s.starterYaml, `${where}.starterYaml`, LESSON_LIMITS.starterYamlChars);
  if (s.suggestedCommand !== undefined) out.suggestedCommand = text(s.suggestedCommand, `${where}.suggestedCommand`, SCENARIO_LIMITS.commandChars);
  // A question's answer is a choice of the question.
  const answers = [...('answer' in out.goal ? [out.goal.answer] : []), ...out.solution.flatMap((a) => ('answer' in a ? [a.answer] : []))];
  if (answers.length && !out.quiz) fail(`${where}.goal`, 'asks for an answer, but the step has no question (quiz)', '답을 요구하지만 이 단계에는 질문(quiz)이 없습니다');
  if (out.quiz && answers.some((a) => a >= out.quiz!.choices.length)) fail(`${where}.goal`, 'names a choice the question does not have', '질문에 없는 선택지를 가리킵니다');
  return out;
}

/** An authored lesson from untrusted data: a fresh, checked copy, or a LessonDataError. */
export function parseLesson(value: unknown): Lesson {
  const l = object(value, 'lesson', ['id', 'title', 'summary', 'concepts', 'scenario', 'steps']);
  const steps = list(l.steps, 'lesson.steps', LESSON_LIMITS.steps, 1).map((s, i) => step(s, `lesson.steps[${i}]`));
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.id)) fail(`lesson.steps[${i}].id`, `repeats the id "${s.id}" of an earlier step`, `앞 단계의 ID "${s.id}"와 같습니다`);
    seen.add(s.id);
  });
  const concepts = list(l.concepts ?? [], 'lesson.concepts', CONCEPTS.length).map((c, i) => {
    if (typeof c !== 'string' || !(CONCEPTS as string[]).includes(c)) fail(`lesson.concepts[${i}]`, `is not a concept of this course (${CONCEPTS[0]}–${CONCEPTS[CONCEPTS.length - 1]})`, `이 과정의 개념이 아닙니다(${CONCEPTS[0]}–${CONCEPTS[CONCEPTS.length - 1]})`);
    return c as ConceptId;
  });
  return {
    id: id(l.id, 'lesson.id'),
    title: parseBilingual(l.title, 'lesson.title', LESSON_LIMITS.titleChars),
    summary: optionalBilingual(l.summary, 'lesson.summary', LESSON_LIMITS.summaryChars),
    concepts,
    scenario: parseScenario(l.scenario, 'lesson.scenario'),
    steps,
  };
}
