import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';
import type { Cluster } from '../../cluster/cluster';

const APP = `apiVersion: v1
kind: Pod
metadata: {name: app, labels: {app: web}, annotations: {team: web}}
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet: {path: /, port: 80}
`;

const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

function running(): Cluster {
  const c = newCluster();
  k(c, 'apply -f -', APP);
  c.advance(20);
  return c;
}

const json = (c: Cluster, cmd: string) => JSON.parse(k(c, cmd));

describe('kubectl debug POD (an ephemeral container)', () => {
  it('adds the container, waits for it and leaves a waiting shell running for exec', () => {
    const c = running();
    const r = c.kubectl('debug app -it --image=busybox:1.36 --target=web');
    const name = /debugger-[a-z0-9]{5}/.exec(r.stdout)![0];
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`Targeting container "web". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\nDefaulting debug container name to ${name}.\n`);
    expect(r.stderr).toBe(`${LEGACY}If you don't see a command prompt, try pressing enter.\n(this terminal has no interactive session: ${name} keeps running; run commands in it with "kubectl exec app -c ${name} -- COMMAND")\n`);
    const pod = json(c, 'get pod app -o json');
    expect(pod.spec.ephemeralContainers).toEqual([{ image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', name, resources: {}, stdin: true, targetContainerName: 'web', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', tty: true }]);
    // Reported apart, never ready, no `started`; the pod's own phase and readiness are untouched.
    const status = pod.status.ephemeralContainerStatuses[0];
    expect(status).toMatchObject({ name, ready: false, restartCount: 0, image: 'docker.io/library/busybox:1.36', lastState: {} });
    expect(status.started).toBeUndefined();
    expect(status.state.running).toBeDefined();
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    expect(k(c, `exec app -c ${name} -- hostname`)).toBe('app\n');
    expect(c.kubectl('exec app -- hostname').stderr).toBe(`Defaulted container "web" out of: web, ${name} (ephem)\n`);
    const describe = k(c, 'describe pod app');
    expect(describe).toContain(`Ephemeral Containers:\n  ${name}:\n    Container ID:   containerd://`);
    expect(describe).toMatch(new RegExp(`Normal  Created    \\S+\\s+kubelet            Created container: ${name}\\n  Normal  Started    \\S+\\s+kubelet            Started container ${name}\\n`));
    const events = json(c, `get events --field-selector involvedObject.fieldPath=spec.ephemeralContainers{${name}} -o json`);
    expect(events.items.map((e: { reason: string }) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('runs a command, follows it to its end and prints its output; never restarts it', () => {
    const c = running();
    const r = c.kubectl('debug app -i --image=busybox:1.36 -c probe -- sh -c "echo hello; sleep 2; echo bye"');
    expect(r.stdout).toBe('hello\nbye\n');
    expect(r.stderr).toBe(`${LEGACY}If you don't see a command prompt, try pressing enter.\n`);
    c.advance(60);
    const status = json(c, 'get pod app -o json').status.ephemeralContainerStatuses[0];
    expect(status).toMatchObject({ name: 'probe', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    // Without -i kubectl does not attach: only the name it chose.
    const quiet = c.kubectl('debug app --image=busybox:1.36 --profile=general -- sleep 3600');
    expect(quiet.stdout).toMatch(/^Defaulting debug container name to debugger-[a-z0-9]{5}\.\n$/);
    expect(quiet.stderr).toBe('');
    expect(json(c, 'get pod app -o json').spec.ephemeralContainers[1].securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
    // Finished output comes from the log once the container has ended (kubectl's fallback).
    expect(c.kubectl('logs app -c probe').stdout).toBe('hello\nbye\n');
  });

  it('refuses as kubectl and the API server refuse', () => {
    const c = running();
    expect(kFail(c, 'debug app')).toBe('error: you must specify --image when not using --copy-to.\n');
    expect(kFail(c, 'debug app --image=busybox -t')).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
    expect(kFail(c, 'debug app --image=busybox --set-image=web=nginx')).toBe('error: --set-image may only be used with --copy-to.\n');
    expect(kFail(c, 'debug app --image=BusyBox')).toBe('error: invalid image name "BusyBox": invalid reference format\n');
    expect(kFail(c, 'debug app --image=busybox --profile=admin')).toBe('error: unknown profile: admin\n');
    expect(kFail(c, 'debug --image=busybox')).toBe('error: NAME or filename is required for debug\n');
    expect(kFail(c, 'debug app --copy-to=x --target=web --image=busybox')).toBe('error: --target is incompatible with --copy-to. Use --share-processes instead.\n');
    expect(kFail(c, 'debug nope --image=busybox')).toBe(`${LEGACY}Error from server (NotFound): pods "nope" not found\n`);
    expect(kFail(c, 'debug deploy/web --image=busybox')).toBe(`${LEGACY}Error from server (NotFound): deployments.apps "web" not found\n`);
    expect(kFail(c, 'debug app --image=busybox -c web')).toBe(`${LEGACY}The Pod "app" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "web"\n`);
    const target = c.kubectl('debug app --image=busybox --target=db');
    expect(target.stdout).toMatch(/^Targeting container "db"\. .*\nDefaulting debug container name to debugger-[a-z0-9]{5}\.\n$/);
    expect(target.stderr).toBe(`${LEGACY}The Pod "app" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "db"\n`);
  });
});

describe('kubectl debug --copy-to and node/NAME', () => {
  it('copies the pod with the debug container added, labels dropped (legacy profile)', () => {
    const c = running();
    const r = c.kubectl('debug app --copy-to=app-debug --image=busybox:1.36 --share-processes -- sleep 3600');
    expect(r.exitCode).toBe(0);
    const name = /debugger-[a-z0-9]{5}/.exec(r.stdout)![0];
    const copy = json(c, 'get pod app-debug -o json');
    expect(copy.metadata.labels).toBeUndefined();
    expect(copy.metadata.annotations).toEqual({ team: 'web', 'kubectl.kubernetes.io/last-applied-configuration': expect.any(String) });
    expect(copy.spec.shareProcessNamespace).toBe(true);
    expect(copy.spec.containers.map((x: { name: string }) => x.name)).toEqual(['web', name]);
    expect(copy.spec.containers[0].readinessProbe).toBeDefined();
    // --set-image alone changes the copy's images and attaches to nothing.
    expect(c.kubectl('debug app --copy-to=app-next --set-image=*=nginx:1.28').stdout).toBe('');
    expect(json(c, 'get pod app-next -o json').spec.containers[0].image).toBe('nginx:1.28');
    // --replace deletes the original.
    k(c, 'debug app --copy-to=app-v2 --set-image=web=nginx:1.28 --replace');
    expect(kFail(c, 'get pod app')).toBe('Error from server (NotFound): pods "app" not found\n');
  });

  it('runs a pod in the node’s namespaces with its root at /host', () => {
    const c = running();
    const r = c.kubectl('debug node/worker-1 -it --image=busybox:1.36');
    const pod = /node-debugger-worker-1-[a-z0-9]{5}/.exec(r.stdout)![0];
    expect(r.stdout).toBe(`Creating debugging pod ${pod} with container debugger on node worker-1.\n`);
    expect(r.stderr).toBe(`${LEGACY}If you don't see a command prompt, try pressing enter.\n(this terminal has no interactive session: debugger keeps running; run commands in it with "kubectl exec ${pod} -c debugger -- COMMAND")\n`);
    const spec = json(c, `get pod ${pod} -o json`).spec;
    expect(spec).toMatchObject({ hostIPC: true, hostNetwork: true, hostPID: true, nodeName: 'worker-1', restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] });
    expect(spec.volumes[0]).toEqual({ hostPath: { path: '/', type: '' }, name: 'host-root' });
    expect(spec.containers[0]).toMatchObject({ name: 'debugger', image: 'busybox:1.36', stdin: true, tty: true, volumeMounts: [{ mountPath: '/host', name: 'host-root' }, expect.anything()] });
    expect(json(c, `get pod ${pod} -o json`).status.podIP).toBe(json(c, 'get node worker-1 -o json').status.addresses[0].address);
    // The shell waits on stdin; the node's root is at /host.
    expect(k(c, `exec ${pod} -- ls /host`)).toBe('bin\ndev\netc\nhome\nlib\nproc\nroot\nsys\ntmp\nusr\nvar\n');
    expect(k(c, `exec ${pod} -- ls /host/etc`)).toBe('');
    expect(c.kubectl(`exec ${pod} -- ls /nope`).stderr).toBe('ls: /nope: No such file or directory\ncommand terminated with exit code 1\n');
    expect(kFail(c, 'debug node/nope --image=busybox')).toBe(`${LEGACY}Error from server (NotFound): nodes "nope" not found\n`);
  });
});
