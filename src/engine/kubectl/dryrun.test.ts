import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';

/**
 * `--dry-run` never changes the cluster: every verb that has the flag in kubectl 1.32 works the
 * change out (client) or has the API server check it (server) and stores nothing, and says so in
 * kubectl's words. Verbs without the flag refuse it as kubectl does.
 */
function busyCluster(): Cluster {
  const c = newCluster();
  k(c, 'create deployment web --image=nginx --replicas=2');
  c.advance(30);
  k(c, 'set image deployment/web nginx=nginx:1.27');
  c.advance(60);
  return c;
}

/** Everything a learner could see change, plus the store's own version counter. */
const snapshot = (c: Cluster) => `${k(c, 'get all,nodes,hpa -A -o yaml')}\n${c.store.currentRevision()}`;

const worker = 'worker-1';

const cases: [string, (mode: string) => string, (mode: string) => string][] = [
  ['delete', (m) => `delete deployment web --dry-run=${m}`, (s) => `deployment.apps "web" deleted${s}\n`],
  ['label', (m) => `label deployment web tier=front --dry-run=${m}`, (s) => `deployment.apps/web labeled${s}\n`],
  ['annotate', (m) => `annotate deployment web note=hi --dry-run=${m}`, (s) => `deployment.apps/web annotated${s}\n`],
  ['cordon', (m) => `cordon ${worker} --dry-run=${m}`, (s) => `node/${worker} cordoned${s}\n`],
  ['taint', (m) => `taint node ${worker} gpu=yes:NoSchedule --dry-run=${m}`, (s) => `node/${worker} tainted${s}\n`],
  ['set image', (m) => `set image deployment/web nginx=nginx:1.26 --dry-run=${m}`, (s) => `deployment.apps/web image updated${s}\n`],
  ['autoscale', (m) => `autoscale deployment web --max=5 --dry-run=${m}`, (s) => `horizontalpodautoscaler.autoscaling/web autoscaled${s}\n`],
  ['scale', (m) => `scale deployment web --replicas=7 --dry-run=${m}`, (s) => `deployment.apps/web scaled${s}\n`],
  ['rollout undo', (m) => `rollout undo deployment/web --dry-run=${m}`, (s) => (s.includes('server') ? `deployment.apps/web rolled back${s}\n` : expect.stringMatching(/^deployment\.apps\/web Pod Template:\n {2}Labels:\s+app=web\n\s+pod-template-hash=\w+\n {2}Containers:\n {3}nginx:\n {4}Image:\s+nginx\n[\s\S]* \(dry run\)\n$/))],
];

describe('--dry-run never changes the cluster', () => {
  for (const [verb, command, expected] of cases) {
    for (const mode of ['client', 'server'] as const) {
      it(`${verb} --dry-run=${mode}`, () => {
        const c = busyCluster();
        const before = snapshot(c);
        expect(k(c, command(mode))).toEqual(expected(mode === 'client' ? ' (dry run)' : ' (server dry run)'));
        expect(snapshot(c)).toBe(before);
      });
    }
  }

  it('drain lists the pods it would evict, and evicts nothing', () => {
    for (const mode of ['client', 'server'] as const) {
      const c = busyCluster();
      const node = k(c, 'get pods -l app=web -o jsonpath={.items[0].spec.nodeName}');
      const before = snapshot(c);
      const out = k(c, `drain ${node} --ignore-daemonsets --dry-run=${mode}`);
      const s = mode === 'client' ? ' (dry run)' : ' (server dry run)';
      expect(out.startsWith(`node/${node} cordoned${s}\nevicting pod default/web-`)).toBe(true);
      expect(out.endsWith(`node/${node} drained${s}\n`)).toBe(true);
      // Neither dry run waits for a pod to go, so neither says one was evicted (drain.go evictPods).
      expect(out).not.toContain('evicted');
      expect(snapshot(c)).toBe(before);
    }
  });

  it('a server dry run still runs validation: an invalid change is refused and nothing is stored', () => {
    const c = busyCluster();
    const before = snapshot(c);
    expect(kFail(c, 'label deployment web bad_label!=x --dry-run=server')).toMatch(/metadata\.labels: Invalid value: "bad_label!"/);
    expect(snapshot(c)).toBe(before);
  });

  it('rollout restart, pause and resume have no --dry-run in kubectl 1.32 and refuse it', () => {
    const c = busyCluster();
    expect(kFail(c, 'rollout restart deployment/web --dry-run=client')).toBe("error: unknown flag: --dry-run\nSee 'kubectl rollout restart --help' for usage.\n");
    expect(kFail(c, 'rollout pause deployment/web --dry-run=server')).toBe("error: unknown flag: --dry-run\nSee 'kubectl rollout pause --help' for usage.\n");
  });

  it('a bad value is refused in kubectl words', () => {
    const c = busyCluster();
    expect(kFail(c, 'delete deployment web --dry-run=maybe')).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(k(c, 'get deployment web -o name')).toBe('deployment.apps/web\n');
  });
});
