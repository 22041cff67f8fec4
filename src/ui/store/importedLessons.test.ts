/**
 * Imported lessons are kept apart from the built-in ones: checked on the way in (a built-in id is
 * refused), replaced by a newer version of the same id, removable, and read back from storage
 * with any damaged entry left out rather than taking the others with it.
 */
import { describe, expect, it } from 'vitest';
import { LessonDataError } from '../../lessons/lessonValidation';
import { saveKept } from '../persistence/storage';
import { findLesson, isImported, loadImportedLessons, useImported } from './importedLessons';

const lesson = (id: string, title = 'Mine') => ({
  id,
  title: { en: title },
  scenario: { cluster: { seed: 1, workers: 1 } },
  steps: [{ id: 'one', title: { en: 'One' }, instructions: { en: 'Run it.' }, goal: { pods: { selector: 'run=x', count: 1 } }, solution: [{ command: 'kubectl run x --image=nginx' }] }],
});

describe('imported lessons', () => {
  it('are checked, kept apart from the built-in ones, replaced by a newer version, removable', () => {
    useImported.getState().add(lesson('mine'));
    expect(isImported('mine')).toBe(true);
    expect(isImported('first-pod')).toBe(false);
    expect(findLesson('mine')?.title.en).toBe('Mine');
    expect(() => useImported.getState().add(lesson('first-pod'))).toThrow(LessonDataError);
    expect(() => useImported.getState().add({ ...lesson('bad'), steps: 'none' })).toThrow(expect.objectContaining({ where: 'lesson.steps' }));
    useImported.getState().add(lesson('mine', 'Mine, v2'));
    expect(useImported.getState().lessons.map((l) => l.title.en)).toEqual(['Mine, v2']);
    useImported.getState().remove('mine');
    expect(findLesson('mine')).toBeUndefined();
  });

  it('are read back from storage, a damaged one left out', async () => {
    await saveKept('lessons:imported', JSON.stringify([{ ...lesson('broken'), title: 42 }, lesson('kept'), lesson('first-pod')]));
    useImported.setState({ lessons: [] });
    loadImportedLessons();
    expect(useImported.getState().lessons.map((l) => l.id)).toEqual(['kept']);
  });
});
