import { describe, expect, it } from 'vitest';
import { LessonDataError, parseBilingual, parseGoal } from './goalValidation';

function problem(value: unknown): LessonDataError {
  try {
    parseGoal(value);
  } catch (e) {
    if (e instanceof LessonDataError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('goals read from shared data', () => {
  it('accept the vocabulary and return a fresh copy', () => {
    const input = { says: { en: 'Ready' }, all: [{ deployment: { name: 'web', ready: 3 } }, { command: { matches: '^get pods', times: 2 } }] };
    const g = parseGoal(input);
    // One language given: shown in both.
    expect(g).toEqual({ says: { en: 'Ready', ko: 'Ready' }, all: [{ deployment: { name: 'web', ready: 3 } }, { command: { matches: '^get pods', times: 2 } }] });
    expect(g).not.toBe(input);
  });

  it('say where the problem is, in both languages', () => {
    const e = problem({ all: [{ deployment: { name: 'web', ready: -1 } }] });
    expect(e.where).toBe('goal.all[0].deployment.ready');
    expect(e.problem.en).toMatch(/whole number/);
    expect(e.problem.ko).toMatch(/정수/);
  });

  it('refuse unknown kinds, unknown fields, two kinds at once, and wrong types', () => {
    expect(problem({ teleport: {} }).where).toBe('goal');
    expect(problem({ deployment: { name: 'web', ready: 1 }, answer: 1 }).where).toBe('goal');
    expect(problem({ deployment: { name: 'web', replicas: 3 } }).where).toBe('goal.deployment.replicas');
    expect(problem({ pods: { selector: 'app=web', count: '3' } }).where).toBe('goal.pods.count');
    expect(problem({ pods: { selector: 'app in (', count: 3 } }).where).toBe('goal.pods.selector');
    expect(problem({ access: { user: 'a', verb: 'get', resource: 'pods' } }).where).toBe('goal.access.allowed');
    expect(problem('deployment web').where).toBe('goal');
    expect(problem(null).where).toBe('goal');
  });

  it('refuse what could hurt the page: unsafe patterns, prototype keys, HTML is kept as text, nesting and sizes bounded', () => {
    expect(problem({ command: { matches: '(a+)+$' } }).where).toBe('goal.command.matches');
    expect(problem({ object: { resource: 'pods', name: 'x', fields: [{ path: '__proto__.x', equals: 1 }] } }).where).toBe('goal.object.fields[0].path');
    expect(problem(JSON.parse('{"__proto__": {"polluted": true}, "answer": 1}')).where).toMatch(/goal/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = { answer: 0 };
    for (let i = 0; i < 6; i++) deep = { all: [deep] };
    expect(problem(deep).problem.en).toMatch(/nests/);
    expect(problem({ all: Array.from({ length: 50 }, () => ({ answer: 0 })) }).where).toBe('goal.all');
    expect(problem({ object: { resource: 'pods', name: 'x'.repeat(300) } }).where).toBe('goal.object.name');
    // Markup is only text: the lesson panel renders text, never HTML.
    expect(parseGoal({ says: { en: '<img src=x onerror=alert(1)>' }, answer: 0 })).toEqual({ says: { en: '<img src=x onerror=alert(1)>', ko: '<img src=x onerror=alert(1)>' }, answer: 0 });
  });

  it('text in one language or both, never neither', () => {
    expect(parseBilingual({ ko: '안녕' }, 'title')).toEqual({ ko: '안녕', en: '안녕' });
    expect(() => parseBilingual({ ko: ' ', en: '' }, 'title')).toThrow(LessonDataError);
    expect(() => parseBilingual({ fr: 'bonjour' }, 'title')).toThrow(/language/);
    expect(() => parseBilingual({ en: 'x'.repeat(5000) }, 'title')).toThrow(/longer/);
  });
});
