/**
 * A course remembers when each of its steps was done from the moment it was opened (a step done
 * before has no time to give), and exports that progress as a file an instructor can collect.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('course progress', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('records when steps are done, keeps it, and exports it', async () => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => kept.set(k, v), removeItem: (k: string) => kept.delete(k) });
    const { useCourse, startCourseStore } = await import('./courseStore');
    const { useLessons } = await import('./lessonStore');
    startCourseStore();
    useLessons.setState({ completed: { 'first-pod': ['run'] } });
    useCourse.getState().join({ title: { en: 'Week 1', ko: '1주차' }, lessons: ['first-pod', 'desired-state'] });
    useLessons.setState({ completed: { 'first-pod': ['run', 'path'] } });
    const doneAt = useCourse.getState().doneAt['first-pod'];
    expect(Object.keys(doneAt)).toEqual(['path']);
    expect(JSON.parse(kept.get('wheelhouse.course')!).doneAt['first-pod'].path).toBe(doneAt.path);

    const file = JSON.parse(useCourse.getState().exportProgress());
    expect(file).toMatchObject({ wheelhouse: 'course-progress', version: 1, course: { lessons: ['first-pod', 'desired-state'] } });
    expect(file.lessons[0].steps.slice(0, 2)).toEqual([
      { id: 'run', title: expect.any(Object), done: true },
      { id: 'path', title: expect.any(Object), done: true, doneAt: doneAt.path },
    ]);
    expect(file.lessons[1]).toMatchObject({ id: 'desired-state', finished: false });

    useCourse.getState().leave();
    expect(kept.has('wheelhouse.course')).toBe(false);
  });
});
