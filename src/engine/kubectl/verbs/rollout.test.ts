import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, NGINX_DEPLOYMENT } from '../../testing/helpers';

describe('kubectl rollout and set image', () => {
  it('rolls an image out, shows history, and undoes it', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(30);
    expect(k(c, 'rollout status deployment/web')).toBe('deployment "web" successfully rolled out\n');
    expect(k(c, 'set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    c.advance(0.1);
    expect(k(c, 'rollout status deploy web --watch=false')).toMatch(/^Waiting for deployment "web" rollout to finish: (\d) out of 3 new replicas have been updated\.\.\.\n$/);
    // Watching (the default), it prints the status at every change of the Deployment until the rollout is done, the clock running meanwhile.
    const watched = k(c, 'rollout status deploy web');
    expect(watched).toMatch(/^(Waiting for deployment "web" rollout to finish: [^\n]+\.\.\.\n)+deployment "web" successfully rolled out\n$/);
    expect(watched).toContain('old replicas are pending termination...');
    c.advance(60);
    expect(k(c, 'rollout status deployment/web')).toBe('deployment "web" successfully rolled out\n');
    expect(k(c, 'rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(k(c, 'rollout history deployment/web --revision=1')).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\w+\n  Containers:\n   nginx:\n    Image:\tnginx:1\.27\n/);
    expect(k(c, 'rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
    c.advance(60);
    expect(new Set(c.store.list('pods', 'default').map((p) => p.spec.containers[0].image))).toEqual(new Set(['nginx:1.27']));
    // The revived ReplicaSet becomes revision 3; revision 1 is gone from the history.
    expect(k(c, 'rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(c.store.get('deployments', 'default', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(k(c, 'rollout undo deployment/web --to-revision=3')).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(kFail(c, 'rollout undo deployment/web --to-revision=9')).toBe('error: unable to find specified revision 9 in history\n');
    expect(kFail(c, 'set image deployment/web php=php:8')).toBe('error: unable to find container named "php"\n');
  });

  it('pause holds a rollout until resume; restart replaces every pod', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(30);
    expect(k(c, 'rollout pause deployment/web')).toBe('deployment.apps/web paused\n');
    expect(kFail(c, 'rollout pause deployment/web')).toBe('error: deployments.apps "web" is already paused\n');
    k(c, 'set image deployment/web nginx=nginx:1.26');
    c.advance(30);
    expect(c.store.list('replicasets', 'default')).toHaveLength(1);
    expect(k(c, 'rollout resume deployment/web')).toBe('deployment.apps/web resumed\n');
    c.advance(60);
    expect(c.store.list('replicasets', 'default')).toHaveLength(2);
    const before = c.store.list('pods', 'default').map((p) => p.metadata.name).sort();
    expect(k(c, 'rollout restart deployment/web')).toBe('deployment.apps/web restarted\n');
    c.advance(90);
    const after = c.store.list('pods', 'default').map((p) => p.metadata.name);
    expect(after).toHaveLength(3);
    for (const p of after) expect(before).not.toContain(p);
    expect(kFail(c, 'rollout status pod/x')).toBe('error: no rollout status viewer has been implemented for "Pod"\n');
  });

  it('rollout status waits on a stuck rollout until its timeout, or until the progress deadline says it failed', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(60);
    k(c, 'set image deployment/web nginx=nginx:no-such-tag');
    const before = c.now();
    const timedOut = c.kubectl('rollout status deployment/web --timeout=30s');
    expect(timedOut.stderr).toBe('error: timed out waiting for the condition\n');
    expect(c.now() - before).toBeGreaterThanOrEqual(30_000);
    // progressDeadlineSeconds 600: the Deployment's Progressing condition turns False, and kubectl says so.
    const failed = c.kubectl('rollout status deployment/web');
    expect(failed.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(failed.exitCode).toBe(1);
  });
});
