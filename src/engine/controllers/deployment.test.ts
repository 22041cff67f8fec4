/** The Deployment slice, read like a lesson: apply, advance the clock, look with kubectl. */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, NGINX_DEPLOYMENT } from '../testing/helpers';
import { resolveFenceposts } from '../helpers/deploymentutil';
import type { KObject } from '../api/types';

function podNames(c: ReturnType<typeof newCluster>): string[] {
  return c.store.list('pods', 'default').map((p) => p.metadata.name!);
}

describe('Deployment → ReplicaSet → Pods → Running', () => {
  it('follows the real event sequence for each pod', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(1);
    const table = k(c, 'get pods');
    expect(table.match(/ContainerCreating/g)).toHaveLength(3);
    c.advance(20);
    expect(k(c, 'get pods').match(/Running/g)).toHaveLength(3);
    for (const pod of c.store.list('pods', 'default')) {
      const reasons = c.api.events.forObject({ kind: 'Pod', namespace: 'default', name: pod.metadata.name!, uid: pod.metadata.uid }).map((e) => e.reason);
      expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
      expect(pod.spec.nodeName).toMatch(/^worker-\d$/);
      expect(pod.status.phase).toBe('Running');
      expect(pod.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    }
    const d = c.store.get('deployments', 'default', 'web')!;
    const rsEvents = c.api.events.forObject({ kind: 'ReplicaSet', namespace: 'default', name: c.store.list('replicasets', 'default')[0].metadata.name! , uid: c.store.list('replicasets', 'default')[0].metadata.uid });
    expect(rsEvents.map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate']);
    expect(c.api.events.forObject({ kind: 'Deployment', namespace: 'default', name: 'web', uid: d.metadata.uid }).map((e) => e.message)).toEqual([
      expect.stringMatching(/^Scaled up replica set web-\w+ from 0 to 3$/),
    ]);
  });

  it('spreads the replicas over the workers and never onto the tainted control plane', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=6');
    c.advance(30);
    const nodes = c.store.list('pods', 'default').map((p) => p.spec.nodeName);
    expect(nodes).not.toContain('control-plane');
    for (const w of ['worker-1', 'worker-2', 'worker-3']) expect(nodes.filter((n) => n === w)).toHaveLength(2);
  });

  it('self-heals: a deleted pod is replaced, until the Deployment itself is deleted', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(20);
    const [victim] = podNames(c);
    // --wait=false: look at the pod while it terminates (kubectl would otherwise return once it is gone).
    expect(k(c, `delete pod ${victim} --wait=false`)).toBe(`pod "${victim}" deleted\n`);
    c.advance(0.1);
    // The old pod is Terminating and a replacement already exists.
    expect(k(c, 'get pods')).toMatch(new RegExp(`${victim} +1/1 +Terminating`));
    expect(c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    c.advance(30);
    expect(podNames(c)).not.toContain(victim);
    expect(k(c, 'get pods').match(/Running/g)).toHaveLength(3);
    k(c, 'delete deployment web');
    c.advance(45);
    expect(c.kubectl('get pods').stderr).toBe('No resources found in default namespace.\n');
    expect(c.store.list('replicasets', 'default')).toHaveLength(0);
  });

  it('re-created at once after a delete, it names its ReplicaSet anew (collisionCount) instead of failing', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(1);
    k(c, 'delete deployment web');
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(30);
    expect(c.clock.failures).toEqual([]);
    expect(k(c, 'get deployment web -o jsonpath={.status.collisionCount}')).toBe('1');
    expect(k(c, 'get deployment web')).toMatch(/web\s+3\/3\s+3\s+3/);
  });

  it('scales up and down, deleting the newest, least settled pods first', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    c.advance(20);
    const first = podNames(c);
    k(c, 'scale deployment web --replicas=5');
    c.advance(20);
    expect(k(c, 'get deploy web')).toMatch(/web    5\/5     5            5/);
    k(c, 'scale deployment web --replicas=2');
    c.advance(40);
    // ActivePodsWithRanks: pods doubled up on a node go first, so the two left are on different nodes.
    const left = c.store.list('pods', 'default');
    expect(left).toHaveLength(2);
    expect(new Set(left.map((p) => p.spec.nodeName)).size).toBe(2);
    void first;
  });

  it('rolls a new image out within maxSurge/maxUnavailable', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(30);
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('nginx:1.27', 'nginx:1.26'));
    let maxPods = 0;
    let minAvailable = Infinity;
    for (let t = 0; t < 120; t++) {
      c.advance(0.5);
      const pods = c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, pods.length);
      const d = c.store.get('deployments', 'default', 'web')!;
      minAvailable = Math.min(minAvailable, d.status?.availableReplicas ?? 0);
    }
    // 3 replicas with 25%/25%: surge 1, unavailable 0 → at most 4 pods, never fewer than 3 available.
    expect(maxPods).toBe(4);
    expect(minAvailable).toBe(3);
    const rss = c.store.list('replicasets', 'default');
    expect(rss).toHaveLength(2);
    expect(rss.map((r) => r.spec.replicas).sort()).toEqual([0, 3]);
    const images = c.store.list('pods', 'default').map((p) => p.spec.containers[0].image);
    expect(new Set(images)).toEqual(new Set(['nginx:1.26']));
    expect(c.store.get('deployments', 'default', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('resolves fenceposts as deployment_util.go does', () => {
    const d = (replicas: number, surge: string | number, unavailable: string | number) => ({ spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } } }) as unknown as KObject;
    expect(resolveFenceposts(d(3, '25%', '25%'))).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(resolveFenceposts(d(10, '25%', '25%'))).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(resolveFenceposts(d(1, 0, 0))).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  it('a container that exits is restarted with growing back-off (CrashLoopBackOff)', () => {
    const c = newCluster();
    k(c, 'run crash --image=busybox');
    c.advance(10);
    const status = () => k(c, 'get pod crash').split('\n')[1];
    const restarts = () => c.store.get('pods', 'default', 'crash')!.status.containerStatuses[0].restartCount;
    c.advance(5);
    expect(status()).toMatch(/CrashLoopBackOff/);
    const r1 = restarts();
    expect(r1).toBeGreaterThanOrEqual(1);
    c.advance(300);
    // 10 s, 20 s, 40 s, 80 s, 160 s … a few more restarts in five minutes, not hundreds.
    expect(restarts()).toBeGreaterThan(r1);
    expect(restarts()).toBeLessThanOrEqual(7);
    expect(k(c, 'describe pod crash')).toMatch(/Back-off restarting failed container crash in pod crash_default\(/);
    // Repeated events are aggregated: one row with a count, first and last timestamps.
    const backoff = JSON.parse(k(c, 'get events -o json')).items.find((e: { reason: string }) => e.reason === 'BackOff');
    expect(backoff.count).toBeGreaterThan(1);
    expect(Date.parse(backoff.lastTimestamp)).toBeGreaterThan(Date.parse(backoff.firstTimestamp));
    expect(k(c, 'get events')).toMatch(/\d+s \(x\d+ over \d+m\d*s?\) +Warning +BackOff +pod\/crash +Back-off restarting failed container crash/);
  });

  it('an unknown image ends in ImagePullBackOff with the kubelet\'s events', () => {
    const c = newCluster();
    k(c, 'run bad --image=nginx:9.99');
    c.advance(20);
    expect(k(c, 'get pod bad')).toMatch(/bad +0\/1 +(ErrImagePull|ImagePullBackOff) +0 +20s/);
    const events = k(c, 'describe pod bad');
    expect(events).toContain('Failed to pull image "nginx:9.99": failed to pull and unpack image "docker.io/library/nginx:9.99"');
    expect(events).toContain('Error: ImagePullBackOff');
  });
});

describe('structured reasons ("why?")', () => {
  it('records each decision as a key with parameters and the objects involved, never prose', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    c.advance(20);
    const keys = c.reasons.recent().map((r) => r.key);
    expect(keys).toContain('deployment.createdReplicaSet');
    expect(keys).toContain('replicaset.createdPods');
    expect(keys).toContain('kubelet.pullingImage');
    expect(keys).toContain('kubelet.startedContainer');
    const bound = c.reasons.recent().filter((r) => r.key === 'scheduler.bound');
    expect(bound).toHaveLength(2);
    for (const r of bound) {
      expect(r.actor).toBe('default-scheduler');
      expect(r.params.node).toMatch(/^worker-\d$/);
      expect(r.objects[0]).toMatchObject({ kind: 'Pod', namespace: 'default' });
      expect(r.objects[1]).toMatchObject({ kind: 'Node', name: r.params.node });
    }
    const pod = c.store.list('pods', 'default')[0];
    expect(c.reasons.about(pod.metadata.uid!).map((r) => r.key)).toEqual(expect.arrayContaining(['scheduler.bound', 'kubelet.startedContainer']));
  });
});

