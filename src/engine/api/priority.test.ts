/** PriorityClass validation and the Priority admission plugin, with the API server's words. */
import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';
import { SchedulingQueue } from '../scheduler/queue';

const pc = (name: string, rest: string) => `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: ${name}\n${rest}`;
const pod = (name: string, spec = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}  containers:\n  - name: c\n    image: nginx:1.27\n`;

describe('PriorityClass', () => {
  it('the system classes exist from the start, as a kubeadm cluster shows them', () => {
    const c = newCluster({ minimal: true });
    expect(c.kubectl('get pc').stdout).toBe(
      'NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nsystem-cluster-critical   2000000000   false            5m    PreemptLowerPriority\nsystem-node-critical      2000001000   false            5m    PreemptLowerPriority\n',
    );
    expect(k(c, 'describe pc system-node-critical')).toBe(
      'Name:              system-node-critical\nValue:             2000001000\nGlobalDefault:     false\nPreemptionPolicy:  PreemptLowerPriority\nDescription:       Used for system critical pods that must not be moved from their current node.\nAnnotations:       <none>\nEvents:            <none>\n',
    );
    expect(c.kubectl('delete pc system-cluster-critical').stderr).toBe('Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-cluster-critical" is forbidden: this is a system priority class and cannot be deleted\n');
  });

  it('validates values, reserved names, the policy and immutability', () => {
    const c = newCluster({ minimal: true });
    const apply = (y: string) => c.kubectl('apply -f -', { stdin: y }).stderr;
    expect(apply(pc('big', 'value: 1000000001\n'))).toBe('The PriorityClass "big" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n');
    expect(apply(pc('system-node-critical', 'value: 5\n'))).toContain('metadata.name: Forbidden: priority class names with \'system-\' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000');
    expect(apply(pc('odd', 'value: 1\npreemptionPolicy: Sometimes\n'))).toBe('The PriorityClass "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"\n');
    expect(apply(pc('ok', 'value: 7\n'))).toBe('');
    expect(apply(pc('ok', 'value: 8\n'))).toBe('The PriorityClass "ok" is invalid: value: Forbidden: may not be changed in an update.\n');
    expect(apply(pc('ok', 'value: 7\npreemptionPolicy: Never\n'))).toBe('The PriorityClass "ok" is invalid: preemptionPolicy: Invalid value: "Never": field is immutable\n');
    expect(apply(pc('ok', 'value: 7\ndescription: seven\n'))).toBe('');
    expect(apply(pc('d1', 'value: 1\nglobalDefault: true\n'))).toBe('');
    expect(apply(pc('d2', 'value: 2\nglobalDefault: true\n'))).toBe('Error from server (Forbidden): error when creating "STDIN": priorityclasses.scheduling.k8s.io "d2" is forbidden: PriorityClass d1 is already marked as default. Only one default can exist\n');
    expect(apply(pc('ok', 'value: 7\nglobalDefault: true\n'))).toContain('priorityclasses.scheduling.k8s.io "ok" is forbidden: PriorityClass d1 is already marked as default. Only one default can exist');
  });
});

describe('Priority admission', () => {
  it('resolves the class into spec.priority and spec.preemptionPolicy', () => {
    const c = newCluster({ minimal: true });
    k(c, 'apply -f -', pc('batch', 'value: 50\npreemptionPolicy: Never\n'));
    k(c, 'apply -f -', pod('named', '  priorityClassName: batch\n'));
    k(c, 'apply -f -', pod('plain'));
    expect(c.store.get('pods', 'default', 'named')!.spec).toMatchObject({ priorityClassName: 'batch', priority: 50, preemptionPolicy: 'Never' });
    const plain = c.store.get('pods', 'default', 'plain')!.spec;
    expect(plain.priority).toBe(0);
    expect(plain.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(plain.priorityClassName).toBeUndefined();
    // The global default, named on the pod, once there is one.
    k(c, 'apply -f -', pc('everyone', 'value: 5\nglobalDefault: true\n'));
    k(c, 'apply -f -', pod('later'));
    expect(c.store.get('pods', 'default', 'later')!.spec).toMatchObject({ priorityClassName: 'everyone', priority: 5, preemptionPolicy: 'PreemptLowerPriority' });
    k(c, 'apply -f -', pod('system', '  priorityClassName: system-node-critical\n'));
    expect(c.store.get('pods', 'default', 'system')!.spec.priority).toBe(2000001000);
  });

  it('refuses a missing class, and a priority or policy the pod sets itself', () => {
    const c = newCluster({ minimal: true });
    k(c, 'apply -f -', pc('batch', 'value: 50\n'));
    const apply = (y: string) => c.kubectl('apply -f -', { stdin: y }).stderr;
    expect(apply(pod('x', '  priorityClassName: foo\n'))).toBe('Error from server (Forbidden): error when creating "STDIN": pods "x" is forbidden: no PriorityClass with name foo was found\n');
    expect(apply(pod('x', '  priority: 100\n'))).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "x" is forbidden: the integer value of priority (100) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name\n',
    );
    expect(apply(pod('x', '  priorityClassName: batch\n  preemptionPolicy: Never\n'))).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "x" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name\n',
    );
    // The same value as the class gives is accepted.
    expect(apply(pod('same', '  priorityClassName: batch\n  priority: 50\n'))).toBe('');
  });

  it('pods a controller stamps from a template go through it too', () => {
    const c = newCluster({ minimal: true });
    k(c, 'apply -f -', 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      priorityClassName: missing\n      containers:\n      - name: c\n        image: nginx:1.27\n');
    c.advance(2);
    expect(c.store.list('pods', 'default')).toHaveLength(0);
    expect(k(c, 'describe rs web')).toContain('Error creating: pods "web-" is forbidden: no PriorityClass with name missing was found');
    k(c, 'apply -f -', pc('present', 'value: 3\n'));
    k(c, 'create deployment api --image=nginx:1.27 --replicas=2');
    k(c, `patch deployment api -p '{"spec":{"template":{"spec":{"priorityClassName":"present"}}}}'`);
    c.advance(15);
    expect(c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp && p.spec.priorityClassName === 'present').map((p) => p.spec.priority)).toEqual([3, 3]);
  });
});

describe('the scheduling queue (PrioritySort)', () => {
  it('pops higher priority first, then earlier arrivals', () => {
    const q = new SchedulingQueue();
    q.add('ns/a', 0);
    q.add('ns/b', 100);
    q.add('ns/c', 0);
    q.add('ns/d', 100);
    q.add('ns/e', -5);
    q.add('ns/f', 2000000000);
    const order: string[] = [];
    for (let p = q.pop(); p; p = q.pop()) order.push(p.key);
    expect(order).toEqual(['ns/f', 'ns/b', 'ns/d', 'ns/a', 'ns/c', 'ns/e']);
  });

  it('schedules the higher-priority pod first when both wait for the same room', () => {
    const c = newCluster({ nodes: [{ name: 'worker-1', cpu: 2 }] });
    k(c, 'apply -f -', pc('high', 'value: 1000\npreemptionPolicy: Never\n'));
    const big = (name: string, cls = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${cls}  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: 1500m\n`;
    k(c, 'apply -f -', big('first'));
    c.advance(5);
    k(c, 'apply -f -', big('waiting-low'));
    k(c, 'apply -f -', big('waiting-high', '  priorityClassName: high\n'));
    c.advance(5);
    k(c, 'delete pod first --grace-period=0 --force');
    c.advance(15);
    expect(c.store.get('pods', 'default', 'waiting-high')!.spec.nodeName).toBe('worker-1');
    expect(c.store.get('pods', 'default', 'waiting-low')!.spec.nodeName).toBeUndefined();
  });
});
