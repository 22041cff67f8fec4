import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { useFiles } from './filesStore';

describe('editor files keyed by name', () => {
  it('a file named constructor or __proto__ is a file, and a missing one is missing (not Object.prototype)', () => {
    useFiles.setState({ files: [{ name: 'web.yaml', content: 'x' }], active: 'web.yaml' });
    const c = createCluster({ seed: 1, workers: 1 });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = c.kubectl(`apply -f ${name}`, { files: useFiles.getState().asRecord() });
      expect(r.stderr.trim()).toBe(`error: the path "${name}" does not exist`);
      expect(useFiles.getState().file(name)).toBeUndefined();
    }
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: proto\ndata:\n  a: b\n';
    useFiles.setState({ files: [{ name: '__proto__', content: manifest }, { name: 'constructor', content: manifest.replace('proto', 'ctor') }], active: '__proto__' });
    const files = useFiles.getState().asRecord();
    expect(Object.keys(files)).toEqual(['__proto__', 'constructor']);
    expect(c.kubectl('apply -f __proto__', { files }).stdout).toBe('configmap/proto created\n');
    expect(c.kubectl('apply -f constructor', { files }).stdout).toBe('configmap/ctor created\n');
    expect(useFiles.getState().file('constructor')?.content).toContain('ctor');
  });
});

describe('files kubectl cp brings out of a container', () => {
  it('appear in the editor, and a second copy overwrites the first as cp would', () => {
    useFiles.setState({ files: [{ name: 'web.yaml', content: 'x' }], active: 'web.yaml' });
    const c = createCluster({ seed: 1, workers: 1 });
    c.kubectl('run box --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    c.kubectl('exec box -- sh -c "echo first > /tmp/note.txt"');
    const out = c.kubectl('cp box:/tmp/note.txt note.txt', { files: useFiles.getState().asRecord() });
    expect(out.exitCode).toBe(0);
    useFiles.getState().writeLocal(out.localFiles!);
    expect(useFiles.getState().file('note.txt')?.content).toBe('first\n');
    c.kubectl('exec box -- sh -c "echo second > /tmp/note.txt"');
    useFiles.getState().writeLocal(c.kubectl('cp box:/tmp/note.txt note.txt', { files: useFiles.getState().asRecord() }).localFiles!);
    expect(useFiles.getState().files.map((f) => [f.name, f.content])).toEqual([['web.yaml', 'x'], ['note.txt', 'second\n']]);
  });
});
