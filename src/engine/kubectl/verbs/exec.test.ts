import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail } from '../../testing/helpers';

describe('kubectl exec', () => {
  it('runs env, hostname, cat and ls against the pod\'s real state', () => {
    const c = newCluster();
    k(c, 'create secret generic db --from-literal=password=s3cret');
    k(c, 'create configmap app --from-literal=MODE=fast');
    k(
      c,
      'apply -f -',
      `apiVersion: v1
kind: Pod
metadata:
  name: shell
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "touch /tmp/ready; sleep 3600"]
    envFrom:
    - configMapRef: {name: app}
    env:
    - name: GREETING
      value: hello
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: {name: db, key: password}
    - name: MY_NODE
      valueFrom:
        fieldRef: {fieldPath: spec.nodeName}
`,
    );
    c.advance(15);
    const env = k(c, 'exec shell -- env');
    expect(env).toContain('HOSTNAME=shell\n');
    expect(env).toContain('GREETING=hello\n');
    expect(env).toContain('DB_PASSWORD=s3cret\n');
    expect(env).toContain('MODE=fast\n');
    expect(env).toMatch(/MY_NODE=worker-\d\n/);
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\n');
    expect(k(c, 'exec shell -- printenv GREETING')).toBe('hello\n');
    expect(k(c, 'exec shell -- hostname')).toBe('shell\n');
    expect(k(c, 'exec shell -- ls /tmp/ready')).toBe('/tmp/ready\n');
    expect(k(c, 'exec shell -- cat /etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(kFail(c, 'exec shell -- cat /nope')).toBe("cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n");
    expect(kFail(c, 'exec shell -- kubectl version')).toContain('exec: "kubectl": executable file not found in $PATH');
    expect(kFail(c, 'exec -it shell -- sh')).toContain('interactive shells are not available in this simulator');
    expect(kFail(c, 'exec nope -- env')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl exec TYPE/NAME', () => {
  it('reaches a running pod of a Deployment, and says so when there is none', async () => {
    const { newCluster, k, kFail } = await import('../../testing/helpers');
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    c.advance(20);
    expect(k(c, 'exec deploy/web -- hostname')).toMatch(/^web-\w+-\w{5}\n$/);
    expect(kFail(c, 'exec deployment/nothing -- hostname')).toContain('Error from server (NotFound): deployments.apps "nothing" not found');
    expect(kFail(c, 'exec configmap/x -- hostname')).toContain('error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented');
  });
});
