/**
 * kubectl debug and kubectl cp through real kubectl v1.32 against the served API: the
 * ephemeral container real kubectl PATCHes in through pods/ephemeralcontainers is started by
 * the kubelet and described as real kubectl describes it; node and copy debugging create the
 * pods kubectl's legacy profile asks for; and `kubectl cp`'s tar-over-exec works both ways,
 * printing what the simulator's own kubectl prints for the same copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the kubectl debug and cp conformance suite');

const LEGACY_WARNING = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

const normalizeAges = (text: string) => text.replace(/(?<=[\s(])(<invalid>|\d+[smhd](\d+[smh])?)(?=[\s)]|$)/gm, '<age>');

const PODS = ['app', 'twin']
  .map((name) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${name}}}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n`)
  .join('---\n');

describe.runIf(!!KUBECTL)('kubectl debug and cp through real kubectl v1.32', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);
  const host = () => served.server.runner.host;
  const debugName = () => JSON.parse(host().query('kubectl get pod app -o json').stdout).spec.ephemeralContainers[0].name as string;

  beforeAll(async () => {
    served = await serveForTest({ seed: 21 });
    await k(['apply', '-f', '-'], PODS);
    for (const name of ['app', 'twin']) await eventually(`${name} running`, () => k(['get', 'pod', name, '-o', 'jsonpath={.status.phase}']), (r) => r.stdout === 'Running');
  });
  afterAll(async () => {
    await served?.close();
  });

  it('adds an ephemeral container as real kubectl asks, and the kubelet runs it', async () => {
    const r = await k(['debug', 'app', '--image=busybox:1.36', '--target=web', '--', 'sleep', '3600']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(LEGACY_WARNING);
    expect(r.stdout).toMatch(/^Targeting container "web"\. If you don't see processes from this container it may be because the container runtime doesn't support this feature\.\nDefaulting debug container name to debugger-[a-z0-9]{5}\.\n$/);
    const name = /debugger-[a-z0-9]{5}/.exec(r.stdout)![0];
    // The simulator's kubectl sends the same container to the twin pod.
    const mine = host().run('kubectl debug twin --image=busybox:1.36 --target=web -- sleep 3600');
    expect(mine.stderr).toBe(LEGACY_WARNING);
    const theirs = /debugger-[a-z0-9]{5}/.exec(mine.stdout)![0];
    const spec = async (pod: string) => JSON.parse((await k(['get', 'pod', pod, '-o', 'jsonpath={.spec.ephemeralContainers}'])).stdout);
    expect(await spec('app')).toEqual([{ command: ['sleep', '3600'], image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', name, resources: {}, targetContainerName: 'web', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }]);
    expect((await spec('twin'))[0]).toEqual({ ...(await spec('app'))[0], name: theirs });
    await eventually('the debug container runs', () => k(['get', 'pod', 'app', '-o', 'jsonpath={.status.ephemeralContainerStatuses[0].state}']), (s) => s.stdout.includes('running'));
    await eventually('the twin’s too', () => k(['get', 'pod', 'twin', '-o', 'jsonpath={.status.ephemeralContainerStatuses[0].state}']), (s) => s.stdout.includes('running'));
    // Real kubectl's describe, formatted from the object, matches the simulator's.
    host().setClock({ paused: true });
    try {
      const real = await k(['describe', 'pod', 'app']);
      expect(real.stdout).toContain(`Ephemeral Containers:\n  ${name}:\n`);
      expect(normalizeAges(real.stdout)).toBe(normalizeAges(host().query('kubectl describe pod app').stdout));
    } finally {
      host().setClock({ paused: false });
    }
    expect((await k(['get', 'events', '--field-selector', `involvedObject.name=app,involvedObject.fieldPath=spec.ephemeralContainers{${name}}`, '-o', 'jsonpath={.items[*].reason}'])).stdout).toBe('Pulling Pulled Created Started');
    // exec and logs reach the ephemeral container by name.
    expect((await k(['exec', 'app', '-c', name, '--', 'hostname'])).stdout).toBe('app\n');
    expect((await k(['logs', 'app', '-c', name])).code).toBe(0);
    // Not naming one, logs and exec default to the first container and say which others there are.
    const logs = await k(['logs', 'app', '--tail=1']);
    expect(logs.stderr).toBe(`Defaulted container "web" out of: web, ${name} (ephem)\n`);
    expect(host().query('kubectl logs app --tail=1').stderr).toBe(logs.stderr);
    expect((await k(['exec', 'app', '--', 'true'])).stderr).toBe(logs.stderr);
  });

  it('refuses what the API server refuses on pods/ephemeralcontainers', async () => {
    const pod = JSON.parse((await k(['get', 'pod', 'app', '-o', 'json'])).stdout);
    const existing = pod.spec.ephemeralContainers;
    const put = async (ephemeralContainers: unknown[]) => {
      const dir = join(served.dir, 'put');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'pod.json');
      writeFileSync(file, JSON.stringify({ ...pod, spec: { ...pod.spec, ephemeralContainers } }));
      return k(['replace', '--raw', '/api/v1/namespaces/default/pods/app/ephemeralcontainers', '-f', file]);
    };
    const withPorts = await put([...existing, { name: 'probe', image: 'busybox:1.36', ports: [{ containerPort: 80 }], readinessProbe: { exec: { command: ['true'] } } }]);
    expect(withPorts.code).toBe(1);
    expect(withPorts.stderr).toContain('spec.ephemeralContainers[1].ports: Forbidden: cannot be set for an Ephemeral Container');
    expect(withPorts.stderr).toContain('spec.ephemeralContainers[1].readinessProbe: Forbidden: cannot be set for an Ephemeral Container');
    const removed = await put([]);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toBe(`The Pod "app" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "${existing[0].name}" may not be removed\n\n`);
    const created = await k(['run', 'withdebug', '--image=nginx:1.27', '--overrides', JSON.stringify({ spec: { ephemeralContainers: [{ name: 'x', image: 'busybox:1.36' }] } })]);
    expect(created.code).toBe(1);
    expect(created.stderr).toBe('The Pod "withdebug" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create\n');
  });

  it('debugs a node with the legacy profile’s pod, and copies a pod', async () => {
    const node = await k(['debug', 'node/worker-1', '--image=busybox:1.36', '--', 'sleep', '3600']);
    expect(node.code).toBe(0);
    expect(node.stderr).toBe(LEGACY_WARNING);
    expect(node.stdout).toMatch(/^Creating debugging pod node-debugger-worker-1-[a-z0-9]{5} with container debugger on node worker-1\.\n$/);
    const podName = /node-debugger-worker-1-[a-z0-9]{5}/.exec(node.stdout)![0];
    const pod = JSON.parse((await k(['get', 'pod', podName, '-o', 'json'])).stdout);
    expect(pod.spec).toMatchObject({ hostIPC: true, hostNetwork: true, hostPID: true, nodeName: 'worker-1', restartPolicy: 'Never' });
    expect(pod.spec.volumes[0]).toEqual({ hostPath: { path: '/', type: '' }, name: 'host-root' });
    expect(pod.spec.tolerations[0]).toEqual({ operator: 'Exists' });
    expect(pod.spec.containers[0].volumeMounts).toContainEqual({ mountPath: '/host', name: 'host-root' });
    const mine = host().run('kubectl debug node/worker-2 --image=busybox:1.36 -- sleep 3600');
    expect(mine.stdout).toMatch(/^Creating debugging pod node-debugger-worker-2-[a-z0-9]{5} with container debugger on node worker-2\.\n$/);
    const minePod = JSON.parse((await k(['get', 'pod', /node-debugger-worker-2-[a-z0-9]{5}/.exec(mine.stdout)![0], '-o', 'json'])).stdout);
    expect({ ...minePod.spec, nodeName: 'worker-1', volumes: 'v', containers: 'c' }).toEqual({ ...pod.spec, volumes: 'v', containers: 'c' });

    const copy = await k(['debug', 'app', '--copy-to=app-copy', '--image=busybox:1.36', '--share-processes', '--', 'sleep', '3600']);
    expect(copy.code).toBe(0);
    expect(copy.stdout).toMatch(/^Defaulting debug container name to debugger-[a-z0-9]{5}\.\n$/);
    const copied = JSON.parse((await k(['get', 'pod', 'app-copy', '-o', 'json'])).stdout);
    expect(copied.metadata.labels).toBeUndefined();
    expect(copied.spec.shareProcessNamespace).toBe(true);
    expect(copied.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web', /debugger-[a-z0-9]{5}/.exec(copy.stdout)![0]]);
    const mineCopy = host().run('kubectl debug twin --copy-to=twin-copy --image=busybox:1.36 --share-processes -- sleep 3600');
    expect(mineCopy.stdout).toMatch(/^Defaulting debug container name to debugger-[a-z0-9]{5}\.\n$/);
    const twinCopy = JSON.parse((await k(['get', 'pod', 'twin-copy', '-o', 'json'])).stdout);
    // The ServiceAccount admission mounts each pod's own token volume into the new container too.
    const withoutToken = (c: { volumeMounts?: unknown }) => ({ ...c, name: 'debugger', volumeMounts: 'token' });
    expect(withoutToken(twinCopy.spec.containers[1])).toEqual(withoutToken(copied.spec.containers[1]));
    for (const args of [['debug', 'app'], ['debug', 'app', '--image=busybox:1.36', '--set-image=web=nginx:1.28'], ['debug', 'app', '--image=Busybox'], ['debug', 'app', '--image=busybox:1.36', '-t'], ['debug', 'deploy/nope', '--image=busybox:1.36'], ['debug', 'nope', '--image=busybox:1.36']]) {
      const real = await k(args);
      const sim = host().run(`kubectl ${args.join(' ')}`);
      expect({ args, code: sim.exitCode === 0 ? 0 : 1, stderr: sim.stderr }).toEqual({ args, code: real.code, stderr: real.stderr });
    }
  });

  it('copies files out of and into a container with tar over exec', async () => {
    const dir = join(served.dir, 'local');
    mkdirSync(dir, { recursive: true });
    await k(['exec', 'app', '--', 'sh', '-c', 'echo hello > /tmp/greeting.txt']);
    host().setClock({ paused: true });
    try {
      const real = await k(['cp', 'app:/tmp/greeting.txt', join(dir, 'greeting.txt')]);
      const mine = host().run('kubectl cp app:/tmp/greeting.txt greeting.txt');
      // The pod has an ephemeral container now: kubectl names the one it defaulted to (on stdout, where cp sends exec's stderr).
      expect(real).toEqual({ code: 0, stdout: `Defaulted container "web" out of: web, ${debugName()} (ephem)\ntar: Removing leading \`/' from member names\n`, stderr: '' });
      expect(mine).toMatchObject({ exitCode: 0, stdout: real.stdout, stderr: '', localFiles: { 'greeting.txt': 'hello\n' } });
      expect(readFileSync(join(dir, 'greeting.txt'), 'utf8')).toBe('hello\n');
      const missing = await k(['cp', 'app:/nope', join(dir, 'nope')]);
      const mineMissing = host().run('kubectl cp app:/nope nope');
      // tar's complaint, and yet success: kubectl stops at the (empty) archive's end before tar's exit status arrives.
      expect(missing).toEqual({ code: 0, stdout: `Defaulted container "web" out of: web, ${debugName()} (ephem)\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`, stderr: '' });
      expect({ code: mineMissing.exitCode, stdout: mineMissing.stdout, stderr: mineMissing.stderr }).toEqual(missing);
      expect(existsSync(join(dir, 'nope'))).toBe(false);
      const local = await k(['cp', join(dir, 'absent.txt'), 'app:/tmp']);
      expect(local.stderr).toBe(`error: ${join(dir, 'absent.txt')} doesn't exist in local filesystem\n`);
      expect(host().run('kubectl cp absent.txt app:/tmp').stderr).toBe("error: absent.txt doesn't exist in local filesystem\n");
    } finally {
      host().setClock({ paused: false });
    }
    writeFileSync(join(dir, 'notes.txt'), 'ünïcode notes\n');
    const into = await k(['cp', join(dir, 'notes.txt'), 'app:/tmp']);
    // Copying in, the notice goes to stderr (cp sends exec's stderr to its own there).
    const notice = `Defaulted container "web" out of: web, ${debugName()} (ephem)\n`;
    expect(into).toEqual({ code: 0, stdout: '', stderr: notice });
    const mineInto = host().run('kubectl cp notes.txt twin:/tmp', { 'notes.txt': 'twin notes\n' });
    expect(mineInto).toMatchObject({ exitCode: 0, stdout: '', stderr: expect.stringMatching(/^Defaulted container "web" out of: web, debugger-[a-z0-9]{5} \(ephem\)\n$/) });
    expect((await k(['exec', 'twin', '--', 'cat', '/tmp/notes.txt'])).stdout).toBe('twin notes\n');
    expect((await k(['exec', 'app', '--', 'cat', '/tmp/notes.txt'])).stdout).toBe('ünïcode notes\n');
    const renamed = await k(['cp', join(dir, 'notes.txt'), 'app:/tmp/renamed.txt']);
    expect(renamed.code).toBe(0);
    expect((await k(['exec', 'app', '--', 'cat', '/tmp/renamed.txt'])).stdout).toBe('ünïcode notes\n');
    // A directory comes out whole.
    const out = join(dir, 'tmp-copy');
    const tree = await k(['cp', 'app:/tmp', out]);
    expect(tree.code).toBe(0);
    expect(readFileSync(join(out, 'renamed.txt'), 'utf8')).toBe('ünïcode notes\n');
    expect(readFileSync(join(out, 'greeting.txt'), 'utf8')).toBe('hello\n');
  });

  it('attaches (-i) to a debug command and shows its output to its end, as the simulator’s kubectl does', async () => {
    const script = 'sleep 3; echo hello; sleep 1; echo bye';
    const real = await k(['debug', 'app', '-i', '--image=busybox:1.36', '-c', 'said', '--', 'sh', '-c', script], '');
    const mine = host().run(`kubectl debug twin -i --image=busybox:1.36 -c said -- sh -c "${script}"`);
    expect(real).toEqual({ code: 0, stdout: 'hello\nbye\n', stderr: `${LEGACY_WARNING}If you don't see a command prompt, try pressing enter.\n` });
    expect({ code: mine.exitCode, stdout: mine.stdout, stderr: mine.stderr }).toEqual(real);
  });
});
