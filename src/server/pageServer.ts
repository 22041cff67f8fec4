/**
 * The page `npm run serve` shows: the built app (dist/), told by a `<meta>` tag in its
 * index.html to attach to this server's engine over a WebSocket (`/engine`) instead of
 * starting one of its own in a Web Worker. The socket speaks the worker's own messages
 * (src/ui/engineHost/protocol.ts), so the page works the same either way.
 *
 * The socket is the cluster's admin door, and any web page may open a socket to a loopback
 * port: it is served only to this page's own origin, with a key that only its index.html
 * carries (another origin cannot read that file).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { EngineRunner } from './engineRunner';
import { HOST_METHODS, serveHost, type CallMessage, type HostMessage } from '../ui/engineHost/protocol';
import { SECURITY_HEADERS } from '../deploy/securityHeaders';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The meta tag the page reads (src/ui/engineHost/client.ts) to attach to a served engine. */
export const ENGINE_META = 'wheelhouse-engine';

export interface PageServerOptions {
  runner: EngineRunner;
  port: number;
  host: string;
  dir?: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startPageServer(opts: PageServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const dir = resolve(opts.dir ?? join(ROOT, 'dist'));
  const key = randomBytes(24).toString('base64url');
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`the page is not built: no ${join(dir, 'index.html')} (run npm run build, or serve with --no-page)`);
  const index = readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', `<head>\n    <meta name="${ENGINE_META}" content="/engine?key=${key}">`);
  let origin = '';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    // No service worker here: a cached index.html would lack the tag and start an engine of its own.
    if (url.pathname === '/' || url.pathname === '/index.html' || !extname(url.pathname)) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html']! });
      return void res.end(index);
    }
    const file = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir + sep) || /(^|\/)(sw|service-worker)\.js$/.test(url.pathname) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      return void res.end('not found');
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/engine' || url.searchParams.get('key') !== key || req.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const post = (m: HostMessage) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
      };
      const stopViews = opts.runner.onView((view) => post({ view }));
      const serve = serveHost(opts.runner.host, post);
      ws.on('message', (data) => {
        let m: CallMessage;
        try {
          m = JSON.parse(String(data)) as CallMessage;
        } catch {
          return;
        }
        if (typeof m?.id !== 'number' || !(HOST_METHODS as readonly string[]).includes(m.method) || !Array.isArray(m.args)) return;
        serve(m);
      });
      ws.on('close', stopViews);
    });
  });

  const port = await new Promise<number>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolveListen((server.address() as AddressInfo).port));
  });
  origin = `http://${opts.host}:${port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((done) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
