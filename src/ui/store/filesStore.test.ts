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
