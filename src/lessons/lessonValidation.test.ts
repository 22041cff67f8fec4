/**
 * Authored lessons are data from anyone (a link, a file): what passes is a clean copy the app can
 * render and replay; what does not is refused with a message, in both languages, naming where.
 * And an authored lesson plays headless as a built-in one does: its recorded scenario replays,
 * its solutions meet its goals.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Action } from '../engine/port';
import { goalMet } from './goalChecks';
import { LessonDataError, parseLesson } from './lessonValidation';
import { parseCourse } from './courseValidation';
import { performSolution, startScenario } from './runner';
import { SCENARIO_LIMITS } from './scenarioValidation';

/** A sandbox where the author ran one command and let time pass: its action log is the scenario. */
function recordedSandbox(): { cluster: { seed: number; workers: number }; actions: Action[] } {
  const c = createCluster({ seed: 1, workers: 3 });
  c.kubectl('kubectl create deployment web --image=nginx --replicas=1');
  c.advance(30);
  return { cluster: { seed: 1, workers: 3 }, actions: JSON.parse(JSON.stringify(c.actionLog())) };
}

function lesson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'scale-and-expose',
    title: { en: 'Scale and expose' },
    scenario: recordedSandbox(),
    steps: [
      { id: 's1', title: { ko: '세 개로 늘리기' }, instructions: { en: 'Scale `web` to 3.' }, goal: { deployment: { name: 'web', ready: 3 } }, hints: [{ en: 'kubectl scale' }], solution: [{ command: 'kubectl scale deployment web --replicas=3' }] },
      { id: 's2', title: { en: 'Expose it' }, instructions: { en: 'Give it a Service.' }, goal: { endpoints: { service: 'web', ready: 3 } }, solution: [{ command: 'kubectl expose deployment web --port=80' }] },
    ],
    ...overrides,
  };
}

function problem(value: unknown): LessonDataError {
  try {
    parseLesson(value);
  } catch (e) {
    expect(e).toBeInstanceOf(LessonDataError);
    const err = e as LessonDataError;
    // Said in both languages.
    expect(err.problem.en.length).toBeGreaterThan(0);
    expect(err.problem.ko).toMatch(/[가-힣]/);
    return err;
  }
  throw new Error('accepted');
}

