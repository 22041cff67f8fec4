/**
 * A session that touches most of the engine — every corpus manifest (workloads, storage,
 * policies, ingress, quotas), traffic, an HPA under load, a CRD and its objects, a node stopped
 * and started, a node added, the cluster autoscaler — for tests that must see every part at
 * work (checkpoint copies, determinism). Runs in Node only (reads the corpus from disk).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cluster } from '../cluster/cluster';

const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../testdata/corpus');

export function corpusPaths(): string[] {
  return readFileSync(`${corpusDir}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
}

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;

/** Steps of the session, each run then followed by `advance(seconds)`. */
export function richSteps(): { run: (c: Cluster) => void; seconds: number }[] {
  const steps: { run: (c: Cluster) => void; seconds: number }[] = [];
  const kubectl = (command: string, seconds = 5, stdin?: string) => steps.push({ run: (c) => void c.kubectl(command, stdin === undefined ? {} : { stdin }), seconds });
  kubectl('create deployment web --image=nginx --replicas=4');
  kubectl('expose deployment web --port=80');
  kubectl('create cronjob tick --image=busybox --schedule=*/1 * * * * -- echo hi');
  kubectl('autoscale deployment web --min=2 --max=8 --cpu-percent=50');
  kubectl('create ingress web --rule=web.example.com/=web:80');
  kubectl('create poddisruptionbudget web --selector=app=web --min-available=1');
  kubectl('apply -f -', 10, CRD);
  kubectl('apply -f -', 5, 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: nightly\nspec:\n  cronSpec: "* * * * */5"\n');
  steps.push({ run: (c) => void c.startTraffic({ kind: 'Service', namespace: 'default', name: 'web' }, 300), seconds: 20 });
  for (const path of corpusPaths()) {
    const text = readFileSync(`${corpusDir}/${path}`, 'utf8');
    steps.push({
      run: (c) => {
        for (const m of text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)) if (!c.store.get('namespaces', undefined, m[1])) c.kubectl(`create namespace ${m[1]}`);
        c.kubectl('apply -f -', { stdin: text });
      },
      seconds: 3,
    });
  }
  steps.push({ run: (c) => c.stopNode('worker-2'), seconds: 60 });
  kubectl('run once --image=busybox --restart=Never -- sh -c "for i in 1 2 3; do echo $i; sleep 1; done; exit 1"', 20);
  steps.push({ run: (c) => c.addNode({ name: 'worker-9', labels: { disktype: 'ssd' } }), seconds: 30 });
  steps.push({ run: (c) => c.startNode('worker-2'), seconds: 40 });
  steps.push({ run: (c) => c.enableClusterAutoscaler({ name: 'pool', min: 0, max: 2 }), seconds: 10 });
  kubectl('scale deployment web --replicas=40', 60);
  kubectl('rollout restart deployment web', 60);
  kubectl('delete -f -', 30, CRD);
  kubectl('drain worker-1 --ignore-daemonsets --delete-emptydir-data --force', 60);
  return steps;
}

export function runRichSession(c: Cluster, upTo = Infinity): Cluster {
  return runRichSteps(c, 0, upTo);
}

/** Steps `from` (included) to `to` (excluded) of the rich session, each followed by its wait. */
export function runRichSteps(c: Cluster, from: number, to: number, steps = richSteps()): Cluster {
  for (const s of steps.slice(from, to)) {
    s.run(c);
    c.advance(s.seconds);
  }
  return c;
}
