/**
 * Real kubectl v1.32 against `npm run serve`'s API: the judge of fidelity. Where the simulator's
 * own kubectl has the same command, both must print the same bytes for the same cluster —
 * tables and `-o yaml` come from the served objects (server-side Tables), `describe` is
 * formatted by real kubectl itself from the served objects and events, so a difference is a
 * fidelity bug of the simulator's. Every manifest of the test corpus is applied by both.
 *
 * Without a kubectl binary this file reports itself skipped in one loud line; `.ci/run` sets
 * REQUIRE_REAL_KUBECTL so that it can never be skipped there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCluster } from '../../engine/port';
import { eventually, kubectlForSuite, kubectl, kubectlStream, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the real-kubectl conformance suite');

/** Ages that real kubectl computes from its own clock (describe) may be a second off the simulator's. */
// Real kubectl reads ages off the wall clock, which moves on while the simulated one is paused:
// an age may cross 9s → 10s between the two calls, widening its column by one.
const normalizeAges = (text: string) => text.replace(/(?<=[\s(])(<invalid>|\d+[smhd](\d+[smh])?)(?=[\s)]|$)/gm, '<age>').replace(/<age> +/g, '<age> ');

describe.runIf(!!KUBECTL)('real kubectl v1.32 against the served cluster', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);

  beforeAll(async () => {
    served = await serveForTest({ seed: 7 });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('reports the server version it is modelled on', async () => {
    const r = await k(['version', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).serverVersion.gitVersion).toBe('v1.32.0');
  });

  it('applies every manifest of the corpus with the same output as the simulator’s kubectl', async () => {
    const dir = resolve(__dirname, '../../engine/testdata/corpus');
    const index = readFileSync(`${dir}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!);
    expect(index.length).toBeGreaterThan(100);
    const created = new Set<string>();
    const mismatches: string[] = [];
    for (const path of index) {
      const text = readFileSync(`${dir}/${path}`, 'utf8');
      const namespaces = ['dev', ...[...text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)].map((m) => m[1]!)];
      const sim = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
      for (const ns of namespaces) {
        sim.kubectl(`create namespace ${ns}`);
        if (!created.has(ns)) {
          created.add(ns);
          await k(['create', 'namespace', ns]);
        }
      }
      const real = await k(['apply', '-f', '-'], text);
      const mine = sim.kubectl('apply -f -', { stdin: text });
      if (real.stdout !== mine.stdout || real.stderr !== mine.stderr) mismatches.push(`${path}\n  real: ${JSON.stringify(real.stdout + real.stderr)}\n  sim:  ${JSON.stringify(mine.stdout + mine.stderr)}`);
      // The next manifest may reuse the names: gone at once.
      await k(['delete', '-f', '-', '--grace-period=0', '--force', '--ignore-not-found'], text);
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('creates with protobuf bodies (create deployment|configmap|secret) and reads them back', async () => {
    expect((await k(['create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=size=3'])).stdout).toBe('configmap/settings created\n');
    expect((await k(['create', 'secret', 'generic', 'creds', '--from-literal=password=s3cret'])).stdout).toBe('secret/creds created\n');
    expect((await k(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'])).stdout).toBe('deployment.apps/web created\n');
    expect((await k(['get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}/{.data.size}'])).stdout).toBe('fast/3');
    expect(Buffer.from((await k(['get', 'secret', 'creds', '-o', 'jsonpath={.data.password}'])).stdout, 'base64').toString()).toBe('s3cret');
    const dep = JSON.parse((await k(['get', 'deployment', 'web', '-o', 'json'])).stdout);
    expect(dep.spec.replicas).toBe(2);
    expect(dep.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(dep.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent' });
    // Zero values a protobuf body carries for unset fields stay unset (no empty strings, no epoch timestamps).
    expect(dep.metadata.generateName).toBeUndefined();
    expect(dep.spec.template.metadata.creationTimestamp).toBeNull();
    await eventually('web ready', () => k(['get', 'deployment', 'web', '-o', 'jsonpath={.status.readyReplicas}']), (r) => r.stdout === '2');
    expect((await k(['expose', 'deployment', 'web', '--port=80'])).stdout).toBe('service/web exposed\n');
  });

  it('prints tables, -o yaml|json|jsonpath, -A, -l and --show-labels exactly as the simulator’s kubectl does', async () => {
    await eventually('web endpoints', () => k(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web', '-o', 'jsonpath={.items[*].endpoints[*].addresses[0]}']), (r) => r.stdout.split(' ').filter(Boolean).length === 2);
    const host = served.server.runner.host;
    host.setClock({ paused: true });
    try {
      const commands = [
        'get nodes',
        'get nodes -o wide',
        'get pods -A',
        'get pods -o wide',
        'get pods -l app=web --show-labels',
        'get all',
        'get all -A',
        'get deploy web -o yaml',
        'get svc web -o json',
        'get rs,ep,endpointslices',
        'get cm,secrets,sa -A',
        'get ns',
        'get events --field-selector reason=Scheduled',
        'get pods -o jsonpath={.items[*].metadata.name}',
        'get pods --sort-by=.metadata.name -o name',
        'get events -o wide',
        'get nosuchthing',
        'get pod nosuchpod',
        'explain pods',
        'explain deployment.spec',
        'explain svc.spec.ports',
        'explain deploy.spec.strategy.rollingUpdate.maxSurge',
        'explain pvc.spec.resources.requests',
        'explain pod.spec.containers --recursive',
        'explain pods.spec.nosuch',
        'explain nosuch',
        'auth can-i delete pods',
        'auth can-i frob widgets',
        'auth can-i --list',
        'auth whoami',
        'auth whoami -o json',
        'auth can-i delete pods --as=bob',
        'api-resources',
        'api-resources -o wide',
        'api-versions',
        'top nodes',
        'top pods -A',
        `logs ${(await k(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout}`,
      ];
      for (const command of commands) {
        const real = await k(command.split(' '));
        const mine = host.query(command);
        expect({ command, out: real.stdout, err: real.stderr }).toEqual({ command, out: mine.stdout, err: mine.stderr });
      }
      // describe is formatted by real kubectl from the served objects and events.
      for (const command of ['describe deployment web', 'describe service web', 'describe node worker-1', 'describe pods -l app=web', 'describe namespace default', 'describe rs -l app=web', 'describe secret creds']) {
        const real = await k(command.split(' '));
        const mine = host.query(command);
        expect({ command, out: normalizeAges(real.stdout), err: real.stderr }).toEqual({ command, out: normalizeAges(mine.stdout), err: mine.stderr });
      }
    } finally {
      host.setClock({ paused: false });
    }
  });

  it('applies server-side with field ownership: drops what the manager stopped applying, refuses another manager’s field unless forced', async () => {
    const config = (env: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: owned
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: owned}
  template:
    metadata:
      labels: {app: owned}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        env:
${env}`;
    const both = '        - {name: A, value: "1"}\n        - {name: B, value: "2"}\n';
    expect((await k(['apply', '--server-side', '-f', '-'], config(both, 1))).stdout).toBe('deployment.apps/owned serverside-applied\n');
    expect((await k(['apply', '--server-side', '-f', '-'], config('        - {name: A, value: "1"}\n', 1))).stdout).toBe('deployment.apps/owned serverside-applied\n');
    expect((await k(['get', 'deployment', 'owned', '-o', 'jsonpath={.spec.template.spec.containers[0].env[*].name}'])).stdout).toBe('A');
    expect((await k(['scale', 'deployment', 'owned', '--replicas=3'])).code).toBe(0);
    const refused = await k(['apply', '--server-side', '-f', '-'], config('        - {name: A, value: "1"}\n', 1));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "[^"]+" using apps\/v1 at [0-9TZ:-]+: \.spec\.replicas\n/);
    expect((await k(['apply', '--server-side', '--force-conflicts', '-f', '-'], config('        - {name: A, value: "1"}\n', 1))).code).toBe(0);
    expect((await k(['get', 'deployment', 'owned', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('1');
    const fields = JSON.parse((await k(['get', 'deployment', 'owned', '-o', 'json', '--show-managed-fields'])).stdout).metadata.managedFields;
    expect(fields.map((f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`)).toContain('kubectl/Apply');
    // Hidden unless asked for, by both kubectls.
    expect((await k(['get', 'deployment', 'owned', '-o', 'yaml'])).stdout).not.toContain('managedFields');
  });

  it('diffs a manifest against the live object as the simulator’s kubectl does (temporary names and times aside)', async () => {
    const config = (replicas: number, image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: diffed\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: diffed}\n  template:\n    metadata:\n      labels: {app: diffed}\n    spec:\n      containers:\n      - name: web\n        image: ${image}\n`;
    const normalize = (t: string) => t.replace(/\/tmp\/(LIVE|MERGED)-\d+/g, '/tmp/$1-N').replace(/\t\d{4}-\d\d-\d\d [\d:.]+ \+0000/g, '\tTIME');
    const host = served.server.runner.host;
    const compare = async (text: string) => {
      host.setClock({ paused: true });
      try {
        const real = await k(['diff', '-f', '-'], text);
        const mine = host.run('kubectl diff -f -', undefined, text);
        expect({ out: normalize(real.stdout), err: real.stderr, code: real.code }).toEqual({ out: normalize(mine.stdout), err: mine.stderr, code: mine.exitCode });
        return real.code;
      } finally {
        host.setClock({ paused: false });
      }
    };
    expect(await compare(config(2, 'nginx:1.27'))).toBe(1);
    await k(['apply', '-f', '-'], config(2, 'nginx:1.27'));
    expect(await compare(config(2, 'nginx:1.27'))).toBe(0);
    expect(await compare(config(3, 'nginx:1.26'))).toBe(1);
  });

  it('scales, sets an image, waits for the rollout and rolls it back', async () => {
    expect((await k(['scale', 'deployment', 'web', '--replicas=3'])).stdout).toBe('deployment.apps/web scaled\n');
    expect((await k(['set', 'image', 'deployment/web', 'nginx=nginx:1.26'])).stdout).toBe('deployment.apps/web image updated\n');
    const status = await k(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('deployment "web" successfully rolled out');
    expect((await k(['rollout', 'undo', 'deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n');
    await eventually('undo applied', () => k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), (r) => r.stdout === 'nginx:1.27');
  });

  it('watches (-w) as the cluster changes, and deletes waiting for the object to go', async () => {
    const watch = kubectlStream(KUBECTL!, served, ['get', 'pods', '-w', '-l', 'run=tick']);
    try {
      // Nothing matches yet, so the watch prints nothing until the pod appears.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await k(['run', 'tick', '--image=busybox', '--', 'sleep', '3600'])).stdout).toBe('pod/tick created\n');
      await eventually('the watch shows the pod start', () => watch.output(), (o) => /tick\s+1\/1\s+Running/.test(o));
      const del = await k(['delete', 'pod', 'tick', '--grace-period=1']);
      expect(del.stdout).toBe('pod "tick" deleted\n');
      expect((await k(['get', 'pod', 'tick', '--ignore-not-found'])).stdout).toBe('');
      await eventually('the watch shows it terminate', () => watch.output(), (o) => /tick\s+\S+\s+(Terminating|Error|Completed)/.test(o));
    } finally {
      watch.stop();
    }
  });

  it('streams logs (-f), runs exec, explains fields, answers auth can-i and top', async () => {
    const pod = (await k(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    expect(pod).toMatch(/^web-/);
    // kubectl logs -f on a container not yet started answers "waiting to start" and exits, as against a real cluster.
    await eventually('the pod running', () => k(['get', 'pod', pod, '-o', 'jsonpath={.status.phase}']), (r) => r.stdout === 'Running');
    const logs = kubectlStream(KUBECTL!, served, ['logs', '-f', pod]);
    try {
      await eventually('logs -f prints the container’s output', () => logs.output(), (o) => o.includes('start worker processes') || o.includes('docker-entrypoint'));
    } finally {
      logs.stop();
    }
    // attach: the container's output from now on (its program reads no input).
    await k(['run', 'ticker', '--image=busybox', '--', 'sh', '-c', 'while true; do echo tick; sleep 1; done']);
    await eventually('ticker running', () => k(['get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}']), (r) => r.stdout === 'Running');
    const attach = kubectlStream(KUBECTL!, served, ['attach', 'ticker']);
    try {
      await eventually('attach streams the output', () => attach.output(), (o) => /tick\ntick\n/.test(o));
    } finally {
      attach.stop();
    }
    const env = await k(['exec', pod, '--', 'env']);
    expect(env.code).toBe(0);
    expect(env.stdout).toContain(`HOSTNAME=${pod}\n`);
    expect(env.stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    const missing = await k(['exec', pod, '--', 'cat', '/nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n");
    const explain = await k(['explain', 'deployment.spec.replicas']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('KIND:       Deployment');
    expect(explain.stdout).toContain('FIELD: replicas <integer>');
    expect((await k(['auth', 'can-i', 'delete', 'pods'])).stdout).toBe('yes\n');
    // Acting as someone else is authorized by RBAC: the default ServiceAccount may not list pods.
    const as = await k(['get', 'pods', '--as=system:serviceaccount:default:default']);
    expect(as.code).toBe(1);
    expect(as.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"\n');
    const top = await eventually('metrics', () => k(['top', 'nodes']), (r) => r.code === 0);
    expect(top.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)/);
    expect(top.stdout).toContain('worker-1');
  });

  it('shows what real clients did in the action log, so a replay rebuilds the same cluster', async () => {
    const host = served.server.runner.host;
    const log = host.session().actions;
    const api = log.filter((a) => a.type === 'api');
    expect(api.length).toBeGreaterThan(100);
    expect(api.some((a) => a.type === 'api' && a.request.method === 'POST' && a.request.path === '/apis/apps/v1/namespaces/default/deployments')).toBe(true);
  });
});

describe.runIf(!!KUBECTL)('real kubectl describe of everything the corpus makes', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);

  beforeAll(async () => {
    served = await serveForTest({ seed: 9 });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('describes what the corpus makes as the simulator’s kubectl does (every kind, up to three objects each)', async () => {
    const dir = resolve(__dirname, '../../engine/testdata/corpus');
    const index = readFileSync(`${dir}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!);
    const made = new Set(['default']);
    for (const path of index) {
      const text = readFileSync(`${dir}/${path}`, 'utf8');
      for (const ns of ['dev', ...[...text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)].map((m) => m[1]!)]) {
        if (made.has(ns)) continue;
        made.add(ns);
        await k(['create', 'namespace', ns]);
      }
      await k(['apply', '-f', '-'], text);
    }
    await new Promise((r) => setTimeout(r, 8000));
    const host = served.server.runner.host;
    host.setClock({ paused: true });
    // Real kubectl walks some maps in Go's random order (several ConfigMap or Secret keys, a
    // LimitRange's resources, also in its namespace's describe): those cannot be compared byte for byte.
    const limited = new Set((JSON.parse((await k(['get', 'limitranges', '-A', '-o', 'json'])).stdout).items as { metadata: { namespace: string } }[]).map((l) => l.metadata.namespace));
    const randomOrder = (kind: string, o: { metadata: { name: string }; data?: object; binaryData?: object }) =>
      kind === 'limitranges' || (kind === 'namespaces' && limited.has(o.metadata.name)) || ((kind === 'configmaps' || kind === 'secrets') && Object.keys({ ...o.data, ...o.binaryData }).length > 1);
    // Event ages are computed from each kubectl's own clock: compare them, and the columns they
    // widen, as text only.
    const comparable = (text: string) => {
      const at = text.indexOf('\nEvents:');
      const head = at < 0 ? text : text.slice(0, at);
      const tail = at < 0 ? '' : text.slice(at).replace(/ {2,}/g, '  ');
      return normalizeAges(head + tail);
    };
    const mismatches: string[] = [];
    let compared = 0;
    try {
      for (const kind of ['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'services', 'ingresses', 'ingressclasses', 'configmaps', 'secrets', 'serviceaccounts', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'resourcequotas', 'horizontalpodautoscalers', 'poddisruptionbudgets', 'namespaces', 'nodes', 'pods', 'endpoints', 'replicationcontrollers']) {
        const items = JSON.parse((await k(['get', kind, '-A', '-o', 'json'])).stdout).items as { metadata: { name: string; namespace?: string }; data?: object; binaryData?: object }[];
        for (const o of items.filter((x) => !randomOrder(kind, x)).slice(0, 3)) {
          const args = ['describe', kind, o.metadata.name, ...(o.metadata.namespace ? ['-n', o.metadata.namespace] : [])];
          const real = await k(args);
          const mine = host.query(args.join(' '));
          compared++;
          if (comparable(real.stdout) !== comparable(mine.stdout) || real.stderr !== mine.stderr) mismatches.push(`${args.join(' ')}\n--- real\n${real.stdout}${real.stderr}\n--- simulator\n${mine.stdout}${mine.stderr}`);
        }
      }
    } finally {
      host.setClock({ paused: false });
    }
    expect(compared).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  }, 300_000);
});