describe('parseLesson', () => {
  it('accepts an authored lesson, text in one language shown in both', () => {
    const l = parseLesson(lesson());
    expect(l.title).toEqual({ en: 'Scale and expose', ko: 'Scale and expose' });
    expect(l.steps[0].title).toEqual({ ko: '세 개로 늘리기', en: '세 개로 늘리기' });
    expect(l.summary).toEqual({ ko: '', en: '' });
    expect(l.scenario.actions?.length).toBeGreaterThan(0);
  });

  it('plays headless: the recorded scenario replays and each solution meets its goal', () => {
    const l = parseLesson(JSON.parse(JSON.stringify(lesson())));
    const c = startScenario(l);
    for (const step of l.steps) {
      const since = c.now();
      expect(goalMet(c, step.goal, { since }), `${step.id} before`).toBe(false);
      for (const a of step.solution) performSolution(c, a);
      c.advance(60);
      expect(goalMet(c, step.goal, { since }), `${step.id} after`).toBe(true);
    }
  });

  it('keeps HTML as text: nothing is interpreted', () => {
    const l = parseLesson(lesson({ title: { en: '<img src=x onerror=alert(1)>' } }));
    expect(l.title.en).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses wrong types, naming where', () => {
    expect(problem(null).where).toBe('lesson');
    expect(problem('lesson').where).toBe('lesson');
    expect(problem(lesson({ title: 'just a string' })).where).toBe('lesson.title');
    expect(problem(lesson({ title: { en: '', ko: '  ' } })).where).toBe('lesson.title');
    expect(problem(lesson({ id: 'Has Spaces' })).where).toBe('lesson.id');
    expect(problem(lesson({ steps: [] })).where).toBe('lesson.steps');
    const bad = lesson();
    (bad.steps as Record<string, unknown>[])[1].goal = { deployment: { name: 'web', ready: 'three' } };
    expect(problem(bad).where).toBe('lesson.steps[1].goal.deployment.ready');
    const unknownKind = lesson();
    (unknownKind.steps as Record<string, unknown>[])[0].goal = { launchMissiles: {} };
    expect(problem(unknownKind).where).toBe('lesson.steps[0].goal');
  });

  it('refuses a pattern that could hang the page', () => {
    const l = lesson();
    (l.steps as Record<string, unknown>[])[0].goal = { command: { matches: '(a+)+$' } };
    expect(problem(l).where).toBe('lesson.steps[0].goal.command.matches');
  });

  it('refuses huge lists and long text', () => {
    const many = lesson();
    const step = (many.steps as unknown[])[0];
    many.steps = Array.from({ length: 1000 }, () => step);
    expect(problem(many).where).toBe('lesson.steps');
    expect(problem(lesson({ title: { en: 'x'.repeat(100_000) } })).where).toBe('lesson.title.en');
    const hints = lesson();
    (hints.steps as Record<string, unknown>[])[0].hints = Array.from({ length: 10_000 }, () => ({ en: 'hint' }));
    expect(problem(hints).where).toBe('lesson.steps[0].hints');
    const actions = lesson();
    const first = (actions.scenario as { actions: Action[] }).actions[0];
    (actions.scenario as { actions: Action[] }).actions = Array.from({ length: SCENARIO_LIMITS.actions + 1 }, () => first);
    expect(problem(actions).where).toMatch(/^lesson\.scenario\.actions/);
  });

  it('never lets prototype keys through', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "id": "x", "title": {"en": "t"}, "scenario": {"cluster": {}}, "steps": []}`);
    expect(problem(hostile).where).toBe('lesson.__proto__');
    const inGoal = lesson();
    (inGoal.steps as Record<string, unknown>[])[0].goal = JSON.parse('{"deployment": {"name": "web", "__proto__": {"polluted": true}}}');
    expect(problem(inGoal).where).toBe('lesson.steps[0].goal.deployment.__proto__');
    const inFiles = lesson();
    (inFiles.scenario as { actions: Action[] }).actions.push(JSON.parse(`{"type": "kubectl", "at": ${(inFiles.scenario as { actions: Action[] }).actions.at(-1)!.at + 1000}, "command": "apply -f a.yaml", "files": {"__proto__": "x", "a.yaml": "kind: Pod"}}`));
    const l = parseLesson(inFiles);
    const files = (l.scenario.actions!.at(-1) as { files: Record<string, string> }).files;
    expect(Object.getPrototypeOf(files)).toBe(null);
    expect(Object.keys(files)).toEqual(['a.yaml']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an action log that is not one a sandbox could write', () => {
    const scenario = recordedSandbox();
    const at = scenario.actions[0].at;
    const withLog = (actions: unknown[]) => lesson({ scenario: { ...scenario, actions } });
    expect(problem(withLog([{ type: 'api', at, request: { method: 'DELETE', path: '/api/v1/nodes' } }])).where).toMatch(/^lesson\.scenario\.actions\[0\]/);
    expect(problem(withLog([{ type: 'kubectl', at, command: 42 }])).where).toBe('lesson.scenario.actions[0].command');
    expect(problem(withLog([{ type: 'advance', at, seconds: 1e9 }])).where).toMatch(/^lesson\.scenario\.actions\[0\]/);
    expect(problem(withLog([{ type: 'kubectl', at: at + 5000, command: 'get pods' }, { type: 'kubectl', at, command: 'get pods' }])).where).toBe('lesson.scenario.actions[1].at');
    expect(problem(withLog([{ type: 'addNode', at, spec: { name: 'Not A Name' } }])).where).toBe('lesson.scenario.actions[0].spec.name');
    expect(problem(lesson({ scenario: { cluster: { workers: 100_000 } } })).where).toBe('lesson.scenario.cluster.workers');
  });

  it('leaves to the engine an action that fits but names what the cluster lacks: it throws, cleanly', () => {
    const scenario = recordedSandbox();
    const l = parseLesson(lesson({ scenario: { ...scenario, actions: [...scenario.actions, { type: 'stopNode', at: scenario.actions.at(-1)!.at + 1, name: 'no-such-node' }] } }));
    expect(() => startScenario(l)).toThrow(/no node named no-such-node/);
  });

  it('refuses repeated step ids and an answer with no question', () => {
    const twice = lesson();
    (twice.steps as Record<string, unknown>[])[1].id = 's1';
    expect(problem(twice).where).toBe('lesson.steps[1].id');
    const answer = lesson();
    (answer.steps as Record<string, unknown>[])[0].goal = { answer: 1 };
    expect(problem(answer).where).toBe('lesson.steps[0].goal');
  });
});

describe('parseCourse', () => {
  it('takes built-in lessons by id and authored ones whole, in order', () => {
    const { course, authored } = parseCourse({ wheelhouse: 'course', version: 1, title: { en: 'Week 1' }, lessons: ['first-pod', lesson()] });
    expect(course.lessons).toEqual(['first-pod', 'scale-and-expose']);
    expect(authored.map((l) => l.id)).toEqual(['scale-and-expose']);
  });

  it('says where inside the course an authored lesson is wrong', () => {
    const bad = lesson({ title: 5 });
    expect(() => parseCourse({ wheelhouse: 'course', version: 1, title: { en: 'W' }, lessons: ['first-pod', bad] })).toThrow(expect.objectContaining({ where: 'course.lessons[1].title' }));
    expect(() => parseCourse({ wheelhouse: 'course', version: 1, title: { en: 'W' }, lessons: ['no-such-lesson'] })).toThrow(expect.objectContaining({ where: 'course.lessons[0]' }));
  });
});
