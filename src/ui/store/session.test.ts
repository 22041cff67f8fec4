import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, parseSession, type Session } from './session';
import { createCluster, rebuildCluster } from '../../engine';

describe('sessions', () => {
  it('a shared link rebuilds the same cluster, Korean text and all', () => {
    const c = createCluster({ seed: 7, workers: 2 });
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(30);
    c.stopNode('worker-1');
    c.advance(20);
    const session: Session = { version: 1, options: { seed: 7, workers: 2 }, actions: c.actionLog(), files: [{ name: 'web.yaml', content: '# 디플로이먼트\nkind: Deployment\n' }] };
    const back = decodeShare(encodeShare(session))!;
    expect(back.files[0].content).toBe('# 디플로이먼트\nkind: Deployment\n');
    const again = rebuildCluster(back.options, back.actions);
    expect(again.now()).toBe(c.now());
    expect(again.kubectl('get pods -o wide').stdout).toBe(c.kubectl('get pods -o wide').stdout);
  });

  it('ignores anything that is not a session (garbage links, tampered storage, absurd sizes)', () => {
    expect(decodeShare('#s=!!!')).toBeUndefined();
    expect(decodeShare('#s=bm90IGpzb24')).toBeUndefined();
    expect(parseSession({ version: 1, options: {}, actions: [{ type: 'rm -rf', at: 0 }], files: [] })).toBeUndefined();
    expect(parseSession({ version: 1, options: { workers: 100000 }, actions: [], files: [] })).toBeUndefined();
    expect(parseSession(null)).toBeUndefined();
  });
});
