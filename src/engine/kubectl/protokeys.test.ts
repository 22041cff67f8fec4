/**
 * Keys named like Object.prototype's members (`__proto__`, `constructor`, `toString` …) are
 * data like any other key (issue 18): stored, shown, matched and removed, never confused with
 * what every JavaScript object inherits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';
import { mergePatch } from '../util/mergePatch';

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype'];
/** Valid label keys among them (a label name must start with an alphanumeric). */
const LABEL_NAMES = PROTO_NAMES.filter((n) => /^[A-Za-z0-9]/.test(n));

describe('prototype-named keys', () => {
  it('keep a ConfigMap key named __proto__ (kubectl create and apply)', () => {
    const c = newCluster({ minimal: true });
    k(c, 'create configmap a --from-literal=__proto__=x --from-literal=constructor=y --from-literal=toString=z');
    expect(JSON.parse(k(c, 'get configmap a -o json')).data).toEqual(JSON.parse('{"__proto__":"x","constructor":"y","toString":"z"}'));
    expect(k(c, 'get configmap a -o jsonpath={.data.__proto__}')).toBe('x');
    expect(k(c, 'get configmap a -o yaml')).toMatch(/data:\n {2}__proto__: x\n {2}constructor: "?y"?\n {2}toString: z\n/);
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  __proto__: "p"\n  hasOwnProperty: "h"\n');
    expect(Object.getOwnPropertyNames(c.store.get('configmaps', 'default', 'b')!.data).sort()).toEqual(['__proto__', 'hasOwnProperty']);
  });

  it("a file named like one is missing unless given, even in a plain object of files (as the engine's worker receives them)", () => {
    const c = newCluster({ minimal: true });
    const files = { 'web.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n' };
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const r = c.kubectl(`apply -f ${name}`, { files });
      expect(r.stderr).toBe(`error: the path "${name}" does not exist\n`);
    }
    expect(c.kubectl('apply -f web.yaml', { files }).stdout).toBe('configmap/web created\n');
  });

  it('label and annotate with keys named constructor or toString', () => {
    const c = newCluster({ minimal: true });
    k(c, 'create deployment web --image=nginx');
    expect(k(c, 'label deployment web constructor=x toString=y')).toBe('deployment.apps/web labeled\n');
    expect(k(c, 'get deployments -l constructor=x -o name')).toBe('deployment.apps/web\n');
    expect(k(c, 'get deployments -l valueOf -o name')).toBe('');
    expect(k(c, 'annotate deployment web constructor=a')).toBe('deployment.apps/web annotated\n');
    expect(k(c, 'label deployment web constructor-')).toBe('deployment.apps/web unlabeled\n');
    expect(k(c, 'get deployment web -o jsonpath={.metadata.labels}')).toBe('{"app":"web","toString":"y"}');
  });

  it('merge patches keep such keys as data', () => {
    const out = mergePatch({ a: 1 }, JSON.parse('{"__proto__":{"polluted":true},"constructor":"c"}')) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(out).sort()).toEqual(['__proto__', 'a', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('survive any mix of such keys in labels, annotations and data (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...PROTO_NAMES, 'a', 'b-c'), { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.constantFrom(...LABEL_NAMES, 'app', 'tier'), { minLength: 1, maxLength: 4 }),
        fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 6, maxLength: 6 }),
        (dataKeys, labelKeys, values) => {
          const c = newCluster({ minimal: true, bootSeconds: 0 });
          const literals = dataKeys.map((key, i) => `--from-literal=${key}=${values[i]}`).join(' ');
          k(c, `create configmap cm ${literals}`);
          const data = JSON.parse(k(c, 'get configmap cm -o json')).data as Record<string, string>;
          expect(Object.keys(data).sort()).toEqual([...dataKeys].sort());
          dataKeys.forEach((key, i) => expect(Object.getOwnPropertyDescriptor(data, key)?.value).toBe(values[i]));
          const labels = labelKeys.map((key, i) => `${key}=${values[i]}`).join(' ');
          expect(k(c, `label configmap cm ${labels}`)).toBe('configmap/cm labeled\n');
          expect(k(c, `annotate configmap cm ${labels}`)).toBe('configmap/cm annotated\n');
          for (const [i, key] of labelKeys.entries()) expect(k(c, `get configmaps -l ${key}=${values[i]} -o name`)).toBe('configmap/cm\n');
          expect(k(c, `label configmap cm ${labelKeys[0]}-`)).toBe('configmap/cm unlabeled\n');
          const stored = c.store.get('configmaps', 'default', 'cm')!;
          expect(Object.keys(stored.metadata.labels ?? {}).sort()).toEqual(labelKeys.slice(1).sort());
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          assertNoTaskFailures(c);
        },
      ),
      { numRuns: 40, seed: 18 },
    );
  });
});

describe('prototype-named keys in scheduling', () => {
  it('a nodeSelector or affinity on `constructor` matches only nodes that carry that label', () => {
    const c = newCluster({ minimal: true });
    k(c, `run a --image=nginx --overrides='{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"constructor","operator":"Exists"}]}]}}}}}'`);
    c.advance(20);
    expect(k(c, 'get pod a -o jsonpath={.spec.nodeName}')).toBe('');
    k(c, 'label node worker-2 constructor=yes');
    c.advance(40);
    expect(k(c, 'get pod a -o jsonpath={.spec.nodeName}')).toBe('worker-2');
  });
});

describe('prototype-named keys in pods', () => {
  it('a ConfigMap key named __proto__ becomes a file, and a missing key named toString is missing', () => {
    const c = newCluster({ minimal: true });
    k(c, 'create configmap cfg --from-literal=__proto__=hello --from-literal=constructor=world');
    k(c, 'apply -f -', `apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  volumes:
  - name: cfg
    configMap:
      name: cfg
  containers:
  - name: c
    image: nginx
    volumeMounts:
    - name: cfg
      mountPath: /etc/cfg
`);
    k(c, 'apply -f -', `apiVersion: v1
kind: Pod
metadata:
  name: wants
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo $X"]
    env:
    - name: X
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: toString
`);
    c.advance(40);
    expect(k(c, 'exec reader -- cat /etc/cfg/__proto__')).toBe('hello');
    expect(k(c, 'exec reader -- cat /etc/cfg/constructor')).toBe('world');
    expect(c.kubectl('exec reader -- cat /etc/cfg/toString').stderr).toBe("cat: can't open '/etc/cfg/toString': No such file or directory\ncommand terminated with exit code 1\n");
    expect(k(c, 'get pod wants -o jsonpath={.status.containerStatuses[0].state.waiting.message}')).toBe("couldn't find key toString in ConfigMap default/cfg");
  });
});
