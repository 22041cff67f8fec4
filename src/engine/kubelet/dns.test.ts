/**
 * Cluster DNS from a pod, as CoreDNS answers it: a StatefulSet's pods have names of their own
 * under their headless Service (db-0.db, db-0.db.default.svc.cluster.local), besides the
 * Service's name that lists every ready pod.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, k } from '../testing/helpers';

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

describe('per-pod DNS names under a headless Service', () => {
  it('resolve each StatefulSet pod by its stable name, in every form the search path allows', () => {
    const c = createCluster({ seed: 7 });
    k(c, 'apply -f -', `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: nginx}]}
`);
    k(c, 'run client --image=busybox:1.36 -- sleep 3600');
    c.advance(60);
    const ip = (pod: string) => c.store.get('pods', 'default', pod)!.status.podIP as string;
    for (const [query, pod] of [['db-0.db', 'db-0'], ['db-1.db.default', 'db-1'], ['db-0.db.default.svc', 'db-0'], ['db-1.db.default.svc.cluster.local', 'db-1']]) {
      expect(k(c, `exec client -- nslookup ${query}`), query).toBe(`${HEADER}Name:\t${pod}.db.default.svc.cluster.local\nAddress: ${ip(pod)}\n\n`);
    }
    const missing = c.kubectl('exec client -- nslookup db-5.db');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("** server can't find db-5.db: NXDOMAIN");
    // The Service's own name lists both pods.
    expect(k(c, 'exec client -- nslookup db')).toBe(`${HEADER}Name:\tdb.default.svc.cluster.local\nAddress: ${ip('db-0')}\n\nName:\tdb.default.svc.cluster.local\nAddress: ${ip('db-1')}\n\n`);
  });
});
