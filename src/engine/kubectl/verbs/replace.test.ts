// Expected texts are real kubectl v1.32's against `npm run serve` for the same commands.
import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';

describe('kubectl replace', () => {
  it('puts the object back whole, and refuses a copy older than the stored object (optimistic concurrency)', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx');
    const read = k(c, 'get deploy web -o yaml');
    k(c, 'scale deployment web --replicas=2');
    expect(kFail(c, 'replace -f -', read.replace('replicas: 1', 'replicas: 5'))).toBe(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(c.store.get('deployments', 'default', 'web')?.spec.replicas).toBe(2);
    const fresh = k(c, 'get deploy web -o yaml').replace('replicas: 2', 'replicas: 4');
    expect(k(c, 'replace -f -', fresh)).toBe('deployment.apps/web replaced\n');
    expect(c.store.get('deployments', 'default', 'web')?.spec.replicas).toBe(4);
  });

  it('answers as kubectl for a missing object, a client dry run and no file', () => {
    const c = newCluster();
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nothere}\ndata: {a: b}\n';
    expect(kFail(c, 'replace -f -', cm)).toBe('Error from server (NotFound): error when replacing "STDIN": configmaps "nothere" not found\n');
    expect(k(c, 'replace -f - --dry-run=client -o name', cm)).toBe('configmap/nothere\n');
    expect(kFail(c, 'replace')).toBe('error: must specify one of -f and -k\n');
  });
});
