/**
 * A steady cluster stays the same size: with a CronJob every minute, an HPA under traffic,
 * probed pods and a rollout every couple of hours, nothing the engine holds may grow with the
 * time it has run. The census walks every Map, Set and Array reachable from the Cluster (by
 * path shape) at hour 4 and hour 40 and names what grew; a size that depends on time is a leak.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';
import { census, grown } from '../testing/collectionSizes';

const HOUR = 3600;

/**
 * Collections that fill up to a fixed cap and then stay there: they may grow between hour 4 and
 * hour 40 while filling, never past the cap. (A cap reached only after days is still a bound;
 * what this test forbids is a size proportional to the time run.)
 */
const CAPPED: Record<string, number> = {
  // ReasonLog: a ring of the 5000 most recent decisions (reasons.ts).
  '.reasons.ring': 5000,
  '.reasons.ring[].objects': 5000 * 8,
  // Scheduler: the 2000 most recent bindings, a FIFO compacted every 4096 (scheduler/attempts.ts).
  '.scheduler.attempts.boundKeys': 2000 + 4097,
  // Scheduler: pod-template signatures interned as small integers, cleared at 10 000.
  '.scheduler.signatures.ids': 10_000,
};

const WORKLOADS = `apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox:1.28
            command: [sh, -c, "date; echo Hello from the cluster"]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: php-apache}
spec:
  selector:
    matchLabels: {run: php-apache}
  template:
    metadata:
      labels: {run: php-apache}
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 500m}
          requests: {cpu: 200m}
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 5
        livenessProbe:
          tcpSocket: {port: 80}
          periodSeconds: 10
---
apiVersion: v1
kind: Service
metadata: {name: php-apache}
spec:
  ports:
  - port: 80
  selector: {run: php-apache}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 10
        livenessProbe:
          exec: {command: [cat, /usr/share/nginx/html/index.html]}
          periodSeconds: 10
`;

describe('a steady cluster', () => {
  it('holds no more at hour 40 than at hour 4 (CronJob every minute, HPA with traffic, probes, rollouts)', () => {
    const c = newCluster({ workers: 2 });
    k(c, 'apply -f -', WORKLOADS);
    k(c, 'autoscale deployment php-apache --cpu-percent=50 --min=1 --max=4');
    k(c, 'run load-generator --image=busybox:1.28 -- /bin/sh -c "while sleep 0.05; do wget -q -O- http://php-apache; done"');
    let flip = false;
    let commands = 3;
    const live = (hours: number) => {
      for (let h = 0; h < hours; h++) {
        // A rollout every other hour, between two images (so two ReplicaSets take turns).
        if (h % 2 === 0) {
          flip = !flip;
          k(c, `set image deployment/web nginx=nginx:${flip ? '1.26' : '1.27'}`);
          commands++;
        }
        c.advance(HOUR);
      }
    };
    const uncapped = (path: string) => Object.hasOwn(CAPPED, path);
    live(4);
    const early = census(c);
    const earlyRest = census(c, uncapped);
    live(36);
    const late = census(c);
    const lateRest = census(c, uncapped);
    assertNoTaskFailures(c);
    const growth = grown(early, late);
    // The session's action log grows with what the learner does (each command and the advance
    // after it), never with time alone.
    const capped: Record<string, number> = { ...CAPPED, '.log': 2 * commands + 2 };
    const over = growth.filter((g) => capped[g.path] === undefined || g.after > capped[g.path]);
    // What grew, by path, for the report when this fails.
    expect(over.map((g) => `${g.path}: ${g.before} → ${g.after}`)).toEqual([]);
    // Everything else (what plain objects hold, outside the capped rings) within a few percent.
    expect(lateRest.objects).toBeLessThan(earlyRest.objects * 1.1 + 1000);
    expect(lateRest.chars).toBeLessThan(earlyRest.chars * 1.1 + 100_000);
    expect(c.clock.pending()).toBeLessThan(1000);
  });
});
