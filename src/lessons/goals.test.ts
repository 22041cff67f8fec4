import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/port';
import { LESSONS } from './catalog';
import { goalMet } from './goalChecks';
import { fieldValue, parsePath, patternProblem, safePattern } from './goalFields';
import { goalPicture } from './goalPicture';
import { goalWords } from './goalWords';
import { deploymentReady, nodeWasStopped, podsMovedOff } from './goals';
import type { GoalSpec } from './goalSpec';
import { performSolution, startScenario } from './runner';

describe('lesson goals run headless', () => {
  it('are not met before the learner acts, and met after', () => {
    const c = createCluster({ seed: 3 });
    const ready = deploymentReady('web', 3);
    const stopped = nodeWasStopped('worker-1');
    const moved = podsMovedOff('worker-1', 'web', 3);
    expect([goalMet(c, ready), goalMet(c, stopped), goalMet(c, moved)]).toEqual([false, false, false]);
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(20);
    expect(goalMet(c, ready)).toBe(true);
    c.stopNode('worker-1');
    expect(goalMet(c, stopped)).toBe(true);
    c.advance(420);
    expect(goalMet(c, moved)).toBe(true);
    expect(goalWords(ready).ko).toBe('디플로이먼트 web의 준비된 레플리카가 3개입니다');
    expect(goalWords(ready).en).toBe('Deployment web has 3 ready replicas');
  });
});

describe("a goal's picture, words and check come from one description", () => {
  it('podsMovedOff draws as many pods as it checks for', () => {
    const goal = podsMovedOff('worker-2', 'web', 6);
    expect(goalPicture(goal)).toEqual({ nodes: [{ name: 'worker-2', down: true }], pods: [{ label: 'web', count: 6, notOn: 'worker-2' }] });
    const c = createCluster({ seed: 5 });
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(30);
    c.stopNode('worker-2');
    c.advance(420);
    // Three pods off worker-2 are not the six the picture shows.
    expect(goalMet(c, goal)).toBe(false);
    c.kubectl('scale deployment web --replicas=6');
    c.advance(30);
    expect(goalMet(c, goal)).toBe(true);
  });

  it('a composite goal draws each part once, with the numbers its parts check', () => {
    const goal: GoalSpec = { all: [{ endpoints: { service: 'api', ready: 2 } }, { pods: { selector: 'app=api', count: 2 } }, { claim: { name: 'data', usedBy: 'app=db', holds: 'x.txt' } }, { command: { matches: '^get\\b' } }] };
    expect(goalPicture(goal)).toEqual({ services: [{ name: 'api', endpoints: 2 }], pods: [{ label: 'api', count: 2 }, { label: 'db', count: 1 }], disks: [{ claim: 'data', file: 'x.txt' }] });
    // A goal about a command alone has nothing to draw.
    expect(goalPicture({ command: { matches: '^get\\b' } })).toBeUndefined();
  });

  it('every goal kind has words in both languages, and a goal of the builder (no `says`) reads as a sentence', () => {
    const kinds: GoalSpec[] = [
      { object: { resource: 'configmaps', name: 'cfg', fields: [{ path: 'data.MODE', equals: 'test' }] } },
      { object: { resource: 'horizontalpodautoscalers', fields: [{ path: 'spec.scaleTargetRef.name', equals: 'web' }] } },
      { pods: { selector: 'app=web', count: 3, notOn: 'worker-1', image: 'nginx:1.27' } },
      { deployment: { name: 'web', ready: 2 } },
      { deploymentGone: { name: 'web' } },
      { endpoints: { service: 'web', ready: 2, port: 8080 } },
      { command: { matches: '^logs\\b', times: 2 } },
      { node: { name: 'worker-2', ready: true } },
      { nodeCount: { prefix: 'pool-', count: 0 } },
      { claim: { name: 'data', usedBy: 'app=db' } },
      { access: { user: 'jane', verb: 'list', resource: 'pods', allowed: false } },
      { traffic: { from: 'app=web', to: 'app=api', port: 80, allowed: true } },
      { waiting: { pod: 'big', message: 'Insufficient cpu' } },
      { event: { reason: 'Preempted' } },
      { answer: 1 },
    ];
    for (const g of kinds) {
      const w = goalWords(g);
      expect(w.en.length, JSON.stringify(g)).toBeGreaterThan(8);
      expect(w.ko, JSON.stringify(g)).toMatch(/[\uac00-\ud7a3]/);
    }
    expect(goalWords({ pods: { selector: 'app=web', count: 3, notOn: 'worker-1' } })).toEqual({ en: '3 app=web pods are running and ready, none on worker-1', ko: 'app=web 파드 3개가 준비된 상태로 실행 중입니다, worker-1에는 하나도 없습니다' });
  });
});

