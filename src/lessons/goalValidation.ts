/**
 * Reading a goal from data anyone can hand us (a share link, a lesson file): every field checked
 * for its kind and size, unknown keys refused, patterns and paths that could hang or reach
 * prototypes refused — with a message in both languages saying where the problem is.
 */
import { parseSelector } from '../engine/port/labels';
import { GOAL_KINDS, type GoalSpec } from './goalSpec';
import { parsePath, patternProblem } from './goalFields';
import type { Bilingual } from './types';

/** Malformed lesson data: where (a path such as `steps[1].goal.pods.count`) and what, in both languages. */
export class LessonDataError extends Error {
  constructor(
    readonly where: string,
    readonly problem: Bilingual,
  ) {
    super(`${where}: ${problem.en}`);
    this.name = 'LessonDataError';
  }
}

const MAX_TEXT = 2000;
const MAX_NAME = 253;
const MAX_GOALS = 20;
const MAX_DEPTH = 4;

type Spec = { type: 'string' | 'name' | 'selector' | 'pattern' | 'path' | 'int' | 'nonNegInt' | 'boolean' | 'scalar' | 'fields' | 'bilingual'; required?: boolean };
const S = (type: Spec['type'], required = false): Spec => ({ type, required });

/** Each kind's fields and what they hold. */
const SHAPES: Record<string, Record<string, Spec>> = {
  object: { resource: S('name', true), name: S('name'), namespace: S('name'), exists: S('boolean'), fields: S('fields') },
  pods: {
    selector: S('selector'),
    name: S('name'),
    namespace: S('name'),
    count: S('nonNegInt', true),
    atLeast: S('boolean'),
    notOn: S('name'),
    onNodes: S('selector'),
    someOnNodePrefix: S('name'),
    nodesAtLeast: S('nonNegInt'),
    containers: S('nonNegInt'),
    image: S('string'),
    newSinceStep: S('boolean'),
    restartsAtLeast: S('nonNegInt'),
    steadyForSeconds: S('nonNegInt'),
    claim: S('name'),
    priority: S('int'),
    fields: S('fields'),
    noneWaiting: S('pattern'),
  },
  deployment: { name: S('name', true), namespace: S('name'), ready: S('nonNegInt'), readyAtLeast: S('nonNegInt'), image: S('string') },
  deploymentGone: { name: S('name', true), namespace: S('name') },
  endpoints: { service: S('name', true), namespace: S('name'), ready: S('nonNegInt', true), port: S('nonNegInt') },
  command: { matches: S('pattern', true), output: S('pattern'), times: S('nonNegInt'), exitCode: S('nonNegInt') },
  node: { name: S('name', true), ready: S('boolean'), cordoned: S('boolean'), stoppedByYou: S('boolean') },
  nodeCount: { prefix: S('name', true), count: S('nonNegInt', true) },
  claim: { name: S('name', true), namespace: S('name'), usedBy: S('selector'), holds: S('string') },
  access: { user: S('string', true), verb: S('name', true), resource: S('string', true), namespace: S('name'), allowed: S('boolean', true) },
  traffic: { from: S('selector', true), to: S('selector', true), namespace: S('name'), port: S('nonNegInt', true), allowed: S('boolean', true) },
  waiting: { pod: S('name', true), namespace: S('name'), message: S('pattern', true) },
  event: { reason: S('name', true), namespace: S('name'), kind: S('name') },
};

const FIELD_TEST: Record<string, Spec> = { path: S('path', true), equals: S('scalar'), present: S('boolean'), atLeast: S('int'), atMost: S('int'), matches: S('pattern') };

