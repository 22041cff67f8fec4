/**
 * kubectl create priorityclass, byte for byte: testdata/create-priorityclass.kubectl-1.32.txt is
 * what real kubectl v1.32 printed for the same lines against the served simulator — its client
 * dry runs and flag refusals, which it decides without a server, and its wrapping of the API
 * server's answers ("error: failed to create priorityclass: …").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCluster, transcript } from '../../testing/helpers';

const LINES = [
  "create priorityclass high-priority --value=1000 --description='high priority' --dry-run=client -o yaml",
  "create pc default-priority --value=1000 --global-default=true --description='default priority' --dry-run=client -o yaml",
  'create pc np --value=1000 --preemption-policy=Never --dry-run=client -o yaml',
  'create pc p0 --dry-run=client -o yaml',
  'create pc --value=5 --dry-run=client',
  'create pc bad --value=abc --dry-run=client',
  'create pc big --value=3000000000 --dry-run=client',
  'create pc low --value=-5 --dry-run=client',
  'create pc high --value=1000',
  'create pc high --value=1000',
  'create pc huge --value=1000000001',
  'create pc system-mine --value=10',
  'create pc system-node-critical --value=2000001000',
  'create pc odd --value=10 --preemption-policy=Sometimes',
  'create pc d1 --value=5 --global-default',
  "create pc d2 --value=6 --global-default --description='second default'",
];

describe('kubectl create priorityclass', () => {
  it('prints what kubectl 1.32 prints', () => {
    const c = newCluster({ minimal: true });
    const ours = transcript(c, LINES);
    expect(ours).toBe(readFileSync(resolve(__dirname, '../../testdata/create-priorityclass.kubectl-1.32.txt'), 'utf8'));
    expect(c.kubectl('get pc d1 -o jsonpath={.value}/{.globalDefault}/{.preemptionPolicy}').stdout).toBe('5/true/PreemptLowerPriority');
  });
});
