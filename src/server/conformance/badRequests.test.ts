/**
 * Hostile and broken requests to the served API: each gets a clear Status (reason, code,
 * message), nothing is half-applied, and the server keeps answering. A watch held open through
 * an hour of simulated time stays bounded (the watch cache keeps a fixed number of changes per
 * type) and a client that resumes from a version no longer kept is told 410 Expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:https';
import { serveForTest, eventually, type Served } from '../testing/served';
import { WATCH_CACHE_CAPACITY } from '../../engine/port';

interface Reply {
  status: number;
  body: string;
  json(): { kind?: string; reason?: string; code?: number; message?: string; items?: unknown[]; metadata?: { resourceVersion?: string } };
}

describe('bad requests to the served API', () => {
  let served: Served;

  const call = (method: string, path: string, opts: { body?: string | Buffer; contentType?: string; token?: string | null; accept?: string } = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const url = new URL(path, served.server.apiUrl);
      const headers: Record<string, string> = {};
      if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? served.server.token}`;
      if (opts.contentType) headers['Content-Type'] = opts.contentType;
      if (opts.accept) headers.Accept = opts.accept;
      const req = request(url, { method, headers, ca: served.server.caCertificate }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) }));
      });
      req.on('error', reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });

  const configMapCount = async () => (await call('GET', '/api/v1/namespaces/default/configmaps')).json().items!.length;

  beforeAll(async () => {
    served = await serveForTest({ seed: 3 });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('refuses requests without the kubeconfig’s token (any web page can reach a loopback port)', async () => {
    for (const token of [null, 'wrong', `${'x'.repeat(32)}`]) {
      const r = await call('GET', '/api/v1/namespaces/default/secrets', { token });
      expect(r.status).toBe(401);
      expect(r.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    }
    // Public, as on a real server: the version and health checks.
    expect((await call('GET', '/version', { token: null })).status).toBe(200);
    expect((await call('GET', '/healthz', { token: null })).body).toBe('ok');
  });

  it('answers broken bodies with 400 and stores nothing', async () => {
    const before = await configMapCount();
    const cases: [string, string | Buffer, string, RegExp][] = [
      ['application/json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"', 'BadRequest', /json parse error/],
      ['application/json', '[1,2,3]', 'BadRequest', /cannot unmarshal array/],
      ['application/json', '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"}}', 'BadRequest', /does not match the expected API version/],
      ['application/yaml', 'a: [unclosed', 'BadRequest', /error converting YAML to JSON/],
      ['application/vnd.kubernetes.protobuf', Buffer.from('not protobuf at all'), 'BadRequest', /magic number/],
      ['application/vnd.kubernetes.protobuf', Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0]), Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01])]), 'BadRequest', /unable to decode/],
      ['application/json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad Name!"}}', 'Invalid', /metadata.name: Invalid value/],
      ['application/json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"typo"},"dat":{"a":"b"}}', 'BadRequest', /strict decoding error: unknown field "dat"/],
    ];
    for (const [contentType, body, reason, message] of cases) {
      const r = await call('POST', `/api/v1/namespaces/default/configmaps${/typo/.test(String(body)) ? '?fieldValidation=Strict' : ''}`, { body, contentType });
      expect({ reason: r.json().reason, code: r.json().code }).toEqual({ reason, code: reason === 'Invalid' ? 422 : 400 });
      expect(r.json().message).toMatch(message);
    }
    expect(await configMapCount()).toBe(before);
  });

  it('refuses a 10 MB body with 413 and creates nothing', async () => {
    const before = await configMapCount();
    const huge = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'huge' }, data: { blob: 'x'.repeat(10 * 1024 * 1024) } });
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', { body: huge, contentType: 'application/json' });
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
    expect(await configMapCount()).toBe(before);
  });

  it('answers unknown types, paths, verbs and patch types with the server’s own Status', async () => {
    expect((await call('GET', '/api/v1/namespaces/default/widgets')).json()).toMatchObject({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
    expect((await call('GET', '/apis/example.com/v1/things')).status).toBe(404);
    expect((await call('GET', '/api/v1/namespaces/default/pods/none')).json()).toMatchObject({ reason: 'NotFound', message: 'pods "none" not found' });
    expect((await call('PUT', '/api/v1/namespaces/default/configmaps')).json()).toMatchObject({ reason: 'MethodNotAllowed', code: 405 });
    await call('POST', '/api/v1/namespaces/default/configmaps', { body: '{"metadata":{"name":"p"}}', contentType: 'application/json' });
    expect((await call('PATCH', '/api/v1/namespaces/default/configmaps/p', { body: '{}', contentType: 'text/plain' })).json()).toMatchObject({ reason: 'UnsupportedMediaType', code: 415 });
    expect((await call('GET', '/api/v1/pods?labelSelector=a%20in%20(')).json()).toMatchObject({ reason: 'BadRequest', code: 400 });
    expect((await call('GET', '/api/v1/pods?fieldSelector=spec.bogus%3D1')).json()).toMatchObject({ reason: 'BadRequest', message: 'field label not supported: spec.bogus' });
    expect((await call('GET', '/api/v1/pods?watch=1&sendInitialEvents=true')).json()).toMatchObject({ reason: 'Invalid', code: 422 });
    expect((await call('GET', '/healthz')).status).toBe(200);
  });

  it('keeps a watch bounded through four hours of simulated time, and answers a too-old version with 410 Expired', async () => {
    const start = (await call('GET', '/api/v1/namespaces/default/pods')).json().metadata!.resourceVersion!;
    // A watch that stays open while four hours of churn happen (a CronJob every minute).
    let streamed = 0;
    const watch = request(new URL('/api/v1/namespaces/default/pods?watch=1', served.server.apiUrl), { headers: { Authorization: `Bearer ${served.server.token}` }, ca: served.server.caCertificate }, (res) => {
      res.on('data', (d: Buffer) => (streamed += d.length));
    });
    watch.end();
    const cron = JSON.stringify({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] } } } } } });
    expect((await call('POST', '/apis/batch/v1/namespaces/default/cronjobs', { body: cron, contentType: 'application/json' })).status).toBe(201);
    const host = served.server.runner.host;
    for (let i = 0; i < 48; i++) host.runFor(300);
    await eventually('the open watch got the churn', () => streamed, (n) => n > 10_000);
    watch.destroy();
    // Every type's cache holds at most its capacity, however long the session; the pods' is full.
    const sizes = host.watchCacheSizes();
    for (const n of Object.values(sizes)) expect(n).toBeLessThanOrEqual(WATCH_CACHE_CAPACITY);
    expect(sizes.pods).toBe(WATCH_CACHE_CAPACITY);
    const expired = await call('GET', `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${start}`);
    const first = JSON.parse(expired.body.split('\n')[0]!);
    expect(first).toMatchObject({ type: 'ERROR', object: { kind: 'Status', reason: 'Expired', code: 410 } });
    expect(first.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    expect((await call('GET', '/healthz')).status).toBe(200);
  });
});
