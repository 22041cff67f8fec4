/**
 * @kubernetes/client-node (a real client library, from npm) against the served cluster: typed
 * CRUD, patches of each kind, Status errors as the library surfaces them, a watch, exec over
 * WebSocket (v4.channel.k8s.io), and a small controller built on its informer — the shape of
 * code people test against a cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as k8s from '@kubernetes/client-node';
import { Writable } from 'node:stream';
import { eventually, serveForTest, type Served } from '../testing/served';

describe('@kubernetes/client-node against the served cluster', () => {
  let served: Served;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;

  beforeAll(async () => {
    served = await serveForTest({ seed: 11, speed: 4 });
    kc = new k8s.KubeConfig();
    kc.loadFromString(served.server.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });
  afterAll(async () => {
    await served?.close();
  });

  it('lists, creates, reads, patches (merge, JSON, strategic) and deletes', async () => {
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'app', labels: { tier: 'web' } }, data: { color: 'blue' } } });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(created.metadata?.resourceVersion)).toBeGreaterThan(0);
    const merged = await core.patchNamespacedConfigMap({ name: 'app', namespace: 'default', body: { data: { size: 'L' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    expect(merged.data).toEqual({ color: 'blue', size: 'L' });
    const jsonPatched = await core.patchNamespacedConfigMap({ name: 'app', namespace: 'default', body: [{ op: 'replace', path: '/data/color', value: 'green' }] }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch));
    expect(jsonPatched.data?.color).toBe('green');
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: { metadata: { name: 'api' }, spec: { replicas: 1, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } } } },
    });
    const smp = await apps.patchNamespacedDeployment(
      { name: 'api', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] }] } } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    // The strategic merge adds a container by its merge key instead of replacing the list.
    expect(smp.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['sidecar', 'main']);
    const scaled = await apps.replaceNamespacedDeploymentScale({ name: 'api', namespace: 'default', body: { metadata: { name: 'api', namespace: 'default' }, spec: { replicas: 3 } } });
    expect(scaled.spec?.replicas).toBe(3);
    await core.deleteNamespacedConfigMap({ name: 'app', namespace: 'default' });
    await expect(core.readNamespacedConfigMap({ name: 'app', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });

  it('gets the API server’s Status errors: 404, 409 on a stale resourceVersion, 422 with causes', async () => {
    const notFound = await core.readNamespacedPod({ name: 'ghost', namespace: 'default' }).catch((e: k8s.ApiException<string>) => e);
    expect(notFound).toBeInstanceOf(k8s.ApiException);
    expect(JSON.parse((notFound as k8s.ApiException<string>).body)).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404, message: 'pods "ghost" not found', details: { name: 'ghost', kind: 'pods' } });
    const cm = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'occ' }, data: { v: '1' } } });
    await core.replaceNamespacedConfigMap({ name: 'occ', namespace: 'default', body: { ...cm, data: { v: '2' } } });
    const stale = await core.replaceNamespacedConfigMap({ name: 'occ', namespace: 'default', body: { ...cm, data: { v: '3' } } }).catch((e: k8s.ApiException<string>) => e);
    expect((stale as k8s.ApiException<string>).code).toBe(409);
    expect(JSON.parse((stale as k8s.ApiException<string>).body).reason).toBe('Conflict');
    const invalid = await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'Bad_Name' }, spec: { containers: [] } } }).catch((e: k8s.ApiException<string>) => e);
    const status = JSON.parse((invalid as k8s.ApiException<string>).body);
    expect(status).toMatchObject({ reason: 'Invalid', code: 422, details: { name: 'Bad_Name', kind: 'Pod' } });
    expect(status.details.causes.map((c: { field: string }) => c.field)).toContain('metadata.name');
  });

  it('watches from a list’s resourceVersion and misses nothing', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const seen: string[] = [];
    const watch = new k8s.Watch(kc);
    const req = await watch.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: list.metadata?.resourceVersion, labelSelector: 'watched=yes' }, (type, obj: k8s.V1ConfigMap) => seen.push(`${type} ${obj.metadata?.name}`), () => {});
    try {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w1', labels: { watched: 'yes' } } } });
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w2' } } });
      await core.patchNamespacedConfigMap({ name: 'w1', namespace: 'default', body: { data: { a: 'b' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
      await core.deleteNamespacedConfigMap({ name: 'w1', namespace: 'default' });
      await eventually('watch events', () => seen, (s) => s.length >= 3);
      expect(seen).toEqual(['ADDED w1', 'MODIFIED w1', 'DELETED w1']);
    } finally {
      req.abort();
    }
  });

  it('runs exec over WebSocket (v4.channel.k8s.io) with the command’s exit status', async () => {
    await eventually('api pods running', () => core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=api' }), (l) => l.items.some((p) => p.status?.phase === 'Running'));
    const pod = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=api' })).items.find((p) => p.status?.phase === 'Running')!;
    let out = '';
    const stdout = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
    const status = await new Promise<k8s.V1Status>((resolve, reject) => {
      new k8s.Exec(kc).exec('default', pod.metadata!.name!, 'main', ['hostname'], stdout, null, null, false, (s) => resolve(s)).catch(reject);
    });
    expect(status.status).toBe('Success');
    expect(out).toBe(`${pod.metadata!.name}\n`);
  });

  it('drives a small controller written with its informer', async () => {
    // The controller: for every ConfigMap labelled mirror=yes, keep a Secret of the same name.
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'mirror=yes' }), 'mirror=yes');
    const reconcile = async (cm: k8s.V1ConfigMap) => {
      const name = cm.metadata!.name!;
      const data = Object.fromEntries(Object.entries(cm.data ?? {}).map(([key, v]) => [key, Buffer.from(v).toString('base64')]));
      try {
        await core.replaceNamespacedSecret({ name, namespace: 'default', body: { metadata: { name }, data } });
      } catch {
        await core.createNamespacedSecret({ namespace: 'default', body: { metadata: { name }, data } });
      }
    };
    informer.on('add', (cm) => void reconcile(cm));
    informer.on('update', (cm) => void reconcile(cm));
    await informer.start();
    try {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'mirrored', labels: { mirror: 'yes' } }, data: { key: 'one' } } });
      await eventually('secret mirrored', () => core.readNamespacedSecret({ name: 'mirrored', namespace: 'default' }).catch(() => undefined), (s) => s?.data?.key === Buffer.from('one').toString('base64'));
      await core.patchNamespacedConfigMap({ name: 'mirrored', namespace: 'default', body: { data: { key: 'two' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
      await eventually('secret follows the update', () => core.readNamespacedSecret({ name: 'mirrored', namespace: 'default' }), (s) => s.data?.key === Buffer.from('two').toString('base64'));
    } finally {
      await informer.stop();
    }
  });
});
