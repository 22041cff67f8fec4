import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster, rows, NGINX_DEPLOYMENT } from '../testing/helpers';

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata: {name: container-limits}
spec:
  limits:
  - type: Container
    default: {memory: 512Mi, cpu: 500m}
    defaultRequest: {memory: 256Mi}
    max: {cpu: "1"}
    min: {cpu: 100m}
`;

const pod = (resources = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: main
    image: nginx:1.27
${resources}`;

describe('LimitRange admission', () => {
  it('fills in missing requests and limits and says so in an annotation', () => {
    const c = newCluster();
    k(c, 'apply -f -', LIMITS);
    k(c, 'apply -f -', pod());
    const res = JSON.parse(k(c, 'get pod p -o jsonpath={.spec.containers[0].resources}'));
    // cpu has only a default limit: defaultRequest takes it too (LimitRange defaulting).
    expect(res).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '500m', memory: '256Mi' } });
    expect(k(c, "get pod p -o jsonpath='{.metadata.annotations.kubernetes\\.io/limit-ranger}'")).toBe('LimitRanger plugin set: cpu, memory request for container main; cpu, memory limit for container main');
    expect(k(c, 'get pod p -o jsonpath={.status.qosClass}')).toBe('Burstable');
    expect(k(c, 'get limits')).toMatch(/^NAME\s+CREATED AT\ncontainer-limits\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    const described = k(c, 'describe limitrange container-limits');
    expect(described).toMatch(/Container\s+cpu\s+100m\s+1\s+500m\s+500m\s+-/);
    expect(described).toMatch(/Container\s+memory\s+-\s+-\s+256Mi\s+512Mi\s+-/);
  });

  it('refuses pods outside min and max with the plugin\'s words, for kubectl and for controllers', () => {
    const c = newCluster();
    k(c, 'apply -f -', LIMITS);
    expect(kFail(c, 'apply -f -', pod('    resources: {limits: {cpu: "2"}}\n'))).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2\n',
    );
    expect(kFail(c, 'apply -f -', pod('    resources: {requests: {cpu: 50m}, limits: {cpu: "3"}}\n'))).toContain(
      'pods "p" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum cpu usage per Container is 1, but limit is 3]',
    );
    k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('        ports:', '        resources: {limits: {cpu: "2"}}\n        ports:'));
    c.advance(5);
    expect(k(c, 'get pods')).toBe('');
    expect(k(c, 'get events')).toMatch(/FailedCreate\s+replicaset\/web-\w+\s+Error creating: pods "web-\w+-\w+" is forbidden: maximum cpu usage per Container is 1, but limit is 2/);
  });
});

describe('ResourceQuota', () => {
  const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata: {name: team}
spec:
  hard: {pods: "2", requests.cpu: "1", limits.memory: 1Gi, count/deployments.apps: "1"}
`;

  it('counts usage in status and in kubectl get/describe', () => {
    const c = newCluster();
    k(c, 'create configmap x --from-literal=a=b');
    k(c, 'apply -f -', QUOTA);
    c.advance(1);
    expect(k(c, 'get quota')).toMatch(/^NAME\s+AGE\s+REQUEST\s+LIMIT\nteam\s+1s\s+count\/deployments\.apps: 0\/1, pods: 0\/2, requests\.cpu: 0\/1\s+limits\.memory: 0\/1Gi\n$/);
    k(c, 'apply -f -', pod('    resources: {requests: {cpu: 300m}, limits: {memory: 200Mi}}\n'));
    // Admission charges the quota at once, before any controller runs.
    expect(k(c, 'get quota team -o jsonpath={.status.used}')).toBe('{"count/deployments.apps":"0","limits.memory":"200Mi","pods":"1","requests.cpu":"300m"}');
    expect(k(c, 'describe quota team')).toMatch(/Resource\s+Used\s+Hard\n-+\s+-+\s+-+\ncount\/deployments\.apps\s+0\s+1\nlimits\.memory\s+200Mi\s+1Gi\npods\s+1\s+2\nrequests\.cpu\s+300m\s+1\n/);
  });

  it('refuses what would exceed it, and pods that do not declare what it limits', () => {
    const c = newCluster();
    k(c, 'apply -f -', QUOTA);
    c.advance(1);
    expect(kFail(c, 'apply -f -', pod())).toContain('pods "p" is forbidden: failed quota: team: must specify limits.memory for: main; requests.cpu for: main');
    expect(kFail(c, 'apply -f -', pod('    resources: {requests: {cpu: 1500m}, limits: {memory: 2Gi}}\n'))).toContain(
      'pods "p" is forbidden: exceeded quota: team, requested: limits.memory=2Gi,requests.cpu=1500m, used: limits.memory=0,requests.cpu=0, limited: limits.memory=1Gi,requests.cpu=1',
    );
    k(c, 'create deployment one --image=nginx');
    expect(kFail(c, 'create deployment two --image=nginx')).toContain(
      'error: failed to create deployment: deployments.apps "two" is forbidden: exceeded quota: team, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
  });

  it('a Deployment stops at the pod quota, and usage comes back when pods go', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: pods}\nspec: {hard: {pods: "2"}}\n');
    c.advance(1);
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(30);
    expect(rows(k(c, 'get pods'))).toHaveLength(2);
    expect(k(c, 'get events')).toMatch(/Error creating: pods "web-\w+-\w+" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2/);
    expect(k(c, 'get deploy web')).toMatch(/web\s+2\/3\s+2\s+2/);
    k(c, 'scale deployment web --replicas=1');
    c.advance(40);
    expect(k(c, 'get quota pods -o jsonpath={.status.used.pods}')).toBe('1');
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: pods}\nspec: {hard: {pods: "5"}}\n');
    k(c, 'scale deployment web --replicas=4');
    c.advance(30);
    expect(rows(k(c, 'get pods'))).toHaveLength(4);
    expect(k(c, 'get quota')).toMatch(/pods: 4\/5/);
  });

  it('kubectl create quota makes one, and unsupported scopes are refused out loud', () => {
    const c = newCluster();
    expect(k(c, 'create quota small --hard=pods=1,requests.cpu=500m')).toBe('resourcequota/small created\n');
    c.advance(1);
    expect(k(c, 'get quota small')).toMatch(/small\s+1s\s+pods: 0\/1, requests\.cpu: 0\/500m\s*\n/);
    expect(kFail(c, 'create quota bad --hard=pods')).toBe('error: Invalid argument syntax pods, expected <resource>=<value>\n');
    expect(kFail(c, 'create quota small --hard=pods=2')).toBe('error: failed to create quota: resourcequotas "small" already exists\n');
    expect(kFail(c, 'create quota scoped --hard=pods=2 --scopes=BestEffort')).toContain('quota scopes (spec.scopes, spec.scopeSelector) are not supported by this simulator yet');
  });
});
