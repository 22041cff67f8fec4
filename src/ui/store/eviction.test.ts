import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/port';
import { buildDiagramModel } from './diagramModel';

/** The node card's countdown comes from the taint's timeAdded and each pod's own tolerationSeconds. */
describe("a NotReady node's eviction countdown", () => {
  it('counts down from the pods’ tolerationSeconds, and is gone once they are evicted', () => {
    const c = createCluster({ seed: 7 });
    c.advance(30);
    const pod = (name: string, seconds?: number) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: worker-1
  containers: [{name: app, image: nginx}]
${seconds === undefined ? '' : `  tolerations:
  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: ${seconds}}
  - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: ${seconds}}`}
`;
    expect(c.kubectl('apply -f -', { stdin: pod('quick', 60) }).exitCode).toBe(0);
    expect(c.kubectl('apply -f -', { stdin: pod('slow') }).exitCode).toBe(0);
    c.advance(10);
    const node = () => buildDiagramModel(c, [], []).nodes.find((n) => n.name === 'worker-1')!;
    expect(node().eviction).toBeUndefined();
    c.stopNode('worker-1');
    c.advance(60); // the node lifecycle controller's 40 s grace, then the taint
    const e = node().eviction!;
    expect(e.pods).toBeGreaterThanOrEqual(2); // ours, and any system pod on the node
    // The quick pod tolerates 60 s (not the default 300 s): the first eviction is under a minute away.
    expect(e.inSeconds).toBeGreaterThan(0);
    expect(e.inSeconds).toBeLessThanOrEqual(60);
    c.advance(e.inSeconds + 5);
    const later = node().eviction!;
    expect(later.pods).toBe(e.pods - 1); // the quick one has gone; the default 300 s ones still wait
    expect(later.inSeconds).toBeGreaterThan(180);
    c.advance(later.inSeconds + 30);
    expect(node().eviction).toBeUndefined();
  });
});
