/**
 * Watches over WebSocket, as Headlamp opens them: `?watch=1` upgraded, the token as a
 * `base64url.bearer.authorization.k8s.io.` subprotocol (a browser cannot set headers), each
 * event one message — base64 under `base64.binary.k8s.io`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { request } from 'node:https';
import { eventually, serveForTest, type Served } from '../testing/served';

describe('watches over WebSocket', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveForTest({ seed: 2 });
  });
  afterAll(async () => {
    await served?.close();
  });

  const create = (name: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/v1/namespaces/default/configmaps', served.server.apiUrl), { method: 'POST', ca: served.server.caCertificate, headers: { Authorization: `Bearer ${served.server.token}`, 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ metadata: { name } }));
    });

  it('streams events with the token in a subprotocol, base64-encoded as Headlamp asks', async () => {
    const url = served.server.apiUrl.replace(/^https/, 'wss') + '/api/v1/namespaces/default/configmaps?watch=1';
    const token = Buffer.from(served.server.token).toString('base64url');
    const ws = new WebSocket(url, ['base64.binary.k8s.io', `base64url.bearer.authorization.k8s.io.${token}`], { ca: served.server.caCertificate });
    const events: { type: string; object: { metadata: { name: string } } }[] = [];
    ws.on('message', (data) => events.push(JSON.parse(Buffer.from(String(data), 'base64').toString())));
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    expect(ws.protocol).toBe('base64.binary.k8s.io');
    expect(await create('over-socket')).toBe(201);
    await eventually('the socket carries the new ConfigMap', () => events.map((e) => `${e.type} ${e.object.metadata.name}`), (seen) => seen.includes('ADDED over-socket'));
    // The synthetic ADDED events of what existed when the watch began came first.
    expect(events[0]!.type).toBe('ADDED');
    ws.close();
  });

  it('refuses an upgrade without the token', async () => {
    const url = served.server.apiUrl.replace(/^https/, 'wss') + '/api/v1/namespaces/default/configmaps?watch=1';
    const ws = new WebSocket(url, ['binary.k8s.io'], { ca: served.server.caCertificate });
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(401);
  });
});