describe('goals check what happened, not what was typed', () => {
  it('"called the Service three times" is not met by three failing calls, and is by three that succeed', () => {
    const lesson = LESSONS.find((l) => l.id === 'services')!;
    const step = lesson.steps.find((s) => s.id === 'spread')!;
    const c = startScenario(lesson);
    // Reach the step as a learner would: every earlier step done.
    for (const s of lesson.steps.slice(0, lesson.steps.indexOf(step))) {
      for (const a of s.solution) performSolution(c, a);
      for (let t = 0; t < 600 && !goalMet(c, s.goal, { since: 0 }); t += 5) c.advance(5);
    }
    const ctx = { since: c.now() };
    // No client pod yet: each call fails ("pod does not exist"), typed three times.
    for (let i = 0; i < 3; i++) expect(c.kubectl('exec client -- wget -qO- http://hello').exitCode).not.toBe(0);
    expect(goalMet(c, step.goal, ctx)).toBe(false);
    c.kubectl('run client --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    for (let i = 0; i < 3; i++) expect(c.kubectl('exec client -- wget -qO- http://hello').exitCode).toBe(0);
    expect(goalMet(c, step.goal, ctx)).toBe(true);
  });

  it('a request answered 404 does not count as reaching the Ingress; what was printed can be asked for', () => {
    const c = createCluster({ seed: 3 });
    c.advance(20);
    c.kubectl('run client --image=busybox:1.36 -- sleep 3600');
    c.advance(30);
    const since = { since: c.now() };
    // Nothing routes shop.example.com: the ingress controller's default backend answers 404.
    c.kubectl('exec client -- wget -qO- --header "Host: shop.example.com" http://198.51.100.10/');
    expect(goalMet(c, { command: { matches: '^exec\\b.*wget\\b.*shop\\.example\\.com' } }, since)).toBe(false);
    c.kubectl('get pods');
    expect(goalMet(c, { command: { matches: '^get pods', output: 'client\\s+1/1\\s+Running' } }, since)).toBe(true);
    expect(goalMet(c, { command: { matches: '^get pods', output: 'nothing like this' } }, since)).toBe(false);
    // A goal may ask for another exit code: kubectl diff answers 1 when it found differences.
    c.kubectl('create configmap cfg --from-literal=a=1');
    c.kubectl('diff -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n' });
    expect(goalMet(c, { command: { matches: '^diff\\b', exitCode: 1, output: 'a: "2"' } }, since)).toBe(true);
    expect(goalMet(c, { command: { matches: '^diff\\b' } }, since)).toBe(false);
    // Commands before the step began do not count.
    expect(goalMet(c, { command: { matches: '^get pods' } }, { since: c.now() + 1 })).toBe(false);
  });

  it('object goals read fields, with or without a name, and "gone" means gone', () => {
    const c = createCluster({ seed: 3 });
    c.kubectl('create configmap cfg --from-literal=MODE=test');
    c.kubectl('create deployment web --image=nginx --replicas=2');
    c.kubectl('autoscale deployment web --min=2 --max=5 --cpu-percent=50');
    expect(goalMet(c, { object: { resource: 'configmaps', name: 'cfg', fields: [{ path: 'data.MODE', equals: 'test' }, { path: 'data.OTHER', present: false }] } })).toBe(true);
    expect(goalMet(c, { object: { resource: 'configmaps', name: 'cfg', fields: [{ path: 'data.MODE', equals: 'prod' }] } })).toBe(false);
    expect(goalMet(c, { object: { resource: 'horizontalpodautoscalers', fields: [{ path: 'spec.scaleTargetRef.name', equals: 'web' }, { path: 'spec.maxReplicas', atLeast: 5 }] } })).toBe(true);
    // Cluster-scoped objects are found without a namespace.
    const cordoned: GoalSpec = { object: { resource: 'nodes', name: 'worker-1', fields: [{ path: 'spec.unschedulable', present: true }] } };
    expect(goalMet(c, cordoned)).toBe(false);
    c.kubectl('cordon worker-1');
    expect(goalMet(c, cordoned)).toBe(true);
    expect(goalMet(c, { object: { resource: 'configmaps', name: 'cfg', exists: false } })).toBe(false);
    c.kubectl('delete configmap cfg');
    expect(goalMet(c, { object: { resource: 'configmaps', name: 'cfg', exists: false } })).toBe(true);
  });

  it('access and traffic goals ask RBAC and the network plugin', () => {
    const c = createCluster({ seed: 3 });
    c.kubectl('create serviceaccount ci');
    const canList: GoalSpec = { access: { user: 'system:serviceaccount:default:ci', verb: 'list', resource: 'pods', allowed: true } };
    expect(goalMet(c, canList)).toBe(false);
    c.kubectl('create rolebinding ci-view --clusterrole=view --serviceaccount=default:ci');
    expect(goalMet(c, canList)).toBe(true);
    c.kubectl('run a --image=nginx -l app=a');
    c.kubectl('run b --image=nginx -l app=b');
    c.advance(20);
    const reaches: GoalSpec = { traffic: { from: 'app=a', to: 'app=b', port: 80, allowed: true } };
    expect(goalMet(c, reaches)).toBe(true);
    c.kubectl('apply -f -', { stdin: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n' });
    expect(goalMet(c, reaches)).toBe(false);
    expect(goalMet(c, { traffic: { from: 'app=a', to: 'app=b', port: 80, allowed: false } })).toBe(true);
    // No pods on one side: neither allowed nor denied is shown.
    expect(goalMet(c, { traffic: { from: 'app=nobody', to: 'app=b', port: 80, allowed: false } })).toBe(false);
  });
});

describe('goal field paths and patterns (they come from files anyone can share)', () => {
  it('read keys, indexes, list elements by a key, and quoted keys', () => {
    const pod = { metadata: { labels: { 'app.kubernetes.io/name': 'web' } }, spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }] } };
    expect(fieldValue(pod, 'spec.containers[0].env[name=Y].value')).toBe('2');
    expect(fieldValue(pod, 'metadata.labels["app.kubernetes.io/name"]')).toBe('web');
    expect(fieldValue(pod, 'spec.containers[3].name')).toBeUndefined();
    expect(fieldValue(pod, 'spec.nothing.deeper')).toBeUndefined();
  });

  it('never reach prototypes, and refuse what they cannot read', () => {
    expect(() => parsePath('__proto__.polluted')).toThrow(/forbidden/);
    expect(() => parsePath('spec.constructor')).toThrow(/forbidden/);
    expect(() => parsePath('spec..x')).toThrow(/cannot read/);
    expect(() => parsePath('x'.repeat(400))).toThrow();
    expect(fieldValue({}, 'toString')).toBeUndefined();
  });

  it('refuse patterns that could backtrack for ever, and never run one', () => {
    expect(patternProblem('(a+)+$')).toMatch(/repeat/);
    expect(patternProblem('(a|aa)*b')).toMatch(/repeat/);
    expect(patternProblem('(x)\\1')).toMatch(/back-references/);
    expect(patternProblem('[unclosed')).toBeDefined();
    expect(patternProblem('^exec\\b.*(wget|curl)\\b.*\\bhello\\b')).toBeUndefined();
    // A refused pattern matches nothing, rather than hanging the page.
    expect(safePattern('(a+)+$').test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toBe(false);
  });
});
