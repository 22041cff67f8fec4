import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { newCluster, k } from '../testing/helpers';

const corpus = (path: string) => readFileSync(resolve(__dirname, '../testdata/corpus', path), 'utf8');

describe('init and sidecar containers', () => {
  it('shows Init:0/1 while the init container runs, then PodInitializing, then starts the app (init-containers.yaml)', () => {
    const c = newCluster();
    k(c, 'apply -f -', corpus('pods/init-containers.yaml'));
    // The STATUS column, in order, as the pod goes through its phases (how long each lasts
    // depends on the simulated image pulls; the order does not).
    const seen: string[] = [];
    for (let t = 0; t < 30; t += 0.1) {
      c.advance(0.1);
      const row = k(c, 'get pod init-demo --no-headers').trim().split(/\s+/);
      if (seen[seen.length - 1] !== `${row[1]} ${row[2]}`) seen.push(`${row[1]} ${row[2]}`);
    }
    // Init:0/1 shows for as long as the init container's image pull and run take (which can be
    // under one status update); the app never shows before the init container has finished.
    expect(seen.filter((x) => !x.endsWith('Pending') && x !== '0/1 Init:0/1')).toEqual(['0/1 PodInitializing', '1/1 Running']);
    expect(seen.indexOf('0/1 Init:0/1')).toBeLessThan(seen.indexOf('0/1 PodInitializing'));
    const pod = c.store.get('pods', 'default', 'init-demo')!;
    expect(pod.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const events = c.api.events.forObject({ kind: 'Pod', namespace: 'default', name: 'init-demo', uid: pod.metadata.uid }).map((e) => `${e.reason}:${e.involved.fieldPath ?? ''}`);
    expect(events.indexOf('Started:spec.initContainers{install}')).toBeLessThan(events.indexOf('Started:spec.containers{nginx}'));
  });

  it('an init container that fails keeps the pod in Init:Error / Init:CrashLoopBackOff', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: blocked\nspec:\n  initContainers:\n  - name: wait\n    image: busybox\n    command: ["sh", "-c", "exit 1"]\n  containers:\n  - name: app\n    image: nginx\n');
    c.advance(60);
    expect(k(c, 'get pod blocked')).toMatch(/blocked   0\/1     Init:(Error|CrashLoopBackOff)   \d/);
    expect(c.store.get('pods', 'default', 'blocked')!.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
  });

  it('counts a sidecar (restartable init container) in READY (deployment-sidecar.yaml)', () => {
    const c = newCluster();
    k(c, 'apply -f -', corpus('application/deployment-sidecar.yaml'));
    c.advance(30);
    const pod = c.store.list('pods', 'default')[0];
    expect(k(c, `get pod ${pod.metadata.name}`)).toMatch(/2\/2     Running   0 /);
    expect(pod.status.initContainerStatuses[0]).toMatchObject({ name: 'logshipper', ready: true, started: true, restartCount: 0 });
  });
});

describe('memory limits', () => {
  it('OOMKills a container that allocates past its limit, then backs off (memory-request-limit-2.yaml)', () => {
    const c = newCluster();
    k(c, 'create namespace mem-example');
    k(c, 'apply -f -', corpus('pods/resource/memory-request-limit-2.yaml'));
    c.advance(12);
    const pod = c.store.get('pods', 'mem-example', 'memory-demo-2')!;
    expect(pod.status.containerStatuses[0].lastState.terminated ?? pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    c.advance(60);
    expect(k(c, 'get pod memory-demo-2 -n mem-example')).toMatch(/memory-demo-2   0\/1     (OOMKilled|CrashLoopBackOff)   [2-9] /);
    expect(k(c, 'describe pod memory-demo-2 -n mem-example')).toMatch(/Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n/);
  });

  it('stays up when the limit is enough (memory-request-limit.yaml)', () => {
    const c = newCluster();
    k(c, 'create namespace mem-example');
    k(c, 'apply -f -', corpus('pods/resource/memory-request-limit.yaml'));
    c.advance(30);
    expect(k(c, 'get pod memory-demo -n mem-example')).toMatch(/memory-demo   1\/1     Running   0 /);
  });
});
