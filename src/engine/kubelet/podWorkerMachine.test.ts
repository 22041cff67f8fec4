/** The pod worker's lifecycle, as the machine allows it and as a kubelet walks a real pod through it. */
import { describe, expect, it } from 'vitest';
import { newPodWorker, podWorkerState, sendPod } from './podWorkerMachine';
import { k, newCluster } from '../testing/helpers';

describe('pod worker lifecycle', () => {
  it('goes volumes → sandbox → running → terminating → terminated, and can stop at any stage', () => {
    let s = newPodWorker();
    expect(podWorkerState(s)).toBe('WaitingForVolumes');
    s = sendPod(s, { type: 'SANDBOX_READY' }); // not yet: the volumes come first
    expect(podWorkerState(s)).toBe('WaitingForVolumes');
    s = sendPod(s, { type: 'VOLUMES_READY' });
    expect(podWorkerState(s)).toBe('CreatingSandbox');
    expect(s.context.sandboxReady).toBe(false);
    s = sendPod(s, { type: 'SANDBOX_READY' });
    expect([podWorkerState(s), s.context.sandboxReady]).toEqual(['Running', true]);
    s = sendPod(s, { type: 'TERMINATE' });
    expect(podWorkerState(s)).toBe('Terminating');
    expect(podWorkerState(sendPod(s, { type: 'STOPPED' }))).toBe('Terminated');
    expect(podWorkerState(sendPod(newPodWorker(), { type: 'TERMINATE' }))).toBe('Terminating');
  });

  it('a kubelet walks a pod with a claim through every stage', () => {
    const c = newCluster();
    k(c, 'apply -f -', `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  containers: [{name: db, image: redis:7, volumeMounts: [{name: data, mountPath: /data}]}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
  terminationGracePeriodSeconds: 5
`);
    const seen: string[] = [];
    const note = () => {
      const node = c.store.get('pods', 'default', 'db')?.spec?.nodeName;
      const state = node ? c.kubelets.get(node)?.podWorkerState('default', 'db') : undefined;
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    };
    for (let i = 0; i < 600 && seen[seen.length - 1] !== 'Running'; i++) {
      c.advance(0.1);
      note();
    }
    k(c, 'delete pod db --wait=false');
    for (let i = 0; i < 200 && c.store.get('pods', 'default', 'db'); i++) {
      note();
      c.advance(0.05);
    }
    // The disk is provisioned and attached for the chosen node first (WaitForFirstConsumer).
    expect(seen).toEqual(['WaitingForVolumes', 'CreatingSandbox', 'Running', 'Terminating']);
    expect(c.store.get('pods', 'default', 'db')).toBeUndefined();
  });
});