const fail = (where: string, en: string, ko: string): never => {
  throw new LessonDataError(where, { en, ko });
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Text in one or both languages (an author may write only one); at least one filled. */
export function parseBilingual(v: unknown, where: string, max = MAX_TEXT): Bilingual {
  if (!isPlainObject(v)) return fail(where, 'must be text in Korean and/or English ({ "ko": …, "en": … })', '한국어나 영어 텍스트여야 합니다 ({ "ko": …, "en": … })');
  for (const k of Object.keys(v)) if (k !== 'ko' && k !== 'en') fail(`${where}.${k}`, 'is not a language this app knows (ko, en)', '이 앱이 아는 언어(ko, en)가 아닙니다');
  const out = { ko: '', en: '' };
  for (const lang of ['ko', 'en'] as const) {
    const t = v[lang];
    if (t === undefined) continue;
    if (typeof t !== 'string') fail(`${where}.${lang}`, 'must be text', '텍스트여야 합니다');
    if ((t as string).length > max) fail(`${where}.${lang}`, `is longer than ${max} characters`, `${max}자를 넘습니다`);
    out[lang] = (t as string).trim();
  }
  if (!out.ko && !out.en) fail(where, 'is empty in both languages', '두 언어 모두 비어 있습니다');
  // One language given: it is shown in both, rather than leaving a learner with nothing.
  return { ko: out.ko || out.en, en: out.en || out.ko };
}

function checkValue(v: unknown, spec: Spec, where: string): unknown {
  switch (spec.type) {
    case 'string':
      if (typeof v !== 'string' || !v.length || v.length > MAX_TEXT) fail(where, 'must be non-empty text', '비어 있지 않은 텍스트여야 합니다');
      return v;
    case 'name':
      if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(v) || v.length > MAX_NAME) fail(where, `must be a Kubernetes name (letters, digits, "-", ".", at most ${MAX_NAME})`, `쿠버네티스 이름이어야 합니다(영문자, 숫자, "-", ".", 최대 ${MAX_NAME}자)`);
      return v;
    case 'selector':
      if (typeof v !== 'string' || !v.trim() || v.length > MAX_NAME) fail(where, 'must be a label selector such as app=web', 'app=web 같은 레이블 셀렉터여야 합니다');
      try {
        parseSelector(v as string);
      } catch (e) {
        fail(where, `is not a label selector: ${(e as Error).message}`, `레이블 셀렉터가 아닙니다: ${(e as Error).message}`);
      }
      return v;
    case 'pattern': {
      const problem = typeof v === 'string' ? patternProblem(v) : 'a pattern must be text';
      if (problem) fail(where, `is not a usable pattern: ${problem}`, `쓸 수 없는 패턴입니다: ${problem}`);
      return v;
    }
    case 'path':
      try {
        parsePath(v as string);
      } catch (e) {
        fail(where, (e as Error).message, `필드 경로를 읽을 수 없습니다: ${(e as Error).message}`);
      }
      return v;
    case 'int':
    case 'nonNegInt':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || (spec.type === 'nonNegInt' && v < 0) || Math.abs(v) > 1_000_000_000) fail(where, spec.type === 'nonNegInt' ? 'must be a whole number from 0 to 1000000000' : 'must be a whole number', spec.type === 'nonNegInt' ? '0부터 1000000000까지의 정수여야 합니다' : '정수여야 합니다');
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') fail(where, 'must be true or false', 'true 또는 false여야 합니다');
      return v;
    case 'scalar':
      if (!(typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= MAX_TEXT))) fail(where, 'must be text, a number, or true/false', '텍스트, 숫자, true/false 중 하나여야 합니다');
      return v;
    case 'fields':
      if (!Array.isArray(v) || v.length > MAX_GOALS) fail(where, `must be a list of at most ${MAX_GOALS} field tests`, `필드 검사 ${MAX_GOALS}개 이하의 목록이어야 합니다`);
      return (v as unknown[]).map((t, i) => checkShape(t, FIELD_TEST, `${where}[${i}]`));
    case 'bilingual':
      return parseBilingual(v, where);
  }
}

function checkShape(v: unknown, shape: Record<string, Spec>, where: string): Record<string, unknown> {
  if (!isPlainObject(v)) return fail(where, 'must be an object', '객체여야 합니다');
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (!Object.prototype.hasOwnProperty.call(shape, k)) fail(`${where}.${k}`, `is not a field of this goal (known: ${Object.keys(shape).join(', ')})`, `이 목표의 필드가 아닙니다(알려진 필드: ${Object.keys(shape).join(', ')})`);
  }
  for (const [k, spec] of Object.entries(shape)) {
    if (v[k] === undefined) {
      if (spec.required) fail(`${where}.${k}`, 'is missing', '빠져 있습니다');
      continue;
    }
    out[k] = checkValue(v[k], spec, `${where}.${k}`);
  }
  return out;
}

/** A goal from untrusted data: a fresh, checked copy, or a LessonDataError. */
export function parseGoal(value: unknown, where = 'goal', depth = 0): GoalSpec {
  if (!isPlainObject(value)) return fail(where, 'must be a goal object', '목표 객체여야 합니다');
  const keys = Object.keys(value).filter((k) => k !== 'says');
  const kinds = keys.filter((k) => (GOAL_KINDS as readonly string[]).includes(k));
  if (kinds.length !== 1 || keys.length !== 1) fail(where, `must have exactly one kind of goal (${GOAL_KINDS.join(', ')}) and optionally "says"`, `목표 종류(${GOAL_KINDS.join(', ')}) 하나와, 선택적으로 "says"만 있어야 합니다`);
  const kind = kinds[0]!;
  const says = value.says === undefined ? undefined : parseBilingual(value.says, `${where}.says`, 500);
  const withSays = <T extends object>(g: T): T => (says ? { ...g, says } : g);
  if (kind === 'all') {
    if (depth >= MAX_DEPTH) fail(where, `nests goals more than ${MAX_DEPTH} deep`, `목표가 ${MAX_DEPTH}단계보다 깊게 중첩되었습니다`);
    const list = value.all;
    if (!Array.isArray(list) || !list.length || list.length > MAX_GOALS) fail(`${where}.all`, `must list 1 to ${MAX_GOALS} goals`, `목표를 1~${MAX_GOALS}개 나열해야 합니다`);
    return withSays({ all: (list as unknown[]).map((g, i) => parseGoal(g, `${where}.all[${i}]`, depth + 1)) });
  }
  if (kind === 'answer') {
    const n = checkValue(value.answer, S('nonNegInt'), `${where}.answer`) as number;
    return withSays({ answer: n });
  }
  const body = checkShape(value[kind], SHAPES[kind]!, `${where}.${kind}`);
  if (kind === 'pods' && (body.selector === undefined) === (body.name === undefined)) fail(`${where}.pods`, 'must name the pods by "selector" or by "name" (one of the two)', '"selector"나 "name" 중 하나로 파드를 지정해야 합니다');
  return withSays({ [kind]: body } as unknown as GoalSpec);
}