describe('Deployment strategies and timing', () => {
  it('Recreate stops every old pod before starting new ones', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('  replicas: 3\n', '  replicas: 3\n  strategy:\n    type: Recreate\n'));
    c.advance(30);
    k(c, 'set image deployment/web nginx=nginx:1.26');
    let overlap = false;
    for (let t = 0; t < 120; t++) {
      c.advance(0.5);
      const live = c.store.list('pods', 'default');
      const images = new Set(live.map((p) => p.spec.containers[0].image));
      if (images.size > 1) overlap = true;
    }
    expect(overlap).toBe(false);
    expect(k(c, 'get deploy web')).toMatch(/web    3\/3     3            3/);
    const events = k(c, 'describe deploy web');
    expect(events).toMatch(/Scaled down replica set web-\w+ from 3 to 0/);
    expect(events).toMatch(/Scaled up replica set web-\w+ from 0 to 3/);
  });

  it('minReadySeconds: a ready pod counts as available only after that long', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('  replicas: 3\n', '  replicas: 3\n  minReadySeconds: 20\n'));
    c.advance(12);
    const d = () => c.store.get('deployments', 'default', 'web')!.status;
    expect(d().readyReplicas).toBe(3);
    expect(d().availableReplicas ?? 0).toBe(0);
    c.advance(25);
    expect(d().availableReplicas).toBe(3);
  });

  it('progressDeadlineSeconds: a rollout that cannot progress is marked ProgressDeadlineExceeded', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('  replicas: 3\n', '  replicas: 3\n  progressDeadlineSeconds: 60\n'));
    c.advance(30);
    k(c, 'set image deployment/web nginx=nginx:0.0.0-missing');
    c.advance(90);
    const cond = c.store.get('deployments', 'default', 'web')!.status.conditions.find((x: { type: string }) => x.type === 'Progressing');
    expect(cond).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(cond.message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/);
    expect(kFail(c, 'rollout status deployment/web')).toBe('error: deployment "web" exceeded its progress deadline\n');
    // The old pods keep serving: maxUnavailable 0 for 3 replicas.
    expect(c.store.get('deployments', 'default', 'web')!.status.availableReplicas).toBe(3);
  });

  it('logs --previous shows the run before the last restart', () => {
    const c = newCluster();
    k(c, 'run counter --image=busybox -- sh -c "echo run started; sleep 5; exit 1"');
    c.advance(20);
    expect(k(c, 'logs counter --previous')).toBe('run started\n');
    expect(k(c, 'get pod counter')).toMatch(/counter   0\/1     (Error|CrashLoopBackOff|Running)/);
  });

  it('removeNode: its pods are garbage-collected and replaced', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(20);
    const gone = c.store.list('pods', 'default').filter((p) => p.spec.nodeName === 'worker-1').map((p) => p.metadata.name);
    c.removeNode('worker-1');
    expect(k(c, 'get nodes')).not.toContain('worker-1');
    c.advance(90);
    const names = c.store.list('pods', 'default').map((p) => p.metadata.name);
    for (const g of gone) expect(names).not.toContain(g);
    expect(c.store.list('pods', 'default').filter((p) => p.status.phase === 'Running')).toHaveLength(3);
  });
});

