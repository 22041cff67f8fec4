/**
 * The host's side of the lesson builder: an imported lesson starts from its scenario as data (a
 * recorded log replayed, or manifests applied), a log the engine cannot replay is refused with
 * the cluster on screen unchanged, and a step's solution is read back from the log with each
 * command's exit code and only the files it named.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { EngineHost } from './host';

describe('lessons from data, and recording', () => {
  it('starts a recorded scenario: the same cluster the author had', () => {
    const author = createCluster({ seed: 3, workers: 2 });
    author.kubectl('kubectl create deployment web --image=nginx --replicas=2');
    author.advance(60);
    const host = new EngineHost(() => {});
    host.startScenario({ cluster: { seed: 3, workers: 2 }, actions: author.actionLog() });
    expect(host.query('get deploy web').stdout).toBe(author.query('get deploy web').stdout);
    expect(host.position().now).toBe(author.now());
  });

  it('starts a manifest scenario, and refuses a log the engine cannot replay, keeping the cluster on screen', () => {
    const host = new EngineHost(() => {});
    host.startScenario({ cluster: { seed: 1, workers: 1 }, apply: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n'] });
    expect(host.query('get configmap settings').exitCode).toBe(0);
    const at = host.position().now + 1000;
    expect(() => host.startScenario({ cluster: { seed: 1, workers: 1 }, actions: [{ type: 'stopNode', at, name: 'no-such-node' }] })).toThrow(/no node named/);
    expect(host.query('get configmap settings').exitCode).toBe(0);
  });

  it('reads back what was done since a point: exit codes, machines, only the files named', () => {
    const host = new EngineHost(() => {});
    host.reset({ seed: 1, workers: 2 });
    host.run('kubectl create deployment web --image=nginx');
    const from = host.position().logLength;
    host.run('kubectl scale deployment nope --replicas=2');
    host.run('kubectl apply -f svc.yaml', { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n', 'other.yaml': 'x' });
    host.stopNode('worker-2');
    expect(host.actionsSince(from)).toEqual([
      { type: 'kubectl', command: 'kubectl scale deployment nope --replicas=2', exitCode: 1 },
      { type: 'kubectl', command: 'kubectl apply -f svc.yaml', exitCode: 0, files: { 'svc.yaml': expect.stringContaining('kind: Service') } },
      { type: 'stopNode', name: 'worker-2' },
    ]);
  });
});
