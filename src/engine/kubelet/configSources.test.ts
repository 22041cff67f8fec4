import { describe, expect, it } from 'vitest';
import { k, newCluster, rows } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';

const podStatus = (c: Cluster, name: string) => rows(k(c, 'get pods')).find((r) => r[0] === name)?.[2];
const events = (c: Cluster) => k(c, 'get events --sort-by=.lastTimestamp');

const ENV_POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: settings, key: mode}
`;

const VOLUME_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: main
    image: nginx:1.27
    envFrom:
    - configMapRef: {name: settings}
    volumeMounts:
    - {name: config, mountPath: /etc/config}
    - {name: config, mountPath: /etc/app/mode.conf, subPath: mode}
    - {name: creds, mountPath: /etc/creds, readOnly: true}
  volumes:
  - name: config
    configMap: {name: settings}
  - name: creds
    secret: {secretName: db}
`;

describe('ConfigMaps and Secrets in env', () => {
  it('a missing ConfigMap stops the container in CreateContainerConfigError until it exists', () => {
    const c = newCluster();
    k(c, 'apply -f -', ENV_POD);
    c.advance(20);
    expect(podStatus(c, 'app')).toBe('CreateContainerConfigError');
    expect(events(c)).toContain('Error: configmap "settings" not found');
    expect(k(c, 'get pod app -o jsonpath={.status.containerStatuses[0].state.waiting.message}')).toBe('configmap "settings" not found');

    k(c, 'create configmap settings --from-literal=other=1');
    c.advance(15);
    expect(podStatus(c, 'app')).toBe('CreateContainerConfigError');
    expect(events(c)).toContain("Error: couldn't find key mode in ConfigMap default/settings");

    k(c, 'delete configmap settings');
    k(c, 'create configmap settings --from-literal=mode=fast');
    c.advance(15);
    expect(podStatus(c, 'app')).toBe('Running');
    expect(k(c, 'exec app -- printenv MODE')).toBe('fast\n');
  });

  it('optional references may be missing, and leave the variable out', () => {
    const c = newCluster();
    k(c, 'apply -f -', ENV_POD.replace('key: mode}', 'key: mode, optional: true}'));
    c.advance(20);
    expect(podStatus(c, 'app')).toBe('Running');
    expect(k(c, 'exec app -- env')).not.toContain('MODE=');
  });

  it('env is fixed when the container starts: later edits and new Services do not reach it', () => {
    const c = newCluster();
    k(c, 'create configmap settings --from-literal=mode=fast');
    k(c, 'apply -f -', ENV_POD);
    c.advance(20);
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: slow}\n');
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Service\nmetadata: {name: late}\nspec: {ports: [{port: 80}]}\n');
    c.advance(120);
    expect(k(c, 'exec app -- printenv MODE')).toBe('fast\n');
    const env = k(c, 'exec app -- env');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=');
    expect(env).not.toContain('LATE_SERVICE_HOST');
  });
});

describe('ConfigMaps and Secrets as volumes', () => {
  it('a missing source keeps the pod ContainerCreating with FailedMount events, then mounts it', () => {
    const c = newCluster();
    k(c, 'apply -f -', VOLUME_POD);
    c.advance(30);
    expect(podStatus(c, 'web')).toBe('ContainerCreating');
    expect(events(c)).toMatch(/FailedMount\s+pod\/web\s+MountVolume\.SetUp failed for volume "config" : configmap "settings" not found/);

    k(c, 'create configmap settings --from-literal=mode=fast --from-literal=level=3');
    c.advance(30);
    expect(podStatus(c, 'web')).toBe('ContainerCreating');
    expect(events(c)).toContain('MountVolume.SetUp failed for volume "creds" : secret "db" not found');

    k(c, 'apply -f -', 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: "s3cret ✓"}\n');
    c.advance(130); // the mount back-off has grown to about a minute by now
    expect(podStatus(c, 'web')).toBe('Running');
    expect(k(c, 'exec web -- ls /etc/config')).toBe('level\nmode\n');
    expect(k(c, 'exec web -- cat /etc/config/mode')).toBe('fast');
    expect(k(c, 'exec web -- cat /etc/app/mode.conf')).toBe('fast');
    expect(k(c, 'exec web -- cat /etc/creds/password')).toBe('s3cret ✓');
  });

  it('edits reach mounted files within a sync period, but not env or subPath mounts', () => {
    const c = newCluster();
    k(c, 'create configmap settings --from-literal=mode=fast');
    k(c, 'create secret generic db --from-literal=password=x');
    k(c, 'apply -f -', VOLUME_POD);
    c.advance(20);
    expect(podStatus(c, 'web')).toBe('Running');
    k(c, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: slow}\n');
    c.advance(61);
    expect(k(c, 'exec web -- cat /etc/config/mode')).toBe('slow');
    expect(k(c, 'exec web -- cat /etc/app/mode.conf')).toBe('fast');
    expect(k(c, 'exec web -- printenv mode')).toBe('fast\n');
  });

  it('items project chosen keys to chosen paths; a missing key is a mount error', () => {
    const c = newCluster();
    k(c, 'create configmap settings --from-literal=mode=fast');
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: pick}
spec:
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts: [{name: cfg, mountPath: /cfg}, {name: info, mountPath: /info}]
  volumes:
  - name: cfg
    configMap:
      name: settings
      items: [{key: mode, path: conf/mode.txt}, {key: absent, path: x}]
  - name: info
    downwardAPI:
      items: [{path: name, fieldRef: {fieldPath: metadata.name}}]
`;
    k(c, 'apply -f -', pod);
    c.advance(20);
    expect(events(c)).toContain('MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: absent');
    k(c, 'delete pod pick --grace-period=0 --force');
    k(c, 'apply -f -', pod.replace(', {key: absent, path: x}', ''));
    c.advance(20);
    expect(k(c, 'exec pick -- cat /cfg/conf/mode.txt')).toBe('fast');
    expect(k(c, 'exec pick -- ls /cfg')).toBe('conf\n');
    expect(k(c, 'exec pick -- cat /info/name')).toBe('pick');
  });
});

describe('Secret stringData', () => {
  it('is merged into data as base64 and never returned', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {user: YWRtaW4=}\nstringData: {password: "비밀"}\n');
    const yaml = k(c, 'get secret db -o yaml');
    expect(yaml).not.toMatch(/^stringData:/m);
    expect(k(c, 'get secret db -o jsonpath={.data.password}')).toBe('67mE67CA');
    expect(k(c, 'get secret db -o jsonpath={.data.user}')).toBe('YWRtaW4=');
  });
});
