/**
 * kubectl create poddisruptionbudget, byte for byte: testdata/create-pdb.kubectl-1.32.txt is
 * what real kubectl v1.32.5 printed for the same lines (client dry runs and its refusals, which
 * it decides without a server), followed by the real create's answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCluster, transcript } from '../../testing/helpers';

const LINES = [
  'create poddisruptionbudget my-pdb --selector=app=rails --min-available=1 --dry-run=client -o yaml',
  'create pdb p2 --selector=app=nginx --max-unavailable=50% --dry-run=client -o yaml',
  'create pdb p3 --dry-run=client -o yaml',
  'create pdb p4 --selector=app=x --dry-run=client -o yaml',
  'create pdb p5 --selector=app=x --min-available=1 --max-unavailable=1 --dry-run=client',
  'create pdb p6 --selector=app=x --min-available=1 --dry-run=client',
  "create pdb p7 --selector='app=x,tier in (a,b)' --min-available=1 --dry-run=client -o yaml",
  'create pdb p8 --selector=app=x --min-available=abc --dry-run=client',
  'create pdb real --selector=app=x --min-available=1',
];

describe('kubectl create poddisruptionbudget', () => {
  it('prints what kubectl 1.32 prints', () => {
    const c = newCluster({ minimal: true });
    const ours = transcript(c, LINES);
    expect(ours).toBe(readFileSync(resolve(__dirname, '../../testdata/create-pdb.kubectl-1.32.txt'), 'utf8'));
    expect(c.kubectl('get pdb real -o jsonpath={.spec}').stdout).toBe('{"minAvailable":1,"selector":{"matchLabels":{"app":"x"}}}');
  });
});