describe('one apply that changes replicas and the image (issue 13 item 1)', () => {
  it('create --replicas=3, then apply image nginx:1.27 with replicas: 5 ends at 5/5 on the new template', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=3');
    c.advance(30);
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 5').replace(/\n  labels:\n    app: web/, ''));
    // sync.go scale(): the old ReplicaSet is the only active one, so it takes the new count first.
    c.advance(0.01);
    const firstStep = c.store.list('replicasets', 'default');
    expect(firstStep.map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/desired-replicas'])).toEqual(firstStep.map(() => '5'));
    c.advance(120);
    expect(k(c, 'get deploy web')).toMatch(/web\s+5\/5\s+5\s+5/);
    const rss = c.store.list('replicasets', 'default');
    const current = rss.find((rs) => rs.spec.template.spec.containers[0].image === 'nginx:1.27')!;
    expect(current.spec.replicas).toBe(5);
    expect(current.metadata.annotations!['deployment.kubernetes.io/max-replicas']).toBe('7');
    expect(rss.filter((rs) => rs !== current).map((rs) => rs.spec.replicas)).toEqual([0]);
    const live = c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live.map((p) => p.spec.containers[0].image)).toEqual(Array(5).fill('nginx:1.27'));
    expect(k(c, 'rollout status deployment/web')).toContain('deployment "web" successfully rolled out');
    const progressing = c.store.get('deployments', 'default', 'web')!.status.conditions.find((x: { type: string }) => x.type === 'Progressing');
    expect(progressing.reason).toBe('NewReplicaSetAvailable');
  });

  it('a scale in the middle of a rollout is spread over the ReplicaSets in proportion (max-replicas annotation)', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 10'));
    c.advance(40);
    k(c, 'set image deployment/web nginx=nginx:1.26');
    // 10 replicas, 25%/25%: surge 3, unavailable 2 → new 3 (13 total), old 8, new 5.
    const sizes = () => c.store.list('replicasets', 'default').map((rs) => [rs.spec.template.spec.containers[0].image, rs.spec.replicas]);
    for (let i = 0; i < 100 && new Map(sizes() as [string, number][]).get('nginx:1.26') !== 5; i++) c.advance(0.01);
    expect(new Map(sizes() as [string, number][])).toEqual(new Map([['nginx:1.27', 8], ['nginx:1.26', 5]]));
    k(c, 'scale deployment web --replicas=20');
    c.advance(0.01);
    // allowed 20 + 5 = 25 from 13: old 8·25/13 ≈ 15, new 5·25/13 ≈ 10 (as upstream's TestScale "proportional scaling").
    expect(new Map(sizes() as [string, number][])).toEqual(new Map([['nginx:1.27', 15], ['nginx:1.26', 10]]));
    c.advance(200);
    expect(k(c, 'get deploy web')).toMatch(/web\s+20\/20\s+20\s+20/);
  });
});
