/**
 * PriorityClass and preemption through real kubectl v1.32 against the served API: `get pc` (the
 * server's Table), `describe priorityclass` (formatted by real kubectl) and `create priorityclass`
 * print the same bytes as the simulator's own kubectl; the Priority admission plugin's refusals
 * and a preemption's traces (nominated node, Preempted event) reach real kubectl as a real API
 * server's would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the PriorityClass conformance suite');

const CLASSES = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: batch-low
  annotations: {owner: data-team, tier: batch}
value: 10
description: Batch work that may be preempted.
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: default-tier
value: 100
globalDefault: true
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: patient
value: 500
preemptionPolicy: Never
`;

describe.runIf(!!KUBECTL)('PriorityClass through real kubectl v1.32', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);
  const sim = (args: string[]) => served.server.runner.host.query(args.join(' '));

  beforeAll(async () => {
    served = await serveForTest({ seed: 13 });
    await k(['apply', '-f', '-'], CLASSES);
    await k(['create', 'priorityclass', 'urgent', '--value=1000', '--description=made by create']);
    served.server.runner.host.setClock({ paused: true });
  });
  afterAll(async () => {
    served?.server.runner.host.setClock({ paused: false });
    await served?.close();
  });

  it('lists classes with VALUE, GLOBAL-DEFAULT, AGE and PREEMPTIONPOLICY as the simulator does', async () => {
    for (const args of [['get', 'pc'], ['get', 'priorityclasses', 'system-node-critical', 'patient'], ['get', 'pc', '-o', 'wide']]) {
      const real = await k(args);
      expect(real.stderr).toBe('');
      expect(sim(args).stdout).toBe(real.stdout);
    }
    const table = (await k(['get', 'pc'])).stdout;
    expect(table).toMatch(/^NAME +VALUE +GLOBAL-DEFAULT +AGE +PREEMPTIONPOLICY\nbatch-low +10 +false +\S+ +PreemptLowerPriority\ndefault-tier +100 +true +\S+ +PreemptLowerPriority\npatient +500 +false +\S+ +Never\nsystem-cluster-critical +2000000000 +false +\S+ +PreemptLowerPriority\nsystem-node-critical +2000001000 +false +\S+ +PreemptLowerPriority\nurgent +1000 +false +\S+ +PreemptLowerPriority\n$/);
  });

  it('describes each class byte for byte as real kubectl does', async () => {
    for (const name of ['batch-low', 'default-tier', 'patient', 'system-cluster-critical', 'urgent']) {
      const real = await k(['describe', 'priorityclass', name]);
      expect(real.stderr).toBe('');
      expect(sim(['describe', 'priorityclass', name]).stdout).toBe(real.stdout);
    }
    // One line of key=value pairs (labels.FormatLabels), the last-applied configuration among them.
    expect((await k(['describe', 'pc', 'batch-low'])).stdout).toMatch(/\nAnnotations:       kubectl\.kubernetes\.io\/last-applied-configuration=\{[^\n]*\}\n,owner=data-team,tier=batch\nEvents:  <none>\n$/);
  });

  it('create priorityclass: the server’s refusals as real kubectl wraps them (the rest is pinned in createPriorityClass.test.ts)', async () => {
    const refusals: [string[], string][] = [
      [['create', 'pc', 'second-default', '--value=7', '--global-default'], 'priorityclasses.scheduling.k8s.io "second-default" is forbidden: PriorityClass default-tier is already marked as default. Only one default can exist'],
      [['create', 'pc', 'too-high', '--value=1000000001'], 'PriorityClass.scheduling.k8s.io "too-high" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000'],
      [['create', 'pc', 'system-x', '--value=1'], "PriorityClass.scheduling.k8s.io \"system-x\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-x is not a known system priority class"],
    ];
    for (const [args, why] of refusals) {
      const real = await k(args);
      expect(real.code).toBe(1);
      expect(real.stderr).toBe(`error: failed to create priorityclass: ${why}\n`);
    }
    expect((await k(['delete', 'pc', 'system-node-critical'])).stderr).toBe('Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted\n');
    expect((await k(['get', 'pc', 'urgent', '-o', 'jsonpath={.description}/{.value}/{.metadata.generation}'])).stdout).toBe('made by create/1000/1');
  });

  it('the Priority admission plugin resolves and refuses as the API server does', async () => {
    const pod = (name: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${spec}  containers:\n  - {name: c, image: nginx:1.27}\n`;
    const missing = await k(['apply', '-f', '-'], pod('orphan', '  priorityClassName: nope\n'));
    expect(missing.stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "orphan" is forbidden: no PriorityClass with name nope was found\n');
    const own = await k(['apply', '-f', '-'], pod('self-made', '  priority: 42\n'));
    expect(own.stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "self-made" is forbidden: the integer value of priority (42) must not be provided in pod spec; priority admission controller computed 100 from the given PriorityClass name\n');
    await k(['apply', '-f', '-'], pod('defaulted', ''));
    const got = await k(['get', 'pod', 'defaulted', '-o', 'jsonpath={.spec.priorityClassName}/{.spec.priority}/{.spec.preemptionPolicy}']);
    expect(got.stdout).toBe('default-tier/100/PreemptLowerPriority');
    const described = (await k(['describe', 'pod', 'defaulted'])).stdout;
    expect(described).toContain('Priority:             100\nPriority Class Name:  default-tier\n');
  });
});
