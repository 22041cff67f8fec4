import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../../testing/helpers';
import { defaultPullPolicy } from './pod';

describe('defaults, as in pkg/apis/*/v1/defaults.go', () => {
  const c = newCluster({ minimal: true, bootSeconds: 0 });
  k(c, 'create deployment web --image=nginx');
  k(c, 'run solo --image=nginx:1.27');
  k(c, 'apply -f -', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n');
  const d = JSON.parse(k(c, 'get deploy web -o json'));
  const pod = JSON.parse(k(c, 'get pod solo -o json'));
  const svc = JSON.parse(k(c, 'get svc web -o json'));

  it('Deployment: 1 replica, RollingUpdate 25%/25%, history 10, deadline 600 s', () => {
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {} });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} });
  });

  it('Pod: admission adds the 300 s not-ready/unreachable tolerations and the default service account', () => {
    expect(pod.spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    expect(pod.spec.serviceAccountName).toBe('default');
    expect(pod.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('Service: ClusterIP from 10.96.0.0/12, TCP, targetPort = port, SingleStack IPv4', () => {
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(svc.spec).toMatchObject({ sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
  });

  it('Namespace: the kubernetes.io/metadata.name label and the kubernetes finalizer', () => {
    k(c, 'create namespace dev');
    const ns = JSON.parse(k(c, 'get ns dev -o json'));
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });

  it('imagePullPolicy: Always for :latest or no tag, IfNotPresent for a tag or digest', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
  });

  it('requests default to limits', () => {
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lim\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources:\n      limits:\n        cpu: 500m\n        memory: 128Mi\n');
    const p = JSON.parse(k(c, 'get pod lim -o json'));
    expect(p.spec.containers[0].resources.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(p.status.qosClass).toBe('Guaranteed');
  });
});
