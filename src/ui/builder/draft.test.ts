/**
 * The builder's draft becomes a lesson that passes the same checks as any imported lesson, and a
 * recorded solution keeps only what succeeded — a file applied from the editor carried as stdin.
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../lessons/lessonValidation';
import { draftLesson, newDraft, scenarioFromSession, solutionFromRecording } from './draft';
import { goalFromForm } from './goalForms';
import { decodeLink, encodeLink, readLessonFile, lessonFile } from './lessonLink';

describe('solutionFromRecording', () => {
  it('keeps commands that succeeded and machines switched off or on', () => {
    expect(
      solutionFromRecording([
        { type: 'kubectl', command: 'kubectl scale deployment web --replicas=3', exitCode: 0 },
        { type: 'kubectl', command: 'kubectl get pod nope', exitCode: 1 },
        { type: 'kubectl', command: 'k get pods', exitCode: 0 },
        { type: 'stopNode', name: 'worker-2' },
      ]),
    ).toEqual([{ command: 'kubectl scale deployment web --replicas=3' }, { command: 'kubectl get pods' }, { stopNode: 'worker-2' }]);
  });
  it('carries a file applied from the editor as stdin', () => {
    expect(solutionFromRecording([{ type: 'kubectl', command: 'kubectl apply -f web.yaml', exitCode: 0, files: { 'web.yaml': 'kind: Service' } }])).toEqual([{ command: 'kubectl apply -f -', stdin: 'kind: Service' }]);
  });
});

describe('draftLesson', () => {
  it('makes a lesson the import checks accept, with goals from the forms', () => {
    const d = newDraft('my-lesson');
    d.title = { ko: '', en: 'Mine' };
    d.steps[0].title = { ko: '하나', en: '' };
    d.steps[0].instructions = { ko: '', en: 'Do it.' };
    d.steps[0].goal = { kind: 'deployment', values: { name: 'web', ready: '3' }, tests: [] };
    d.steps[0].hints = [{ ko: '', en: '' }, { ko: '', en: 'Use scale.' }];
    d.scenario = scenarioFromSession({ options: { seed: 1, workers: 3 }, actions: [{ type: 'kubectl', at: 1772442301000, command: 'kubectl apply -f a.yaml', files: { 'a.yaml': 'x', 'b.yaml': 'y' } }] });
    const l = parseLesson(JSON.parse(JSON.stringify(draftLesson(d))));
    expect(l.steps[0].goal).toEqual({ deployment: { name: 'web', ready: 3 } });
    expect(l.steps[0].hints).toEqual([{ ko: 'Use scale.', en: 'Use scale.' }]);
    expect((l.scenario.actions![0] as { files: Record<string, string> }).files).toEqual({ 'a.yaml': 'x' });
  });
  it('builds field tests and yes/no from the form', () => {
    expect(goalFromForm({ kind: 'object', values: { resource: 'configmaps', name: 'app', exists: 'yes' }, tests: [{ path: 'data.mode', test: 'equals', value: 'fast' }] })).toEqual({ object: { resource: 'configmaps', name: 'app', exists: true, fields: [{ path: 'data.mode', equals: 'fast' }] } });
  });
});

describe('links and files', () => {
  it('round-trips a lesson through a link and a file', () => {
    const value = { id: 'x', title: { en: '<b>t</b>' } };
    expect(decodeLink(`https://example.org/app/${encodeLink('lesson', value)}`)).toEqual({ kind: 'lesson', value });
    expect(readLessonFile(lessonFile(value))).toEqual(value);
  });
  it('says a damaged link or file is unreadable, in both languages', () => {
    expect(() => decodeLink('#lesson=AAAA')).toThrow(expect.objectContaining({ where: '#lesson' }));
    expect(() => decodeLink('#lesson=<script>')).toThrow(expect.objectContaining({ where: 'link' }));
    expect(() => readLessonFile('{"wheelhouse":"scenario"}')).toThrow(expect.objectContaining({ where: 'file' }));
    expect(() => readLessonFile('not json')).toThrow(expect.objectContaining({ where: 'file' }));
  });
});
